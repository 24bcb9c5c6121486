package dk.raaderum.platform.events;

import dk.raaderum.platform.events.followup.BenefitReportedV1;
import dk.raaderum.platform.events.followup.InitiativeDecidedV1;
import dk.raaderum.platform.events.followup.ReportOverdueV1;
import dk.raaderum.platform.events.proposal.CatalogAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.platform.events.target.CoverageChangedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1;

import java.util.List;

/** Every event type of the platform: the one list that docs/events.md describes. */
public final class Events {

    // proposal-service
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_SUBMITTED = new EventType<>("proposal.submitted",
            "dk.raaderum.proposal.submitted.v1", ProposalStatusChangedV1.class);
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_PRESENTED = new EventType<>("proposal.presented",
            "dk.raaderum.proposal.presented.v1", ProposalStatusChangedV1.class);
    public static final EventType<ProposalAdoptedV1> PROPOSAL_ADOPTED = new EventType<>("proposal.adopted",
            "dk.raaderum.proposal.adopted.v1", ProposalAdoptedV1.class);
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_REJECTED = new EventType<>("proposal.rejected",
            "dk.raaderum.proposal.rejected.v1", ProposalStatusChangedV1.class);
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_WITHDRAWN = new EventType<>("proposal.withdrawn",
            "dk.raaderum.proposal.withdrawn.v1", ProposalStatusChangedV1.class);
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_SHARING_CHANGED = new EventType<>(
            "proposal.sharing-changed", "dk.raaderum.proposal.sharing-changed.v1", ProposalStatusChangedV1.class);
    public static final EventType<CatalogAdoptedV1> CATALOG_ADOPTED = new EventType<>("catalog.adopted",
            "dk.raaderum.catalog.adopted.v1", CatalogAdoptedV1.class);

    // target-service
    public static final EventType<TargetAllocatedV1> TARGET_ALLOCATED = new EventType<>("target.allocated",
            "dk.raaderum.target.allocated.v1", TargetAllocatedV1.class);
    public static final EventType<CoverageChangedV1> COVERAGE_CHANGED = new EventType<>("target.coverage-changed",
            "dk.raaderum.target.coverage-changed.v1", CoverageChangedV1.class);

    // followup-service
    public static final EventType<BenefitReportedV1> BENEFIT_REPORTED = new EventType<>("benefit.reported",
            "dk.raaderum.benefit.reported.v1", BenefitReportedV1.class);
    public static final EventType<ReportOverdueV1> REPORT_OVERDUE = new EventType<>("benefit.report-overdue",
            "dk.raaderum.benefit.report-overdue.v1", ReportOverdueV1.class);
    public static final EventType<InitiativeDecidedV1> INITIATIVE_TERMINATED = new EventType<>("initiative.terminated",
            "dk.raaderum.initiative.terminated.v1", InitiativeDecidedV1.class);
    public static final EventType<InitiativeDecidedV1> INITIATIVE_SCALED_UP = new EventType<>("initiative.scaled-up",
            "dk.raaderum.initiative.scaled-up.v1", InitiativeDecidedV1.class);
    public static final EventType<InitiativeDecidedV1> INITIATIVE_SHARED = new EventType<>("initiative.shared",
            "dk.raaderum.initiative.shared.v1", InitiativeDecidedV1.class);

    public static final List<EventType<?>> ALL = List.of(PROPOSAL_SUBMITTED, PROPOSAL_PRESENTED, PROPOSAL_ADOPTED,
            PROPOSAL_REJECTED, PROPOSAL_WITHDRAWN, PROPOSAL_SHARING_CHANGED, CATALOG_ADOPTED, TARGET_ALLOCATED,
            COVERAGE_CHANGED, BENEFIT_REPORTED, REPORT_OVERDUE, INITIATIVE_TERMINATED, INITIATIVE_SCALED_UP,
            INITIATIVE_SHARED);

    private Events() {
    }
}
