package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaCopy;
import dk.raaderum.ideabank.service.CopyModels.CopyView;
import dk.raaderum.ideabank.service.CopyModels.ProposalRef;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.web.problem.Problem;
import dk.raaderum.platform.web.problem.ProblemType;
import dk.raaderum.platform.web.problem.ProblemTypes;

import java.util.List;
import java.util.Map;

/** Copy requests as the API shows them; a failed one carries the problem proposal-service's reason stands for. */
final class CopyViews {

    private CopyViews() {
    }

    static CopyView copy(IdeaCopy c, String ideaTitle) {
        String href = "/api/v1/municipalities/" + c.municipality + "/idea-copies/" + c.id;
        ProposalRef proposal = c.proposalId == null ? null : new ProposalRef(c.proposalId, c.proposalNumber,
                c.budgetYear, "/api/v1/municipalities/" + c.municipality + "/proposals/" + c.proposalId);
        return new CopyView(c.id, c.status, c.ideaId, ideaTitle, IdeaViews.municipality(c.municipality), c.catalogId,
                c.areaCode, proposal, c.status == IdeaCopy.Status.FAILED ? problem(c, href) : null, c.requestedBy,
                c.requestedAt, c.answeredAt, href);
    }

    /** The problem of a refused request: its kind by proposal-service's reason, with the reason as {@code reason}. */
    static Problem problem(IdeaCopy c, String instance) {
        String reason = c.reason == null ? IdeaCopyAnsweredV1.INVALID_CONTENT : c.reason;
        ProblemType type = switch (reason) {
            case IdeaCopyAnsweredV1.CATALOG_NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case IdeaCopyAnsweredV1.CATALOG_NOT_OPEN -> IdeaCopyRequests.CATALOG_CLOSED;
            case IdeaCopyAnsweredV1.IDEA_NOT_PUBLISHED -> IdeaCopyRequests.IDEA_NOT_PUBLISHED;
            case IdeaCopyAnsweredV1.ALREADY_COPIED -> IdeaCopyRequests.ALREADY_COPIED;
            default -> ProblemTypes.BUSINESS_RULE;
        };
        String rule = switch (reason) {
            case IdeaCopyAnsweredV1.AREA_UNKNOWN -> "unknown-area";
            case IdeaCopyAnsweredV1.INVALID_CONTENT -> "idea-content";
            default -> null;
        };
        return new Problem(type.uri(), type.title(), type.status(), c.detail, instance, null, List.of(),
                rule == null ? Map.of("reason", reason) : Map.of("reason", reason, "rule", rule));
    }
}
