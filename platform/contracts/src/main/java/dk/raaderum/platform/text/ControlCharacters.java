package dk.raaderum.platform.text;

/**
 * The one rule for characters in text that reaches a service: NUL and the other C0 control characters (and DEL) are
 * refused, except tab, line feed and carriage return; so is text that is not valid Unicode (a lone UTF-16 surrogate,
 * which JSON can spell as {@code "\ud800"}). PostgreSQL cannot store NUL in text at all and would store a lone
 * surrogate as "?", and the others are never part of a municipal text; refusing them (instead of stripping or
 * replacing them) keeps every write exactly what was sent. The bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) are refused too: they make a title read differently on screen and in an exported
 * spreadsheet than it is stored ("Trojan Source"). And a text that holds only invisible characters, some of which
 * Java's {@code isBlank} (so {@code @NotBlank}) does not count as space (a no-break or zero-width space), is refused
 * as looking blank ({@link #invisibleOnly}).
 */
public final class ControlCharacters {

    /** What a refused field is told. */
    public static final String MESSAGE = "must be valid Unicode text without control characters (such as NUL, \\u0000)";
    /** What a field that only looks blank is told. */
    public static final String INVISIBLE_MESSAGE = "must have visible text, not only spaces and invisible characters"
            + " (such as a no-break or zero-width space)";

    private ControlCharacters() {
    }

    /** True when {@code text} holds a refused control character. */
    public static boolean present(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || bidiControl(c)) {
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

    /**
     * True when {@code text} has no visible character and at least one invisible one that is not an ASCII space: it
     * looks blank but passes {@code @NotBlank}. Plain spaces alone stay what they were (blank).
     */
    public static boolean invisibleOnly(CharSequence text) {
        if (text == null) {
            return false;
        }
        boolean unusual = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && c < 0x80) {
                continue;
            }
            if (!invisible(c)) {
                return false;
            }
            unusual = true;
        }
        return unusual;
    }

    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT;
    }

    private static boolean bidiControl(char c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
