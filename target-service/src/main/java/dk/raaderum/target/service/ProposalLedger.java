package dk.raaderum.target.service;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.proposal.CatalogAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.target.domain.CatalogAdoption;
import dk.raaderum.target.domain.KnownProposal;
import dk.raaderum.target.domain.ProposalFigure;
import dk.raaderum.target.domain.ProposalState;
import dk.raaderum.target.repository.CatalogAdoptionRepository;
import dk.raaderum.target.repository.KnownProposalRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies proposal-service's events to the read model of proposals, then to coverage. Idempotent (applying an event
 * twice leaves the same state; the consumer also skips redelivered event ids) and order-tolerant: every state change
 * carries the time of its event, and an event older than the state it would change does not change it. So a
 * withdrawal that arrives before the (older) adoption keeps the proposal out of coverage, and {@code catalog.adopted}
 * may arrive before or after its proposals' {@code proposal.adopted}.
 */
@ApplicationScoped
public class ProposalLedger {

    private final KnownProposalRepository proposals;
    private final CatalogAdoptionRepository catalogs;
    private final CoverageProjector coverage;
    private final Clock clock;

    public ProposalLedger(KnownProposalRepository proposals, CatalogAdoptionRepository catalogs,
            CoverageProjector coverage, Clock clock) {
        this.proposals = proposals;
        this.catalogs = catalogs;
        this.coverage = coverage;
        this.clock = clock;
    }

    @Transactional
    public void adopted(String municipality, ProposalAdoptedV1 event, Instant eventTime) {
        requireMunicipality(municipality, event.proposalId());
        Instant at = firstOf(event.adoptedAt(), eventTime);
        KnownProposal proposal = proposals.findById(event.proposalId());
        String previousArea = null;
        Integer previousYear = null;
        boolean fresh = proposal == null;
        if (fresh) {
            proposal = new KnownProposal();
            proposal.id = event.proposalId();
            proposal.municipality = municipality;
        } else {
            requireSameMunicipality(proposal, municipality);
            previousArea = proposal.areaCode;
            previousYear = proposal.budgetYear;
        }
        describe(proposal, event.number(), event.title(), event.type(), event.catalogId(), event.budgetYear(), event.area());
        proposal.priceLevelYear = event.priceLevelYear();
        proposal.uncertainty = event.uncertainty();
        proposal.programOwner = event.programOwner();
        figures(proposal, event.netChange(), event.investmentCost(), event.gains());
        proposal.adoptionReceived = true;
        proposal.adoptedAt = at;
        boolean newerWithdrawal = !fresh && proposal.state == ProposalState.WITHDRAWN && !proposal.stateAt.isBefore(at);
        if (!newerWithdrawal) {
            proposal.state = ProposalState.ADOPTED;
            proposal.stateAt = at;
        }
        proposal.updatedAt = clock.instant();
        if (fresh) {
            proposals.persist(proposal);
        }
        refresh(proposal, previousArea, previousYear);
    }

    @Transactional
    public void withdrawn(String municipality, ProposalStatusChangedV1 event, Instant eventTime) {
        requireMunicipality(municipality, event.proposalId());
        Instant at = firstOf(event.changedAt(), eventTime);
        KnownProposal proposal = proposals.findById(event.proposalId());
        if (proposal == null) {
            // Withdrawn before adoption (the usual case), or before its adoption event arrived: remember it.
            proposal = new KnownProposal();
            proposal.id = event.proposalId();
            proposal.municipality = municipality;
            describe(proposal, event.number(), event.title(), event.type(), event.catalogId(), event.budgetYear(),
                    event.area());
            figures(proposal, event.netChange(), List.of(), List.of());
            proposal.adoptionReceived = false;
            proposal.state = ProposalState.WITHDRAWN;
            proposal.stateAt = at;
            proposal.updatedAt = clock.instant();
            proposals.persist(proposal);
            return;
        }
        requireSameMunicipality(proposal, municipality);
        if (proposal.state == ProposalState.ADOPTED && proposal.stateAt.isAfter(at)) {
            return; // the adoption is newer than this withdrawal
        }
        boolean counted = proposal.counts();
        proposal.state = ProposalState.WITHDRAWN;
        proposal.stateAt = at;
        proposal.updatedAt = clock.instant();
        if (counted) {
            refresh(proposal, null, null);
        }
    }

