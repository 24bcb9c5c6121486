package dk.raaderum.platform.web.http;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import jakarta.ws.rs.core.EntityTag;

import java.util.Map;
import java.util.Optional;

/**
 * Optimistic locking over HTTP. Reads return {@code ETag: "<version>"}; writes send {@code If-Match: "<version>"}
 * (412 when the resource moved on) or the {@code version} in the body (409 when a concurrent transaction won). An
 * update of an existing resource must send one of them ({@link #requireUnchanged}, {@link #requireIfMatch}): without
 * either it is refused with 428 Precondition Required (RFC 6585) instead of silently overwriting what someone else
 * wrote meanwhile. {@code If-Match: *} names no version and counts as absent.
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

    /** What a client is told that sent an update without saying which version it changes. */
    public static final String PRECONDITION_REQUIRED_DETAIL = "An update must say which version it changes: send"
            + " If-Match with the ETag of your read (e.g. \"3\") or the version you read in the body";

    /**
     * An update of an existing resource: 428 when neither If-Match nor the body's {@code version} says which version
     * the client read, else both checks of {@link #checkUnchanged}.
     */
    public static void requireUnchanged(Optional<Long> ifMatch, Long bodyVersion, long current) {
        if (ifMatch.isEmpty() && bodyVersion == null) {
            throw preconditionRequired();
        }
        checkUnchanged(ifMatch, bodyVersion, current);
    }

    /** An update whose body carries no version (e.g. CSV): 428 without If-Match, 412 when it names another version. */
    public static void requireIfMatch(Optional<Long> ifMatch, long current) {
        if (ifMatch.isEmpty()) {
            throw preconditionRequired();
        }
        checkIfMatch(ifMatch, current);
    }

    private static ProblemException preconditionRequired() {
        return new ProblemException(ProblemTypes.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED_DETAIL, Map.of(),
                java.util.List.of());
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
