package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalModels.SharingInput;
import dk.raaderum.proposal.service.ProposalModels.SimilarView;
import dk.raaderum.proposal.service.ProposalModels.TransitionInput;
import dk.raaderum.proposal.service.ProposalModels.TransitionView;
import dk.raaderum.proposal.service.ProposalService;
import dk.raaderum.proposal.service.ProposalWorkflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** One proposal: read, change, move through the workflow, its history and its look-alikes. */
@Path("/api/v1/municipalities/{municipalityCode}/proposals/{proposalId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Råderum proposals: savings, efficiencies, investments and expansions")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or another municipality",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such proposal that you may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProposalResource {

    private final ProposalService proposals;
    private final ProposalWorkflow workflow;
    private final Caller caller;

    public ProposalResource(ProposalService proposals, ProposalWorkflow workflow, Caller caller) {
        this.proposals = proposals;
        this.workflow = workflow;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "A proposal with its years and derived figures", description = "Net change per year and over"
            + " the horizon (negative creates room), full-year effect, payback year of an investment. The ETag is the"
            + " version for If-Match.")
    public Response get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @PathParam("proposalId") long id) {
        ProposalView proposal = proposals.get(caller.actor(), municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Proposal", id));
        return Responses.versioned(proposal, proposal.version());
    }

    @PUT
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN })
    @Operation(summary = "Change a proposal", description = "Finance officers until it is presented; a party's"
            + " politicians while their proposal is a draft. Send If-Match with the ETag you read, or the version in the"
            + " body. The area is fixed.")
    @APIResponse(responseCode = "409", description = "Changed by someone else, or no longer changeable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response update(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ProposalInput input) {
        ProposalView proposal = proposals.update(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(proposal, proposal.version());
    }

    @PUT
    @Path("/sharing")
    @RolesAllowed(FINANCE_OFFICER)
    @Operation(summary = "Offer the proposal to the idea bank, or stop offering it", description = "In any status, also"
            + " after the budget agreement. A shared proposal reaches the idea bank (through proposal events) when it is"
            + " presented or adopted, as a submission for KL to curate; turning sharing off withdraws that submission."
            + " Send If-Match with the ETag you read, or the version in the body. Sending the current value changes"
            + " nothing.")
    @APIResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response share(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid SharingInput input) {
        ProposalView proposal = workflow.share(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(proposal, proposal.version());
    }

    @POST
    @Path("/transitions")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM })
    @Operation(summary = "Move the proposal through the workflow", description = "DRAFT → SUBMITTED → QUALIFIED →"
            + " PRESENTED → ADOPTED | REJECTED; WITHDRAWN from any non-final status; back to DRAFT from SUBMITTED or"
            + " QUALIFIED. Finance officers qualify, present, adopt and reject; politicians submit, return and withdraw"
            + " their party's proposals. Presenting is refused (409 karensperiode) when the same proposal was presented"
            + " and not adopted within the catalog's karensperiode; a finance officer may override with a reason.")
    @APIResponse(responseCode = "409", description = "invalid-transition, catalog-closed, karensperiode (names the earlier"
            + " proposal and year) or concurrent-modification", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProposalView move(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TransitionInput input) {
        return workflow.move(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
    }

    @GET
    @Path("/transitions")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The proposal's history", description = "Every step: from, to, who, when, comment, and whether"
            + " it overrode the karensperiode.")
    public List<TransitionView> history(@PathParam("municipalityCode") String municipality,
            @PathParam("proposalId") long id) {
        return proposals.history(caller.actor(), municipality, id);
    }

    @GET
    @Path("/similar")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Proposals that resemble this one", description = "Same municipality and area, in every year up"
            + " to this catalog's, with their trigram similarity; presentedNotAdopted and nearDuplicate show which ones"
            + " the karensperiode would count.")
    public List<SimilarView> similar(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id) {
        return proposals.similar(caller.actor(), municipality, id);
    }
}
