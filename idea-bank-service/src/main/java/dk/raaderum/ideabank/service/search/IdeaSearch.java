package dk.raaderum.ideabank.service.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.raaderum.ideabank.config.IdeaBankConfig;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.HitRow;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.TextQuery;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Texts;
import dk.raaderum.ideabank.repository.Jdbc.Reads;
import dk.raaderum.ideabank.service.IdeaViews;
import dk.raaderum.ideabank.service.search.SearchIndex.Hit;
import dk.raaderum.ideabank.service.search.SearchIndex.Matches;
import dk.raaderum.ideabank.service.search.SearchModels.FacetValue;
import dk.raaderum.ideabank.service.search.SearchModels.IdeaHit;
import dk.raaderum.ideabank.service.search.SearchModels.MatchedBy;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.ideabank.service.search.SearchModels.Result;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finding ideas: Danish full-text search (stemming, split compounds, websearch syntax, ranked title › summary ›
 * compound parts › description) with highlighted snippets; when the words match nothing, titles spelt alike
 * ("hjemmeplejn" finds "hjemmeplejen", looked up among the distinct title words in memory: {@link TitleSpelling});
 * facets with counts over all hits. Words that are only stop words search nothing: the filters alone apply.
 *
 * <p>A search reads one snapshot. Its result is kept in memory under the search version it was computed at (one
 * small query per search reads the version; every committed change to a searchable idea raises it), so a repeated
 * search is answered from memory while nothing has changed, and never from an older state once something has, from
 * any instance of the service. Hits and misses: {@code cache_gets_total{cache="idea-search"}}. A query of one word
 * (with exclusions or not) is found and ranked in memory ({@link OneWordRanks}); PostgreSQL finds and ranks the ideas
 * that match other words. Either is kept under the version of the texts, which only an added idea or a changed text
 * raises, so paging, filtering and sorting them again, or a curation meanwhile, does not search the texts again
 * ({@code cache="idea-search-words"}); filters, facets and order come from the {@link SearchIndex} of the same version
 * ({@code raaderum_idea_search_index_loads_seconds}).
 */
@ApplicationScoped
public class IdeaSearch {

    private static final long MB = 1024L * 1024L;

    private final IdeaSearchRepository repository;
    private final Cache<Key, Result> results;
    private final Cache<Long, SearchIndex> indexes;
    private final Cache<Words, Scored> wordHits;
    private final Cache<Long, TitleSpelling> spellings;
    private final OneWordRanks oneWordRanks;
    private final Timer indexLoads;

    /** A search at a version of the bank. */
    private record Key(long version, Query query) {
    }

    /** Words at a version of the texts, matched as text or by spelling. */
    private record Words(long textVersion, String words, MatchedBy mode) {
    }

    public IdeaSearch(IdeaSearchRepository repository, IdeaBankConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.results = Caffeine.newBuilder().maximumWeight(config.search().resultsCacheMb() * MB)
                .<Key, Result>weigher((key, result) -> 16 * 1024 + 2 * 1024 * result.items().size()).recordStats().build();
        this.indexes = Caffeine.newBuilder().maximumSize(2).build();
        this.wordHits = Caffeine.newBuilder().maximumWeight(config.search().hitsCacheMb() * MB)
                .<Words, Scored>weigher((words, hits) -> 64 + 12 * hits.ids().length).recordStats().build();
        this.spellings = Caffeine.newBuilder().maximumSize(1).build();
        this.oneWordRanks = new OneWordRanks(repository, registry);
        this.indexLoads = Timer.builder("raaderum.idea-search.index.loads")
                .description("Reads of every idea's search fields, once per search version").register(registry);
        CaffeineCacheMetrics.monitor(registry, results, "idea-search");
        CaffeineCacheMetrics.monitor(registry, wordHits, "idea-search-words");
    }

    public Result search(Query query) {
        return results.get(new Key(repository.version(), query),
                key -> repository.snapshot(reads -> compute(reads, query, true)));
    }

    /** The search computed now, without kept results or hits (what a search no one has asked before costs). */
    public Result compute(Query query) {
        return repository.snapshot(reads -> compute(reads, query, false));
    }

