package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.service.IdeaModels.AreaView;
import dk.raaderum.ideabank.service.IdeaModels.MunicipalityView;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A search of the idea bank and its answer. */
public final class SearchModels {

    private SearchModels() {
    }

    /** How hits are ordered. */
    public enum Sort {
        /** Best match first (newest first without words to match). */
        RELEVANCE("relevance"),
        NEWEST("newest"),
        /** Adopted by the most municipalities first. */
        MOST_ADOPTED("most-adopted"),
        /** Largest yearly amount (either sign) first. */
        LARGEST_AMOUNT("largest-amount"),
        /**
         * Most proven first: the Wilson lower bound of the realised share of the expected gains across the initiatives
         * that reported ({@code Realisation}), then most adopted.
         */
        MOST_PROVEN("most-proven");

        private final String key;

        Sort(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Sort> parse(String key) {
            return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
        }
    }

    /** How the hits matched the words. */
    public enum MatchedBy {
        /** No words given: the filters alone. */
        FILTERS,
        /** Full-text search with Danish stemming and split compound words. */
        FULL_TEXT,
        /** Nothing matched the words, so titles spelt alike were looked for instead (pg_trgm's trigrams). */
        SIMILAR_SPELLING
    }

    /**
     * A search: the words ({@code websearch} syntax: "a phrase", -exclusion, or), the facet filters (values of a facet
     * are alternatives, facets combine), the statuses to search (published only, except for KL) and the order.
     */
    public record Query(String words, Set<String> areas, Set<ProposalType> types, Set<String> municipalities,
            Set<Integer> budgetYears, Set<String> tags, Boolean reducesService, Boolean hasRealisedGains,
            Integer minAdoptions, BigDecimal minRealisationRatio, Set<IdeaStatus> statuses, Sort sort, int page,
            int size) {

        public boolean hasWords() {
            return words != null && !words.isBlank();
        }
    }

    @Schema(description = "One value of a facet and how many hits have it")
    public record FacetValue(String value, String label, long count) {
    }

    @Schema(description = "An idea as a search hit: highlighted title and snippet (<mark>…</mark>, the rest HTML-escaped)")
    public record IdeaHit(long id, String title, String titleHighlighted, String snippet, ProposalType type,
            AreaView area, List<String> tags, MunicipalityView municipality, int municipalityCount, int budgetYear,
            Integer priceLevelYear, List<YearAmount> amounts, boolean reducesService, int adoptionCount,
            boolean hasRealisedGains, int familySize, IdeaStatus status, Instant publishedAt,
            @Schema(description = "Median realised / expected of the initiatives that reported; null without reports") BigDecimal realisationRatio,
            @Schema(description = "The most-proven score, 0–1") BigDecimal provenScore, double score) {
    }

    @Schema(description = "A page of hits with the facets of all hits")
    public record Result(List<IdeaHit> items, int page, int size, long total, MatchedBy matchedBy,
            Map<String, List<FacetValue>> facets) {
    }
}
