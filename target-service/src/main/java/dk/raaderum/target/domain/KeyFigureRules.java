package dk.raaderum.target.domain;

import dk.raaderum.platform.events.PercentOf;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.target.domain.KeyFigure.YearFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of an economic policy's key figures, as a pure function: every breach is named (a stable rule name,
 * listed in docs/problems.md) with the offending field ({@code keyFigures[2].bounds}), so one answer lists them all.
 */
public final class KeyFigureRules {

    /** A policy states at least one key figure. */
    public static final String KEY_FIGURES_REQUIRED = "key-figures-required";
    /** Two figures with the same key. */
    public static final String DUPLICATE_KEY = "key-figure-duplicate";
    /** A figure without a kind. */
    public static final String KIND = "key-figure-kind";
    /** A figure without a unit (KRONER or PERCENT). */
    public static final String UNIT = "key-figure-unit";
    /** A figure without a bound type (AT_LEAST or AT_MOST). */
    public static final String BOUND_TYPE = "key-figure-bound-type";
    /** Bounds (and baseline, basis when given) state each of the policy's four years exactly once. */
    public static final String YEARS = "key-figure-years";
    /** A figure other than ROOM states its baseline (the running forecast before proposals). */
    public static final String BASELINE = "key-figure-baseline";
    /** ROOM starts from 0 (the room the selection creates): it has no baseline. */
    public static final String ROOM_BASELINE = "room-baseline";
    /** A PERCENT figure is a percent of an amount above 0 kr., its basis; a KRONER figure has none. */
    public static final String BASIS = "key-figure-basis";
    /** An amount in kroner is whole and within {@link YearAmount#MAX_ABS}. */
    public static final String AMOUNT = "key-figure-amount";
    /** A percent is within ±{@link #MAX_PERCENT}. */
    public static final String PERCENT = "key-figure-percent";

    public static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(YearAmount.MAX_ABS);

    private KeyFigureRules() {
    }

