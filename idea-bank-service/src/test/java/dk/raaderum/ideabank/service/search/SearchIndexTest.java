package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Digest;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.service.search.SearchIndex.Hit;
import dk.raaderum.ideabank.service.search.SearchIndex.Matches;
import dk.raaderum.ideabank.service.search.SearchModels.MatchedBy;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.ideabank.service.search.SearchModels.Sort;
import dk.raaderum.platform.events.ProposalType;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The filters, facets and orders that search applies in memory, on ideas whose every field is known. */
class SearchIndexTest {

    private static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");

    private static Digest idea(long id, IdeaStatus status, ProposalType type, String area, int year, Long amount,
            int adoptions, String[] municipalities, String... tags) {
        Instant created = DAY.plusSeconds(3600 * id);
        return new Digest(id, status, type, area, year, id % 2 == 0, id == 5, status == IdeaStatus.PUBLISHED
                ? created.plusSeconds(60) : null, created, amount, adoptions, municipalities, tags,
                adoptions == 0 ? null : new BigDecimal("0.9").add(BigDecimal.valueOf(id, 2)),
                BigDecimal.valueOf(id * 5 % 7, 1));
    }

    /** Ids 1–6: two families (1 with Ærø, 4 with Varde and Esbjerg), one submission, one rejection. */
    private final SearchIndex index = new SearchIndex(7, 3, List.of(
            idea(1, IdeaStatus.PUBLISHED, ProposalType.SAVING, "aeldre", 2022, 1_500_000L, 2,
                    new String[] { "787", "492" }, "velfærdsteknologi", "hjemmepleje"),
            idea(2, IdeaStatus.PUBLISHED, ProposalType.EFFICIENCY, "aeldre", 2021, null, 0, new String[] { "787" },
                    "hjemmepleje"),
            idea(3, IdeaStatus.SUBMITTED, ProposalType.INVESTMENT, "bygninger", 2022, 2_000_000L, 0,
                    new String[] { "573" }),
            idea(4, IdeaStatus.PUBLISHED, ProposalType.INVESTMENT, "bygninger", 2020, 900_000L, 5,
                    new String[] { "573", "561", "492" }, "energi"),
            idea(5, IdeaStatus.PUBLISHED, ProposalType.SAVING, "skole", 2022, 3_000_000L, 0, new String[] { "492" },
                    "energi", "hjemmepleje"),
            idea(6, IdeaStatus.REJECTED, ProposalType.SAVING, "skole", 2022, 100L, 9, new String[] { "787" })));

    private static Query query(Sort sort, Set<IdeaStatus> statuses) {
        return new Query(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null, statuses, sort,
                0, 20);
    }

    private static Query published() {
        return query(Sort.RELEVANCE, Set.of(IdeaStatus.PUBLISHED));
    }

    private static Query filtered(Set<String> areas, Set<String> municipalities, Set<String> tags, Boolean reduces) {
        return new Query(null, areas, Set.of(), municipalities, Set.of(), tags, reduces, null, null, null,
                Set.of(IdeaStatus.PUBLISHED), Sort.NEWEST, 0, 20);
    }

    private List<Long> ids(Query query) {
        Matches matches = index.selectAll(query);
        return index.page(matches, query, MatchedBy.FILTERS).stream().map(Hit::id).toList();
    }

