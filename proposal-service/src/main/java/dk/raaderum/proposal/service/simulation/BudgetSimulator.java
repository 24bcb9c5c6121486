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
        int first = in.years().get(0);
        int n = in.years().size();
        Map<String, long[][]> byArea = new LinkedHashMap<>(); // area → [created, spent, frame, comp][year]
        for (Area area : in.areas()) {
            byArea.put(area.code(), new long[4][n]);
        }
        long[] savings = new long[n];
        long[] efficiency = new long[n];
        long[] investments = new long[n];
        long[] spent = new long[n];
        long createdHorizon = 0;
        long highHorizon = 0;
        List<String> highNumbers = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Selected> selection = new ArrayList<>(in.items().size());

        for (Item item : in.items()) {
            selection.add(new Selected(item.id(), item.number(), item.type(), item.areaCode()));
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
                    area[0][i] -= net;
                    itemRoom -= net;
                } else {
                    area[1][i] += net;
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
                warnings.add(new Warning("PAYBACK_AFTER_HORIZON", "Investment " + item.number() + " pays back after "
                        + in.years().get(n - 1) + " (beyond the horizon)"));
            }
        }

        long[] frame = new long[n];
        long[] compensation = new long[n];
        for (Map.Entry<String, long[][]> entry : byArea.entrySet()) {
            String code = entry.getKey();
            for (int i = 0; i < n; i++) {
                int year = first + i;
                BigDecimal percent = in.framePercent().get(year);
                if (percent != null && !in.frameExempt().contains(code)) {
                    entry.getValue()[2][i] = PercentOf.kroner(percent, budget(in, code, year));
                    frame[i] += entry.getValue()[2][i];
                }
                if (in.compensationPercent() != null && in.compensationAreas().contains(code)) {
                    entry.getValue()[3][i] = PercentOf.kroner(in.compensationPercent(), budget(in, code, year));
                    compensation[i] += entry.getValue()[3][i];
                }
            }
        }

        List<YearRoom> years = new ArrayList<>(n);
        long netTotal = 0;
        for (int i = 0; i < n; i++) {
            long created = savings[i] + efficiency[i] + investments[i];
            long net = created - spent[i] + frame[i] + compensation[i];
            netTotal += net;
            years.add(new YearRoom(first + i, created, savings[i], efficiency[i], investments[i], spent[i], frame[i],
                    compensation[i], net));
            if (net < 0) {
                warnings.add(new Warning("SPENDS_MORE_THAN_CREATED", "The selection spends " + KronerText.format(-net)
                        + " more than it creates in " + (first + i)));
            }
        }

        List<AreaRoom> areas = new ArrayList<>(byArea.size());
        Map<String, Area> known = new LinkedHashMap<>();
        in.areas().forEach(area -> known.put(area.code(), area));
        for (Map.Entry<String, long[][]> entry : byArea.entrySet()) {
            String code = entry.getKey();
            long[][] values = entry.getValue();
            Map<Integer, Long> targets = in.targets().getOrDefault(code, Map.of());
            List<AreaYear> areaYears = new ArrayList<>(n);
            long worstGap = 0;
            int worstYear = 0;
            for (int i = 0; i < n; i++) {
                int year = first + i;
                long contribution = values[0][i] + values[2][i] + values[3][i];
                Long target = targets.get(year);
                Long covered = target == null ? null : Math.max(0, Math.min(contribution, target));
                Long gap = target == null ? null : target - covered;
                if (gap != null && gap > worstGap) {
                    worstGap = gap;
                    worstYear = year;
                }
                areaYears.add(new AreaYear(year, values[0][i], values[1][i], values[2][i], values[3][i],
                        contribution - values[1][i], target, covered, gap));
            }
            if (worstGap > 0) {
                warnings.add(new Warning("TARGET_GAP", "Area " + code + " misses its efficiency target by "
                        + KronerText.format(worstGap) + " in " + worstYear));
            }
            Area area = known.getOrDefault(code, new Area(code, code, null));
            areas.add(new AreaRoom(code, area.name(), area.committee(), areaYears));
        }

        if (createdHorizon > 0 && in.highUncertaintyWarningPercent() != null) {
            BigDecimal share = BigDecimal.valueOf(highHorizon).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(createdHorizon), 1, RoundingMode.HALF_UP);
            if (highHorizon > 0 && share.compareTo(in.highUncertaintyWarningPercent()) >= 0) {
                warnings.add(0, new Warning("HIGH_UNCERTAINTY", share.stripTrailingZeros().toPlainString()
                        + " % of the room created rests on HIGH-uncertainty proposals (" + String.join(", ", highNumbers)
                        + ")"));
            }
        }
        return new Output(selection, years, netTotal, areas, warnings);
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
