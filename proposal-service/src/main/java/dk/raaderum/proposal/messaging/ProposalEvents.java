package dk.raaderum.proposal.messaging;

import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.YearFte;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.events.proposal.AgreementAdoptedV1;
import dk.raaderum.platform.events.proposal.AgreementFrameBreachedV1;
import dk.raaderum.platform.events.proposal.CatalogAdoptedV1;
import dk.raaderum.platform.events.proposal.CatalogChangedV1;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalOrigin;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.proposal.domain.Agreement;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.FrameBreach;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalYear;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes proposal-service's events through the outbox, in the caller's transaction. Payloads are the contract
 * records of platform/contracts (docs/events.md).
 */
@ApplicationScoped
public class ProposalEvents {

    private final Outbox outbox;

    public ProposalEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event of a workflow step, if the step has one (QUALIFIED and back-to-DRAFT have none). */
    public void statusChanged(Proposal proposal, ProposalStatus from, String comment, Instant at) {
        if (proposal.status == ProposalStatus.ADOPTED) {
            adopted(proposal, at);
            return;
        }
        EventType<ProposalStatusChangedV1> type = switch (proposal.status) {
            case SUBMITTED -> Events.PROPOSAL_SUBMITTED;
            case PRESENTED -> Events.PROPOSAL_PRESENTED;
            case REJECTED -> Events.PROPOSAL_REJECTED;
            case WITHDRAWN -> Events.PROPOSAL_WITHDRAWN;
            default -> null;
        };
        if (type != null) {
            outbox.publish(type, proposal.id.toString(), proposal.municipality, changed(proposal, from, comment, at));
        }
    }

    /** The proposal was offered to the idea bank, or no longer is ({@code shareWithIdeaBank}); its status is unchanged. */
    public void sharingChanged(Proposal proposal, String comment, Instant at) {
        outbox.publish(Events.PROPOSAL_SHARING_CHANGED, proposal.id.toString(), proposal.municipality,
                changed(proposal, proposal.status, comment, at));
    }

    /**
     * A finance officer corrected the content of a presented proposal: the event carries the corrected content and
     * amounts, the status (unchanged, from = to) and the reason as the comment.
     */
    public void corrected(Proposal proposal, String reason, Instant at) {
        outbox.publish(Events.PROPOSAL_CORRECTED, proposal.id.toString(), proposal.municipality,
                changed(proposal, proposal.status, reason, at));
    }

    private static ProposalStatusChangedV1 changed(Proposal p, ProposalStatus from, String comment, Instant at) {
        return new ProposalStatusChangedV1(p.id, p.number, p.title, p.type.name(), p.catalog.id, p.budgetYear, area(p),
                from == null ? null : from.name(), p.status.name(), net(p.years), comment, at, p.catalog.priceLevelYear,
                origin(p), p.shareWithIdeaBank, p.description, p.classificationRationale, p.serviceConsequences,
                investmentCost(p), gains(p), staff(p.years), p.uncertainty.name());
    }

    private void adopted(Proposal p, Instant at) {
        outbox.publish(Events.PROPOSAL_ADOPTED, p.id.toString(), p.municipality, new ProposalAdoptedV1(p.id, p.number,
                p.title, p.type.name(), p.catalog.id, p.budgetYear, p.catalog.priceLevelYear, area(p), net(p.years),
                investmentCost(p), gains(p), p.programOwner, origin(p), p.shareWithIdeaBank, p.uncertainty.name(), at,
                p.description, p.classificationRationale, p.serviceConsequences, staff(p.years)));
    }

    /** The catalog as the idea bank needs it to accept copies into it: status and area codes. Keyed by its id. */
    public void catalogChanged(Catalog catalog, Instant at) {
        outbox.publish(Events.CATALOG_CHANGED, catalog.id.toString(), catalog.municipality, new CatalogChangedV1(
                catalog.id, catalog.budgetYear, catalog.priceLevelYear, catalog.title, catalog.status.name(),
                catalog.areas.stream().map(area -> area.code).sorted().toList(), at));
    }

