package dk.raaderum.platform.web.problem;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable kind of error: its {@code type} URI never changes, so clients can branch on it. The common kinds are
 * in {@link ProblemTypes}; a service declares its own domain kinds (e.g. {@code karensperiode}) the same way.
 */
public record ProblemType(String slug, int status, String title) {

    public static final String BASE_URI = "https://raaderum.dk/problems/";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ProblemType {
        Objects.requireNonNull(title, "title");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("A problem slug is lower-case words joined by '-': " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has an error status: " + status);
        }
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }
}
