package dk.raaderum.platform.events;

import dk.raaderum.platform.events.followup.BenefitReportedV1;
import dk.raaderum.platform.events.followup.InitiativeDecidedV1;
import dk.raaderum.platform.events.followup.InvestmentPoolGrantedV1;
import dk.raaderum.platform.events.followup.ReportOverdueV1;
import dk.raaderum.platform.events.idea.DuplicateDismissedV1;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.events.idea.IdeaDecidedV1;
import dk.raaderum.platform.events.idea.IdeaLinkedV1;
import dk.raaderum.platform.events.idea.IdeaMergedV1;
import dk.raaderum.platform.events.idea.IdeaPublishedV1;
import dk.raaderum.platform.events.idea.IdeaSubmittedV1;
import dk.raaderum.platform.events.proposal.AgreementAdoptedV1;
import dk.raaderum.platform.events.proposal.AgreementFrameBreachedV1;
import dk.raaderum.platform.events.proposal.CatalogAdoptedV1;
import dk.raaderum.platform.events.proposal.CatalogChangedV1;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1;
import dk.raaderum.platform.events.target.CoverageChangedV1;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
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
    /** A finance officer corrected the content of a presented proposal (the comment is the stated reason). */
    public static final EventType<ProposalStatusChangedV1> PROPOSAL_CORRECTED = new EventType<>(
            "proposal.corrected", "dk.raaderum.proposal.corrected.v1", ProposalStatusChangedV1.class);
    public static final EventType<CatalogAdoptedV1> CATALOG_ADOPTED = new EventType<>("catalog.adopted",
            "dk.raaderum.catalog.adopted.v1", CatalogAdoptedV1.class);
    public static final EventType<CatalogChangedV1> CATALOG_CHANGED = new EventType<>("catalog.changed",
            "dk.raaderum.catalog.changed.v1", CatalogChangedV1.class);
    public static final EventType<IdeaCopyAnsweredV1> PROPOSAL_DRAFTED_FROM_IDEA = new EventType<>(
            "proposal.drafted-from-idea", "dk.raaderum.proposal.drafted-from-idea.v1", IdeaCopyAnsweredV1.class);
    public static final EventType<IdeaCopyAnsweredV1> IDEA_COPY_REFUSED = new EventType<>(
            "proposal.idea-copy-refused", "dk.raaderum.proposal.idea-copy-refused.v1", IdeaCopyAnsweredV1.class);
    /** A multi-year agreement was recorded (issue 17). */
    public static final EventType<AgreementAdoptedV1> AGREEMENT_ADOPTED = new EventType<>("agreement.adopted",
            "dk.raaderum.agreement.adopted.v1", AgreementAdoptedV1.class);
    /** A budget agreement breaches committee frames fixed by a multi-year agreement (flagged to the finance committee). */
    public static final EventType<AgreementFrameBreachedV1> AGREEMENT_FRAME_BREACHED = new EventType<>(
            "agreement.frame-breached", "dk.raaderum.agreement.frame-breached.v1", AgreementFrameBreachedV1.class);

    // target-service
    public static final EventType<TargetAllocatedV1> TARGET_ALLOCATED = new EventType<>("target.allocated",
            "dk.raaderum.target.allocated.v1", TargetAllocatedV1.class);
    public static final EventType<CoverageChangedV1> COVERAGE_CHANGED = new EventType<>("target.coverage-changed",
            "dk.raaderum.target.coverage-changed.v1", CoverageChangedV1.class);
    public static final EventType<PolicyAreasChangedV1> POLICY_AREA_CHANGED = new EventType<>("policy-area.changed",
            "dk.raaderum.policy-area.changed.v1", PolicyAreasChangedV1.class);
    public static final EventType<PriceIndexChangedV1> PRICE_INDEX_CHANGED = new EventType<>("price-index.changed",
            "dk.raaderum.price-index.changed.v1", PriceIndexChangedV1.class);
    public static final EventType<EconomicPolicyAdoptedV1> ECONOMIC_POLICY_ADOPTED = new EventType<>(
            "economic-policy.adopted", "dk.raaderum.economic-policy.adopted.v1", EconomicPolicyAdoptedV1.class);
    public static final EventType<BudgetAdjustmentsChangedV1> BUDGET_ADJUSTMENTS_CHANGED = new EventType<>(
            "budget-adjustments.changed", "dk.raaderum.budget-adjustments.changed.v1",
            BudgetAdjustmentsChangedV1.class);

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
    /** An application to an investment pool was granted (issue 17); keyed by the pool id. */
    public static final EventType<InvestmentPoolGrantedV1> INVESTMENT_POOL_GRANTED = new EventType<>(
            "investment-pool.granted", "dk.raaderum.investment-pool.granted.v1", InvestmentPoolGrantedV1.class);

    // idea-bank-service
    public static final EventType<IdeaSubmittedV1> IDEA_SUBMITTED = new EventType<>("idea.submitted",
            "dk.raaderum.idea.submitted.v1", IdeaSubmittedV1.class);
    public static final EventType<IdeaPublishedV1> IDEA_PUBLISHED = new EventType<>("idea.published",
            "dk.raaderum.idea.published.v1", IdeaPublishedV1.class);
    public static final EventType<IdeaDecidedV1> IDEA_REJECTED = new EventType<>("idea.rejected",
            "dk.raaderum.idea.rejected.v1", IdeaDecidedV1.class);
    public static final EventType<IdeaDecidedV1> IDEA_WITHDRAWN = new EventType<>("idea.withdrawn",
            "dk.raaderum.idea.withdrawn.v1", IdeaDecidedV1.class);
    public static final EventType<IdeaMergedV1> IDEA_MERGED = new EventType<>("idea.merged",
            "dk.raaderum.idea.merged.v1", IdeaMergedV1.class);
    public static final EventType<IdeaMergedV1> IDEA_MERGE_UNDONE = new EventType<>("idea.merge-undone",
            "dk.raaderum.idea.merge-undone.v1", IdeaMergedV1.class);
    public static final EventType<IdeaLinkedV1> IDEA_LINKED = new EventType<>("idea.linked",
            "dk.raaderum.idea.linked.v1", IdeaLinkedV1.class);
    public static final EventType<IdeaLinkedV1> IDEA_UNLINKED = new EventType<>("idea.unlinked",
            "dk.raaderum.idea.unlinked.v1", IdeaLinkedV1.class);
    public static final EventType<DuplicateDismissedV1> IDEA_DUPLICATE_DISMISSED = new EventType<>(
            "idea.duplicate-dismissed", "dk.raaderum.idea.duplicate-dismissed.v1", DuplicateDismissedV1.class);
    public static final EventType<IdeaCopyRequestedV1> IDEA_COPY_REQUESTED = new EventType<>("idea.copy-requested",
            "dk.raaderum.idea.copy-requested.v1", IdeaCopyRequestedV1.class);

    public static final List<EventType<?>> ALL = List.of(PROPOSAL_SUBMITTED, PROPOSAL_PRESENTED, PROPOSAL_ADOPTED,
            PROPOSAL_REJECTED, PROPOSAL_WITHDRAWN, PROPOSAL_SHARING_CHANGED, PROPOSAL_CORRECTED, CATALOG_ADOPTED, CATALOG_CHANGED, PROPOSAL_DRAFTED_FROM_IDEA,
            IDEA_COPY_REFUSED, TARGET_ALLOCATED,
            COVERAGE_CHANGED, POLICY_AREA_CHANGED, PRICE_INDEX_CHANGED, ECONOMIC_POLICY_ADOPTED, BUDGET_ADJUSTMENTS_CHANGED,
            BENEFIT_REPORTED, REPORT_OVERDUE, INITIATIVE_TERMINATED, INITIATIVE_SCALED_UP,
            INITIATIVE_SHARED, INVESTMENT_POOL_GRANTED, IDEA_SUBMITTED, IDEA_PUBLISHED, IDEA_REJECTED, IDEA_WITHDRAWN,
            IDEA_MERGED, IDEA_MERGE_UNDONE, IDEA_LINKED, IDEA_UNLINKED, IDEA_DUPLICATE_DISMISSED, IDEA_COPY_REQUESTED,
            AGREEMENT_ADOPTED, AGREEMENT_FRAME_BREACHED);

    private Events() {
    }
}