    /** What changed in a figure from one adopted version to the next. */
    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    /** Every breach of the figures of a policy whose first budget year is {@code firstBudgetYear}; empty = valid. */
    public static List<RuleBreach> check(int firstBudgetYear, List<KeyFigure> figures) {
        List<RuleBreach> breaches = new ArrayList<>();
        if (figures.isEmpty()) {
            breaches.add(new RuleBreach(KEY_FIGURES_REQUIRED, "keyFigures", "the policy states no key figure; give at least"
                    + " one (e.g. the room: at least 1.5 % of the operating budget a year)"));
        }
        List<Integer> years = Horizon.of(firstBudgetYear);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            KeyFigure figure = figures.get(i);
            String at = "keyFigures[" + i + "]";
            if (!keys.add(figure.key())) {
                breaches.add(new RuleBreach(DUPLICATE_KEY, at + ".key", "key '" + figure.key() + "' is given twice"));
            }
            checkFigure(figure, at, years, breaches);
        }
        return breaches;
    }

    private static void checkFigure(KeyFigure figure, String at, List<Integer> years, List<RuleBreach> breaches) {
        if (figure.kind() == null) {
            breaches.add(new RuleBreach(KIND, at + ".kind", "state the kind: ROOM, CASH_HOLDINGS, SERVICE_BUFFER,"
                    + " LONG_TERM_DEBT or OTHER"));
        }
        if (figure.unit() == null) {
            breaches.add(new RuleBreach(UNIT, at + ".unit", "state the unit of '" + figure.key() + "': KRONER or PERCENT"));
        }
        if (figure.boundType() == null) {
            breaches.add(new RuleBreach(BOUND_TYPE, at + ".boundType", "state the bound type of '" + figure.key()
                    + "': AT_LEAST or AT_MOST"));
        }
        years(figure.bounds(), years.get(0), at + ".bounds", breaches);
        boolean hasBaseline = figure.baseline() != null && !figure.baseline().isEmpty();
        if (figure.kind() == KeyFigureKind.ROOM && hasBaseline) {
            breaches.add(new RuleBreach(ROOM_BASELINE, at + ".baseline", "the room starts from 0 (what the proposals"
                    + " create); a ROOM figure has no baseline"));
        } else if (figure.kind() != null && figure.kind() != KeyFigureKind.ROOM && !hasBaseline) {
            breaches.add(new RuleBreach(BASELINE, at + ".baseline", "state the baseline of '" + figure.key()
                    + "' for each year: the running forecast's figure before proposals"));
        } else if (hasBaseline) {
            years(figure.baseline(), years.get(0), at + ".baseline", breaches);
        }
        if (figure.unit() == FigureUnit.PERCENT && !figure.hasBasis()) {
            breaches.add(new RuleBreach(BASIS, at + ".basis", "'" + figure.key() + "' is a percent: state the amount per"
                    + " year it is a percent of, or import the base budget of " + years.get(0) + " (its operating total"
                    + " is the default basis)"));
        } else if (figure.unit() == FigureUnit.KRONER && figure.hasBasis()) {
            breaches.add(new RuleBreach(BASIS, at + ".basis", "'" + figure.key() + "' is in kroner and has no basis; a"
                    + " basis belongs to a PERCENT figure"));
        } else if (figure.hasBasis()) {
            years(figure.basis(), years.get(0), at + ".basis", breaches);
        }
        values(figure, at, breaches);
    }

    /** Each year of the horizon exactly once, no other year. */
    private static void years(List<YearFigure> given, int firstBudgetYear, String field, List<RuleBreach> breaches) {
        breaches.addAll(Horizon.eachYearOnce(YEARS, firstBudgetYear,
                (given == null ? List.<YearFigure>of() : given).stream().map(YearFigure::year).toList(), field));
    }

    /** Kroner whole and within the bound; percents within ±1000. The basis is always kroner, above 0. */
    private static void values(KeyFigure figure, String at, List<RuleBreach> breaches) {
        boolean percent = figure.unit() == FigureUnit.PERCENT;
        value(figure.bounds(), at + ".bounds", percent, breaches);
        value(figure.baseline(), at + ".baseline", percent, breaches);
        value(figure.basis(), at + ".basis", false, breaches);
        if (figure.basis() != null) {
            for (int j = 0; j < figure.basis().size(); j++) {
                if (figure.basis().get(j).value().signum() <= 0) {
                    breaches.add(new RuleBreach(BASIS, at + ".basis[" + j + "].value", "a percent is of an amount above"
                            + " 0 kr.; " + figure.basis().get(j).value().toPlainString() + " kr. is not"));
                }
            }
        }
    }

    private static void value(List<YearFigure> values, String field, boolean percent, List<RuleBreach> breaches) {
        if (values == null) {
            return;
        }
        for (int j = 0; j < values.size(); j++) {
            BigDecimal value = values.get(j).value();
            String at = field + "[" + j + "].value";
            if (percent && value.abs().compareTo(MAX_PERCENT) > 0) {
                breaches.add(new RuleBreach(PERCENT, at, value.toPlainString() + " % is beyond ±" + MAX_PERCENT + " %"));
            } else if (!percent && value.abs().compareTo(MAX_AMOUNT) > 0) {
                breaches.add(new RuleBreach(AMOUNT, at, value.toPlainString() + " kr. is beyond the bound of every amount,"
                        + " ±" + YearAmount.MAX_ABS + " kr."));
            } else if (!percent && value.stripTrailingZeros().scale() > 0) {
                breaches.add(new RuleBreach(AMOUNT, at, value.toPlainString() + " is not whole kroner"));
            }
        }
    }

    /**
     * The figure as it is stored and compared: years in order, kroner without decimals, percents without trailing
     * zeros (so 1.50 and 1.5 are the same bound).
     */
    public static KeyFigure normalised(KeyFigure figure) {
        boolean percent = figure.unit() == FigureUnit.PERCENT;
        return new KeyFigure(figure.key(), figure.name(), figure.kind(), figure.unit(), figure.boundType(),
                normalised(figure.bounds(), percent), normalised(figure.baseline(), percent),
                normalised(figure.basis(), false), figure.hasBasis() ? figure.basisSource() : null);
    }

    private static List<YearFigure> normalised(List<YearFigure> values, boolean percent) {
        if (values == null) {
            return List.of();
        }
        return values.stream().sorted((a, b) -> Integer.compare(a.year(), b.year()))
                .map(v -> new YearFigure(v.year(), scaled(v.value(), percent))).toList();
    }

    private static BigDecimal scaled(BigDecimal value, boolean percent) {
        if (!percent) {
            return value.setScale(0, RoundingMode.UNNECESSARY);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** The bound in kroner of a percent-of-basis figure in {@code year} (half up); null for a kroner figure. */
    public static Long boundAmount(KeyFigure figure, int year) {
        BigDecimal bound = KeyFigure.valueOf(figure.bounds(), year);
        BigDecimal basis = KeyFigure.valueOf(figure.basis(), year);
        if (figure.unit() != FigureUnit.PERCENT || bound == null || basis == null) {
            return null;
        }
        return PercentOf.kroner(bound, basis).longValueExact();
    }

    /** What changed from {@code before} to {@code after}, per key: the keys of {@code after} first, then removed ones. */
    public static Map<String, Change> changes(List<KeyFigure> before, List<KeyFigure> after) {
        Map<String, KeyFigure> old = new LinkedHashMap<>();
        before.forEach(figure -> old.put(figure.key(), normalised(figure)));
        Map<String, Change> changes = new LinkedHashMap<>();
        for (KeyFigure figure : after) {
            KeyFigure previous = old.remove(figure.key());
            if (previous == null) {
                changes.put(figure.key(), Change.ADDED);
            } else if (!sameContent(previous, normalised(figure))) {
                changes.put(figure.key(), Change.CHANGED);
            }
        }
        old.keySet().forEach(key -> changes.put(key, Change.REMOVED));
        return changes;
    }

    /** Equal apart from where the basis came from. */
    private static boolean sameContent(KeyFigure a, KeyFigure b) {
        return Objects.equals(a.name(), b.name()) && a.kind() == b.kind() && a.unit() == b.unit()
                && a.boundType() == b.boundType() && a.bounds().equals(b.bounds()) && a.baseline().equals(b.baseline())
                && a.basis().equals(b.basis());
    }
}
