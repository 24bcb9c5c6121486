package dk.raaderum.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.target.Fixture.Place;
import dk.raaderum.target.service.DemoData;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The demo data of the local run: Ringsted's and Varde's 2027 budgets and an adopted 1 % target reach proposal-service. */
@QuarkusTest
class DemoDataTest {

    private static final List<String> CODES = List.of("ÆLD", "SUN", "SOC", "DAG", "SKO", "BOR", "BES", "KUL", "TEK", "ADM");

    @Test
    void ringstedAndVardeGetBudgetsWithTheCatalogAreaCodesAndAnAdoptedTarget() throws Exception {
        // What the application does at start when raaderum.target.demo-data.enabled is set (tests run without it).
        DemoData demo = Arc.container().instance(DemoData.class).get();
        assertEquals(List.of("329", "573"), demo.loadIfAbsent());
        assertEquals(List.of(), demo.loadIfAbsent(), "loaded only when absent");
        for (String municipality : List.of("329", "573")) {
            Place place = Fixture.at(municipality, 2027);
            given().auth().oauth2(place.finance()).get(place.base() + "/budgets/2027").then().statusCode(200)
                    .body("source", equalTo("DEMO"))
                    .body("areas.code", equalTo(CODES))
                    .body("areas.find { it.code == 'SKO' }.mainAccount", equalTo(3))
                    .body("areas.find { it.code == 'ADM' }.committee", equalTo("Økonomiudvalget"));
            given().auth().oauth2(place.politician()).get(place.base() + "/budgets/2027").then()
                    .body("warnings", hasSize(0));
            given().auth().oauth2(place.politician()).get(place.base() + "/policy-areas").then().statusCode(200)
                    .body("revision", greaterThanOrEqualTo(1))
                    .body("areas.code", hasItems(CODES.toArray()))
                    .body("areas.findAll { it.active }.code", hasItems(CODES.toArray()))
                    .body("areas.find { it.code == 'DAG' }.name", equalTo("Dagtilbud"));
            given().auth().oauth2(place.finance()).queryParam("budgetYear", 2027).get(place.base() + "/targets").then()
                    .statusCode(200).body("items", hasSize(1))
                    .body("items[0].status", equalTo("ADOPTED"))
                    .body("items[0].publishedRound", equalTo(1));

            ConsumerRecord<String, String> record = KafkaTopics.await(Events.TARGET_ALLOCATED.topic(),
                    r -> r.value().contains("\"municipality\":\"" + municipality + "\"")
                            && r.value().contains("\"budgetYear\":2027"),
                    1, Duration.ofSeconds(30)).get(0);
            JsonNode data = Fixture.JSON.readTree(record.value()).get("data");
            Set<String> areas = new TreeSet<>();
            long sum = 0;
            for (JsonNode area : data.get("areas")) {
                areas.add(area.get("area").get("code").asText());
                sum += area.get("amounts").get(0).get("amount").asLong();
                assertEquals(4, area.get("budget").size());
            }
            assertEquals(new TreeSet<>(CODES), areas);
            long total = given().auth().oauth2(place.finance()).get(place.base() + "/budgets/2027").then().extract()
                    .jsonPath().getLong("totals[0].amount");
            assertTrue(Math.abs(sum - total / 100) <= 1000, "1 % of " + total + " in thousands, was " + sum);
        }
    }
}
