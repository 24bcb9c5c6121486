package dk.raaderum.platform.messaging.consumer;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static dk.raaderum.platform.messaging.testapp.Notes.rename;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class IdempotentConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "platform-test.notes.dlq";

    @Test
    void redeliveredEventIsAppliedOnce() {
        long id = create("dup-" + UUID.randomUUID());
        awaitCopy(id, 1);
        ConsumerRecord<String, String> original = KafkaTopics.await(NoteEvents.TOPIC, r -> String.valueOf(id).equals(r.key()),
                1, WAIT).get(0);

        // The same event twice more, on its partition, followed by a new event of the same note.
        KafkaTopics.send(NoteEvents.TOPIC, original.key(), original.value());
        KafkaTopics.send(NoteEvents.TOPIC, original.key(), original.value());
        rename(id, "dup-renamed");

        awaitCopy(id, 2);
        given().get("/test/notes/" + id + "/copy").then().body("title", equalTo("dup-renamed"));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTopics.send(NoteEvents.TOPIC, key, "this is not a CloudEvent {");
        long next = create("after-poison-" + UUID.randomUUID());

        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT).get(0);
        assertEquals("this is not a CloudEvent {", dead.value());
        assertTrue(KafkaTopics.header(dead, "dead-letter-reason").contains("Not a CloudEvent"),
                KafkaTopics.header(dead, "dead-letter-reason"));
        assertEquals(NoteEvents.TOPIC, KafkaTopics.header(dead, "dead-letter-topic"));
        awaitCopy(next, 1);
    }

    @Test
    void unknownEventTypeIsDeadLettered() {
        String key = "unknown-type-" + UUID.randomUUID();
        KafkaTopics.send(NoteEvents.TOPIC, key, """
                {"specversion":"1.0","id":"%s","source":"/elsewhere","type":"dk.raaderum.test.note.exploded.v9",
                 "subject":"%s","datacontenttype":"application/json","data":{"noteId":1,"title":"x"}}"""
                .formatted(UUID.randomUUID(), key));
        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT).get(0);
        assertTrue(KafkaTopics.header(dead, "dead-letter-reason").contains("does not handle event type"));
    }

    @Test
    void handlerThatKeepsFailingIsRetriedThenDeadLettered() {
        long failing = create("fail-always-" + UUID.randomUUID());
        long next = create("after-failure-" + UUID.randomUUID());

        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> String.valueOf(failing).equals(r.key()), 1, WAIT)
                .get(0);
        String reason = KafkaTopics.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("failed 3 times"), reason);
        assertTrue(reason.contains("cannot apply fail-always"), reason);
        awaitCopy(next, 1);
        given().get("/test/notes/" + failing + "/copy").then().statusCode(404);
    }

    @Test
    void transientFailureIsRetriedAndAppliedOnce() {
        long id = create("fail-once-" + UUID.randomUUID());
        long marker = create("after-fail-once-" + UUID.randomUUID());
        awaitCopy(id, 1);
        awaitCopy(marker, 1);
        List<ConsumerRecord<String, String>> dead = KafkaTopics.collect(DLQ, r -> String.valueOf(id).equals(r.key()),
                Duration.ofSeconds(2));
        assertTrue(dead.isEmpty(), "a transient failure does not dead-letter the event");
    }

    @Test
    void payloadWithAFieldAddedLaterIsStillProcessed() {
        long id = create("additive-" + UUID.randomUUID());
        awaitCopy(id, 1);
        // a producer on a newer v1 of the contract: the same type with one more (optional) field
        KafkaTopics.send(NoteEvents.TOPIC, String.valueOf(id), """
                {"specversion":"1.0","id":"%s","source":"/raaderum/newer","type":"%s","subject":"%d",
                 "datacontenttype":"application/json","data":{"noteId":%d,"title":"additive-renamed","addedLater":[1]}}"""
                .formatted(UUID.randomUUID(), NoteEvents.RENAMED.type(), id, id));
        awaitCopy(id, 2);
        given().get("/test/notes/" + id + "/copy").then().body("title", equalTo("additive-renamed"));
    }

    private static void awaitCopy(long id, int applied) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/test/notes/" + id + "/copy").then()
                .statusCode(200).body("eventsApplied", equalTo(applied)));
    }
}
