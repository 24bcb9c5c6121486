package dk.raaderum.platform.messaging.admin;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.consumer.PlatformFailureStrategy;
import dk.raaderum.platform.messaging.testapp.NoteCopyConsumer;
import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.ProblemAssertions;
import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * An operator re-drives a dead-letter topic after a fix: the service processes the records it dead-lettered itself,
 * once, without writing to the consumed topic (another service owns it); what fails again goes back to the
 * dead-letter topic.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String DLQ = NoteEvents.TOPIC + ".dlq";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final String REDRIVE = "/admin/dead-letters/" + NoteEvents.TOPIC + "/redrive";
    private static final String GROUP = "platform-messaging-test";

    static String operator() {
        return TestTokens.user("platform-operator").roles("platform-operator").token();
    }

    @Test
    void redriveAfterAFixAppliesTheEventOnceInProcessAndWritesNothingToTheConsumedTopic() {
        long id = create("fail-until-fixed-" + UUID.randomUUID());
        String key = String.valueOf(id);
        ConsumerRecord<String, String> original = KafkaTopics.await(NoteEvents.TOPIC, r -> key.equals(r.key()), 1, WAIT)
                .get(0);
        KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT);
        String otherService = "other-" + UUID.randomUUID();
        KafkaTopics.send(DLQ, otherService, "dead-lettered by another service", KafkaTopics.header(
                PlatformFailureStrategy.DEAD_LETTERED_BY, "some-other-service"),
                KafkaTopics.header("dead-letter-topic", NoteEvents.TOPIC));
        NoteCopyConsumer.fix();

        JsonPath first = redrive();
        assertTrue(first.getLong("redriven") >= 1, first.prettify());
        assertTrue(first.getLong("skipped") >= 1, "another service's record is left alone: " + first.prettify());
        assertEquals(DLQ, first.getString("topics[0].deadLetterTopic"));
        assertEquals(first.getLong("failed"), first.getLong("topics[0].failed"), first.prettify());
        given().get("/test/notes/" + id + "/copy").then().statusCode(200).body("eventsApplied", equalTo(1));

        JsonPath second = redrive();
        assertEquals(0, second.getLong("redriven"), "the first re-drive's progress was committed: " + second.prettify());
        given().get("/test/notes/" + id + "/copy").then().statusCode(200).body("eventsApplied", equalTo(1));
        List<ConsumerRecord<String, String>> onTopic = KafkaTopics.collect(NoteEvents.TOPIC,
                r -> key.equals(r.key()) || otherService.equals(r.key()), QUIET);
        assertEquals(List.of(original.offset()), onTopic.stream().map(ConsumerRecord::offset).toList(),
                "only the original record: the re-drive writes nothing to the consumed topic");
        assertEquals(1, KafkaTopics.collect(DLQ, r -> otherService.equals(r.key()), QUIET).size(),
                "another service's record was neither processed nor dead-lettered again");
    }

    @Test
    void recordThatFailsAgainIsDeadLetteredAgainWithAFreshReasonAndFoundByTheNextRedrive() {
        long id = create("fail-always-redriven-" + UUID.randomUUID());
        String key = String.valueOf(id);
        ConsumerRecord<String, String> original = KafkaTopics.await(NoteEvents.TOPIC, r -> key.equals(r.key()), 1, WAIT)
                .get(0);
        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT).get(0);

        JsonPath first = redrive();
        assertTrue(first.getLong("failed") >= 1, first.prettify());
        assertTrue(first.getLong("topics[0].failed") >= 1, first.prettify());
        List<ConsumerRecord<String, String>> again = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 2, WAIT);
        assertEquals(2, again.size(), "dead-lettered once by the live consumer, once more by the re-drive");
        ConsumerRecord<String, String> rewritten = again.get(1);
        assertTrue(rewritten.offset() > dead.offset());
        assertEquals(dead.value(), rewritten.value());
        assertEquals(1, count(rewritten, "dead-letter-reason"), "one reason, the fresh one");
        assertTrue(KafkaTopics.header(rewritten, "dead-letter-reason").contains("cannot apply fail-always-redriven"),
                KafkaTopics.header(rewritten, "dead-letter-reason"));
        assertEquals(GROUP, KafkaTopics.header(rewritten, PlatformFailureStrategy.DEAD_LETTERED_BY));
        assertEquals(1, count(rewritten, PlatformFailureStrategy.DEAD_LETTERED_BY));
        assertEquals(NoteEvents.TOPIC, KafkaTopics.header(rewritten, "dead-letter-topic"));
        assertEquals(String.valueOf(original.partition()), KafkaTopics.header(rewritten, "dead-letter-partition"));
        assertEquals(String.valueOf(original.offset()), KafkaTopics.header(rewritten, "dead-letter-offset"));
        assertEquals("application/cloudevents+json; charset=UTF-8", KafkaTopics.header(rewritten, "content-type"));

        JsonPath second = redrive();
        assertTrue(second.getLong("failed") >= 1, "nothing changed, so it fails again: " + second.prettify());
        assertEquals(3, KafkaTopics.await(DLQ, r -> key.equals(r.key()), 3, WAIT).size());
        given().get("/test/notes/" + id + "/copy").then().statusCode(404);
        assertEquals(1, KafkaTopics.collect(NoteEvents.TOPIC, r -> key.equals(r.key()), QUIET).size(),
                "nothing written to the consumed topic");
    }

    @Test
    void unattributedRecordIsRedrivenOnlyWhenAskedAndAnEventAppliedBeforeIsNotAppliedTwice() {
        long id = create("applied-live-" + UUID.randomUUID());
        String key = String.valueOf(id);
        ConsumerRecord<String, String> original = KafkaTopics.await(NoteEvents.TOPIC, r -> key.equals(r.key()), 1, WAIT)
                .get(0);
        await().atMost(WAIT).untilAsserted(() -> given().get("/test/notes/" + id + "/copy").then()
                .statusCode(200).body("eventsApplied", equalTo(1)));
        deadLetterWithoutAttribution(original);

        JsonPath withoutFlag = redrive();
        assertTrue(withoutFlag.getLong("skipped") >= 1, "without attribution: left alone " + withoutFlag.prettify());
        deadLetterWithoutAttribution(original);
        JsonPath withFlag = given().auth().oauth2(operator()).queryParam("includeUnattributed", true).post(REDRIVE)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(withFlag.getLong("redriven") >= 1, "processed, and found applied before: " + withFlag.prettify());
        given().get("/test/notes/" + id + "/copy").then().statusCode(200).body("eventsApplied", equalTo(1));
        assertEquals(2, KafkaTopics.collect(DLQ, r -> key.equals(r.key()), QUIET).size(),
                "the two sent here, none dead-lettered again");
    }

    @Test
    void onlyATopicThisServiceConsumesCanBeRedriven() {
        ProblemAssertions.assertProblem(given().auth().oauth2(operator()).post("/admin/dead-letters/proposal.adopted/redrive")
                .then(), 404, "not-found");
        given().auth().oauth2(operator()).get("/admin/dead-letters").then().statusCode(200)
                .body("[0].topic", equalTo(NoteEvents.TOPIC))
                .body("[0].deadLetterTopic", equalTo(DLQ))
                .body("[0].consumerGroups[0]", equalTo("platform-messaging-test"));
    }

    @Test
    void municipalAndKlUsersAreRefusedTheAdminEndpoints() {
        String kl = TestTokens.user("kl-curator").roles("kl-curator").token();
        String finance = TestTokens.user("varde-finance").roles("finance-officer").municipality("573").token();
        for (String token : List.of(kl, finance)) {
            ProblemAssertions.assertProblem(given().auth().oauth2(token).post(REDRIVE).then(), 403, "forbidden");
            ProblemAssertions.assertProblem(given().auth().oauth2(token).post("/admin/outbox/parked/retry").then(), 403,
                    "forbidden");
            ProblemAssertions.assertProblem(given().auth().oauth2(token).get("/admin/outbox/parked").then(), 403,
                    "forbidden");
        }
        ProblemAssertions.assertProblem(given().post(REDRIVE).then(), 401, "unauthenticated");
    }

    private static JsonPath redrive() {
        return given().auth().oauth2(operator()).post(REDRIVE).then().statusCode(200).extract().jsonPath();
    }

    /** As dead-lettered before the raaderum-dead-lettered-by header existed. */
    private static void deadLetterWithoutAttribution(ConsumerRecord<String, String> original) {
        KafkaTopics.send(DLQ, original.key(), original.value(), KafkaTopics.header("dead-letter-topic", original.topic()),
                KafkaTopics.header("content-type", KafkaTopics.header(original, "content-type")));
    }

    private static int count(ConsumerRecord<String, String> record, String header) {
        int count = 0;
        for (Header ignored : record.headers().headers(header)) {
            count++;
        }
        return count;
    }
}
