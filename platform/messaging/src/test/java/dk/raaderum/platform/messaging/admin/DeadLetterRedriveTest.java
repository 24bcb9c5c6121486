package dk.raaderum.platform.messaging.admin;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** An operator re-drives a dead-letter topic after a fix: once, and only what this service dead-lettered. */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String DLQ = NoteEvents.TOPIC + ".dlq";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REDRIVE = "/admin/dead-letters/" + NoteEvents.TOPIC + "/redrive";

    static String operator() {
        return TestTokens.user("platform-operator").roles("platform-operator").token();
    }

    @Test
    void redriveAfterAFixAppliesTheEventOnceAndASecondCallDoesNotRedriveItAgain() {
        long id = create("fail-until-fixed-" + UUID.randomUUID());
        String key = String.valueOf(id);
        ConsumerRecord<String, String> dead = KafkaTopics.await(DLQ, r -> key.equals(r.key()), 1, WAIT).get(0);
        String otherService = "other-" + UUID.randomUUID();
        KafkaTopics.send(DLQ, otherService, "dead-lettered by another service", KafkaTopics.header(
                PlatformFailureStrategy.DEAD_LETTERED_BY, "some-other-service"),
                KafkaTopics.header("dead-letter-topic", NoteEvents.TOPIC));
        NoteCopyConsumer.fix();

        JsonPath first = given().auth().oauth2(operator()).post(REDRIVE).then().statusCode(200).extract().jsonPath();
        assertTrue(first.getLong("redriven") >= 1, first.prettify());
        assertTrue(first.getLong("skipped") >= 1, "another service's record is left alone: " + first.prettify());
        assertEquals(DLQ, first.getString("topics[0].deadLetterTopic"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/test/notes/" + id + "/copy").then()
                .statusCode(200).body("eventsApplied", equalTo(1)));

        given().auth().oauth2(operator()).post(REDRIVE).then().statusCode(200);
        List<ConsumerRecord<String, String>> onTopic = KafkaTopics.collect(NoteEvents.TOPIC,
                r -> key.equals(r.key()) || otherService.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(2, onTopic.size(), "the original and one re-driven copy, not another one for the second call");
        ConsumerRecord<String, String> copy = onTopic.stream().max(Comparator.comparingLong(ConsumerRecord::offset))
                .orElseThrow();
        assertEquals(dead.value(), copy.value());
        assertNull(KafkaTopics.header(copy, "dead-letter-reason"), "dead-letter headers are not copied back");
        assertNull(KafkaTopics.header(copy, PlatformFailureStrategy.DEAD_LETTERED_BY));
        assertEquals("application/cloudevents+json; charset=UTF-8", KafkaTopics.header(copy, "content-type"));
        given().get("/test/notes/" + id + "/copy").then().body("eventsApplied", equalTo(1));
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
}
