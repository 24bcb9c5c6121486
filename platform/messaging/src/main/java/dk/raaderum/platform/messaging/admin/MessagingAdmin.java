package dk.raaderum.platform.messaging.admin;

import dk.raaderum.platform.messaging.outbox.OutboxRelay;
import dk.raaderum.platform.messaging.outbox.ParkedEvent;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The operator's actions on this service's messaging: re-drive dead-letter topics, look at and re-queue parked rows. */
@ApplicationScoped
public class MessagingAdmin {

    /** What the not-found problem names. */
    static final String CONSUMED_TOPIC = "Consumed topic with a dead-letter topic";

    private final DeadLetterSources sources;
    private final DeadLetterRedrive redrive;
    private final OutboxRelay relay;

    public MessagingAdmin(DeadLetterSources sources, DeadLetterRedrive redrive, OutboxRelay relay) {
        this.sources = sources;
        this.redrive = redrive;
        this.relay = relay;
    }

    /**
     * A re-drive's answer, in all and per dead-letter topic: records processed again (applied, or found applied
     * before), left alone (dead-lettered by another service) and failed again (back on the dead-letter topic).
     */
    public record RedriveSummary(long redriven, long skipped, long failed, List<DeadLetterRedrive.Result> topics) {

        static RedriveSummary of(List<DeadLetterRedrive.Result> topics) {
            return new RedriveSummary(topics.stream().mapToLong(DeadLetterRedrive.Result::redriven).sum(),
                    topics.stream().mapToLong(DeadLetterRedrive.Result::skipped).sum(),
                    topics.stream().mapToLong(DeadLetterRedrive.Result::failed).sum(), topics);
        }
    }

    /** How many parked outbox rows were put back in line. */
    public record RequeueResult(int requeued) {
    }

    public List<DeadLetterSource> deadLetterSources() {
        return List.copyOf(sources.all().values());
    }

    public RedriveSummary redrive(String topic, boolean includeUnattributed) {
        DeadLetterSource source = sources.forTopic(topic)
                .orElseThrow(() -> ProblemException.notFound(CONSUMED_TOPIC, topic));
        return RedriveSummary.of(List.of(redrive.redrive(source, includeUnattributed)));
    }

    public RedriveSummary redriveAll(boolean includeUnattributed) {
        return RedriveSummary.of(sources.all().values().stream()
                .map(source -> redrive.redrive(source, includeUnattributed)).toList());
    }

    public List<ParkedEvent> parked(int limit) {
        return relay.parked(limit);
    }

    public RequeueResult requeueParked(List<Long> ids) {
        return new RequeueResult(relay.requeueParked(ids == null ? List.of() : ids));
    }
}
