package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.events.PercentOf;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.text.KronerText;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.service.simulation.SimulationModels.AreaRoom;
import dk.raaderum.proposal.service.simulation.SimulationModels.AreaYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.Selected;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;
import dk.raaderum.proposal.service.simulation.SimulationModels.YearRoom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The budget simulation as a pure computation over data already in memory (no I/O): the Excel workbook that
 * politicians used to pick proposals in. Per year and per area:
 * <ul>
 * <li>room created = −(net change) of the selected savings, efficiencies and investments (per type);</li>
 * <li>room spent = net change of the selected expansions;</li>
 * <li>frame reduction = area budget × the year's percent, for areas not exempted;</li>
 * <li>withheld compensation = area budget × percent, for the chosen areas;</li>
 * <li>net room = created − spent + frame reduction + withheld compensation;</li>
 * <li>per area: covered = created + frame reduction + compensation, between 0 and the area's target; gap = target −
 * covered.</li>
 * </ul>
 * Percentages of budgets are rounded half-up to whole kroner per area and year.
 */
public final class BudgetSimulator {

    /** Warning: an investment of the selection pays back after the catalog's last year. */
    public static final String PAYBACK_AFTER_HORIZON = "PAYBACK_AFTER_HORIZON";
    /** Warning: a year in which the selection spends more room than it creates. */
    public static final String SPENDS_MORE_THAN_CREATED = "SPENDS_MORE_THAN_CREATED";
    /** Warning: an area whose efficiency target the selection does not cover (its worst year named). */
    public static final String TARGET_GAP = "TARGET_GAP";
    /** Warning: at least the configured share of the room created rests on HIGH-uncertainty proposals. */
    public static final String HIGH_UNCERTAINTY = "HIGH_UNCERTAINTY";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BudgetSimulator() {
    }

    /** A selected proposal: its net change per catalog year (index = year − first year). */
    public record Item(long id, String number, ProposalType type, String areaCode, Uncertainty uncertainty, long[] net,
            boolean paysBackAfterHorizon) {
    }

    public record Area(String code, String name, String committee) {
    }

    /**
     * @param budgets area code → year → budget (needed only for areas a percent applies to)
     * @param targets area code → year → room to create, from target-service
     * @param framePercent year → percent (empty: no frame reduction)
     * @param compensationPercent percent (null: none)
     */
    public record Input(List<Integer> years, List<Area> areas, List<Item> items, Map<String, Map<Integer, Long>> budgets,
            Map<String, Map<Integer, Long>> targets, Map<Integer, BigDecimal> framePercent, Set<String> frameExempt,
            BigDecimal compensationPercent, Set<String> compensationAreas, BigDecimal highUncertaintyWarningPercent) {
    }

    public record Output(List<Selected> selection, List<YearRoom> years, long netRoomTotal, List<AreaRoom> areas,
            List<Warning> warnings) {
    }

    public static Output simulate(Input in) {
        Tally tally = new Tally(in);
        List<Selected> selection = new ArrayList<>(in.items().size());
        for (Item item : in.items()) {
            selection.add(new Selected(item.id(), item.number(), item.type(), item.areaCode()));
            tally.add(item);
        }
        tally.applyPercents();
        List<YearRoom> years = tally.years();
        long netTotal = years.stream().mapToLong(YearRoom::netRoom).sum();
        List<AreaRoom> areas = tally.areas();
        tally.warnOfHighUncertainty();
        return new Output(selection, years, netTotal, areas, tally.warnings);
    }

    /** The sums of one simulation, filled in the order {@link #simulate} calls its steps; warnings in that order. */
    private static final class Tally {

        private static final int CREATED = 0;
        private static final int SPENT = 1;
        private static final int FRAME = 2;
        private static final int COMPENSATION = 3;

        private final Input in;
        private final int first;
        private final int n;
        private final Map<String, long[][]> byArea = new LinkedHashMap<>(); // area → [CREATED..COMPENSATION][year]
        private final long[] savings;
        private final long[] efficiency;
        private final long[] investments;
        private final long[] spent;
        private final long[] frame;
        private final long[] compensation;
        private long createdHorizon;
        private long highHorizon;
        private final List<String> highNumbers = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();

        Tally(Input in) {
            this.in = in;
            this.first = in.years().get(0);
            this.n = in.years().size();
            for (Area area : in.areas()) {
                byArea.put(area.code(), new long[4][n]);
            }
            savings = new long[n];
            efficiency = new long[n];
            investments = new long[n];
            spent = new long[n];
            frame = new long[n];
            compensation = new long[n];
        }

