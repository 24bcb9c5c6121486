package dk.raaderum.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The headers of a dead-lettered record, as the live consumer and a re-drive write them. */
class DeadLetterHeadersTest {

    @Test
    void freshReasonCauseAndOriginThenTheEventsOwnHeadersThenTheGroup() {
        Headers event = new RecordHeaders();
        event.add("ce_type", bytes("dk.raaderum.proposal.adopted.v1"));
        Headers headers = DeadLetterHeaders.of("proposal.adopted", 2, 41L, event,
                new IllegalStateException("cannot apply", new IllegalArgumentException("no such area")), "followup-service");
        assertEquals(List.of("dead-letter-exception-class-name=java.lang.IllegalStateException",
                "dead-letter-reason=cannot apply",
                "dead-letter-cause-class-name=java.lang.IllegalArgumentException",
                "dead-letter-cause=no such area",
                "dead-letter-topic=proposal.adopted", "dead-letter-partition=2", "dead-letter-offset=41",
                "ce_type=dk.raaderum.proposal.adopted.v1",
                PlatformFailureStrategy.DEAD_LETTERED_BY + "=followup-service"), texts(headers));
    }

    @Test
    void aFailureWithoutMessageOrCauseIsNamedByItsText() {
        Headers headers = DeadLetterHeaders.of("t", 0, 0L, new RecordHeaders(), new NullPointerException(), "g");
        assertEquals("java.lang.NullPointerException", text(headers, "dead-letter-reason"));
        assertNull(headers.lastHeader("dead-letter-cause"));
    }

    @Test
    void earlierDeadLetterHeadersAndAttributionAreNotCarriedOver() {
        Headers event = new RecordHeaders();
        event.add("dead-letter-reason", bytes("the old reason"));
        event.add(PlatformFailureStrategy.DEAD_LETTERED_BY, bytes("another-service"));
        event.add("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        Headers headers = DeadLetterHeaders.of("t", 0, 5L, event, new IllegalStateException("new reason"), "g");
        assertEquals(List.of("new reason"), values(headers, "dead-letter-reason"));
        assertEquals(List.of("g"), values(headers, PlatformFailureStrategy.DEAD_LETTERED_BY));
        assertEquals(List.of("traceparent"), keys(DeadLetterHeaders.eventHeaders(event)));
    }

    private static List<String> texts(Headers headers) {
        List<String> texts = new ArrayList<>();
        headers.forEach(h -> texts.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
        return texts;
    }

    private static List<String> values(Headers headers, String key) {
        List<String> values = new ArrayList<>();
        headers.headers(key).forEach(h -> values.add(new String(h.value(), StandardCharsets.UTF_8)));
        return values;
    }

    private static List<String> keys(Headers headers) {
        List<String> keys = new ArrayList<>();
        for (Header header : headers) {
            keys.add(header.key());
        }
        return keys;
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
