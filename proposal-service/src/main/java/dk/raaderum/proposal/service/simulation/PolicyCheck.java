package dk.raaderum.proposal.service.simulation;

import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.AT_MOST;
import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.CASH_HOLDINGS;
import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.LONG_TERM_DEBT;
import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.PERCENT;
import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.ROOM;
import static dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.SERVICE_BUFFER;

import dk.raaderum.platform.events.PercentOf;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.KeyFigure;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.text.KronerText;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyFigure;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyStatus;
import dk.raaderum.proposal.service.simulation.SimulationModels.PolicyYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The economic policy check as a pure computation: each key figure of the policy, in each of the catalog's years the
 * policy bounds, moved from its baseline by the selection and compared with its bound. Kroner amounts are exact
 * ({@link BigDecimal}); the policy's kroner are at the catalog's price level already. Per year {@code i}:
 * <ul>
 * <li>ROOM: value = the selection's net room (positive = created); baseline 0;</li>
 * <li>CASH_HOLDINGS: baseline + Σ up to the year of (net room + borrowing − instalments). The net room already
 * carries the selected investments' outlays (an investment's net change is its cost minus its gains), so they are not
 * subtracted a second time;</li>
 * <li>SERVICE_BUFFER: baseline + the year's net room;</li>
 * <li>LONG_TERM_DEBT: baseline + Σ up to the year of (borrowing − instalments);</li>
 * <li>OTHER: baseline.</li>
 * </ul>
 * A figure in PERCENT has its bound (and a baseline, if given) as percent of its basis for the year, in whole kroner as
 * target-service shows it ({@link PercentOf}: half up). A year is checked
 * when the policy gives a bound for it (and, in PERCENT, a basis). AT_LEAST is breached below the bound, AT_MOST above.
 */
public final class PolicyCheck {

    /** Warning: a key figure of the economic policy is breached in a year (the message names its key and year). */
    public static final String POLICY_BOUND_BREACHED = "POLICY_BOUND_BREACHED";

    private PolicyCheck() {
    }

    /**
     * @param netRoom the selection's net room per catalog year (index = year − first year)
     * @param borrowing stated new borrowing per catalog year
     * @param instalments stated instalments on debt per catalog year
     */
    public record Input(List<Integer> years, List<KeyFigure> figures, long[] netRoom, long[] borrowing,
            long[] instalments) {
    }

    public record Output(List<PolicyFigure> figures, List<Warning> warnings) {
    }

    public static Output check(Input in) {
        List<PolicyFigure> figures = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (KeyFigure figure : in.figures()) {
            List<PolicyYear> years = years(in, figure);
            for (PolicyYear year : years) {
                if (year.status() == PolicyStatus.BREACHED) {
                    warnings.add(new Warning(POLICY_BOUND_BREACHED, "Economic policy figure " + figure.key() + " ("
                            + figure.name() + ") is breached in " + year.year() + ": " + KronerText.format(year.value())
                            + " is " + (AT_MOST.equals(figure.boundType()) ? "above the ceiling " : "below the floor ")
                            + KronerText.format(year.bound()) + (year.boundPercent() == null ? ""
                                    : " (" + CsvWriter.decimal(exact(year.boundPercent())) + " %)") + " by "
                            + KronerText.format(year.breachedBy())));
                }
            }
            figures.add(new PolicyFigure(figure.key(), figure.name(), figure.kind(), figure.unit(), figure.boundType(),
                    years));
        }
        return new Output(figures, warnings);
    }

    private static List<PolicyYear> years(Input in, KeyFigure figure) {
        Map<Integer, BigDecimal> bounds = byYear(figure.bounds());
        Map<Integer, BigDecimal> baselines = byYear(figure.baseline());
        Map<Integer, BigDecimal> basis = byYear(figure.basis());
        boolean percent = PERCENT.equals(figure.unit());
        List<PolicyYear> result = new ArrayList<>();
        long cash = 0;
        long debt = 0;
        for (int i = 0; i < in.years().size(); i++) {
            int year = in.years().get(i);
            cash = Math.addExact(cash, in.netRoom()[i] + in.borrowing()[i] - in.instalments()[i]);
            debt = Math.addExact(debt, in.borrowing()[i] - in.instalments()[i]);
            BigDecimal bound = bounds.get(year);
            BigDecimal base = basis.get(year);
            if (bound == null || percent && base == null) {
                continue;
            }
            BigDecimal boundKroner = percent ? PercentOf.kroner(bound, base) : bound;
            BigDecimal baseline = baselines.getOrDefault(year, BigDecimal.ZERO);
            baseline = percent ? PercentOf.kroner(baseline, base) : baseline;
            long effect = switch (figure.kind()) {
                case ROOM, SERVICE_BUFFER -> in.netRoom()[i];
                case CASH_HOLDINGS -> cash;
                case LONG_TERM_DEBT -> debt;
                default -> 0;
            };
            BigDecimal value = (ROOM.equals(figure.kind()) ? BigDecimal.ZERO : baseline).add(BigDecimal.valueOf(effect));
            BigDecimal over = AT_MOST.equals(figure.boundType()) ? value.subtract(boundKroner)
                    : boundKroner.subtract(value);
            boolean breached = over.signum() > 0;
            result.add(new PolicyYear(year, exact(ROOM.equals(figure.kind()) ? BigDecimal.ZERO : baseline),
                    BigDecimal.valueOf(effect), exact(value), exact(boundKroner), percent ? exact(bound) : null,
                    breached ? PolicyStatus.BREACHED : PolicyStatus.HELD, breached ? exact(over) : BigDecimal.ZERO));
        }
        return result;
    }

    private static Map<Integer, BigDecimal> byYear(List<YearValue> values) {
        Map<Integer, BigDecimal> map = new TreeMap<>();
        if (values != null) {
            values.stream().filter(v -> v != null && v.value() != null).forEach(v -> map.put(v.year(), v.value()));
        }
        return map;
    }

    /** Without trailing zeros, never in exponent form (1500000, not 1.5E+6). */
    static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
