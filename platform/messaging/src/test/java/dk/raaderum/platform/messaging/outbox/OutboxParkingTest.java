package dk.raaderum.platform.messaging.outbox;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A row Kafka refuses on its own is parked after park-after (3 here) refusals; other aggregates go on, the parked
 * aggregate's later rows wait behind it, and an operator re-queues it after fixing the cause.
 */
@QuarkusTest
class OutboxParkingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;

    @Test
    void refusedRowIsParkedOthersGoOnAndItsAggregateWaitsUntilReQueued() {
        String aggregate = "parking-" + UUID.randomUUID();
        String tooLarge = "x".repeat(1_200_000); // over the producer's max.request.size (1 MiB)
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(NoteEvents.CREATED, aggregate, "573", new NoteEvents.NoteChanged(-1, tooLarge));
            outbox.publish(NoteEvents.RENAMED, aggregate, "573", new NoteEvents.NoteChanged(-1, "behind-the-parked"));
        });
        long other = create("other-aggregate-" + UUID.randomUUID());

        KafkaTopics.await(NoteEvents.TOPIC, r -> String.valueOf(other).equals(r.key()), 1, WAIT);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(operator()).get("/admin/outbox/parked").then()
                .statusCode(200)
                .body("findAll { it.aggregateId == '" + aggregate + "' }.reason", hasItem(containsString("RecordTooLarge")))
                .body("findAll { it.aggregateId == '" + aggregate + "' }.attempts", hasItem(3)));
        given().get("/q/metrics").then().body(containsString("raaderum_outbox_parked"));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'Messaging' }.data.outbox-parked",
                not(0));
        assertEquals(List.of(), KafkaTopics.collect(NoteEvents.TOPIC, r -> aggregate.equals(r.key()), Duration.ofSeconds(2)),
                "nothing of the parked aggregate leaves, not even its later row");

        // The operator fixes the cause (here: makes the event fit) and re-queues.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update outbox_event set payload = replace(payload, ?1, 'fixed') where aggregate_id = ?2")
                .setParameter(1, tooLarge).setParameter(2, aggregate).executeUpdate());
        int requeued = given().auth().oauth2(operator()).post("/admin/outbox/parked/retry").then().statusCode(200)
                .extract().jsonPath().getInt("requeued");
        assertTrue(requeued >= 1);

        List<ConsumerRecord<String, String>> sent = KafkaTopics.await(NoteEvents.TOPIC, r -> aggregate.equals(r.key()), 2,
                WAIT);
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).value().contains("\"fixed\""), "the re-queued row first");
        assertTrue(sent.get(1).value().contains("behind-the-parked"), "then the row that waited behind it");
        given().auth().oauth2(operator()).get("/admin/outbox/parked").then().statusCode(200)
                .body("aggregateId", not(hasItem(aggregate)));
    }

    private static String operator() {
        return TestTokens.user("platform-operator").roles("platform-operator").token();
    }
}