    @Test
    void statusesAndFiltersCombineAndValuesOfAFilterAreAlternatives() {
        assertEquals(List.of(5L, 4L, 2L, 1L), ids(published()));
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), ids(query(Sort.NEWEST, Set.of(IdeaStatus.values()))));
        assertEquals(List.of(5L, 2L, 1L), ids(filtered(Set.of("aeldre", "skole"), Set.of(), Set.of(), null)));
        // a family counts for every municipality in it
        assertEquals(List.of(5L, 4L, 1L), ids(filtered(Set.of(), Set.of("492"), Set.of(), null)));
        // tags must all be present; a tag no idea has finds nothing
        assertEquals(List.of(5L), ids(filtered(Set.of(), Set.of(), Set.of("energi", "hjemmepleje"), null)));
        assertEquals(List.of(), ids(filtered(Set.of(), Set.of(), Set.of("energi", "ukendt"), null)));
        assertEquals(List.of(4L, 2L), ids(filtered(Set.of(), Set.of(), Set.of(), true)));
        assertEquals(List.of(), ids(filtered(Set.of("kultur-fritid"), Set.of(), Set.of(), null)));
    }

    @Test
    void facetsCountEveryMatchAndEveryMunicipalityOfAFamily() {
        Map<String, Map<String, Long>> facets = index.facets(index.selectAll(published()));
        assertEquals(Map.of("aeldre", 2L, "bygninger", 1L, "skole", 1L), facets.get("area"));
        assertEquals(Map.of("SAVING", 2L, "EFFICIENCY", 1L, "INVESTMENT", 1L), facets.get("type"));
        assertEquals(Map.of("787", 2L, "492", 3L, "573", 1L, "561", 1L), facets.get("municipality"));
        assertEquals(Map.of("2020", 1L, "2021", 1L, "2022", 2L), facets.get("budgetYear"));
        assertEquals(List.of("hjemmepleje", "energi", "velfærdsteknologi"), List.copyOf(facets.get("tag").keySet()));
        assertEquals(Map.of("true", 2L, "false", 2L), facets.get("reducesService"));
        assertEquals(Map.of("true", 1L, "false", 3L), facets.get("hasRealisedGains"));
    }

    @Test
    void onlyTheMostFrequentTagsAreListed() {
        List<Digest> many = IntStream.rangeClosed(1, 60).mapToObj(i -> idea(i, IdeaStatus.PUBLISHED,
                ProposalType.SAVING, "skole", 2022, 1L, 0, new String[] { "101" }, "tag" + i, "fælles")).toList();
        SearchIndex large = new SearchIndex(1, 1, many);
        Map<String, Long> tags = large.facets(large.selectAll(published())).get("tag");
        assertEquals(SearchIndex.TAG_FACET_SIZE, tags.size());
        assertEquals(Map.entry("fælles", 60L), tags.entrySet().iterator().next());
        // equally frequent tags in alphabetical order
        assertEquals("tag1", List.copyOf(tags.keySet()).get(1));
        assertEquals("tag10", List.copyOf(tags.keySet()).get(2));
    }

    private static Query evidence(Integer minAdoptions, String minRatio) {
        return new Query(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, minAdoptions,
                minRatio == null ? null : new BigDecimal(minRatio), Set.of(IdeaStatus.PUBLISHED), Sort.NEWEST, 0, 20);
    }

    @Test
    void evidenceFiltersAndTheMostProvenOrder() {
        assertEquals(List.of(4L, 1L, 5L, 2L), ids(query(Sort.MOST_PROVEN, Set.of(IdeaStatus.PUBLISHED))));
        assertEquals(List.of(4L, 1L), ids(evidence(1, null)));
        assertEquals(List.of(4L), ids(evidence(3, null)));
        assertEquals(List.of(4L, 1L), ids(evidence(null, "0.91")), "ideas without reports are left out");
        assertEquals(List.of(4L), ids(evidence(null, "0.9101")));
        assertEquals(List.of(), ids(evidence(6, "0")));
    }

    @Test
    void ordersAndPages() {
        // the text rank first, the newer idea on a tie
        Scored hits = new Scored(new long[] { 1, 2, 4, 5, 3 }, new float[] { 0.5f, 0.9f, 0.5f, 0.1f, 1f });
        Query relevance = published();
        Matches matches = index.select(relevance, hits);
        assertEquals(List.of(new Hit(2, 0.9f), new Hit(4, 0.5f), new Hit(1, 0.5f), new Hit(5, 0.1f)),
                index.page(matches, relevance, MatchedBy.FULL_TEXT));
        assertEquals(List.of(4L, 1L, 5L, 2L), ids(query(Sort.MOST_ADOPTED, Set.of(IdeaStatus.PUBLISHED))));
        // the largest amount of any year (either sign, kept as its size), ideas without amounts last
        assertEquals(List.of(5L, 1L, 4L, 2L), ids(query(Sort.LARGEST_AMOUNT, Set.of(IdeaStatus.PUBLISHED))));
        Query second = new Query(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null,
                Set.of(IdeaStatus.PUBLISHED), Sort.NEWEST, 1, 3);
        assertEquals(List.of(new Hit(1, 0)), index.page(index.selectAll(second), second, MatchedBy.FILTERS));
        Query beyond = new Query(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null,
                Set.of(IdeaStatus.PUBLISHED), Sort.NEWEST, 7, 3);
        assertEquals(List.of(), index.page(index.selectAll(beyond), beyond, MatchedBy.FILTERS));
    }
}
