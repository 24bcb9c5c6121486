package dk.raaderum.target.domain;

import dk.raaderum.platform.events.PercentOf;
import dk.raaderum.platform.events.ProposalType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five paths to fiscal room in one plan for a budget year, as a pure function: the room each path creates per
 * year, the total against the room needed, and each path's share of the total.
 * <ul>
 * <li>QUIET: the budget year's technical adjustment lines that are not compensated, per line and year (when the
 * budget year has lines: they win); else, per chosen area and year, withheld compensation percent × the area's
 * budget;</li>
 * <li>DIRECT: per year, the frame reduction percent × the budget of the areas not exempted, spread over those areas
 * by {@link LargestRemainder} (so the areas sum exactly to the path);</li>
 * <li>BROAD: room (−net change) of adopted SAVING and EFFICIENCY proposals;</li>
 * <li>CROSS_CUTTING: room of adopted INVESTMENT proposals, net per year (negative while the investment costs);</li>
 * <li>NARROW: the potential realised so far, per analysis.</li>
 * </ul>
 * Adopted EXPANSION proposals spend room: they are shown separately and are not a path. Every amount comes in at the
 * plan's price level (the caller PL-regulates); a proposal says which level its room was converted from.
 */
public final class FivePaths {

    private FivePaths() {
    }

    public record Withholding(String areaCode, CompensationKind kind, BigDecimal[] percent) {
    }

    /**
     * A technical adjustment line the area absorbs (not compensated): its amounts per year are room of the quiet path.
     *
     * @param amounts per year at the plan's price level (positive = the area absorbs a cost)
     * @param convertedFrom the price level {@code amounts} were converted from; null when they were at the plan's
     */
    public record Absorbed(String areaCode, CompensationKind kind, String description, long[] amounts,
            Integer convertedFrom) {
    }

    /**
     * @param room room per year (positive = created), at the plan's price level
     * @param convertedFrom the price level {@code room} was converted from; null when it was at the plan's
     */
    public record Proposal(long id, String number, String title, ProposalType type, String areaCode, long[] room,
            Integer convertedFrom) {
    }

    public record Narrow(long analysisId, String name, long[] realised) {
    }

    /**
     * @param budgets per area code the operating budget per year (ordered as the base budget)
     * @param needed the room needed per year; null when the plan states none
     * @param absorbed the technical adjustment lines not compensated; null when the budget year has no lines (then
     *        {@code quiet}'s percentages make the quiet path; else they are not used)
     * @param directPercent the frame reduction per year (null entries: none that year); null = no direct path
     */
    public record Input(List<Integer> years, long[] needed, Map<String, long[]> budgets, List<Withholding> quiet,
            List<Absorbed> absorbed, BigDecimal[] directPercent, Set<String> directExempt, List<Proposal> proposals, List<Narrow> narrow) {
    }

    /**
     * @param label an area code, a proposal number or an analysis name
     * @param convertedFrom the price level {@code amounts} were converted from; null when they were at the plan's
     */
    public record Item(String label, String detail, long[] amounts, Integer convertedFrom) {
    }

    /**
     * @param sharePercent the path's share of all room over the horizon; null when there is no room
     * @param yearShares per year the path's share of the year's room
     */
    public record PathResult(RoomPath path, long[] amounts, long total, BigDecimal sharePercent, BigDecimal[] yearShares,
            List<Item> items) {
    }

    /**
     * @param gap needed − total per year (positive = room still missing); null without needed
     * @param coverage total / needed × 100 per year; null without needed
     * @param netRoom total − expansions per year
     */
    public record Result(List<Integer> years, List<PathResult> paths, long[] total, long[] needed, long[] gap,
            BigDecimal[] coverage, long[] expansions, long[] netRoom, List<Item> expansionItems) {
    }

