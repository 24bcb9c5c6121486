package dk.raaderum.ideabank.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the follow-up of an idea's adopted proposals shows: per initiative the realised gain over the expected (the
 * sums of its latest reports), and across them the count, the sums, the median and spread of the ratios, and the
 * "most proven" score.
 *
 * <p>The score is the lower bound of the 95 % Wilson interval of the share of the expected gain that is realised,
 * with every initiative one trial, its ratio capped to 0–1 as its success. The amounts do not enter it, so one large
 * municipality's big success (one trial: 0.21) does not outrank five that each realised 90 % (0.46): it rewards
 * consistent realisation across many municipalities, and is 0 without reports.
 *
 * @param initiatives initiatives that reported a gain expected
 * @param expected the expected gains summed (whole kroner, positive)
 * @param realised the realised gains summed
 * @param median the median ratio, four decimals; null without initiatives (as min and max)
 */
public record Realisation(int initiatives, long expected, long realised, BigDecimal median, BigDecimal min,
        BigDecimal max, BigDecimal provenScore) {

    /** One initiative's sums over its latest reports. */
    public record Figures(long expected, long realised) {

        public BigDecimal ratio() {
            return BigDecimal.valueOf(realised).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP);
        }
    }

    private static final double Z = 1.96;

    public static final Realisation NONE = new Realisation(0, 0, 0, null, null, null, BigDecimal.ZERO.setScale(4));

    /** Over the initiatives that expected a gain (the others say nothing of realisation). */
    public static Realisation of(List<Figures> initiatives) {
        List<Figures> counted = initiatives.stream().filter(f -> f.expected() > 0).toList();
        if (counted.isEmpty()) {
            return NONE;
        }
        List<BigDecimal> ratios = counted.stream().map(Figures::ratio).sorted().toList();
        long expected = counted.stream().mapToLong(Figures::expected).reduce(0, Math::addExact);
        long realised = counted.stream().mapToLong(Figures::realised).reduce(0, Math::addExact);
        return new Realisation(counted.size(), expected, realised, median(ratios), ratios.get(0),
                ratios.get(ratios.size() - 1), provenScore(ratios));
    }

    public boolean hasRealisedGains() {
        return realised > 0;
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
    }

    /** The Wilson lower bound (z = 1.96) of the mean capped ratio over n initiatives; a score, not an amount. */
    static BigDecimal provenScore(List<BigDecimal> ratios) {
        int n = ratios.size();
        double p = ratios.stream().mapToDouble(r -> Math.max(0, Math.min(1, r.doubleValue()))).sum() / n;
        double z2 = Z * Z;
        double bound = (p + z2 / (2 * n) - Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
        return BigDecimal.valueOf(Math.max(0, bound)).setScale(4, RoundingMode.HALF_UP);
    }
}