    public void catalogAdopted(Catalog catalog, List<Proposal> adopted, List<Proposal> rejected) {
        Map<Integer, Long> totals = new TreeMap<>();
        catalog.years().forEach(year -> totals.put(year, 0L));
        adopted.forEach(p -> p.years.forEach(y -> totals.merge(y.year, y.netChange, Math::addExact)));
        outbox.publish(Events.CATALOG_ADOPTED, catalog.id.toString(), catalog.municipality, new CatalogAdoptedV1(catalog.id,
                catalog.budgetYear, catalog.priceLevelYear, catalog.title, adopted.stream().map(p -> p.id).toList(),
                rejected.stream().map(p -> p.id).toList(),
                totals.entrySet().stream().map(e -> new YearAmount(e.getKey(), e.getValue())).toList(), catalog.adoptedAt));
    }

    /** A multi-year agreement was recorded. Keyed by its id. */
    public void agreementAdopted(Agreement agreement) {
        outbox.publish(Events.AGREEMENT_ADOPTED, agreement.id.toString(), agreement.municipality, new AgreementAdoptedV1(
                agreement.id, agreement.title, agreement.firstYear, agreement.lastYear, agreement.priceLevelYear,
                agreement.committees.stream().map(c -> new AgreementAdoptedV1.Committee(c.name, List.copyOf(c.areaCodes),
                        c.frames.stream().map(f -> new YearAmount(f.year, f.amount)).toList())).toList(),
                agreement.decisionReference, agreement.createdBy, agreement.createdAt));
    }

    /** The budget agreement of a covered catalog breaches fixed frames: flagged to the finance committee. Keyed by the agreement id. */
    public void frameBreached(Agreement agreement, Catalog catalog, List<FrameBreach> breaches) {
        outbox.publish(Events.AGREEMENT_FRAME_BREACHED, agreement.id.toString(), agreement.municipality,
                new AgreementFrameBreachedV1(agreement.id, catalog.id, catalog.budgetYear, catalog.priceLevelYear,
                        breaches.stream().map(b -> new AgreementFrameBreachedV1.Breach(b.committee, b.year, b.spending,
                                b.frame, b.overrun)).toList(), AgreementFrameBreachedV1.FINANCE_COMMITTEE,
                        catalog.adoptedAt));
    }

    /** The answer to a "use this idea" request: the draft it made. Keyed by the proposal id. */
    public void draftedFromIdea(Proposal p, UUID requestId, Instant at) {
        outbox.publish(Events.PROPOSAL_DRAFTED_FROM_IDEA, p.id.toString(), p.municipality, new IdeaCopyAnsweredV1(
                requestId, p.originIdeaId, p.catalog.id, p.budgetYear, p.areaCode, p.id, p.number, null, null, at));
    }

    /** The answer to a "use this idea" request that made no draft, with why. Keyed by the request id. */
    public void ideaCopyRefused(IdeaCopyRequestedV1 request, String municipality, Integer budgetYear, String reason,
            String detail, Proposal existing, Instant at) {
        outbox.publish(Events.IDEA_COPY_REFUSED, request.requestId().toString(), municipality, new IdeaCopyAnsweredV1(
                request.requestId(), request.ideaId(), request.catalogId(), budgetYear, request.areaCode(),
                existing == null ? null : existing.id, existing == null ? null : existing.number, reason, detail, at));
    }

    private static PolicyAreaRef area(Proposal p) {
        CatalogArea area = p.catalog.area(p.areaCode).orElseThrow();
        return new PolicyAreaRef(area.code, area.name, area.mainAccount, area.committee);
    }

    private static List<YearAmount> net(List<ProposalYear> years) {
        return years.stream().map(y -> new YearAmount(y.year, y.netChange)).toList();
    }

    private static List<YearAmount> investmentCost(Proposal p) {
        return p.type == ProposalType.INVESTMENT
                ? p.years.stream().map(y -> new YearAmount(y.year, y.investmentCost)).toList() : List.of();
    }

    private static List<YearAmount> gains(Proposal p) {
        return p.type == ProposalType.INVESTMENT ? p.years.stream().map(y -> new YearAmount(y.year, y.gain)).toList()
                : List.of();
    }

    private static List<YearFte> staff(List<ProposalYear> years) {
        return years.stream().filter(y -> y.fteChange != null).map(y -> new YearFte(y.year, y.fteChange)).toList();
    }

    private static ProposalOrigin origin(Proposal p) {
        return new ProposalOrigin(p.originKind.name(), p.originParty, p.originIdeaId, p.originMunicipality);
    }
}