    public static Result plan(Input input) {
        int n = input.years().size();
        Map<RoomPath, long[]> amounts = new LinkedHashMap<>();
        Map<RoomPath, List<Item>> items = new LinkedHashMap<>();
        for (RoomPath path : RoomPath.values()) {
            amounts.put(path, new long[n]);
            items.put(path, new ArrayList<>());
        }

        quiet(input, amounts.get(RoomPath.QUIET), items.get(RoomPath.QUIET));

        direct(input, amounts.get(RoomPath.DIRECT), items.get(RoomPath.DIRECT));

        long[] expansions = new long[n];
        List<Item> expansionItems = new ArrayList<>();
        for (Proposal proposal : input.proposals()) {
            if (proposal.type() == ProposalType.EXPANSION) {
                long[] spent = new long[n];
                for (int y = 0; y < n; y++) {
                    spent[y] = -proposal.room()[y];
                }
                add(expansions, spent);
                expansionItems.add(new Item(proposal.number(), proposal.title(), spent, proposal.convertedFrom()));
                continue;
            }
            RoomPath path = RoomPath.of(proposal.type());
            add(amounts.get(path), proposal.room());
            items.get(path).add(new Item(proposal.number(), proposal.title(), proposal.room().clone(),
                    proposal.convertedFrom()));
        }

        for (Narrow narrow : input.narrow()) {
            add(amounts.get(RoomPath.NARROW), narrow.realised());
            items.get(RoomPath.NARROW).add(new Item(narrow.name(), "analysis " + narrow.analysisId(),
                    narrow.realised().clone(), null));
        }

        long[] total = new long[n];
        amounts.values().forEach(row -> add(total, row));
        long grandTotal = sum(total);
        List<PathResult> paths = new ArrayList<>();
        for (RoomPath path : RoomPath.values()) {
            long[] row = amounts.get(path);
            BigDecimal[] yearShares = new BigDecimal[n];
            for (int y = 0; y < n; y++) {
                yearShares[y] = Percent.of(row[y], total[y]);
            }
            paths.add(new PathResult(path, row, sum(row), Percent.of(sum(row), grandTotal), yearShares, items.get(path)));
        }
        long[] gap = null;
        BigDecimal[] coverage = null;
        if (input.needed() != null) {
            gap = new long[n];
            coverage = new BigDecimal[n];
            for (int y = 0; y < n; y++) {
                gap[y] = input.needed()[y] - total[y];
                coverage[y] = Percent.of(total[y], input.needed()[y]);
            }
        }
        long[] net = new long[n];
        for (int y = 0; y < n; y++) {
            net[y] = total[y] - expansions[y];
        }
        return new Result(input.years(), paths, total, input.needed(), gap, coverage, expansions, net, expansionItems);
    }

    /**
     * The direct path: per year the frame reduction percent × the budget of the areas not exempted, spread over those
     * areas by {@link LargestRemainder}; nothing without a frame reduction.
     */
    private static void direct(Input input, long[] direct, List<Item> items) {
        if (input.directPercent() == null) {
            return;
        }
        int n = input.years().size();
        List<String> carrying = input.budgets().keySet().stream()
                .filter(code -> !input.directExempt().contains(code)).toList();
        long[][] perArea = new long[carrying.size()][n];
        for (int y = 0; y < n; y++) {
            BigDecimal percent = input.directPercent()[y];
            if (percent == null) {
                continue;
            }
            BigDecimal[] weights = new BigDecimal[carrying.size()];
            long base = 0;
            for (int a = 0; a < carrying.size(); a++) {
                long budget = input.budgets().get(carrying.get(a))[y];
                weights[a] = BigDecimal.valueOf(budget);
                base += budget;
            }
            long reduction = PercentOf.kroner(percent, base);
            long[] split = reduction == 0 || base == 0 ? new long[carrying.size()]
                    : LargestRemainder.split(reduction, weights, carrying.toArray(String[]::new));
            for (int a = 0; a < carrying.size(); a++) {
                perArea[a][y] = split[a];
            }
            direct[y] = reduction;
        }
        for (int a = 0; a < carrying.size(); a++) {
            items.add(new Item(carrying.get(a), "frame reduction", perArea[a], null));
        }
        for (String exempt : input.directExempt()) {
            items.add(new Item(exempt, "exempt", new long[n], null));
        }
    }

    /** The quiet path: the lines not compensated when there are lines (they win), else the withheld percentages. */
    private static void quiet(Input input, long[] quiet, List<Item> items) {
        int n = input.years().size();
        if (input.absorbed() != null) {
            for (Absorbed line : input.absorbed()) {
                add(quiet, line.amounts());
                items.add(new Item(line.areaCode(), line.kind().name() + ": " + line.description(),
                        line.amounts().clone(), line.convertedFrom()));
            }
            return;
        }
        for (Withholding withholding : input.quiet()) {
            long[] budget = input.budgets().getOrDefault(withholding.areaCode(), new long[n]);
            long[] row = new long[n];
            for (int y = 0; y < n; y++) {
                BigDecimal percent = withholding.percent()[y];
                row[y] = percent == null ? 0 : PercentOf.kroner(percent, budget[y]);
            }
            add(quiet, row);
            items.add(new Item(withholding.areaCode(), withholding.kind().name(), row, null));
        }
    }

    private static void add(long[] into, long[] row) {
        for (int i = 0; i < into.length; i++) {
            into[i] += row[i];
        }
    }

    private static long sum(long[] row) {
        long sum = 0;
        for (long value : row) {
            sum += value;
        }
        return sum;
    }
}
