package dk.raaderum.followup.service;

/** Free text as the register keeps it. */
final class Texts {

    private Texts() {
    }

    /** Stripped, or null when there is nothing but white space. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Null, empty or nothing but white space. */
    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
