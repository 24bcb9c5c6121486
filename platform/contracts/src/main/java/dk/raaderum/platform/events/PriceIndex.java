package dk.raaderum.platform.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A price and wage index (pris- og lønindeks) per year: what PL-regulering converts amounts with. An amount at
 * {@code from}'s prices is {@code amount × index(to) / index(from)} at {@code to}'s prices, computed exactly in
 * BigDecimal and rounded half even to whole kroner. The index's base does not matter, only the ratios. Immutable.
 */
public final class PriceIndex {

    /** The lowest and highest year an index may name: the platform's range of budget years. */
    public static final int MIN_YEAR = BudgetYears.FIRST;
    public static final int MAX_YEAR = BudgetYears.LAST;
    /** An index is positive and below this (a base of 100 leaves room for centuries of inflation). */
    public static final BigDecimal MAX_INDEX = new BigDecimal("1000000");
    /** The most decimals an index may have. */
    public static final int MAX_DECIMALS = 6;

    /** The shipped default series: KL's PL for service expenses, 2019–2031 ({@code pl-serviceudgifter.csv}). */
    public static final String DEFAULT_SOURCE = "KL pris- og lønskøn, serviceudgifter (approximate; update to KL's latest)";
    private static final PriceIndex KL_DEFAULT = load("pl-serviceudgifter.csv");

    private final NavigableMap<Integer, BigDecimal> indices;

    private PriceIndex(NavigableMap<Integer, BigDecimal> indices) {
        this.indices = Collections.unmodifiableNavigableMap(indices);
    }

    /** An index of the given years; every year within {@link #MIN_YEAR}–{@link #MAX_YEAR}, every index valid. */
    public static PriceIndex of(Map<Integer, BigDecimal> indices) {
        NavigableMap<Integer, BigDecimal> copy = new TreeMap<>();
        indices.forEach((year, index) -> {
            Objects.requireNonNull(index, "index of " + year);
            if (!validYear(year) || !validIndex(index)) {
                throw new IllegalArgumentException("Not a valid index: " + year + " = " + index);
            }
            copy.put(year, normalised(index));
        });
        return new PriceIndex(copy);
    }

    /**
     * The platform's default: KL's pris- og lønskøn for service expenses (serviceudgifter), 2019–2031, shipped as
     * data. Approximate; every municipality should overlay it with KL's latest skøn.
     */
    public static PriceIndex klDefault() {
        return KL_DEFAULT;
    }

    public static boolean validYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Positive, below {@link #MAX_INDEX}, at most {@link #MAX_DECIMALS} decimals. */
    public static boolean validIndex(BigDecimal index) {
        return index.signum() > 0 && index.compareTo(MAX_INDEX) < 0
                && index.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /** Without trailing zeros, never in exponent form: 100.0000 → 100, 101.80 → 101.8. */
    private static BigDecimal normalised(BigDecimal index) {
        BigDecimal stripped = index.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** This index with {@code overrides} in place of (or in addition to) its own years. */
    public PriceIndex overlaidWith(Map<Integer, BigDecimal> overrides) {
        NavigableMap<Integer, BigDecimal> merged = new TreeMap<>(indices);
        merged.putAll(overrides);
        return of(merged);
    }

    /** The years and their indices, ascending. */
    public NavigableMap<Integer, BigDecimal> indices() {
        return indices;
    }

    public boolean has(int year) {
        return indices.containsKey(year);
    }

    /** The index of {@code year}; {@link PriceLevelMissingException} naming the year when it has none. */
    public BigDecimal index(int year) {
        BigDecimal index = indices.get(year);
        if (index == null) {
            throw new PriceLevelMissingException(year, range());
        }
        return index;
    }

    /**
     * {@code amount} (whole kroner at {@code fromYear}'s prices) at {@code toYear}'s prices: exact, rounded half even
     * to whole kroner. The same year needs no index; two different years need both.
     *
     * @throws PriceLevelMissingException when either year has no index
     * @throws ArithmeticException when the result is beyond {@link YearAmount#MAX_ABS}
     */
    public long convert(long amount, int fromYear, int toYear) {
        if (fromYear == toYear) {
            return amount;
        }
        BigDecimal from = index(fromYear);
        BigDecimal to = index(toYear);
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(to);
        BigDecimal converted = exact.divide(from, 0, RoundingMode.HALF_EVEN);
        if (converted.abs().compareTo(BigDecimal.valueOf(YearAmount.MAX_ABS)) > 0) {
            throw new ArithmeticException(amount + " kr. at " + fromYear + " prices is beyond "
                    + YearAmount.MAX_ABS + " kr. at " + toYear + " prices");
        }
        return converted.longValueExact();
    }

    /** The factor index(to) / index(from), for display (ten decimals, half even). */
    public BigDecimal factor(int fromYear, int toYear) {
        return index(toYear).divide(index(fromYear), 10, RoundingMode.HALF_EVEN);
    }

    /** The covered years as {@code 2019–2031} (or {@code none}). */
    public String range() {
        return indices.isEmpty() ? "none" : indices.firstKey() + "–" + indices.lastKey();
    }

    /** Reads {@code år;indeks;…} lines (decimal comma), skipping {@code #} comments and the header. */
    private static PriceIndex load(String resource) {
        Map<Integer, BigDecimal> years = new TreeMap<>();
        try (InputStream in = PriceIndex.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the platform-contracts jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(";", -1);
                years.put(Integer.parseInt(fields[0].strip()), new BigDecimal(fields[1].strip().replace(',', '.')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(years);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PriceIndex index && indices.equals(index.indices);
    }

    @Override
    public int hashCode() {
        return indices.hashCode();
    }

    @Override
    public String toString() {
        return "PriceIndex" + indices;
    }
}
