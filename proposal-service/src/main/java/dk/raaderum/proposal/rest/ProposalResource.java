package dk.raaderum.proposal.rest;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.proposal.service.ProposalHistory;
import dk.raaderum.proposal.service.ProposalModels.HistoryEntryView;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    private final ProposalHistory history;
    private final Caller caller;

    /** A 422 for a correction without its reason, as the OpenAPI shows it. */
    static final String CORRECTION_REASON_REQUIRED_EXAMPLE = """
            {"type": "https://raaderum.dk/problems/correction-reason-required", "title": "A correction of a presented \
            proposal needs a reason", "status": 422, "detail": "ÆLD-03 is presented: a correction must state why in \
            correctionReason", "errors": [{"field": "correctionReason", "message": "required to correct a presented \
            proposal"}]}""";

    /** The schema of a timeline page (PageOf of HistoryEntryView), for the OpenAPI only. */
    @Schema(name = "HistoryPage", description = "One page of a proposal's timeline, newest first")
    record HistoryPage(List<HistoryEntryView> items, int page, int size, long total) {
    }

    /** A timeline page with a correction, as the OpenAPI shows it. */
    static final String HISTORY_EXAMPLE = """
            {"items": [{"kind": "CORRECTION", "at": "2026-09-14T09:30:00Z", "actor": "Finans 573", "actorId": \
            "2f0c…", "role": "finance-officer", "status": "PRESENTED", "from": null, "to": null, "comment": \
            "Beløbet i 2028 var tastet med et nul for meget", "karensperiodeOverride": false, "changes": [{"field": \
            "years.2028.netChange", "from": "-2000000", "to": "-200000"}]}, {"kind": "TRANSITION", "at": \
            "2026-09-01T08:00:00Z", "actor": "Finans 573", "status": "PRESENTED", "from": "QUALIFIED", "to": \
            "PRESENTED", "changes": []}], "page": 0, "size": 2, "total": 5}""";

    public ProposalResource(ProposalService proposals, ProposalWorkflow workflow, ProposalHistory history,
            Caller caller) {
        this.proposals = proposals;
        this.workflow = workflow;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "A proposal with its years and derived figures", description = "Net change per year and over"
            + " the horizon (negative creates room), full-year effect, payback year of an investment. The ETag is the"
            + " version for If-Match.")
    @APIResponse(responseCode = "200", description = "The proposal; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    public Response get(@Parameter(example = "573") @PathParam("municipalityCode") String municipality,
            @PathParam("proposalId") long id) {
        ProposalView proposal = proposals.get(caller.actor(), municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Proposal", id));
        return Responses.versioned(proposal, proposal.version());
    }

    @PUT
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN })
    @Operation(summary = "Change or correct a proposal", description = "Finance officers edit it until it is presented;"
            + " a party's politicians while their proposal is a draft. After it is presented a finance officer may"
            + " still correct it with correctionReason (also while the catalog is locked for the negotiations): the"
            + " correction is shown on the proposal (corrections) and published as proposal.corrected. Adopted,"
            + " rejected and withdrawn proposals are final. Every change is kept in /history with the old and new"
            + " values. Send If-Match with the ETag you read, or the version in the body. The area is fixed.")
    @APIResponse(responseCode = "409", description = "Changed by someone else, or no longer changeable"
            + " (invalid-transition, catalog-closed)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match does not match", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A type or content rule is broken, or correction-reason-required:"
            + " a presented proposal is corrected only with correctionReason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "correction-reason-required",
                    value = CORRECTION_REASON_REQUIRED_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The changed proposal; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
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
    @APIResponse(responseCode = "200", description = "The proposal; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
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
    @APIResponse(responseCode = "200", description = "The proposal in its new status; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    public Response move(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TransitionInput input) {
        ProposalView proposal = workflow.move(caller.actor(), municipality, id, input, EntityTags.parseIfMatch(ifMatch));
        return Responses.versioned(proposal, proposal.version());
    }

    @GET
    @Path("/transitions")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The proposal's workflow steps", description = "Oldest first (content changes are in /history): every step: from, to, who, when, comment, and whether"
            + " it overrode the karensperiode.")
    @APIResponse(responseCode = "200", description = "The status changes, oldest first")
    public List<TransitionView> history(@PathParam("municipalityCode") String municipality,
            @PathParam("proposalId") long id) {
        return proposals.history(caller.actor(), municipality, id);
    }

    @GET
    @Path("/history")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM, KL_CURATOR })
    @CrossMunicipality(KL_CURATOR)
    @Operation(summary = "The proposal's timeline, newest first", description = "Every content change — CREATED, EDIT"
            + " (before presentation), CORRECTION (after, with its reason as comment) — with who, in which role, when,"
            + " in which status and each field's old and new value (amounts exact, whole kroner, as text), and every"
            + " workflow step (TRANSITION). Whoever may read the proposal may read its history.")
    @APIResponse(responseCode = "200", description = "One page of the timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class),
                    examples = @ExampleObject(name = "correction", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A page value is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PageOf<HistoryEntryView> timeline(@PathParam("municipalityCode") String municipality,
            @PathParam("proposalId") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return history.timeline(caller.actor(), municipality, id, page, size);
    }

    @GET
    @Path("/similar")
    @RolesAllowed({ FINANCE_OFFICER, POLITICIAN, PROGRAM_OWNER, MUNICIPAL_SYSTEM })
    @Operation(summary = "Proposals that resemble this one", description = "Same municipality and area, in every year up"
            + " to this catalog's, with their trigram similarity; presentedNotAdopted and nearDuplicate show which ones"
            + " the karensperiode would count.")
    @APIResponse(responseCode = "200", description = "Proposals like this one")
    public List<SimilarView> similar(@PathParam("municipalityCode") String municipality, @PathParam("proposalId") long id) {
        return proposals.similar(caller.actor(), municipality, id);
    }
}
