package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository;

/**
 * Highlighted text as HTML a browser can show safely: the text is HTML-escaped, then PostgreSQL's highlight markers
 * (two private-use characters, {@link IdeaSearchRepository#MARK_START}) become {@code <mark>} and {@code </mark>}.
 */
final class Highlights {

    private static final int SNIPPET_MAX = 300;

    private Highlights() {
    }

    static String html(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case IdeaSearchRepository.MARK_START -> html.append("<mark>");
                case IdeaSearchRepository.MARK_END -> html.append("</mark>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** A text without marks cut at a word boundary to a snippet's length. */
    static String shorten(String text) {
        if (text == null || text.length() <= SNIPPET_MAX || text.indexOf(IdeaSearchRepository.MARK_START) >= 0) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_MAX);
        return text.substring(0, cut > 0 ? cut : SNIPPET_MAX) + " …";
    }
}
