package dk.raaderum.platform.web.text;

/**
 * The one rule for characters in text that reaches a service: NUL and the other C0 control characters (and DEL) are
 * refused, except tab, line feed and carriage return; so is text that is not valid Unicode (a lone UTF-16 surrogate,
 * which JSON can spell as {@code "\ud800"}). PostgreSQL cannot store NUL in text at all and would store a lone
 * surrogate as "?", and the others are never part of a municipal text; refusing them (instead of stripping or
 * replacing them) keeps every write exactly what was sent.
 */
public final class ControlCharacters {

    /** What a refused field is told. */
    public static final String MESSAGE = "must be valid Unicode text without control characters (such as NUL, \\u0000)";

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
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
