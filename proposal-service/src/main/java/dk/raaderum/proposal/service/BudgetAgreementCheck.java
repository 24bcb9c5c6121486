package dk.raaderum.proposal.service;

import dk.raaderum.proposal.domain.Agreement;
import dk.raaderum.proposal.domain.AdoptionAssumption;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.FrameBreach;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.AgreementRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.AgreementModels.FrameBreachView;
import dk.raaderum.proposal.service.CatalogModels.AgreedCheck;
import dk.raaderum.proposal.service.simulation.CommitteeFrames;
import dk.raaderum.proposal.service.simulation.PolicyCheck;
import dk.raaderum.proposal.service.simulation.SimulationModels.AgreementSection;
import dk.raaderum.proposal.service.simulation.SimulationModels.Assumption;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteePosition;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeStatus;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationResult;
import dk.raaderum.proposal.service.simulation.SimulationService;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The budget agreement's check: the agreed selection against the economic policy and the fixed frames of the
 * multi-year agreement covering the budget year (the simulation's sections), and the flag to the finance committee
 * when fixed frames are breached (recorded on the agreement, agreement.frame-breached through the outbox).
 */
@ApplicationScoped
public class BudgetAgreementCheck {

    private static final Logger LOG = Logger.getLogger(BudgetAgreementCheck.class);
    private static final TypeReference<AgreedCheck> AGREED_CHECK = new TypeReference<>() {
    };
    private static final Set<String> CHECK_WARNINGS = Set.of(PolicyCheck.POLICY_BOUND_BREACHED,
            CommitteeFrames.COMMITTEE_FRAME_BREACHED);

    private final SimulationService simulations;
    private final ProposalRepository proposals;
    private final AgreementRepository agreements;
    private final ProposalEvents events;
    private final JsonText json;

    public BudgetAgreementCheck(SimulationService simulations, ProposalRepository proposals,
            AgreementRepository agreements, ProposalEvents events, JsonText json) {
        this.json = json;
        this.simulations = simulations;
        this.proposals = proposals;
        this.agreements = agreements;
        this.events = events;
    }

    /** The agreed selection (proposal ids of the catalog) with the stated assumptions, checked. */
    public AgreedCheck check(Catalog catalog, List<Long> agreedIds, List<Assumption> assumptions) {
        SimulationResult result = simulations.agreedSelection(catalog, agreedIds, assumptions);
        return new AgreedCheck(result.policy(), result.agreement(), result.warnings().stream()
                .filter(w -> CHECK_WARNINGS.contains(w.code())).toList());
    }

    /**
     * The check of an adopted catalog as its adoption answered it, whatever policy, agreement or prices arrived since;
     * for a catalog adopted before the check was kept, computed from its adopted proposals and the assumptions stated
     * at adoption.
     */
    public AgreedCheck ofAdopted(Catalog catalog) {
        if (catalog.agreedCheck != null) {
            return json.read(catalog.agreedCheck, AGREED_CHECK);
        }
        List<Long> adopted = proposals.inStatus(catalog.id, ProposalStatus.ADOPTED).stream().map(p -> p.id).toList();
        List<Assumption> assumptions = catalog.adoptionAssumptions.stream()
                .map(a -> new Assumption(a.year, a.borrowing, a.instalments)).toList();
        return check(catalog, adopted, assumptions);
    }

    /** Keeps the assumptions stated with the budget agreement, and the check they gave, on the catalog. */
    public void keep(Catalog catalog, List<Assumption> assumptions, AgreedCheck check) {
        catalog.agreedCheck = json.write(check);
        catalog.adoptionAssumptions.clear();
        if (assumptions != null) {
            assumptions.forEach(a -> catalog.adoptionAssumptions.add(new AdoptionAssumption(a.year(),
                    a.borrowingOrZero(), a.instalmentsOrZero())));
        }
    }

    /**
     * The fixed frames the check finds breached, recorded on the agreement and flagged to the finance committee
     * (agreement.frame-breached, in the caller's transaction); empty when none.
     */
    public List<FrameBreachView> flagBreaches(Catalog catalog, AgreedCheck check, Instant at) {
        AgreementSection section = check.agreement();
        if (section == null) {
            return List.of();
        }
        List<FrameBreach> breaches = new ArrayList<>();
        for (CommitteePosition committee : section.committees()) {
            for (CommitteeYear year : committee.years()) {
                if (year.status() == CommitteeStatus.BREACHED) {
                    breaches.add(new FrameBreach(catalog.id, committee.committee(), year.year(), year.spending(),
                            year.frame(), year.breachedBy(), at));
                }
            }
        }
        if (breaches.isEmpty()) {
            return List.of();
        }
        Agreement agreement = agreements.findById(section.agreementId());
        agreement.breaches.addAll(breaches);
        events.frameBreached(agreement, catalog, breaches);
        LOG.infof("Budget agreement of catalog %d breaches %d fixed frame(s) of agreement %d; flagged to the finance"
                + " committee", catalog.id, breaches.size(), agreement.id);
        return breaches.stream().map(AgreementService::breach).toList();
    }
}
