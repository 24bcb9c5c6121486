package dk.raaderum.target.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;

/** {@code raaderum.target.*} */
@ConfigMapping(prefix = "raaderum.target")
public interface TargetConfig {

    Differentiated differentiated();

    Potential potential();

    Kl kl();

    @WithName("demo-data")
    DemoData demoData();

    /**
     * Defaults of the DIFFERENTIATED key's multiplier {@code clamp(1 + sensitivity × (index/100 − 1), floor, cap)}; an
     * allocation request may set its own.
     */
    interface Differentiated {

        @WithDefault("1.0")
        BigDecimal sensitivity();

        @WithDefault("0.5")
        BigDecimal floor();

        @WithDefault("1.5")
        BigDecimal cap();
    }

    interface Potential {

        /** N when an analysis does not say: the benchmark is the N-th cheapest comparison municipality (Varde: 10). */
        @WithName("default-rank")
        @WithDefault("10")
        int defaultRank();
    }

    interface Kl {

        /**
         * KL's cross-municipal figures are suppressed for groups of fewer municipalities than this, so no single
         * municipality can be recognised.
         */
        @WithName("min-group-size")
        @WithDefault("3")
        int minGroupSize();
    }

    interface DemoData {

        /** Load demo budgets and an adopted 1 % target (Ringsted 329, Varde 573) at start when absent. Local run only. */
        @WithDefault("false")
        boolean enabled();
    }
}
