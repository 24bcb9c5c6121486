package dk.raaderum.ideabank.service.search;

/**
 * A tsvector as PostgreSQL writes it ({@code 'plej':1A,5 'it''s':3}; without positions after {@code strip()}: {@code
 * 'plej' 'it''s'}), read word by word: quotes and backslashes are doubled inside a word.
 */
final class VectorText {

    /** One word and the text of its positions ({@code 1A,5}), null when it has none. */
    @FunctionalInterface
    interface WordVisitor {
        void accept(String word, String positions);
    }

    private VectorText() {
    }

    static void forEach(String vector, WordVisitor visitor) {
        int n = vector.length();
        int i = vector.indexOf('\'');
        while (i >= 0) {
            int end = i + 1;
            boolean escaped = false;
            while (end < n) {
                char c = vector.charAt(end);
                if ((c == '\'' || c == '\\') && end + 1 < n && vector.charAt(end + 1) == c) {
                    escaped = true;
                    end += 2;
                } else if (c == '\'') {
                    break;
                } else {
                    end++;
                }
            }
            String word = vector.substring(i + 1, Math.min(end, n));
            int next = vector.indexOf(' ', end);
            String positions = end + 1 < n && vector.charAt(end + 1) == ':'
                    ? vector.substring(end + 2, next < 0 ? n : next) : null;
            visitor.accept(escaped ? word.replace("''", "'").replace("\\\\", "\\") : word, positions);
            i = next < 0 ? -1 : vector.indexOf('\'', next);
        }
    }
}
