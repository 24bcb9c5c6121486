package dk.raaderum.ideabank.rest;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.io.IdeaExports;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.Responses;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** No login: every published idea as one CSV. */
@Path("/api/v1/open-data/ideas.csv")
@PermitAll
@Tag(name = "Open data: ideas")
public class OpenIdeaExportResource {

    private final IdeaExports exports;

    public OpenIdeaExportResource(IdeaExports exports) {
        this.exports = exports;
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(summary = "Every published idea as CSV", description = "The columns of KL's export without the contact"
            + " role; Danish Excel (';', UTF-8 with BOM, decimal comma).")
    @APIResponse(responseCode = "200", description = "The published ideas", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response csv() {
        return Responses.attachment("idebanken-offentliggjorte.csv", CsvWriter.MEDIA_TYPE,
                out -> exports.csv(Set.of(IdeaStatus.PUBLISHED), true, out));
    }
}
