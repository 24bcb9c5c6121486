package dk.raaderum.followup.config;

import dk.raaderum.followup.domain.Cadence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

/** {@code raaderum.followup.*} */
@ConfigMapping(prefix = "raaderum.followup")
public interface FollowupConfig {

    /** The time zone in which due dates fall and periods begin (Danish municipalities: Europe/Copenhagen). */
    @WithDefault("Europe/Copenhagen")
    ZoneId zone();

    /** What a municipality gets until a finance officer saves its own follow-up settings. */
    Defaults defaults();

    Overdue overdue();

    @WithName("demo-data")
    DemoData demoData();

    interface Defaults {

        /** YEARLY (with the accounts) or QUARTERLY. */
        @WithDefault("YEARLY")
        Cadence cadence();

        /** Yearly cadence: the report of year Y is due on this month and day of year Y + 1 (default 1 April). */
        @WithName("yearly-due-month")
        @WithDefault("4")
        int yearlyDueMonth();

        @WithName("yearly-due-day")
        @WithDefault("1")
        int yearlyDueDay();

        /** Quarterly cadence: the report of a quarter is due this many days after the quarter ends. */
        @WithName("quarterly-due-days")
        @WithDefault("45")
        int quarterlyDueDays();

        /** Realisation (percent of expected) from which a report is GREEN. */
        @WithName("green-threshold-percent")
        @WithDefault("90")
        BigDecimal greenThresholdPercent();

        /** Realisation (percent of expected) from which a report is AMBER; below it is RED. */
        @WithName("amber-threshold-percent")
        @WithDefault("60")
        BigDecimal amberThresholdPercent();
    }

    interface Overdue {

        /**
         * How often the overdue job looks for report slots past their due date. Read by the {@code @Scheduled}
         * expression of {@code OverdueJob} (same default there). A minute: a slot planned already past due (an
         * initiative of a year gone by) counts as nothing on the dashboard within a minute, and a look is one scan of
         * a partial index of the pending slots.
         */
        @WithDefault("1m")
        Duration every();

        /** Slots marked per transaction. */
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();
    }

    interface DemoData {

        /** Load a few follow-up initiatives with reports (Aarhus, Varde) at start when absent. Local run only. */
        @WithDefault("false")
        boolean enabled();
    }
}
