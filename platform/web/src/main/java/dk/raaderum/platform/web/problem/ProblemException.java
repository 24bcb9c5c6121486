package dk.raaderum.platform.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for an expected error; the platform's mapper turns it into problem+json. Build one with the
 * static factories, e.g. {@code throw ProblemException.notFound("Catalog", id)}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> properties;
    private final transient List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of(), List.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> properties, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.properties = Map.copyOf(properties);
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemTypes.NOT_FOUND, what + " " + id + " does not exist",
                Map.of("resource", what), List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemTypes.CONFLICT, detail);
    }

    /** 422: the request is well-formed but breaks the named rule. */
    public static ProblemException ruleViolation(String rule, String detail) {
        return new ProblemException(ProblemTypes.BUSINESS_RULE, detail, Map.of("rule", rule), List.of());
    }

    /** 422 with the offending fields. */
    public static ProblemException ruleViolation(String rule, String detail, List<FieldError> errors) {
        return new ProblemException(ProblemTypes.BUSINESS_RULE, detail, Map.of("rule", rule), errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemTypes.FORBIDDEN, detail);
    }

    public static ProblemException validation(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemTypes.VALIDATION, detail, Map.of(), errors);
    }

    /** Copy with one more extension member. */
    public ProblemException with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new ProblemException(type, getMessage(), more, errors);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance, String correlationId) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, correlationId, errors,
                properties);
    }
}
