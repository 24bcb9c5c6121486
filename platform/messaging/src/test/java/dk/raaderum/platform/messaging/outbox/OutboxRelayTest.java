package dk.raaderum.platform.messaging.outbox;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static dk.raaderum.platform.messaging.testapp.Notes.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.ProblemAssertions;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void eventReachesTheTopicAsACloudEventKeyedByTheAggregate() {
        String title = "outbox-" + UUID.randomUUID();
        long id = create(title);

        List<ConsumerRecord<String, String>> records = KafkaTopics.await(NoteEvents.TOPIC,
                r -> r.value().contains(title), 1, WAIT);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(String.valueOf(id), record.key());
        assertEquals("application/cloudevents+json; charset=UTF-8", KafkaTopics.header(record, "content-type"));

        JsonNode event = json(record);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("dk.raaderum.test.note.created.v1", event.get("type").asText());
        assertEquals("/raaderum/platform-messaging-test", event.get("source").asText());
        assertEquals(String.valueOf(id), event.get("subject").asText());
        assertEquals("573", event.get("municipality").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(title, event.get("data").get("title").asText());
        assertEquals(id, event.get("data").get("noteId").asLong());
        UUID.fromString(event.get("id").asText());
        assertTrue(Instant.parse(event.get("time").asText()).isAfter(Instant.now().minusSeconds(120)));
    }

    @Test
    void anEventCarriesTheTraceOfTheRequestThatWroteIt() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String title = "traced-" + UUID.randomUUID();
        long id = given().header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").queryParam("title", title)
                .post("/test/notes").then().statusCode(201).extract().jsonPath().getLong("id");

        ConsumerRecord<String, String> record = KafkaTopics.await(NoteEvents.TOPIC, r -> r.value().contains(title), 1,
                WAIT).get(0);
        // the CloudEvents distributed-tracing extension: the request's span, a child of the caller's
        String written = json(record).get("traceparent").asText();
        assertTrue(written.matches("00-" + trace + "-[0-9a-f]{16}-01"), written);
        assertNotEquals("00-" + trace + "-00f067aa0ba902b7-01", written);
        // the record header: the relay's producer span, a child of the span the event was written in
        String header = KafkaTopics.header(record, "traceparent");
        assertTrue(header.matches("00-" + trace + "-[0-9a-f]{16}-01"), header);
        assertNotEquals(written, header);
        // the consumer applied it in the same trace
        await().atMost(WAIT).untilAsserted(() -> given().get("/test/notes/" + id + "/copy").then().statusCode(200)
                .body("traceId", equalTo(trace)));
    }

    @Test
    void anEventWrittenOutsideAnyTraceHasNoTraceContext() {
        String title = "untraced-" + UUID.randomUUID();
        given().queryParam("title", title).post("/test/notes/untraced").then().statusCode(201);

        ConsumerRecord<String, String> record = KafkaTopics.await(NoteEvents.TOPIC, r -> r.value().contains(title), 1,
                WAIT).get(0);
        assertTrue(json(record).get("traceparent") == null, record.value());
    }

    @Test
    void aBatchOfEventsIsPublishedEachKeyedByItsAggregate() {
        String prefix = "batch-" + UUID.randomUUID() + "-";
        List<Long> ids = given().queryParam("title", prefix + 1, prefix + 2, prefix + 3).post("/test/notes/batch").then()
                .statusCode(201).extract().jsonPath().getList("ids", Long.class);
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(NoteEvents.TOPIC,
                r -> r.value().contains(prefix), 3, WAIT);
        assertEquals(3, ids.size());
        assertEquals(ids.stream().map(String::valueOf).sorted().toList(),
                records.stream().map(ConsumerRecord::key).sorted().toList());
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = json(record);
            assertEquals(record.key(), event.get("subject").asText());
            assertEquals("dk.raaderum.test.note.created.v1", event.get("type").asText());
            assertEquals(Long.parseLong(record.key()), event.get("data").get("noteId").asLong());
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String doomed = "rolled-back-" + UUID.randomUUID();
        ProblemAssertions.assertProblem(given().queryParam("title", doomed).queryParam("failAfterPublish", true)
                .post("/test/notes").then(), 409, "conflict");
        // Events leave in the order they were written: once a later event is on the topic, an earlier one would be too.
        String later = "after-rollback-" + UUID.randomUUID();
        create(later);

        List<ConsumerRecord<String, String>> seen = KafkaTopics.read(NoteEvents.TOPIC,
                r -> r.value().contains(doomed) || r.value().contains(later),
                found -> found.stream().anyMatch(r -> r.value().contains(later)), WAIT);
        assertTrue(seen.stream().anyMatch(r -> r.value().contains(later)), "the later event arrived");
        assertTrue(seen.stream().noneMatch(r -> r.value().contains(doomed)), "nothing of the rolled-back transaction");
    }

    @Test
    void eventsOfOneAggregateKeepTheirOrder() {
        long id = create("order-0-" + UUID.randomUUID());
        for (int i = 1; i <= 5; i++) {
            dk.raaderum.platform.messaging.testapp.Notes.rename(id, "order-" + i);
        }
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(NoteEvents.TOPIC,
                r -> String.valueOf(id).equals(r.key()), 6, WAIT);
        List<String> titles = records.stream().map(r -> json(r).get("data").get("title").asText()).toList();
        assertEquals(List.of("order-1", "order-2", "order-3", "order-4", "order-5"), titles.subList(1, 6));
        assertTrue(titles.get(0).startsWith("order-0-"));
    }

    @Test
    void backlogIsExposedAsMetrics() {
        create("metrics-" + UUID.randomUUID());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("raaderum_outbox_pending"))
                .body(containsString("raaderum_outbox_oldest_pending_age_seconds"));
    }
}
