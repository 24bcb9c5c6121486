package dk.raaderum.ideabank.messaging;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.ideabank.service.FollowupEvidence;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;

import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * followup-service's events as evidence for ideas ({@link FollowupEvidence}): reports of realised gains, initiatives
 * stopped and experience shared. Each event is processed once per consumer name; what cannot be processed goes to
 * {@code <topic>.dlq}.
 */
@ApplicationScoped
public class FollowupEventsConsumer {

    private final IdempotentConsumer consumer;
    private final FollowupEvidence evidence;

    public FollowupEventsConsumer(IdempotentConsumer consumer, FollowupEvidence evidence) {
        this.consumer = consumer;
        this.evidence = evidence;
    }

    @Incoming("benefit-reported")
    @Blocking
    public void onBenefitReported(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.benefit-reported", record, on(Events.BENEFIT_REPORTED, evidence::reported));
    }

    @Incoming("initiative-terminated")
    @Blocking
    public void onTerminated(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.initiative-terminated", record, on(Events.INITIATIVE_TERMINATED,
                evidence::terminated));
    }

    @Incoming("initiative-shared")
    @Blocking
    public void onShared(ConsumerRecord<String, String> record) {
        consumer.process("idea-bank-service.initiative-shared", record, on(Events.INITIATIVE_SHARED,
                evidence::shared));
    }
}
