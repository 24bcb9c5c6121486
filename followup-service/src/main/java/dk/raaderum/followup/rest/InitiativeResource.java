package dk.raaderum.followup.rest;

import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.followup.service.InitiativeService;
import dk.raaderum.followup.service.InitiativeService.InitiativeSummary;

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

@Path("/api/v1/municipalities/{municipalityCode}/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives")
public class InitiativeResource {

    private final InitiativeService service;

    public InitiativeResource(InitiativeService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM })
    @Operation(summary = "List the municipality's initiatives in the benefit register", description = "Newest budget year first.")
    public List<InitiativeSummary> list(
            @Parameter(description = "Municipality code (kommunekode)", example = "573") @PathParam("municipalityCode") String municipality) {
        return service.list(municipality);
    }
}
