package dk.raaderum.platform.web.http;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Query parameters as services want them, with a 400 validation problem naming the parameter when a value is wrong
 * (JAX-RS would answer a failed query-parameter conversion with a bare 404). Repeated and comma-separated values
 * are both accepted: {@code ?status=PRESENTED&status=ADOPTED} or {@code ?status=PRESENTED,ADOPTED}.
 */
public final class QueryParams {

    /**
     * The highest page number a list accepts ({@code @Max(QueryParams.MAX_PAGE)} next to {@code @Min(0)}): far beyond
     * any real list, and low enough that page × size (size at most 1000) stays an int offset.
     */
    public static final int MAX_PAGE = 1_000_000;

    private QueryParams() {
    }

    /** Every value of a repeated or comma-separated enum parameter, any case ({@link #enumValue}); empty values skipped. */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : split(values)) {
            result.add(enumValue(name, value, type));
        }
        return result;
    }

    /**
     * One value of an enum parameter in any case ({@code adopted}, {@code ADOPTED}); otherwise a 400 naming the
     * parameter and the values it takes: {@code status: 'VEDTAGET' must be one of [DRAFT, ADOPTED]}.
     */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ProblemException.validation(name + ": '" + value + "' " + allowed,
                    List.of(new FieldError(name, allowed)));
        }
    }

    public static Set<String> strings(List<String> values) {
        return Set.copyOf(split(values));
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                .toList();
    }
}
