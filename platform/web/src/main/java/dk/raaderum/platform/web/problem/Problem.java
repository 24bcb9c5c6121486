package dk.raaderum.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type stable URI of the error kind (see docs/problems.md)
 * @param title short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this request, for a person
 * @param instance the request path
 * @param correlationId the request id, also in the server's log line ({@code X-Request-Id})
 * @param errors the offending fields, for validation problems
 * @param properties extension members of the kind (e.g. {@code rule}, {@code municipality})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://raaderum.dk/problems/validation") URI type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "title: must not be blank") String detail,
        @Schema(example = "/api/v1/municipalities/573/catalogs") String instance,
        @Schema(example = "3f1c2a6e-0b8e-4f59-9a53-0d5f8f7d9b11") String correlationId,
        List<FieldError> errors,
        @JsonAnyGetter @Schema(hidden = true) Map<String, Object> properties) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * The most {@code errors} an answer lists: a file of 200,000 bad lines is not answered with 200,000 errors (24 MB).
     * Beyond it the first ones are listed, {@code errorCount} says how many there are and {@code errorsListed} how
     * many are listed.
     */
    public static final int MAX_ERRORS = 200;

    public Problem {
        errors = errors == null ? List.of() : errors;
        properties = properties == null ? Map.of() : properties;
        if (errors.size() > MAX_ERRORS) {
            Map<String, Object> counted = new LinkedHashMap<>(properties);
            counted.putIfAbsent("errorCount", errors.size());
            counted.put("errorsListed", MAX_ERRORS);
            properties = counted;
            errors = errors.subList(0, MAX_ERRORS);
        }
        errors = List.copyOf(errors);
        properties = Map.copyOf(properties);
    }

    public static Problem of(ProblemType kind, String detail, String instance, String correlationId) {
        return new Problem(kind.uri(), kind.title(), kind.status(), detail, instance, correlationId, List.of(), Map.of());
    }
}
