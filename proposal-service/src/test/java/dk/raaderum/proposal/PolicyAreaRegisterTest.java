package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.area;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Catalog areas against target-service's register of policy areas, received as {@code policy-area.changed} on the
 * real topic: accepted and flagged while no register has arrived, refused (422) once it has, a just-added area
 * accepted when the caller names the newer revision, renames reaching open catalogs, and the simulation naming the
 * codes that do not meet.
 */
@QuarkusTest
class PolicyAreaRegisterTest {

    /** Herning: no other test of the module uses it. */
    private static final String M = "657";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RegisteredArea AELD = new RegisteredArea("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget", true);
    private static final RegisteredArea GAM = new RegisteredArea("GAM", "Gammelt område", 6, null, false);

    private static String register(long revision, RegisteredArea... areas) {
        return TestEvents.send(Events.POLICY_AREA_CHANGED, M, M, new PolicyAreasChangedV1(revision, List.of(areas),
                Instant.now()), Instant.now());
    }

    private static Map<String, Object> catalog(int budgetYear, String... codes) {
        return Map.of("budgetYear", budgetYear, "title", "Katalog " + budgetYear, "areas",
                java.util.Arrays.stream(codes).map(code -> area(code, "Område " + code, 6, "Økonomiudvalget")).toList());
    }

