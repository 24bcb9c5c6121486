package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.web.text.KronerText;
import dk.raaderum.proposal.service.simulation.BudgetSimulator.Item;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteePosition;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeStatus;
import dk.raaderum.proposal.service.simulation.SimulationModels.CommitteeYear;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each committee's position against its fixed frame in a multi-year agreement, as a pure computation. Per committee
 * and covered year: spending = the operating budget of its areas + the net change of the selected proposals of its
 * own areas; frame = the fixed frame + the compensated technical adjustments of its areas; an overrun (spending above
 * the frame) must be met by the committee's own proposals, so proposals of another committee's areas never count.
 * All amounts whole kroner at the catalog's price level.
 */
public final class CommitteeFrames {

    /** Warning: a committee's own selected proposals do not meet its overrun of the fixed frame in a year. */
    public static final String COMMITTEE_FRAME_BREACHED = "COMMITTEE_FRAME_BREACHED";

    private CommitteeFrames() {
    }

    /** A committee with its areas and its fixed frame per covered year. */
    public record Committee(String name, List<String> areaCodes, Map<Integer, Long> frames) {
    }

    /**
     * @param catalogYears the catalog's years (an item's net change is indexed by year − first)
     * @param budgets area → year → operating budget (an area or year missing: not known)
     * @param adjustments area → year → compensated technical adjustments
     */
    public record Input(List<Integer> catalogYears, List<Committee> committees, List<Item> items,
            Map<String, Map<Integer, Long>> budgets, Map<String, Map<Integer, Long>> adjustments) {
    }

    public record Output(List<CommitteePosition> committees, List<Warning> warnings) {
    }

    public static Output positions(Input in) {
        List<CommitteePosition> positions = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (Committee committee : in.committees()) {
            List<CommitteeYear> years = new ArrayList<>();
            for (Map.Entry<Integer, Long> frame : new TreeMap<>(committee.frames()).entrySet()) {
                int index = in.catalogYears().indexOf(frame.getKey());
                if (index < 0) {
                    continue;
                }
                CommitteeYear year = year(in, committee, frame.getKey(), index, frame.getValue());
                years.add(year);
                if (year.status() == CommitteeStatus.BREACHED) {
                    warnings.add(new Warning(COMMITTEE_FRAME_BREACHED, committee.name() + " exceeds its fixed frame in "
                            + year.year() + " by " + KronerText.format(year.breachedBy()) + ": its own selected"
                            + " proposals do not meet the overrun (proposals of other committees do not count)"));
                }
            }
            positions.add(new CommitteePosition(committee.name(), committee.areaCodes(), years));
        }
        return new Output(positions, warnings);
    }

    private static CommitteeYear year(Input in, Committee committee, int year, int index, long fixedFrame) {
        long own = 0;
        for (Item item : in.items()) {
            if (committee.areaCodes().contains(item.areaCode())) {
                own = Math.addExact(own, item.net()[index]);
            }
        }
        long adjustments = 0;
        long budget = 0;
        List<String> missing = new ArrayList<>();
        for (String area : committee.areaCodes()) {
            adjustments = Math.addExact(adjustments, in.adjustments().getOrDefault(area, Map.of()).getOrDefault(year, 0L));
            Long areaBudget = in.budgets().getOrDefault(area, Map.of()).get(year);
            if (areaBudget == null) {
                missing.add(area);
            } else {
                budget = Math.addExact(budget, areaBudget);
            }
        }
        long frame = Math.addExact(fixedFrame, adjustments);
        if (!missing.isEmpty()) {
            return new CommitteeYear(year, null, own, null, fixedFrame, adjustments, frame, null, null,
                    CommitteeStatus.UNKNOWN, missing);
        }
        long spending = Math.addExact(budget, own);
        long over = spending - frame;
        return new CommitteeYear(year, budget, own, spending, fixedFrame, adjustments, frame,
                Math.max(0, budget - frame), Math.max(0, over),
                over > 0 ? CommitteeStatus.BREACHED : CommitteeStatus.HELD, List.of());
    }
}
