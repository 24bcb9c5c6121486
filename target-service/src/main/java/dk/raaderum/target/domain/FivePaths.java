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

    /** What a path (or the expansions) adds up to per year, and the items it is made of. */
    private record Tally(long[] amounts, List<Item> items) {

        Tally(int years) {
            this(new long[years], new ArrayList<>());
        }

        void add(long[] row, Item item) {
            FivePaths.add(amounts, row);
            items.add(item);
        }
    }

    public static Result plan(Input input) {
        int n = input.years().size();
        Map<RoomPath, Tally> tallies = new LinkedHashMap<>();
        for (RoomPath path : RoomPath.values()) {
            tallies.put(path, new Tally(n));
        }

        quiet(input, tallies.get(RoomPath.QUIET).amounts(), tallies.get(RoomPath.QUIET).items());

        direct(input, tallies.get(RoomPath.DIRECT).amounts(), tallies.get(RoomPath.DIRECT).items());

        Tally expansions = new Tally(n);
        proposals(input, tallies, expansions);

        for (Narrow narrow : input.narrow()) {
            tallies.get(RoomPath.NARROW).add(narrow.realised(), new Item(narrow.name(),
                    "analysis " + narrow.analysisId(), narrow.realised().clone(), null));
        }

        long[] total = new long[n];
        tallies.values().forEach(tally -> add(total, tally.amounts()));
        return result(input, pathResults(tallies, total), total, expansions);
    }

    /** Adopted proposals: room of their path, or (EXPANSION) room spent. */
    private static void proposals(Input input, Map<RoomPath, Tally> tallies, Tally expansions) {
        int n = input.years().size();
        for (Proposal proposal : input.proposals()) {
            if (proposal.type() == ProposalType.EXPANSION) {
                long[] spent = new long[n];
                for (int y = 0; y < n; y++) {
                    spent[y] = -proposal.room()[y];
                }
                expansions.add(spent, new Item(proposal.number(), proposal.title(), spent, proposal.convertedFrom()));
                continue;
            }
            tallies.get(RoomPath.of(proposal.type())).add(proposal.room(), new Item(proposal.number(),
                    proposal.title(), proposal.room().clone(), proposal.convertedFrom()));
        }
    }

    /** Every path with its total and its shares of the room, overall and per year. */
    private static List<PathResult> pathResults(Map<RoomPath, Tally> tallies, long[] total) {
        long grandTotal = sum(total);
        List<PathResult> paths = new ArrayList<>();
        for (RoomPath path : RoomPath.values()) {
            long[] row = tallies.get(path).amounts();
            BigDecimal[] yearShares = new BigDecimal[row.length];
            for (int y = 0; y < row.length; y++) {
                yearShares[y] = Percent.of(row[y], total[y]);
            }
            paths.add(new PathResult(path, row, sum(row), Percent.of(sum(row), grandTotal), yearShares,
                    tallies.get(path).items()));
        }
        return paths;
    }

    /** The plan: the paths and their total against the room needed (when stated) and the room spent. */
    private static Result result(Input input, List<PathResult> paths, long[] total, Tally expansions) {
        int n = input.years().size();
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
            net[y] = total[y] - expansions.amounts()[y];
        }
        return new Result(input.years(), paths, total, input.needed(), gap, coverage, expansions.amounts(), net,
                expansions.items());
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
