package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaCopy;
import dk.raaderum.ideabank.service.IdeaModels.MunicipalityView;
import dk.raaderum.platform.web.problem.Problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** "Use this idea": the request and its outcome. */
public final class CopyModels {

    private CopyModels() {
    }

    @Schema(description = "A published idea to make a draft proposal of, in one of the municipality's open catalogs")
    public record CopyInput(
            @NotNull @Schema(example = "1051") Long ideaId,
            @NotNull @Schema(example = "4711", description = "The catalog (proposal-service's id)") Long catalogId,
            @NotBlank @Size(max = 10) @Schema(example = "ÆLD", description = "A policy area of the catalog") String areaCode) {
    }

    @Schema(description = "A proposal the request made")
    public record ProposalRef(long id, String number, Integer budgetYear,
            @Schema(example = "/api/v1/municipalities/573/proposals/4711") String href) {
    }

    @Schema(description = """
            The outcome of a "use this idea" request: PENDING until proposal-service has answered (normally well within a
            second), then COMPLETED with the draft proposal, or FAILED with a problem saying why (catalog-closed 409,
            not-found 404 for a catalog the municipality does not have, business-rule 422 for an area the catalog does
            not have or amounts that do not fit its rules, idea-not-published 409, already-copied 409).
            PROPOSAL_WITHDRAWN: the draft was made and later withdrawn in the catalog; the idea may be used there again.""")
    public record CopyView(UUID id, IdeaCopy.Status status, long ideaId, String ideaTitle, MunicipalityView municipality,
            long catalogId, String areaCode, ProposalRef proposal, Problem problem, String requestedBy,
            Instant requestedAt, Instant answeredAt,
            @Schema(example = "/api/v1/municipalities/573/idea-copies/1b4e28ba-2fa1-11d2-883f-0016d3cca427") String href) {
    }
}
