package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.proposal.repository.Visibility;
import dk.raaderum.proposal.service.CatalogSnapshot.Entry;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The proposal list of a catalog: filter, order and page a {@link CatalogSnapshot} in memory (a catalog holds a few
 * hundred proposals). Pure: the caller supplies what the caller may see and the areas of the chosen committees.
 */
final class ProposalSearch {

    /** Sort keys of the list API; a leading '-' sorts descending. Texts sort in Danish order (… Z, Æ, Ø, Å). */
    static final Map<String, Comparator<Entry>> SORTS = Map.of(
            "number", Comparator.comparing(Entry::numberKey),
            "title", Comparator.comparing(Entry::titleKey),
            "netTotal", Comparator.comparingLong(Entry::netTotal),
            "area", Comparator.comparing(Entry::areaKey),
            "type", Comparator.comparing(e -> e.type().name()),
            "status", Comparator.comparing(e -> e.status().name()),
            "createdAt", Comparator.comparing(Entry::createdAt));

    private static final Comparator<Entry> BY_ID = Comparator.comparingLong(Entry::id);

    private ProposalSearch() {
    }

    /** {@code netTotal} or {@code -netTotal}, ties by id; by number when absent; empty for an unknown key. */
    static Optional<Comparator<Entry>> order(String sort) {
        String key = sort == null ? "number" : sort;
        boolean descending = key.startsWith("-");
        return Optional.ofNullable(SORTS.get(descending ? key.substring(1) : key))
                .map(order -> (descending ? order.reversed() : order).thenComparing(BY_ID));
    }

    /**
     * @param committeeAreas the area codes of the filter's committees (ignored when the filter names none)
     */
    static PageOf<Entry> page(CatalogSnapshot snapshot, ProposalFilter filter, Set<String> committeeAreas,
            Visibility visibility, Comparator<Entry> order, int page, int size) {
        Predicate<Entry> matches = matches(filter, committeeAreas);
        List<Entry> found = snapshot.proposals().stream()
                .filter(entry -> entry.visibleTo(visibility))
                .filter(matches)
                .sorted(order)
                .toList();
        long from = (long) page * size;
        List<Entry> items = from >= found.size() ? List.of()
                : found.subList((int) from, (int) Math.min(found.size(), from + size));
        return new PageOf<>(items, page, size, found.size());
    }

    private static Predicate<Entry> matches(ProposalFilter filter, Set<String> committeeAreas) {
        Predicate<Entry> all = entry -> true;
        if (!filter.types().isEmpty()) {
            all = all.and(entry -> filter.types().contains(entry.type()));
        }
        if (!filter.areas().isEmpty()) {
            all = all.and(entry -> filter.areas().contains(entry.areaCode()));
        }
        if (!filter.committees().isEmpty()) {
            all = all.and(entry -> committeeAreas.contains(entry.areaCode()));
        }
        if (!filter.statuses().isEmpty()) {
            all = all.and(entry -> filter.statuses().contains(entry.status()));
        }
        if (!filter.origins().isEmpty()) {
            all = all.and(entry -> filter.origins().contains(entry.originKind()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().toLowerCase(Locale.ROOT);
            all = all.and(entry -> entry.contains(text));
        }
        return all;
    }
}
