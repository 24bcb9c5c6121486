package dk.raaderum.proposal.rest;

import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.proposal.service.CatalogService;
import dk.raaderum.proposal.service.CatalogService.CatalogSummary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/municipalities/{municipalityCode}/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogs")
public class CatalogResource {

    private final CatalogService catalogs;

    public CatalogResource(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's catalogs", description = "Newest budget year first.")
    public List<CatalogSummary> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality) {
        return catalogs.list(municipality);
    }
}
