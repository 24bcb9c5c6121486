package dk.raaderum.platform.web.http;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import jakarta.ws.rs.core.EntityTag;

import java.util.Map;
import java.util.Optional;

/**
 * Optimistic locking over HTTP. Reads return {@code ETag: "<version>"}; writes may send
 * {@code If-Match: "<version>"} (412 when the resource moved on) or the {@code version} in the body (409 when a
 * concurrent transaction won).
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); empty when absent or {@code *}. */
    public static Optional<Long> parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemTypes.PRECONDITION_FAILED, "If-Match must carry an ETag of this API, e.g. \"3\"",
                    Map.of("ifMatch", ifMatch), java.util.List.of());
        }
    }

    /** 412 unless the version in If-Match is the current one (nothing to check without the header). */
    public static void checkIfMatch(Optional<Long> ifMatch, long current) {
        if (ifMatch.isPresent() && ifMatch.get() != current) {
            throw new ProblemException(ProblemTypes.PRECONDITION_FAILED,
                    "The resource is at version " + current + ", your If-Match says " + ifMatch.get() + ". Read it again.",
                    Map.of("currentVersion", current), java.util.List.of());
        }
    }

    /** 409 unless the version the client read (sent in the body) is the current one. */
    public static void checkVersion(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ProblemException(ProblemTypes.CONCURRENT_MODIFICATION,
                    "The resource is at version " + current + ", you edited version " + expected + ". Read it again.",
                    Map.of("currentVersion", current), java.util.List.of());
        }
    }

    /**
     * Both checks of a write: 412 when the If-Match header names another version, 409 when the {@code version} in the
     * body does.
     */
    public static void checkUnchanged(Optional<Long> ifMatch, Long bodyVersion, long current) {
        checkIfMatch(ifMatch, current);
        checkVersion(bodyVersion, current);
    }
}
