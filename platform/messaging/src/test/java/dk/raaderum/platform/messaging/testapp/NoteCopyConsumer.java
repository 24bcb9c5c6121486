package dk.raaderum.platform.messaging.testapp;

import static dk.raaderum.platform.messaging.consumer.Subscription.on;

import dk.raaderum.platform.messaging.consumer.IdempotentConsumer;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;

import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a copy of every note. Titles starting with "fail-always" make the handler fail every time,
 * "fail-once" only on the first attempt, "fail-until-fixed" until a test calls {@link #fix()} (a bug fixed by a
 * new release: what a dead-letter re-drive is for).
 */
@ApplicationScoped
public class NoteCopyConsumer {

    private final IdempotentConsumer consumer;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    /** The trace each note's last event was applied in (the handler's current span). */
    private static final Map<Long, String> TRACES = new ConcurrentHashMap<>();
    private static volatile boolean fixed;

    public static void fix() {
        fixed = true;
    }

    public static String traceOf(long noteId) {
        return TRACES.get(noteId);
    }

    public NoteCopyConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("notes")
    @Blocking
    public void onNote(ConsumerRecord<String, String> record) {
        consumer.process("platform-test.note-copy", record,
                on(NoteEvents.CREATED, this::apply),
                on(NoteEvents.RENAMED, this::apply));
    }

    private void apply(IncomingEvent<NoteEvents.NoteChanged> event) {
        String title = event.payload().title();
        if (title.startsWith("fail-always")) {
            throw new IllegalStateException("cannot apply " + title);
        }
        if (title.startsWith("fail-until-fixed") && !fixed) {
            throw new IllegalStateException("not fixed yet: " + title);
        }
        if (title.startsWith("fail-once") && failedOnce.add(event.id())) {
            throw new IllegalStateException("first attempt fails for " + title);
        }
        TRACES.put(event.payload().noteId(), Span.current().getSpanContext().getTraceId());
        TestNoteCopy copy = TestNoteCopy.findById(event.payload().noteId());
        if (copy == null) {
            copy = new TestNoteCopy();
            copy.noteId = event.payload().noteId();
            copy.title = title;
            copy.eventsApplied = 1;
            copy.persist();
            return;
        }
        copy.title = title;
        copy.eventsApplied++;
    }
}
