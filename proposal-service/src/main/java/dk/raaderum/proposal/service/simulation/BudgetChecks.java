package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.Agreement;
import dk.raaderum.proposal.domain.AgreementCommittee;
import dk.raaderum.proposal.repository.AgreementRepository;
import dk.raaderum.proposal.service.BudgetAdjustmentReadModel;
import dk.raaderum.proposal.service.EconomicPolicyReadModel;
import dk.raaderum.proposal.service.EconomicPolicyReadModel.PolicyAt;
import dk.raaderum.proposal.service.PriceIndexReadModel;
import dk.raaderum.proposal.service.TargetReadModel;
import dk.raaderum.proposal.service.simulation.SimulationModels.AgreementSection;
import dk.raaderum.proposal.service.simulation.SimulationModels.Assumption;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicySection;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;
import dk.raaderum.proposal.service.simulation.SimulationModels.YearRoom;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks of a simulated selection against what binds the budget: the municipality's economic policy
 * ({@link PolicyCheck}) and the fixed committee frames of the multi-year agreement covering the catalog's budget year
 * ({@link CommitteeFrames}). Reads the read models and the agreement; the computations are pure.
 */
@ApplicationScoped
public class BudgetChecks {

    /** 422 rule: an assumption names a year that is not one of the catalog's, or a year twice. */
    public static final String RULE_ASSUMPTION_YEARS = "assumption-years";

    private final EconomicPolicyReadModel policies;
    private final BudgetAdjustmentReadModel adjustments;
    private final AgreementRepository agreements;
    private final PriceIndexReadModel priceIndexes;

    public BudgetChecks(EconomicPolicyReadModel policies, BudgetAdjustmentReadModel adjustments,
            AgreementRepository agreements, PriceIndexReadModel priceIndexes) {
        this.policies = policies;
        this.adjustments = adjustments;
        this.agreements = agreements;
        this.priceIndexes = priceIndexes;
    }

    /** A section of the answer and the warnings it gives. */
    public record Checked<T>(T section, List<Warning> warnings) {
    }

    /**
     * What the checks read for a catalog: the municipality's policy at the catalog's price level, and the agreement
     * covering its budget year with its committees' frames and the compensated adjustments at that level. Kept between
     * simulations by {@link SimulationInputs}; 422 {@code price-level-missing} when the index lacks a year.
     */
    public record Read(Optional<PolicyAt> policy, Optional<CoveringAgreement> agreement) {
    }

    /** The agreement covering a catalog's budget year, its frames and adjustments at the catalog's price level. */
    public record CoveringAgreement(long id, String title, int firstYear, int lastYear,
            List<CommitteeFrames.Committee> committees, Map<String, Map<Integer, Long>> compensated) {
    }

    public Read read(SimulatedCatalog catalog) {
        return new Read(policies.atPriceLevel(catalog.municipality(), catalog.priceLevelYear()), covering(catalog));
    }

    /** The selection (its net room per year) and the stated assumptions against the municipality's policy. */
    public static Checked<PolicySection> policy(SimulatedCatalog catalog, Optional<PolicyAt> policy,
            List<YearRoom> rooms, List<Assumption> assumptions) {
        List<Integer> years = catalog.years();
        long[] borrowing = new long[years.size()];
        long[] instalments = new long[years.size()];
        Set<Integer> seen = new HashSet<>();
        List<Assumption> given = assumptions == null ? List.of() : assumptions;
        for (int i = 0; i < given.size(); i++) {
            Assumption assumption = given.get(i);
            int index = years.indexOf(assumption.year());
            if (index < 0 || !seen.add(assumption.year())) {
                throw ProblemException.ruleViolation(RULE_ASSUMPTION_YEARS, "Assumptions are given once per year of"
                        + " the catalog " + years, List.of(new FieldError("assumptions[" + i + "].year",
                                assumption.year() + (index < 0 ? " is not a year of the catalog" : " is given twice"))));
            }
            borrowing[index] = assumption.borrowingOrZero();
            instalments[index] = assumption.instalmentsOrZero();
        }
        if (policy.isEmpty()) {
            return new Checked<>(PolicySection.NONE, List.of());
        }
        long[] netRoom = rooms.stream().mapToLong(YearRoom::netRoom).toArray();
        PolicyCheck.Output output = PolicyCheck.check(new PolicyCheck.Input(years, policy.get().figures(), netRoom,
                borrowing, instalments));
        PolicyAt at = policy.get();
        return new Checked<>(new PolicySection(true, at.policyId(), at.version(), at.decisionReference(),
                at.priceLevelYear(), output.figures()), output.warnings());
    }

    /** Each committee's position against its fixed frame, when an agreement covers the catalog's budget year. */
    public static Checked<AgreementSection> committees(SimulatedCatalog catalog, Optional<CoveringAgreement> covering,
            BudgetSimulator.Input input) {
        if (covering.isEmpty()) {
            return new Checked<>(null, List.of());
        }
        CoveringAgreement agreement = covering.get();
        CommitteeFrames.Output output = CommitteeFrames.positions(new CommitteeFrames.Input(catalog.years(),
                agreement.committees(), input.items(), input.budgets(), agreement.compensated()));
        return new Checked<>(new AgreementSection(agreement.id(), agreement.title(), agreement.firstYear(),
                agreement.lastYear(), output.committees()), output.warnings());
    }

    private Optional<CoveringAgreement> covering(SimulatedCatalog catalog) {
        Optional<Agreement> covering = agreements.covering(catalog.municipality(), catalog.budgetYear());
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        Agreement agreement = covering.get();
        Map<String, Map<Integer, Long>> compensated = adjustments.compensated(catalog.municipality(),
                catalog.budgetYear(), catalog.priceLevelYear());
        List<CommitteeFrames.Committee> committees = new ArrayList<>();
        for (AgreementCommittee committee : agreement.committees) {
            Map<Integer, Long> frames = new TreeMap<>();
            committee.frames.forEach(frame -> frames.put(frame.year, frame.amount));
            committees.add(new CommitteeFrames.Committee(committee.name, List.copyOf(committee.areaCodes),
                    framesAt(agreement, frames, catalog)));
        }
        return Optional.of(new CoveringAgreement(agreement.id, agreement.title, agreement.firstYear, agreement.lastYear,
                List.copyOf(committees), compensated));
    }

    /** The agreement's frames at the catalog's price level (converted as targets are; 422 price-level-missing). */
    private Map<Integer, Long> framesAt(Agreement agreement, Map<Integer, Long> frames, SimulatedCatalog catalog) {
        if (agreement.priceLevelYear == catalog.priceLevelYear()) {
            return frames;
        }
        PriceIndex index = priceIndexes.effective(catalog.municipality());
        Map<Integer, Long> converted = new TreeMap<>();
        frames.forEach((year, amount) -> converted.put(year, TargetReadModel.convert(index, amount,
                agreement.priceLevelYear, catalog.priceLevelYear())));
        return converted;
    }
}
