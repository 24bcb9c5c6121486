package dk.raaderum.platform.web.problem;

/**
 * One offending field of a request: a JSON path into the body ({@code amounts[2].amount}) or the name of a
 * query or path parameter, and what is wrong with it.
 */
public record FieldError(String field, String message) {
}
