package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.AdjustmentLine;
import dk.raaderum.target.domain.AdjustmentSet;
import dk.raaderum.target.domain.AdjustmentTotals;
import dk.raaderum.target.domain.AreaYear;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.messaging.AdjustmentEvents;
import dk.raaderum.target.repository.AdjustmentRepository;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.service.AdjustmentModels.AdjustmentsView;
import dk.raaderum.target.service.AdjustmentModels.Amount;
import dk.raaderum.target.service.AdjustmentModels.AmountInput;
import dk.raaderum.target.service.AdjustmentModels.KindTotal;
import dk.raaderum.target.service.AdjustmentModels.LineInput;
import dk.raaderum.target.service.AdjustmentModels.LineView;
import dk.raaderum.target.service.AdjustmentModels.Saved;
import dk.raaderum.target.service.AdjustmentModels.YearTotal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Technical budget adjustments per municipality and budget year: explicit, dated lines (price and wage, demography,
 * new legislation), each compensated or absorbed by its area. Every change (a line added, changed or removed) is one
 * new revision of the budget year, published with every line as {@code budget-adjustments.changed} in the same
 * transaction. The five-paths plan takes its quiet path from the lines not compensated ({@link PathPlanService}).
 */
@ApplicationScoped
public class AdjustmentService {

    private static final Logger LOG = Logger.getLogger(AdjustmentService.class);

    private final AdjustmentRepository adjustments;
    private final BaseBudgetRepository budgets;
    private final AreaRegister register;
    private final AdjustmentEvents events;
    private final TargetAccess access;
    private final Clock clock;

    public AdjustmentService(AdjustmentRepository adjustments, BaseBudgetRepository budgets, AreaRegister register,
            AdjustmentEvents events, TargetAccess access, Clock clock) {
        this.adjustments = adjustments;
        this.budgets = budgets;
        this.register = register;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** Every line of the budget year with the sums per kind and per year (revision 0 and no lines before the first). */
    public AdjustmentsView list(String municipality, int budgetYear) {
        Optional<AdjustmentSet> set = adjustments.findSet(municipality, budgetYear);
        List<AdjustmentLine> lines = set.map(adjustments::lines).orElse(List.of());
        AreaRegister.Lookup lookup = register.lookup(municipality);
        List<Integer> years = Horizon.of(budgetYear);
        AdjustmentTotals.Totals totals = totals(lines, years);
        List<KindTotal> byKind = totals.byKind().entrySet().stream()
                .map(e -> new KindTotal(e.getKey(), yearTotals(e.getValue(), years))).toList();
        return new AdjustmentsView(municipality, budgetYear, years,
                set.map(s -> s.priceLevelYear).orElseGet(() -> defaultLevel(municipality, budgetYear)),
                set.map(s -> s.revision).orElse(0L), lines.stream().map(l -> view(l, lookup)).toList(), byKind,
                yearTotals(totals.all(), years), set.map(s -> s.changedAt).orElse(null),
                set.map(s -> s.changedBy).orElse(null));
    }

    public Optional<LineView> get(String municipality, int budgetYear, long lineId) {
        return adjustments.findLine(municipality, budgetYear, lineId).map(l -> view(l, register.lookup(municipality)));
    }

    @Transactional
    public Saved add(Actor actor, String municipality, int budgetYear, LineInput input) {
        access.requireFinanceOfficer(actor, "record technical budget adjustments");
        adjustments.lockSet(municipality, budgetYear);
        AreaRegister.Lookup lookup = register.lookup(municipality);
        check(municipality, budgetYear, input, lookup);
        Instant now = clock.instant();
        AdjustmentSet set = adjustments.findSet(municipality, budgetYear)
                .orElseGet(() -> newSet(municipality, budgetYear, input.priceLevelYear(), actor, now));
        requirePriceLevel(set, input);
        AdjustmentLine line = new AdjustmentLine();
        line.set = set;
        line.created(actor.name(), now);
        apply(line, input);
        adjustments.persist(line);
        publish(set, lookup, actor, now);
        LOG.infof("Technical adjustments of %s %d: line %d (%s %s, compensated %s) added by %s (revision %d)",
                municipality, budgetYear, line.id, line.kind, line.areaCode, line.compensated, actor.name(),
                set.revision);
        return new Saved(view(line, lookup), set.revision);
    }

    /** Replaces a line (If-Match or {@code version}; 428 without). */
    @Transactional
    public Saved change(Actor actor, String municipality, int budgetYear, long lineId, LineInput input,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change technical budget adjustments");
        adjustments.lockSet(municipality, budgetYear);
        AdjustmentLine line = find(municipality, budgetYear, lineId);
        EntityTags.requireUnchanged(ifMatch, input.version(), line.version);
        AreaRegister.Lookup lookup = register.lookup(municipality);
        check(municipality, budgetYear, input, lookup);
        requirePriceLevel(line.set, input);
        Instant now = clock.instant();
        apply(line, input);
        line.changed(actor.name(), now);
        publish(line.set, lookup, actor, now);
        return new Saved(view(line, lookup), line.set.revision);
    }

    /** Removes a line (If-Match checked when sent); the rest is published as the new revision. */
    @Transactional
    public long remove(Actor actor, String municipality, int budgetYear, long lineId, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "remove technical budget adjustments");
        adjustments.lockSet(municipality, budgetYear);
        AdjustmentLine line = find(municipality, budgetYear, lineId);
        EntityTags.checkIfMatch(ifMatch, line.version);
        AdjustmentSet set = line.set;
        adjustments.delete(line);
        publish(set, register.lookup(municipality), actor, clock.instant());
        LOG.infof("Technical adjustments of %s %d: line %d removed by %s (revision %d)", municipality, budgetYear,
                lineId, actor.name(), set.revision);
        return set.revision;
    }

