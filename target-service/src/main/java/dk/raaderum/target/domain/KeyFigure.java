package dk.raaderum.target.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One key figure of an economic policy with its bound per year (stored as JSON in {@code economic_policy.key_figures}).
 *
 * @param bounds the bound per year: whole kroner, or percent (of {@code basis} when the figure has one)
 * @param baseline the figure per year before proposals (the running forecast); empty for {@link KeyFigureKind#ROOM}
 * @param basis for a percent of an amount: the amount per year in whole kroner (e.g. the operating budget); else empty
 * @param basisSource where {@code basis} came from; null without basis
 */
public record KeyFigure(String key, String name, KeyFigureKind kind, FigureUnit unit, BoundType boundType,
        List<YearFigure> bounds, List<YearFigure> baseline, List<YearFigure> basis, BasisSource basisSource) {

    /** A value for one budget year: whole kroner or percent, as the figure's unit says. */
    public record YearFigure(int year, BigDecimal value) {
    }

    public boolean hasBasis() {
        return basis != null && !basis.isEmpty();
    }

    /** The value of {@code year} in {@code values}, or null. */
    public static BigDecimal valueOf(List<YearFigure> values, int year) {
        return values == null ? null
                : values.stream().filter(v -> v.year() == year).map(YearFigure::value).findFirst().orElse(null);
    }
}