        /** A selected proposal's net change: room created (by type) or spent, overall and in its area. */
        void add(Item item) {
            long[][] area = byArea.computeIfAbsent(item.areaCode(), code -> new long[4][n]);
            long itemRoom = 0;
            for (int i = 0; i < n; i++) {
                long net = item.net()[i];
                switch (item.type()) {
                    case SAVING -> savings[i] -= net;
                    case EFFICIENCY -> efficiency[i] -= net;
                    case INVESTMENT -> investments[i] -= net;
                    case EXPANSION -> spent[i] += net;
                }
                if (item.type().createsRoom()) {
                    area[CREATED][i] -= net;
                    itemRoom -= net;
                } else {
                    area[SPENT][i] += net;
                }
            }
            if (item.type().createsRoom() && itemRoom > 0) {
                createdHorizon += itemRoom;
                if (item.uncertainty() == Uncertainty.HIGH) {
                    highHorizon += itemRoom;
                    highNumbers.add(item.number());
                }
            }
            if (item.paysBackAfterHorizon()) {
                warnings.add(new Warning(PAYBACK_AFTER_HORIZON, "Investment " + item.number() + " pays back after "
                        + in.years().get(n - 1) + " (beyond the horizon)"));
            }
        }

        /** The frame reduction and the withheld compensation of each area and year. */
        void applyPercents() {
            for (Map.Entry<String, long[][]> entry : byArea.entrySet()) {
                String code = entry.getKey();
                long[][] area = entry.getValue();
                for (int i = 0; i < n; i++) {
                    int year = first + i;
                    BigDecimal percent = in.framePercent().get(year);
                    if (percent != null && !in.frameExempt().contains(code)) {
                        area[FRAME][i] = PercentOf.kroner(percent, budget(in, code, year));
                        frame[i] += area[FRAME][i];
                    }
                    if (in.compensationPercent() != null && in.compensationAreas().contains(code)) {
                        area[COMPENSATION][i] = PercentOf.kroner(in.compensationPercent(), budget(in, code, year));
                        compensation[i] += area[COMPENSATION][i];
                    }
                }
            }
        }

        List<YearRoom> years() {
            List<YearRoom> years = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long created = savings[i] + efficiency[i] + investments[i];
                long net = created - spent[i] + frame[i] + compensation[i];
                years.add(new YearRoom(first + i, created, savings[i], efficiency[i], investments[i], spent[i],
                        frame[i], compensation[i], net));
                if (net < 0) {
                    warnings.add(new Warning(SPENDS_MORE_THAN_CREATED, "The selection spends "
                            + KronerText.format(-net) + " more than it creates in " + (first + i)));
                }
            }
            return years;
        }

        List<AreaRoom> areas() {
            List<AreaRoom> areas = new ArrayList<>(byArea.size());
            Map<String, Area> known = new LinkedHashMap<>();
            in.areas().forEach(area -> known.put(area.code(), area));
            for (Map.Entry<String, long[][]> entry : byArea.entrySet()) {
                String code = entry.getKey();
                Area area = known.getOrDefault(code, new Area(code, code, null));
                areas.add(new AreaRoom(code, area.name(), area.committee(), areaYears(code, entry.getValue())));
            }
            return areas;
        }

        /** An area's years; covered = created + frame + compensation between 0 and the target. */
        private List<AreaYear> areaYears(String code, long[][] values) {
            Map<Integer, Long> targets = in.targets().getOrDefault(code, Map.of());
            List<AreaYear> areaYears = new ArrayList<>(n);
            long worstGap = 0;
            int worstYear = 0;
            for (int i = 0; i < n; i++) {
                int year = first + i;
                long contribution = values[CREATED][i] + values[FRAME][i] + values[COMPENSATION][i];
                Long target = targets.get(year);
                Long covered = target == null ? null : Math.max(0, Math.min(contribution, target));
                Long gap = target == null ? null : target - covered;
                if (gap != null && gap > worstGap) {
                    worstGap = gap;
                    worstYear = year;
                }
                areaYears.add(new AreaYear(year, values[CREATED][i], values[SPENT][i], values[FRAME][i],
                        values[COMPENSATION][i], contribution - values[SPENT][i], target, covered, gap));
            }
            if (worstGap > 0) {
                warnings.add(new Warning(TARGET_GAP, "Area " + code + " misses its efficiency target by "
                        + KronerText.format(worstGap) + " in " + worstYear));
            }
            return areaYears;
        }

        /** First among the warnings: the share of the room created that rests on HIGH-uncertainty proposals. */
        void warnOfHighUncertainty() {
            if (createdHorizon > 0 && in.highUncertaintyWarningPercent() != null) {
                BigDecimal share = BigDecimal.valueOf(highHorizon).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(createdHorizon), 1, RoundingMode.HALF_UP);
                if (highHorizon > 0 && share.compareTo(in.highUncertaintyWarningPercent()) >= 0) {
                    warnings.add(0, new Warning(HIGH_UNCERTAINTY, share.stripTrailingZeros().toPlainString()
                            + " % of the room created rests on HIGH-uncertainty proposals ("
                            + String.join(", ", highNumbers) + ")"));
                }
            }
        }
    }

    private static long budget(Input in, String area, int year) {
        Long budget = in.budgets().getOrDefault(area, Map.of()).get(year);
        if (budget == null) {
            throw new MissingBudgetException(area, year);
        }
        return budget;
    }


    /** A percent applies to an area whose budget is unknown. */
    public static final class MissingBudgetException extends RuntimeException {

        private final String area;
        private final int year;

        MissingBudgetException(String area, int year) {
            super("No budget of area " + area + " for " + year, null, false, false);
            this.area = area;
            this.year = year;
        }

        public String area() {
            return area;
        }

        public int year() {
            return year;
        }
    }
}
