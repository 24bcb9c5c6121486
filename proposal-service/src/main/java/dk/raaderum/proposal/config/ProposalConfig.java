package dk.raaderum.proposal.config;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;

/** {@code raaderum.proposal.*} */
@ConfigMapping(prefix = "raaderum.proposal")
public interface ProposalConfig {

    Karensperiode karensperiode();

    Simulation simulation();

    Snapshots snapshots();

    @WithName("demo-data")
    DemoData demoData();

    interface Karensperiode {

        /**
         * Trigram similarity (0–1) of title/description from which an earlier proposal of the same area counts as the
         * same proposal.
         */
        @WithName("similarity-threshold")
        @WithDefault("0.5")
        double similarityThreshold();

        /** Lowest similarity that {@code /similar} still lists as a candidate. */
        @WithName("candidate-threshold")
        @WithDefault("0.3")
        double candidateThreshold();

        /** How many candidates {@code /similar} lists at most. */
        @WithName("max-candidates")
        @WithDefault("10")
        int maxCandidates();
    }

    interface Simulation {

        /** Warn when at least this share (percent) of the room created rests on HIGH-uncertainty proposals. */
        @WithName("high-uncertainty-warning-percent")
        @WithDefault("25")
        BigDecimal highUncertaintyWarningPercent();
    }

    interface Snapshots {

        /**
         * How much memory the catalog snapshots that lists and simulations keep between requests may take, as
         * estimated from their texts and figures (least recently used catalogs go first). Each is checked against the
         * database on every read, so this bounds memory, not freshness. 64M holds about 65 catalogs of 200
         * proposals with 2,000-character descriptions.
         */
        @WithName("max-size")
        @WithDefault("64M")
        MemorySize maxSize();
    }

    interface DemoData {

        /** Load demo catalogs (Ringsted, Varde) at start when the municipality has none. For the local run only. */
        @WithDefault("false")
        boolean enabled();
    }
}
