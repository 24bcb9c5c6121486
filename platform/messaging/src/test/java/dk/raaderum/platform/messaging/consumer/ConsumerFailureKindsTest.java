package dk.raaderum.platform.messaging.consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaResource;
import dk.raaderum.platform.testing.KafkaTestCluster;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.PostgresResource;
import dk.raaderum.platform.testing.ScrapedMetrics;
import dk.raaderum.platform.testing.TestEvents;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A consumer tells a database that is away (wait, however long) from an event that can never be applied
 * (dead-letter at once), through the real PostgreSQL and Kafka.
 */
@QuarkusTest
class ConsumerFailureKindsTest {

    private static final String DLQ = "platform-test.notes.dlq";
    private static final String GROUP = "platform-messaging-test";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Far longer than the bounded retries (3 attempts, ~0.6 s) that used to dead-letter events of a database outage. */
    private static final Duration OUTAGE = Duration.parse(System.getProperty("raaderum.test.database-outage", "PT8S"));

    @Test
    @SuppressWarnings("try") // the outage lasts for the block
    void eventArrivingDuringADatabaseOutageIsAppliedOnceAfterwardsAndNeverDeadLettered() throws Exception {
        long noteId = uniqueNoteId();
        String title = "db-outage-" + noteId;
        Set<String> membersBefore = await().atMost(WAIT).until(ConsumerFailureKindsTest::noteConsumers, m -> !m.isEmpty());
        try (KafkaTestCluster.Outage outage = PostgresResource.outage()) {
            TestEvents.send(NoteEvents.CREATED, String.valueOf(noteId), "573", new NoteEvents.NoteChanged(noteId, title),
                    Instant.now());
            await().atMost(WAIT).until(() -> metric("raaderum_consumer_retrying") >= 1);
            // Readiness is the database: DOWN now; the Messaging check names the waiting consumer.
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Messaging' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Messaging' }.data.consumers-retrying", equalTo(1))
                    .body("checks.find { it.name == 'Messaging' }.data.'retrying platform-test.note-copy'",
                            containsString("attempt"));
            Thread.sleep(OUTAGE.toMillis());
            assertTrue(metric("raaderum_consumer_retrying") >= 1, "still waiting for the database at the end of the outage");
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/test/notes/" + noteId + "/copy").then()
                .statusCode(200).body("eventsApplied", equalTo(1)).body("title", equalTo(title)));
        await().atMost(WAIT).until(() -> metric("raaderum_consumer_retrying") == 0);
        List<ConsumerRecord<String, String>> dead = KafkaTopics.collect(DLQ, r -> String.valueOf(noteId).equals(r.key()),
                Duration.ofSeconds(3));
        assertEquals(List.of(), dead, "an event delayed by a database outage is not dead-lettered");
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(membersBefore, noteConsumers(), "the consumer kept polling while it waited (max.poll.interval.ms "
                + "is 4 s in the tests): it never left its group");
    }

    @Test
    void eventThatCanNeverFitTheDatabaseIsDeadLetteredAtOnceWithoutRetries() {
        long noteId = uniqueNoteId();
        String tooLong = "too-long-" + "x".repeat(250); // test_note_copy.title is varchar(200): SQLState 22001
        TestEvents.send(NoteEvents.CREATED, String.valueOf(noteId), "573", new NoteEvents.NoteChanged(noteId, tooLong),
                Instant.now());

        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> String.valueOf(noteId).equals(r.key()), 1, WAIT)
                .get(0);
        String reason = KafkaTopics.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("can never apply"), reason);
        assertFalse(reason.contains("failed 3 times"), "poison is not retried: " + reason);
        assertEquals("platform-messaging-test", KafkaTopics.header(dead, PlatformFailureStrategy.DEAD_LETTERED_BY));
        given().get("/test/notes/" + noteId + "/copy").then().statusCode(404);
    }

    @Test
    void handlerThatSaysPoisonIsDeadLetteredAtOnceAndAttributedToThisService() {
        String key = "poison-attributed-" + uniqueNoteId();
        double before = metric("raaderum_consumer_dead_lettered_total");
        assertTrue(before >= 0, "the dead-letter counter is registered before anything is dead-lettered");
        KafkaTopics.send(NoteEvents.TOPIC, key, "{ not json");
        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT).get(0);
        assertEquals("platform-messaging-test", KafkaTopics.header(dead, PlatformFailureStrategy.DEAD_LETTERED_BY));
        await().atMost(WAIT).until(() -> metric("raaderum_consumer_dead_lettered_total") >= before + 1);
    }

    /** The members of the test application's consumer group that read the notes topic. */
    private static Set<String> noteConsumers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaResource.cluster().bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(10, TimeUnit.SECONDS);
            return group.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(NoteEvents.TOPIC)))
                    .map(MemberDescription::consumerId).collect(Collectors.toSet());
        }
    }

    static long uniqueNoteId() {
        return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    static double metric(String name) {
        // the sum over all of the metric's series (one per channel); -1 when it is not registered at all
        return ScrapedMetrics.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(), name);
    }
}
