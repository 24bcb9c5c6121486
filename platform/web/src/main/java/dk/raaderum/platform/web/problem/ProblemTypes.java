package dk.raaderum.platform.web.problem;

/** The error kinds every application shares. Documented in docs/problems.md. */
public final class ProblemTypes {

    public static final ProblemType VALIDATION = new ProblemType("validation", 400, "The request is not valid");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400,
            "The request could not be read");
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401,
            "Authentication is required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed");
    public static final ProblemType WRONG_MUNICIPALITY = new ProblemType("wrong-municipality", 403,
            "The resource belongs to another municipality");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType UNKNOWN_MUNICIPALITY = new ProblemType("unknown-municipality", 404,
            "No such municipality");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405,
            "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406,
            "No acceptable representation");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    /** A workflow does not allow the step from the resource's status (a proposal's, an idea's). */
    public static final ProblemType INVALID_TRANSITION = new ProblemType("invalid-transition", 409,
            "The step is not allowed from the current status");
    public static final ProblemType CONCURRENT_MODIFICATION = new ProblemType("concurrent-modification", 409,
            "Someone else changed the resource in the meantime");
    /** The caller did not send its whole request in time (the gateway: a body still arriving at its timeout). */
    public static final ProblemType REQUEST_TIMEOUT = new ProblemType("request-timeout", 408,
            "The request did not arrive in time");
    public static final ProblemType PRECONDITION_FAILED = new ProblemType("precondition-failed", 412,
            "The resource has changed since you read it");
    /** The body is larger than the platform's one limit ({@code raaderum.http.max-body-size}). */
    public static final ProblemType CONTENT_TOO_LARGE = new ProblemType("content-too-large", 413,
            "The request body is too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415,
            "Unsupported media type");
    public static final ProblemType BUSINESS_RULE = new ProblemType("business-rule", 422,
            "The request breaks a business rule");
    /** A conversion between price levels (PL-regulering) needs a year the price index does not have; names {@code year}. */
    public static final ProblemType PRICE_LEVEL_MISSING = new ProblemType("price-level-missing", 422,
            "The price index has no index for a year the amounts need");
    public static final ProblemType PRECONDITION_REQUIRED = new ProblemType("precondition-required", 428,
            "An If-Match header is required");
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");
    public static final ProblemType INTERNAL = new ProblemType("internal", 500, "Unexpected error");
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", 503,
            "Service unavailable");
    public static final ProblemType GATEWAY_TIMEOUT = new ProblemType("gateway-timeout", 504,
            "The service did not answer in time");

    private ProblemTypes() {
    }

    /** The generic kind for an HTTP status that has no more specific kind. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> CONTENT_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> BUSINESS_RULE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL
                    : new ProblemType("http-" + status, status, "HTTP " + status);
        };
    }
}
