package dk.raaderum.ideabank.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code raaderum.idea-bank.*} */
@ConfigMapping(prefix = "raaderum.idea-bank")
public interface IdeaBankConfig {

    Search search();

    Similarity similarity();

    Duplicates duplicates();

    Imports imports();

    @WithName("demo-data")
    DemoData demoData();

    interface Search {

        /**
         * Megabytes of search results kept in memory (counted as 16 KB for the facets and 2 KB a hit), each valid only
         * while the search version (raised by every committed change to a searchable idea) is the one it was computed
         * at.
         */
        @WithName("results-cache-mb")
        @WithDefault("32")
        int resultsCacheMb();

        /**
         * Megabytes of the ideas that matched recent words, or whose titles are spelt like them (12 bytes a hit), kept
         * under the same rule, so paging, filtering and sorting a search already made does not search the texts again.
         */
        @WithName("hits-cache-mb")
        @WithDefault("32")
        int hitsCacheMb();
    }

    /** How look-alikes are scored: weights of title likeness, shared words and the same area (they add up to 1). */
    interface Similarity {

        /** Weight of the titles' trigram similarity (pg_trgm). */
        @WithName("title-weight")
        @WithDefault("0.40")
        BigDecimal titleWeight();

        /** Weight of the shared significant words (stemmed, compounds split, common words left out): Dice overlap. */
        @WithName("words-weight")
        @WithDefault("0.50")
        BigDecimal wordsWeight();

        /** Weight of being in the same policy area. */
        @WithName("area-weight")
        @WithDefault("0.10")
        BigDecimal areaWeight();

        /** Score from which an idea is listed as similar ({@code …/similar}). */
        @WithName("similar-threshold")
        @WithDefault("0.30")
        BigDecimal similarThreshold();

        /** At most this many look-alikes are listed. */
        @WithName("max-results")
        @WithDefault("10")
        int maxResults();
    }

    /** The background scan that finds duplicate candidates for curators. */
    interface Duplicates {

        /** Score from which a pair becomes a duplicate candidate. */
        @WithDefault("0.55")
        BigDecimal threshold();

        /** How often the scan looks for ideas that changed since they were last compared. Read by the scheduler. */
        @WithDefault("10s")
        Duration every();

        /** Ideas compared per transaction. */
        @WithName("batch-size")
        @WithDefault("200")
        int batchSize();

        /** Off for bulk loads (benchmarks); the scan catches up when it is on again. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Imports {

        /** Rows written per flush in an import. */
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();

        /** At most this many row errors are listed in the 422 of a refused import (all are counted). */
        @WithName("max-errors")
        @WithDefault("200")
        int maxErrors();
    }

    interface DemoData {

        /** Load the demo idea bank (B19–B22, many municipalities) at start when the bank is empty. Local run only. */
        @WithDefault("false")
        boolean enabled();
    }
}