    private AdjustmentLine find(String municipality, int budgetYear, long lineId) {
        return adjustments.findLine(municipality, budgetYear, lineId)
                .orElseThrow(() -> ProblemException.notFound("Adjustment line", lineId));
    }

    private void publish(AdjustmentSet set, AreaRegister.Lookup lookup, Actor actor, Instant now) {
        set.changed(actor.name(), now);
        adjustments.flush();
        events.changed(set, adjustments.lines(set), lookup.byCode());
    }

    /** The area is an active area of the register (422 {@code area-not-in-register}); each year once. */
    private static void check(String municipality, int budgetYear, LineInput input, AreaRegister.Lookup lookup) {
        if (!lookup.usable(input.areaCode())) {
            String why = !lookup.exists() ? "municipality " + municipality + " has no register of policy areas yet"
                    : lookup.byCode().containsKey(input.areaCode()) ? "area " + input.areaCode() + " is retired"
                            : "area " + input.areaCode() + " is not in the register of policy areas";
            throw ProblemException.ruleViolation(PolicyAreaModels.RULE_AREA_NOT_IN_REGISTER, why + "; a technical"
                    + " adjustment names an active area of the register (PUT …/policy-areas/{code})",
                    List.of(new FieldError("areaCode", why)));
        }
        TargetProblems.requireNone(AdjustmentTotals.checkYears(budgetYear,
                input.amounts().stream().map(AmountInput::year).toList(), "amounts"));
    }

    private static void requirePriceLevel(AdjustmentSet set, LineInput input) {
        if (input.priceLevelYear() != null && input.priceLevelYear() != set.priceLevelYear) {
            String why = "the budget year's lines are at " + set.priceLevelYear + " prices, not "
                    + input.priceLevelYear();
            throw ProblemException.ruleViolation(AdjustmentModels.RULE_PRICE_LEVEL, why + "; convert the amounts"
                    + " (GET …/price-index/convert) or leave priceLevelYear out", List.of(new FieldError("priceLevelYear",
                            why)));
        }
    }

    private AdjustmentSet newSet(String municipality, int budgetYear, Integer priceLevelYear, Actor actor, Instant now) {
        AdjustmentSet set = new AdjustmentSet();
        set.municipality = municipality;
        set.budgetYear = budgetYear;
        set.priceLevelYear = priceLevelYear != null ? priceLevelYear : defaultLevel(municipality, budgetYear);
        set.changedAt = now;
        set.changedBy = actor.name();
        adjustments.persistSet(set);
        return set;
    }

    /** The base budget's price level, else the budget year's. */
    private int defaultLevel(String municipality, int budgetYear) {
        return PriceLevels.statedLevel(budgets.findFor(municipality, budgetYear).orElse(null), budgetYear);
    }

    private static void apply(AdjustmentLine line, LineInput input) {
        line.kind = input.kind();
        line.areaCode = input.areaCode();
        line.dated = input.dated();
        line.description = input.description().strip();
        line.compensated = input.compensated();
        line.amounts.clear();
        input.amounts().stream().sorted((a, b) -> Integer.compare(a.year(), b.year()))
                .forEach(a -> line.amounts.add(new AreaYear(a.year(), a.amount())));
    }

    static AdjustmentTotals.Totals totals(List<AdjustmentLine> lines, List<Integer> years) {
        return AdjustmentTotals.of(lines.stream()
                .map(l -> new AdjustmentTotals.Line(l.kind, l.compensated, l.amounts(years))).toList(), years.size());
    }

    static List<YearTotal> yearTotals(AdjustmentTotals.Sum sum, List<Integer> years) {
        List<YearTotal> totals = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
            totals.add(new YearTotal(years.get(y), sum.compensated()[y], sum.notCompensated()[y], sum.total()[y]));
        }
        return totals;
    }

    private static LineView view(AdjustmentLine line, AreaRegister.Lookup lookup) {
        List<Integer> years = line.set.years();
        long[] amounts = line.amounts(years);
        List<Amount> perYear = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
            perYear.add(new Amount(years.get(y), amounts[y]));
        }
        return new LineView(line.id, line.kind, line.areaCode, lookup.name(line.areaCode, line.areaCode), line.dated,
                line.description, perYear, line.compensated, line.updatedAt, line.updatedBy, line.version);
    }
}
