package dk.raaderum.platform.messaging.outbox;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static dk.raaderum.platform.messaging.testapp.Notes.json;
import static dk.raaderum.platform.messaging.testapp.Notes.rename;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.messaging.testapp.NoteEvents;
import dk.raaderum.platform.testing.KafkaResource;
import dk.raaderum.platform.testing.KafkaTestCluster;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.ScrapedMetrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Kafka is unreachable for a minute while events are written: none is lost, each reaches the consumer exactly once,
 * and events of one aggregate keep their order. Meanwhile the service stays ready and alive, answers health at once
 * and reports Kafka as unreachable.
 */
@QuarkusTest
class KafkaOutageTest {

    /** How long Kafka stays away; {@code -Draaderum.test.kafka-outage=PT10S} shortens it for a quick local run. */
    private static final Duration OUTAGE = Duration.parse(System.getProperty("raaderum.test.kafka-outage", "PT60S"));
    private static final int NOTES = 20;

    @Test
    @SuppressWarnings("try") // the outage lasts for the block
    void eventsWrittenDuringAnOutageAreDeliveredOnceAfterwards() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new ArrayList<>();
        KafkaTestCluster kafka = KafkaResource.cluster();
        long started = System.nanoTime();
        try (KafkaTestCluster.Outage outage = kafka.outage()) {
            for (int i = 0; i < NOTES; i++) {
                long id = create("outage-" + run + "-" + i);
                ids.add(id);
                if (i % 2 == 0) {
                    rename(id, "outage-" + run + "-" + i + "-renamed");
                }
            }
            // The writes succeeded, the events wait in the outbox.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(pendingMetric() >= NOTES * 3 / 2,
                    "pending events are visible in the metrics"));
            // The service stays ready and alive (it only needs its database), answers at once, and says Kafka is away.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("unreachable", kafkaState()));
            quickly().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            quickly().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            long left = OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
            assertTrue(pendingMetric() >= NOTES * 3 / 2, "still pending at the end of the outage");
            quickly().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            quickly().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("reachable", kafkaState()));

        int expectedEvents = NOTES + NOTES / 2;
        Set<String> keys = ids.stream().map(String::valueOf).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = KafkaTopics.read(NoteEvents.TOPIC, r -> keys.contains(r.key()),
                found -> found.stream().map(r -> json(r).get("id").asText()).distinct().count() >= expectedEvents,
                Duration.ofSeconds(60));

        Set<String> eventIds = new HashSet<>();
        records.forEach(r -> eventIds.add(json(r).get("id").asText()));
        assertEquals(expectedEvents, eventIds.size(), "every event written during the outage reached the topic");

        Map<String, List<String>> typesPerNote = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> json(r).get("type").asText(), Collectors.toList())));
        typesPerNote.forEach((note, types) -> assertEquals("dk.raaderum.test.note.created.v1", types.get(0),
                "note " + note + ": created comes before renamed"));

        for (int i = 0; i < NOTES; i++) {
            long id = ids.get(i);
            int applied = i % 2 == 0 ? 2 : 1;
            String title = "outage-" + run + "-" + i + (i % 2 == 0 ? "-renamed" : "");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/test/notes/" + id + "/copy").then()
                    .statusCode(200)
                    .body("eventsApplied", equalTo(applied))
                    .body("title", equalTo(title)));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0, pendingMetric()));
    }

    /** A request that fails instead of waiting when the service does not answer within 5 s. */
    private static RequestSpecification quickly() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 5000).setParam("http.connection.timeout", 5000)));
    }

    private static String kafkaState() {
        return quickly().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'Messaging' }.data.kafka");
    }

    private static double pendingMetric() {
        return ScrapedMetrics.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "raaderum_outbox_pending");
    }
}
