package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live coverage from proposal-service's events sent to the real topics: duplicates applied once, any order across
 * topics, crossings of 100 % published, expansions and unknown areas kept apart.
 */
@QuarkusTest
class CoverageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** ÆLD 600 mio. and ADM 100 mio.; an adopted 7 mio. target allocated uniformly: ÆLD 6 mio., ADM 1 mio. a year. */
    private static Place withAdoptedTarget() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Ensartet"));
        Fixture.adopt(place, id);
        return place;
    }

    @Test
    void adoptedProposalsOnTheRealTopicCoverTheTargetAndADuplicateCountsOnce() {
        Place place = withAdoptedTarget();
        long first = Fixture.proposalId();
        String event = Fixture.send(Events.PROPOSAL_ADOPTED, String.valueOf(first), place.municipality(),
                Fixture.adopted(place, first, "SAVING", "ÆLD", Fixture.perYear(place, -2_000_000, -2_000_000,
                        -2_000_000, -2_000_000), Instant.now()));
        awaitCovered(place, "ÆLD", 2_000_000);

        KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), String.valueOf(first), event);
        KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), String.valueOf(first), event);
        long second = Fixture.proposalId();
        Fixture.sendAdopted(place, Fixture.adopted(place, second, "EFFICIENCY", "ÆLD",
                Fixture.perYear(place, -500_000, -1_000_000, -1_000_000, -1_000_000), Instant.now()));
        awaitCovered(place, "ÆLD", 2_500_000);

        given().auth().oauth2(place.politician()).get(place.base() + "/coverage/" + place.budgetYear()).then()
                .statusCode(200)
                .body("areas.find { it.areaCode == 'ÆLD' }.proposalCount", equalTo(2))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].target", equalTo(6_000_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].gap", equalTo(3_500_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].coveragePercent", equalTo(41.67f))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[1].covered", equalTo(3_000_000))
                .body("areas.find { it.areaCode == 'ADM' }.years[0].covered", equalTo(0))
                .body("totals[0].target", equalTo(7_000_000))
                .body("totals[0].covered", equalTo(2_500_000));
    }

    @Test
    void crossingOneHundredPercentIsPublishedAndSoIsFallingBelowAgain() {
        Place place = withAdoptedTarget();
        long id = Fixture.proposalId();
        Instant adoptedAt = Instant.now();
        Fixture.sendAdopted(place, Fixture.adopted(place, id, "SAVING", "ADM",
                Fixture.perYear(place, -1_200_000, -1_200_000, -1_200_000, -1_200_000), adoptedAt));
        String key = place.municipality() + ":" + place.budgetYear() + ":ADM";
        List<ConsumerRecord<String, String>> reached = KafkaTopics.await(Events.COVERAGE_CHANGED.topic(),
                r -> key.equals(r.key()), 4, WAIT);
        assertEquals(4, reached.size());
        JsonNode first = json(reached.get(0));
        assertEquals("dk.raaderum.target.coverage-changed.v1", first.get("type").asText());
        assertEquals(place.municipality(), first.get("municipality").asText());
        JsonNode data = first.get("data");
        assertEquals("REACHED", data.get("change").asText());
        assertEquals("ADM", data.get("areaCode").asText());
        assertEquals(place.budgetYear(), data.get("budgetYear").asInt());
        assertEquals(1_000_000, data.get("target").asLong());
        assertEquals(1_200_000, data.get("covered").asLong());
        assertEquals(0, new BigDecimal("120").compareTo(data.get("coveragePercent").decimalValue()));
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("areas.find { it.areaCode == 'ADM' }.years[0].reached", equalTo(true));

        Fixture.send(Events.PROPOSAL_WITHDRAWN, String.valueOf(id), place.municipality(), Fixture.withdrawn(place, id,
                "SAVING", "ADM", Fixture.perYear(place, -1_200_000, -1_200_000, -1_200_000, -1_200_000), "ADOPTED",
                adoptedAt.plusSeconds(60)));
        List<ConsumerRecord<String, String>> all = KafkaTopics.await(Events.COVERAGE_CHANGED.topic(),
                r -> key.equals(r.key()), 8, WAIT);
        assertEquals(8, all.size());
        assertEquals("FELL_BELOW", json(all.get(7)).get("data").get("change").asText());
        assertEquals(0, json(all.get(7)).get("data").get("covered").asLong());
        awaitCovered(place, "ADM", 0);
    }

    @Test
    void expansionsAreShownSeparatelyAndNeverLowerCoverage() {
        Place place = withAdoptedTarget();
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "EXPANSION", "ÆLD",
                Fixture.perYear(place, 3_000_000, 3_000_000, 3_000_000, 3_000_000), Instant.now()));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "SAVING", "ÆLD",
                Fixture.perYear(place, -2_000_000, -2_000_000, -2_000_000, -2_000_000), Instant.now()));
        awaitCovered(place, "ÆLD", 2_000_000);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].expansions", equalTo(3_000_000))
                .body("areas.find { it.areaCode == 'ÆLD' }.years[0].covered", equalTo(2_000_000)));
    }

    @Test
    void aProposalForAnAreaOutsideTheBudgetIsKeptAndReportedAsUnmatched() {
        Place place = withAdoptedTarget();
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "EFFICIENCY", "IT",
                Fixture.perYear(place, -400_000, -400_000, -400_000, -400_000), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("unmatched", hasSize(1))
                .body("unmatched[0].areaCode", equalTo("IT"))
                .body("unmatched[0].matched", equalTo(false))
                .body("unmatched[0].years[0].covered", equalTo(400_000))
                .body("areas.areaCode", containsInAnyOrder("ÆLD", "ADM"))
                .body("totals[0].covered", equalTo(0)));
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheOlderAdoptionKeepsTheProposalOut() {
        Place place = withAdoptedTarget();
        long id = Fixture.proposalId();
        Instant adoptedAt = Instant.now().minusSeconds(120);
        List<YearAmount> net = Fixture.perYear(place, -900_000, -900_000, -900_000, -900_000);
        Fixture.send(Events.PROPOSAL_WITHDRAWN, String.valueOf(id), place.municipality(),
                Fixture.withdrawn(place, id, "SAVING", "ADM", net, "ADOPTED", adoptedAt.plusSeconds(60)));
        Fixture.sendAdopted(place, Fixture.adopted(place, id, "SAVING", "ADM", net, adoptedAt));
        long marker = Fixture.proposalId();
        Fixture.sendAdopted(place, Fixture.adopted(place, marker, "SAVING", "ADM",
                Fixture.perYear(place, -100_000, -100_000, -100_000, -100_000), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear() + "/areas/ADM").then().statusCode(200)
                .body("proposals", hasSize(2))
                .body("proposals.find { it.proposalId == " + id + " }.state", equalTo("WITHDRAWN"))
                .body("proposals.find { it.proposalId == " + id + " }.counts", equalTo(false)));
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("areas.find { it.areaCode == 'ADM' }.years[0].covered", equalTo(100_000));
        given().auth().oauth2(place.finance()).accept("text/csv")
                .get(place.base() + "/coverage/" + place.budgetYear() + "/areas/ADM").then().statusCode(200)
                .body(containsString(id + ";ADM-" + id + ";Forslag " + id + ";SAVING;WITHDRAWN;nej;" + place.budgetYear()
                        + ";900000;"))
                .body(containsString(marker + ";ADM-" + marker + ";Forslag " + marker + ";SAVING;ADOPTED;ja;"));
    }

    @Test
    void aBudgetAgreementThatArrivesFirstShowsWhichAdoptionsAreStillAwaited() {
        Place place = withAdoptedTarget();
        long one = Fixture.proposalId();
        long two = Fixture.proposalId();
        long catalogId = Fixture.proposalId();
        Fixture.send(Events.CATALOG_ADOPTED, String.valueOf(catalogId), place.municipality(),
                Fixture.catalogAdopted(place, catalogId, List.of(one, two), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("catalogs", hasSize(1))
                .body("catalogs[0].adoptedProposals", equalTo(2))
                .body("catalogs[0].awaiting", equalTo(List.of((int) one, (int) two))));
        Fixture.sendAdopted(place, Fixture.adopted(place, one, "SAVING", "ÆLD",
                Fixture.perYear(place, -1, -1, -1, -1), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("catalogs[0].received", equalTo(1))
                .body("catalogs[0].awaiting", equalTo(List.of((int) two))));
    }

    @Test
    void proposalsAdoptedBeforeTheTargetCountOnceItIsAdopted() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "ADM", 100_000_000L));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "INVESTMENT", "ADM",
                Fixture.perYear(place, -5_000_000, -5_000_000, -5_000_000, -5_000_000), Instant.now()));
        awaitCovered(place, "ADM", 5_000_000);
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("areas.find { it.areaCode == 'ADM' }.years[0].target", equalTo(0))
                .body("areas.find { it.areaCode == 'ADM' }.years[0].coveragePercent", nullValue());

        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 7_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Ensartet"));
        String key = place.municipality() + ":" + place.budgetYear() + ":ADM";
        assertTrue(KafkaTopics.collect(Events.COVERAGE_CHANGED.topic(), r -> key.equals(r.key()), Duration.ofSeconds(1))
                .isEmpty(), "a draft target does not count");
        Fixture.adopt(place, id);
        List<ConsumerRecord<String, String>> reached = KafkaTopics.await(Events.COVERAGE_CHANGED.topic(),
                r -> key.equals(r.key()), 4, WAIT);
        assertEquals("REACHED", json(reached.get(0)).get("data").get("change").asText());
        given().auth().oauth2(place.finance()).get(place.base() + "/coverage/" + place.budgetYear()).then()
                .body("areas.find { it.areaCode == 'ADM' }.years[0].coveragePercent", equalTo(500.0f));
    }

    @Test
    void coverageReadsAsCsvOnlyInItsOwnMunicipality() {
        Place place = withAdoptedTarget();
        given().auth().oauth2(place.programOwner()).accept("text/csv")
                .get(place.base() + "/coverage/" + place.budgetYear()).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(containsString("kode;navn;hovedkonto;udvalg;matchet;forslag;år;mål;dækket;mangler"))
                .body(containsString("ADM;Administration;6;Økonomiudvalget;ja;0;" + place.budgetYear() + ";1000000;0;"));
        Place other = Fixture.fresh();
        assertProblem(given().auth().oauth2(other.finance()).get(place.base() + "/coverage/" + place.budgetYear()).then(),
                403, "wrong-municipality");
        assertProblem(given().auth().oauth2(place.finance()).get(place.base() + "/coverage/1999").then(), 400,
                "validation");
        assertProblem(given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear() + "/areas/NOPE").then(), 404, "not-found");
    }

    @Test
    void anEventThatCannotBeReadGoesToTheDeadLetterTopic() {
        Place place = Fixture.fresh();
        String key = "poison-" + UUID.randomUUID();
        KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), key, "not a CloudEvent {");
        ConsumerRecord<String, String> dead = KafkaTopics.await(Events.PROPOSAL_ADOPTED.deadLetterTopic(),
                r -> key.equals(r.key()), 1, WAIT).get(0);
        assertEquals("not a CloudEvent {", dead.value());
        // Without a municipality the event cannot be placed: retried, then dead-lettered; consumption goes on.
        long id = Fixture.proposalId();
        KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), String.valueOf(id), Fixture.envelope(Events.PROPOSAL_ADOPTED,
                UUID.randomUUID().toString(), String.valueOf(id), null, Fixture.adopted(place, id, "SAVING", "ADM",
                        Fixture.perYear(place, -1, -1, -1, -1), Instant.now())));
        ConsumerRecord<String, String> noMunicipality = KafkaTopics.await(Events.PROPOSAL_ADOPTED.deadLetterTopic(),
                r -> String.valueOf(id).equals(r.key()), 1, WAIT).get(0);
        assertTrue(KafkaTopics.header(noMunicipality, "dead-letter-reason").contains("carries no municipality"),
                KafkaTopics.header(noMunicipality, "dead-letter-reason"));
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        Fixture.sendAdopted(place, Fixture.adopted(place, Fixture.proposalId(), "SAVING", "ADM",
                Fixture.perYear(place, -7, -7, -7, -7), Instant.now()));
        awaitCovered(place, "ADM", 7);
    }

    private static void awaitCovered(Place place, String area, long covered) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(place.finance())
                .get(place.base() + "/coverage/" + place.budgetYear()).then().statusCode(200)
                .body("areas.find { it.areaCode == '" + area + "' }.years[0].covered", equalTo((int) covered)));
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return Fixture.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
