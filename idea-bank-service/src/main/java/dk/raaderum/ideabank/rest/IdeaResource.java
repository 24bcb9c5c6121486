package dk.raaderum.ideabank.rest;

import dk.raaderum.ideabank.service.IdeaService;
import dk.raaderum.ideabank.service.IdeaService.IdeaSummary;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The idea bank is shared by all municipalities: every signed-in role may read it. */
@Path("/api/v1/ideas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ideas")
public class IdeaResource {

    private final IdeaService ideas;

    public IdeaResource(IdeaService ideas) {
        this.ideas = ideas;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.PROGRAM_OWNER, Roles.MUNICIPAL_SYSTEM, Roles.KL_CURATOR })
    @Operation(summary = "Newest ideas shared by municipalities")
    public List<IdeaSummary> newest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ideas.newest(limit);
    }
}
