package dk.raaderum.platform.web.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;

/**
 * Every documented error response (4xx, 5xx) of every service is RFC 9457 problem+json: this filter gives each one
 * without content the Problem schema, so resources only state when an error happens. Operations that accept a body
 * get the 413 answer of the platform's one body-size limit; CSV answers say how cells are protected against formula
 * injection ({@link dk.raaderum.platform.web.http.CsvWriter}). What the platform answers for any operation is listed
 * for each one that can get it, unless the operation lists it with its own words: 400 (a malformed parameter or body),
 * 404 (a path with ids or a municipality code), 413 and 415 (a body); FuzzDrillIT fails on an answer whose status an
 * operation does not list. Registered for all applications in the platform's
 * configuration defaults ({@code mp.openapi.filter}). Every update (PUT, PATCH) also documents its 428 (no If-Match
 * and no version, see {@code EntityTags}).
 */
public class ProblemOpenApiFilter implements OASFilter {

    static final String TOO_LARGE = "The body is larger than the platform's limit (raaderum.http.max-body-size)";
    static final String UNSUPPORTED = "The body's Content-Type is not one this operation accepts";
    static final String MALFORMED = "A parameter or the body is malformed: not of its type, out of its range, too long,"
            + " or with NUL characters (`validation`, naming the field)";
    static final String NOT_FOUND = "Not one of the 98 municipality codes (`unknown-municipality`), or nothing with"
            + " that id that you may see (`not-found`)";
    static final String CSV_CELLS = " Cells that start with =, +, -, @, a tab or a carriage return are written with a"
            + " ' in front and quoted (CSV injection, OWASP); plain numbers such as -1500 are not changed.";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        if (operation.getRequestBody() != null) {
            declare(operation, "413", TOO_LARGE);
            declare(operation, "415", UNSUPPORTED);
        }
        if (operation.getRequestBody() != null || has(operation, null)) {
            declare(operation, "400", MALFORMED);
        }
        if (has(operation, Parameter.In.PATH)) {
            declare(operation, "404", NOT_FOUND);
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && isCsv(response) && (response.getDescription() == null
                    || !response.getDescription().contains(CSV_CELLS))) {
                response.setDescription((response.getDescription() == null ? "CSV." : response.getDescription())
                        + CSV_CELLS);
            }
            if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty())) {
                problem(response);
            }
        });
        return operation;
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        for (Operation update : new Operation[] { pathItem.getPUT(), pathItem.getPATCH() }) {
            if (update != null && update.getResponses() != null && !update.getResponses().hasAPIResponse("428")) {
                update.getResponses().addAPIResponse("428", OASFactory.createAPIResponse().description(
                        "Neither If-Match nor the body's version says which version this update changes (an existing"
                                + " resource is never overwritten blindly)"));
                problem(update.getResponses().getAPIResponse("428"));
            }
        }
        return pathItem;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("RFC 9457 problem details (docs/problems.md)")
                    .addProperty("type", string("Stable URI of the error kind"))
                    .addProperty("title", string("Short summary of the kind"))
                    .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                    .addProperty("detail", string("What went wrong in this request"))
                    .addProperty("instance", string("The request path"))
                    .addProperty("correlationId", string("The request id, also in the log line"))
                    .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                    .addProperty("field", string(null)).addProperty("message", string(null)))));
        }
    }

    /** Lists the status with the platform's description, unless the operation lists it already. */
    private static void declare(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** True when the operation takes a parameter in {@code in} (any parameter when null). */
    private static boolean has(Operation operation, Parameter.In in) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> in == null || parameter.getIn() == in);
    }

    private static boolean isCsv(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && response.getContent().getMediaTypes().keySet().stream().anyMatch(type -> type.startsWith("text/csv"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static void problem(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
