package dk.raaderum.platform.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** {@code raaderum.messaging.*}: the outbox relay and the idempotent consumer. */
@ConfigMapping(prefix = "raaderum.messaging")
public interface MessagingConfig {

    /** CloudEvents {@code source} of what this application publishes; defaults to /raaderum/&lt;application name&gt;. */
    @WithDefault("/raaderum/${quarkus.application.name}")
    String source();

    Outbox outbox();

    Consumer consumer();

    Kafka kafka();

    Redrive redrive();

    /** The broker status that health reports (never part of readiness). */
    interface Kafka {

        /** How often the broker is probed in the background; health reads the last result and never waits. */
        @WithName("probe-interval")
        @WithDefault("10s")
        Duration probeInterval();

        /** How long one probe may take before the broker counts as unreachable. */
        @WithName("probe-timeout")
        @WithDefault("2s")
        Duration probeTimeout();
    }

    /** Re-driving dead-letter topics ({@code POST /admin/dead-letters/...}). */
    interface Redrive {

        /** The consumer group that remembers how far this service has re-driven each dead-letter topic. */
        @WithName("group-id")
        @WithDefault("${quarkus.application.name}.dead-letter-redrive")
        String groupId();

        /**
         * The longest one re-drive reads and processes a dead-letter topic; after it the re-drive answers 503 and
         * commits nothing (what it applied meanwhile is a no-op the next time).
         */
        @WithName("timeout")
        @WithDefault("60s")
        Duration timeout();
    }

    interface Outbox {

        /** How often the relay looks for pending rows when no commit woke it. */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows read per relay round. */
        @WithName("batch-size")
        @WithDefault("200")
        int batchSize();

        /** First wait after a failed send; doubles per consecutive failure up to max-backoff. */
        @WithName("initial-backoff")
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithName("max-backoff")
        @WithDefault("15s")
        Duration maxBackoff();

        /** How long one relay instance holds the lease that makes it the only one sending. */
        @WithName("lease")
        @WithDefault("30s")
        Duration lease();

        /**
         * Attempts at a row that Kafka refuses on its own (too large, invalid topic) before it is parked: the relay
         * then goes on with other aggregates, the parked aggregate's later rows wait behind it.
         */
        @WithName("park-after")
        @WithDefault("10")
        int parkAfter();

        /** Sent rows older than this are deleted. */
        @WithName("retention")
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {

        /** Attempts per event before it goes to the dead-letter topic. */
        @WithName("max-attempts")
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the second attempt; grows linearly with the attempt number. */
        @WithName("retry-backoff")
        @WithDefault("200ms")
        Duration retryBackoff();

        /** First wait after a transient failure (database unreachable, lock conflict); doubles per attempt. */
        @WithName("transient-initial-backoff")
        @WithDefault("200ms")
        Duration transientInitialBackoff();

        /** Longest wait between attempts after transient failures; they are retried without limit. */
        @WithName("transient-max-backoff")
        @WithDefault("30s")
        Duration transientMaxBackoff();

        /** Processed-event ids older than this are forgotten (Kafka keeps events for 7 days by default). */
        @WithName("processed-retention")
        @WithDefault("P30D")
        Duration processedRetention();
    }
}