    @Test
    void catalogAreasAreHeldToTheRegisterOnceItHasArrivedAndFollowItsNames() {
        String finance = Users.financeOfficer(M);
        // no register yet: accepted as before, flagged
        long early = as(finance).body(catalog(2040, "ÆLD", "XYZ")).post(base(M) + "/catalogs").then().statusCode(201)
                .body("warnings.code", equalTo(List.of("area-register-missing")))
                .body("areas.find { it.code == 'ÆLD' }.name", equalTo("Område ÆLD"))
                .extract().jsonPath().getLong("id");

        // the register arrives (twice: a redelivery is applied once); the open catalog takes its names
        String first = register(1, AELD, GAM);
        KafkaTopics.send(Events.POLICY_AREA_CHANGED.topic(), M, first);
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(M) + "/catalogs/" + early).then().statusCode(200)
                .body("areas.find { it.code == 'ÆLD' }.name", equalTo("Ældreområdet"))
                .body("warnings.code", equalTo(List.of("area-not-in-register")))
                .body("warnings[0].message", containsString("XYZ")));

        // now a code the register lacks, or has retired, is refused, naming it
        assertProblem(as(finance).body(catalog(2041, "ÆLD", "NYT")).post(base(M) + "/catalogs").then(), 422,
                "business-rule")
                .body("rule", equalTo("area-not-in-register"))
                .body("errors.field", equalTo(List.of("areas[1].code")))
                .body("detail", containsString("area NYT is not in the register"));
        assertProblem(as(finance).body(catalog(2041, "GAM")).post(base(M) + "/catalogs").then(), 422, "business-rule")
                .body("errors[0].message", containsString("GAM is retired"));
        assertProblem(as(finance).body(area("NYT", "Nyt", 6, "Økonomiudvalget"))
                .post(base(M) + "/catalogs/" + early + "/areas").then(), 422, "business-rule")
                .body("errors[0].field", equalTo("code"));
        long current = as(finance).body(catalog(2041, "ÆLD")).post(base(M) + "/catalogs").then().statusCode(201)
                .body("warnings", hasSize(0)).extract().jsonPath().getLong("id");

        // a rename reaches the open catalogs
        register(2, new RegisteredArea("ÆLD", "Ældre og sundhed", 5, "Social- og Sundhedsudvalget", true), GAM);
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(M) + "/catalogs/" + current).then()
                .body("areas[0].name", equalTo("Ældre og sundhed")));
        as(finance).get(base(M) + "/catalogs/" + early).then().body("areas.find { it.code == 'ÆLD' }.name",
                equalTo("Ældre og sundhed"));
    }

    @Test
    void anAreaJustAddedInTargetServiceIsAcceptedWhenTheCallerNamesTheNewerRevision() {
        String m = "661"; // Holstebro: its own register
        String finance = Users.financeOfficer(m);
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(5, List.of(AELD), Instant.now()),
                Instant.now());
        long first = as(finance).body(catalog(2039, "ÆLD")).post(base(m) + "/catalogs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(m) + "/catalogs/" + first).then()
                .body("warnings", hasSize(0))); // revision 5 has arrived
        assertProblem(as(finance).body(catalog(2040, "TRA")).post(base(m) + "/catalogs").then(), 422, "business-rule");

        // target-service answered revision 6 for the new area; its event has not arrived here yet
        long catalog = as(finance).body(catalog(2040, "ÆLD", "TRA")).queryParam("policyAreaRevision", 6)
                .post(base(m) + "/catalogs").then().statusCode(201)
                .body("warnings.code", equalTo(List.of("area-register-pending")))
                .body("warnings[0].message", containsString("TRA"))
                .extract().jsonPath().getLong("id");
        // naming the revision proposal-service already has changes nothing: the code is unknown to it
        assertProblem(as(finance).body(area("BUS", "Busser", 2, "Teknik- og Miljøudvalget")).queryParam("policyAreaRevision", 5)
                .post(base(m) + "/catalogs/" + catalog + "/areas").then(), 422, "business-rule");

        // revision 6 arrives; a stale revision 4 arriving late changes nothing
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(6, List.of(AELD,
                new RegisteredArea("TRA", "Kollektiv trafik", 2, null, true)), Instant.now()), Instant.now());
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(4, List.of(AELD), Instant.now()),
                Instant.now());
        // same key, same partition: once revision 7 is applied, the stale one before it was handled too
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(7, List.of(AELD,
                new RegisteredArea("TRA", "Trafik", 2, null, true)), Instant.now()), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(m) + "/catalogs/" + catalog).then()
                .body("areas.find { it.code == 'TRA' }.name", equalTo("Trafik"))
                .body("warnings", hasSize(0)));
    }

    @Test
    void theSimulationNamesTargetsOfAreasTheCatalogLacksAndAreasOutsideTheRegister() {
        String m = "665"; // Lemvig: its own register
        String finance = Users.financeOfficer(m);
        long catalog = as(finance).body(catalog(2040, "ÆLD", "XYZ")).post(base(m) + "/catalogs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(1, List.of(AELD,
                new RegisteredArea("TRA", "Trafik", 2, null, true)), Instant.now()), Instant.now());
        long targetId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        KafkaTopics.send(Events.TARGET_ALLOCATED.topic(), Long.toString(targetId), """
                {"specversion":"1.0","id":"%s","source":"/raaderum/target-service","type":"dk.raaderum.target.allocated.v1",
                 "subject":"%d","time":"2026-03-01T10:00:00Z","datacontenttype":"application/json","municipality":"%s",
                 "data":{"targetId":%d,"round":1,"budgetYear":2040,"priceLevelYear":2040,"targetName":"Mål",
                   "responsibleBody":"FINANCE_COMMITTEE","allocatedAt":"2026-03-01T10:00:00Z",
                   "areas":[{"area":{"code":"TRA","name":"Trafik","mainAccount":2,"committee":"Teknik- og Miljøudvalget"},
                             "amounts":[{"year":2040,"amount":1000000}],"budget":[{"year":2040,"amount":90000000}],"exempt":false}]}}"""
                .formatted(UUID.randomUUID(), targetId, m, targetId));
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(m) + "/catalogs/" + catalog + "/targets").then()
                .statusCode(200).body("areaCode", hasItem("TRA")));
        await().atMost(WAIT).untilAsserted(() -> as(finance).body(Map.of("proposalIds", List.of()))
                .post(base(m) + "/catalogs/" + catalog + "/simulations").then().statusCode(200)
                .body("warnings.find { it.code == 'TARGET_AREA_NOT_IN_CATALOG' }.message", containsString("TRA"))
                .body("warnings.find { it.code == 'AREA_NOT_IN_REGISTER' }.message", containsString("XYZ")));
    }
}
