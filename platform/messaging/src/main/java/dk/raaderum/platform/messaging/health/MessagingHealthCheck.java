package dk.raaderum.platform.messaging.health;

import dk.raaderum.platform.messaging.consumer.RetryingConsumers;
import dk.raaderum.platform.messaging.outbox.OutboxRelay;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Messaging as an operator sees it, in the readiness report but always UP: what a writer needs is its database
 * (the datasource check); Kafka being away only delays events, which wait in the outbox. Details: the broker's last
 * probed state ({@code kafka}), the consumers retrying a transient failure, the outbox's pending and parked rows.
 * Reads only values kept in memory, so it never waits.
 */
@Readiness
@ApplicationScoped
public class MessagingHealthCheck implements HealthCheck {

    public static final String NAME = "Messaging";

    private final KafkaProbe kafka;
    private final RetryingConsumers retrying;
    private final OutboxRelay relay;

    public MessagingHealthCheck(KafkaProbe kafka, RetryingConsumers retrying, OutboxRelay relay) {
        this.kafka = kafka;
        this.retrying = retrying;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaProbe.Status status = kafka.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("kafka", status.state())
                .withData("kafka-detail", status.detail())
                .withData("kafka-checked-at", String.valueOf(status.checkedAt()))
                .withData("consumers-retrying", retrying.snapshot().size())
                .withData("outbox-pending", relay.pendingCount())
                .withData("outbox-parked", relay.parkedCount());
        retrying.snapshot().forEach((consumer, retry) -> response.withData("retrying " + consumer,
                "event " + retry.eventId() + " since " + retry.since() + ", " + retry.attempts() + " attempt(s): "
                        + retry.lastCause()));
        return response.build();
    }
}
