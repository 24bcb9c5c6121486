package dk.raaderum.platform.web.text;

/**
 * The one rule for control characters in text that reaches a service: NUL and the other C0 control characters are
 * refused, except tab, line feed and carriage return. PostgreSQL cannot store NUL in text at all, and the others are
 * never part of a municipal text; refusing them (instead of stripping them) keeps every write exactly what was sent.
 */
public final class ControlCharacters {

    /** What a refused field is told. */
    public static final String MESSAGE = "must not contain control characters (such as NUL, \\u0000)";

    private ControlCharacters() {
    }

    /** True when {@code text} holds a refused control character. */
    public static boolean present(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
