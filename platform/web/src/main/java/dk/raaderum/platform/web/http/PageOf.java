package dk.raaderum.platform.web.http;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page asked for (0-based), its size, and how many items match in all.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public PageOf {
        items = List.copyOf(items);
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