    @Transactional
    public void catalogAdopted(String municipality, CatalogAdoptedV1 event, Instant eventTime) {
        requireMunicipality(municipality, event.catalogId());
        CatalogAdoption adoption = catalogs.findById(event.catalogId());
        boolean fresh = adoption == null;
        if (fresh) {
            adoption = new CatalogAdoption();
            adoption.id = event.catalogId();
            adoption.municipality = municipality;
        } else if (!adoption.municipality.equals(municipality)) {
            throw new IllegalStateException("Catalog " + event.catalogId() + " belongs to municipality "
                    + adoption.municipality + ", not " + municipality);
        }
        adoption.budgetYear = event.budgetYear();
        adoption.priceLevelYear = event.priceLevelYear();
        adoption.title = event.title();
        adoption.adoptedAt = firstOf(event.adoptedAt(), eventTime);
        adoption.adoptedProposalIds.clear();
        adoption.adoptedProposalIds.addAll(new LinkedHashSet<>(event.adoptedProposalIds() == null ? List.of()
                : event.adoptedProposalIds()));
        adoption.rejectedCount = event.rejectedProposalIds() == null ? 0 : event.rejectedProposalIds().size();
        if (fresh) {
            catalogs.persist(adoption);
        }
    }

    private void refresh(KnownProposal proposal, String previousArea, Integer previousYear) {
        if (previousYear != null && previousYear != proposal.budgetYear) {
            coverage.refresh(proposal.municipality, previousYear, List.of(previousArea));
        }
        Set<String> areas = new LinkedHashSet<>();
        areas.add(proposal.areaCode);
        if (previousArea != null && previousYear != null && previousYear == proposal.budgetYear) {
            areas.add(previousArea);
        }
        coverage.refresh(proposal.municipality, proposal.budgetYear, areas);
    }

    private static void describe(KnownProposal proposal, String number, String title, String type, long catalogId,
            int budgetYear, PolicyAreaRef area) {
        if (area == null || area.code() == null) {
            throw new IllegalArgumentException("Proposal " + proposal.id + " carries no policy area");
        }
        proposal.number = number == null ? String.valueOf(proposal.id) : number;
        proposal.title = title == null ? proposal.number : title;
        proposal.type = ProposalType.valueOf(type);
        proposal.catalogId = catalogId;
        proposal.budgetYear = budgetYear;
        proposal.areaCode = area.code();
        proposal.areaName = area.name();
        proposal.mainAccount = area.mainAccount();
        proposal.committee = area.committee();
    }

    private static void figures(KnownProposal proposal, List<YearAmount> net, List<YearAmount> cost,
            List<YearAmount> gains) {
        Map<Integer, ProposalFigure> byYear = new TreeMap<>();
        for (YearAmount year : net == null ? List.<YearAmount>of() : net) {
            figure(byYear, year.year()).netChange += year.amount();
        }
        for (YearAmount year : cost == null ? List.<YearAmount>of() : cost) {
            figure(byYear, year.year()).investmentCost = year.amount();
        }
        for (YearAmount year : gains == null ? List.<YearAmount>of() : gains) {
            figure(byYear, year.year()).gain = year.amount();
        }
        proposal.figures.clear();
        proposal.figures.addAll(byYear.values());
    }

    private static ProposalFigure figure(Map<Integer, ProposalFigure> byYear, int year) {
        return byYear.computeIfAbsent(year, y -> new ProposalFigure(y, 0, null, null));
    }

    private Instant firstOf(Instant eventField, Instant envelopeTime) {
        if (eventField != null) {
            return eventField;
        }
        return envelopeTime != null ? envelopeTime : clock.instant();
    }

    private static void requireMunicipality(String municipality, long id) {
        if (municipality == null || municipality.isBlank()) {
            throw new IllegalArgumentException("The event of " + id + " carries no municipality");
        }
    }

    private static void requireSameMunicipality(KnownProposal proposal, String municipality) {
        if (!proposal.municipality.equals(municipality)) {
            throw new IllegalStateException("Proposal " + proposal.id + " belongs to municipality "
                    + proposal.municipality + ", not " + municipality);
        }
    }
}
