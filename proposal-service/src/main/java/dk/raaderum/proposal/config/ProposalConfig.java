package dk.raaderum.proposal.config;

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
         * How many catalogs' proposals lists and simulations keep in memory between requests (least recently used
         * go first); each is checked against the database on every read, so this bounds memory, not freshness.
         */
        @WithName("max-catalogs")
        @WithDefault("200")
        int maxCatalogs();
    }

    interface DemoData {

        /** Load demo catalogs (Ringsted, Varde) at start when the municipality has none. For the local run only. */
        @WithDefault("false")
        boolean enabled();
    }
}