    private Result compute(Reads reads, Query query, boolean keptHits) {
        SearchIndex index = index(reads);
        TextQuery text = query.hasWords() ? repository.textQuery(reads, query.words()) : null;
        MatchedBy mode = text != null && text.hasLexemes() ? MatchedBy.FULL_TEXT : MatchedBy.FILTERS;
        Matches matches = mode == MatchedBy.FULL_TEXT
                ? index.select(query, hits(reads, index, query.words(), text, mode, keptHits)) : index.selectAll(query);
        if (mode == MatchedBy.FULL_TEXT && matches.count() == 0 && !text.negates()) {
            mode = MatchedBy.SIMILAR_SPELLING;
            matches = index.select(query, hits(reads, index, query.words(), text, mode, keptHits));
        }
        List<Hit> hits = index.page(matches, query, mode);
        Map<Long, HitRow> rows = repository.rows(reads, hits.stream().map(Hit::id).toList(),
                mode == MatchedBy.FULL_TEXT ? query.words() : null);
        List<IdeaHit> items = new ArrayList<>();
        for (Hit hit : hits) {
            HitRow row = rows.get(hit.id());
            if (row != null) {
                items.add(hit(row, hit.score()));
            }
        }
        return new Result(items, query.page(), query.size(), matches.count(), mode, labelled(index.facets(matches)));
    }

    /** The ideas that match the words as text, or whose titles are spelt alike. */
    private Scored hits(Reads reads, SearchIndex index, String words, TextQuery text, MatchedBy mode, boolean kept) {
        Function<Words, Scored> search = key -> mode == MatchedBy.FULL_TEXT ? textHits(reads, index, words, text)
                : spelling(reads, index.textVersion).similar(words);
        Words key = new Words(index.textVersion, words, mode);
        return kept ? wordHits.get(key, search) : search.apply(key);
    }

    /** The ideas that match the words as text, ranked: one word found and ranked in memory once its texts are there. */
    private Scored textHits(Reads reads, SearchIndex index, String words, TextQuery text) {
        Scored hits = text.singleWord() == null ? null : oneWordRanks.hits(index.textVersion, text);
        return hits != null ? hits : repository.textHits(reads, words);
    }

    /** Builds the words and one-word ranks of the newest texts now (searches use them from then on). */
    void buildOneWordRanks() {
        oneWordRanks.build();
    }

    @PreDestroy
    void close() {
        oneWordRanks.close();
    }

    /** The index of the snapshot's search version: read once per version, by the first search that needs it. */
    private SearchIndex index(Reads reads) {
        return indexes.get(repository.version(reads),
                version -> indexLoads.record(() -> new SearchIndex(version, repository.textVersion(reads),
                        repository.digests(reads))));
    }

    /** The titles' words of the snapshot's version of the texts: read once per version, by the first misspelling. */
    private TitleSpelling spelling(Reads reads, long textVersion) {
        return spellings.get(textVersion, version -> {
            Texts titles = repository.titles(reads);
            return new TitleSpelling(titles.ids(), titles.texts());
        });
    }

    private static IdeaHit hit(HitRow row, double score) {
        List<YearAmount> amounts = new ArrayList<>();
        for (int i = 0; i < row.amounts().length; i++) {
            if (row.amounts()[i] != null) {
                amounts.add(new YearAmount(row.budgetYear() + i, row.amounts()[i]));
            }
        }
        return new IdeaHit(row.id(), row.title(), Highlights.html(row.titleHighlighted() != null
                ? row.titleHighlighted() : row.title()), Highlights.html(Highlights.shorten(row.snippet())), row.type(),
                IdeaViews.area(row.areaCode()), row.tags(), IdeaViews.municipality(row.municipality()),
                row.municipalityCount(), row.budgetYear(), row.priceLevelYear(), amounts, row.reducesService(),
                row.adoptionCount(), row.hasRealisedGains(), row.familySize(), row.status(), row.publishedAt(),
                row.realisationRatio(), row.provenScore(), Math.round(score * 10_000) / 10_000.0);
    }

    /** The facets with readable labels, most frequent values first. */
    private static Map<String, List<FacetValue>> labelled(Map<String, Map<String, Long>> facets) {
        Map<String, List<FacetValue>> labelled = new LinkedHashMap<>();
        for (String facet : List.of("area", "type", "municipality", "budgetYear", "tag", "reducesService",
                "hasRealisedGains")) {
            labelled.put(facet, facets.getOrDefault(facet, Map.of()).entrySet().stream()
                    .map(e -> new FacetValue(e.getKey(), label(facet, e.getKey()), e.getValue()))
                    .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                    .toList());
        }
        return labelled;
    }

    private static String label(String facet, String value) {
        return switch (facet) {
            case "area" -> PolicyAreas.byCode(value).map(a -> a.name()).orElse(value);
            case "type" -> ProposalType.valueOf(value).danish();
            case "municipality" -> IdeaViews.municipality(value).name();
            case "budgetYear" -> IdeaViews.budgetLabel(Integer.parseInt(value));
            case "reducesService", "hasRealisedGains" -> Boolean.parseBoolean(value) ? "ja" : "nej";
            default -> value;
        };
    }
}
