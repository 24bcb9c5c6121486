package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.text.ControlCharacters;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of policy areas: create, rename and retire (If-Match, 428 without), tenancy, the whole register on
 * {@code policy-area.changed}, and budgets and allocations held to it once the municipality has one.
 */
@QuarkusTest
class PolicyAreaTest {

    /** Herning: only this test gives it a register (Fixture.fresh() never hands it out). */
    private static final Place HERNING = Fixture.at("657", 2040);
    /** Holstebro: no register until the budget test seeds one from its first budget. */
    private static final Place HOLSTEBRO = Fixture.at("661", 2040);

    private static Map<String, Object> area(String name, int mainAccount, String committee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mainAccount", mainAccount);
        body.put("committee", committee);
        return body;
    }

    @Test
    void financeOfficerCreatesRenamesAndRetiresAreasWithIfMatchAndEveryUserReads() {
        Place m = HERNING;
        String path = m.base() + "/policy-areas/";
        m.asFinance().body(area("Ældreområdet", 5, "Social- og Sundhedsudvalget")).put(path + "ÆLD").then()
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .header("Location", containsString(m.base() + "/policy-areas/"))
                .body("created", equalTo(true)).body("area.code", equalTo("ÆLD")).body("area.active", equalTo(true));
        long revision = given().auth().oauth2(m.finance()).get(path).then().statusCode(200).extract().jsonPath()
                .getLong("revision");

        // an existing area is changed only with the version it was read at
        assertProblem(m.asFinance().body(area("Ældre og sundhed", 5, null)).put(path + "ÆLD").then(), 428,
                "precondition-required");
        assertProblem(m.asFinance().header("If-Match", "\"7\"").body(area("Ældre og sundhed", 5, null))
                .put(path + "ÆLD").then(), 412, "precondition-failed");
        m.asFinance().header("If-Match", "\"0\"").body(area("Ældre og sundhed", 5, null)).put(path + "ÆLD").then()
                .statusCode(200).header("ETag", equalTo("\"1\""))
                .body("created", equalTo(false)).body("revision", equalTo((int) revision + 1))
                .body("area.name", equalTo("Ældre og sundhed"));
        Map<String, Object> retire = area("Ældre og sundhed", 5, null);
        retire.put("active", false);
        retire.put("version", 1);
        m.asFinance().body(retire).put(path + "ÆLD").then().statusCode(200).body("area.active", equalTo(false));

        // every user of the municipality reads; only the finance officer writes; other municipalities neither
        given().auth().oauth2(m.politician()).get(path).then().statusCode(200)
                .body("areas.find { it.code == 'ÆLD' }.name", equalTo("Ældre og sundhed"))
                .body("areas.find { it.code == 'ÆLD' }.active", equalTo(false));
        given().auth().oauth2(m.system()).get(path + "ÆLD").then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().auth().oauth2(m.programOwner()).accept("text/csv").get(path).then().statusCode(200)
                .body(containsString("ÆLD;Ældre og sundhed;5;;nej;2"));
        assertProblem(given().auth().oauth2(m.politician()).contentType("application/json")
                .body(area("Politik", 6, null)).put(path + "POL").then(), 403, "forbidden");
        String otherFinance = TestTokens.user("fo-101").roles("finance-officer").municipality("101").token();
        assertProblem(given().auth().oauth2(otherFinance).get(path).then(), 403, "wrong-municipality");
        assertProblem(given().auth().oauth2(otherFinance).contentType("application/json")
                .body(area("Andet", 6, null)).put(path + "AND").then(), 403, "wrong-municipality");
        assertProblem(m.asFinance().body(area("Små bogstaver", 6, null)).put(path + "æld").then(), 400, "validation");
        assertProblem(m.asFinance().body(area("Hovedkonto 7", 7, null)).put(path + "HK7").then(), 400, "validation");
        assertProblem(given().auth().oauth2(m.finance()).get(path + "UKENDT").then(), 404, "not-found");
    }

    @Test
    void everyChangePublishesTheWholeRegisterKeyedByTheMunicipality() throws Exception {
        Place m = HERNING;
        m.asFinance().body(area("Kultur og fritid", 3, "Kultur- og Fritidsudvalget")).put(m.base() + "/policy-areas/KUL")
                .then().statusCode(201);
        long revision = m.asFinance().body(area("Teknik og miljø", 2, null)).put(m.base() + "/policy-areas/TEK")
                .then().statusCode(201).extract().jsonPath().getLong("revision");

        ConsumerRecord<String, String> record = KafkaTopics.await(Events.POLICY_AREA_CHANGED.topic(),
                r -> r.value().contains("\"revision\":" + revision + ",") && "657".equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        JsonNode event = Fixture.JSON.readTree(record.value());
        assertEquals(Events.POLICY_AREA_CHANGED.type(), event.get("type").asText());
        assertEquals("657", event.get("municipality").asText());
        JsonNode areas = event.get("data").get("areas");
        List<String> codes = new java.util.ArrayList<>();
        areas.forEach(a -> codes.add(a.get("code").asText()));
        assertEquals(true, codes.containsAll(List.of("KUL", "TEK")), "the whole register: " + codes);
        JsonNode kul = areas.get(codes.indexOf("KUL"));
        assertEquals("Kultur og fritid", kul.get("name").asText());
        assertEquals(3, kul.get("mainAccount").asInt());
        assertEquals("Kultur- og Fritidsudvalget", kul.get("committee").asText());
        assertEquals(true, kul.get("active").asBoolean());
    }

    @Test
    void budgetsAndAllocationsAreHeldToTheRegisterOnlyOnceTheMunicipalityHasOne() {
        Place first = HOLSTEBRO;
        // no register yet: accepted as before, flagged
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("ÆLD", 600_000_000L);
        amounts.put("XYZ", 100_000_000L);
        first.asFinance().body(Fixture.budget(first, amounts)).put(first.base() + "/budgets/" + first.budgetYear())
                .then().statusCode(201).header("Location", endsWith(first.base() + "/budgets/" + first.budgetYear()))
                .body("warnings.code", equalTo(List.of("area-register-missing")));
        long unchecked = Fixture.createTarget(first, Fixture.amountTarget(first, "LEVEL", 7_000_000));
        first.asFinance().body(Map.of("key", "UNIFORM", "reason", "Ensartet"))
                .post(first.base() + "/targets/" + unchecked + "/allocations/preview").then().statusCode(200)
                .body("warnings.code", equalTo(List.of("area-register-missing")));

        // one call sets the register up from the budget; a second one adds nothing
        first.asFinance().post(first.base() + "/policy-areas/from-budget/" + first.budgetYear()).then().statusCode(200)
                .body("added", equalTo(List.of("ÆLD", "XYZ")))
                .body("register.areas.code", equalTo(List.of("XYZ", "ÆLD")))
                .body("register.areas.find { it.code == 'XYZ' }.name", equalTo("Område XYZ"));
        first.asFinance().post(first.base() + "/policy-areas/from-budget/" + first.budgetYear()).then().statusCode(200)
                .body("added", hasSize(0));
        assertProblem(first.asFinance().post(first.base() + "/policy-areas/from-budget/2099").then(), 422,
                "business-rule").body("rule", equalTo("seed-budget"));
        given().auth().oauth2(first.finance()).get(first.base() + "/budgets/" + first.budgetYear()).then()
                .statusCode(200).body("warnings", hasSize(0));

        // now an unknown code is refused, naming the code and the row (JSON and CSV)
        Place next = Fixture.at(first.municipality(), first.budgetYear() + 1);
        Map<String, Long> withUnknown = new LinkedHashMap<>();
        withUnknown.put("ÆLD", 600_000_000L);
        withUnknown.put("NYT", 10_000_000L);
        assertProblem(next.asFinance().body(Fixture.budget(next, withUnknown))
                .put(next.base() + "/budgets/" + next.budgetYear()).then(), 422, "business-rule")
                .body("rule", equalTo("area-not-in-register"))
                .body("errors[0].field", equalTo("areas[1].code"))
                .body("errors[0].message", containsString("row 2: area NYT is not in the register"))
                .body("detail", containsString("NYT"));
        int y = next.budgetYear();
        String csv = "kode;navn;hovedkonto;udvalg;" + y + ";" + (y + 1) + ";" + (y + 2) + ";" + (y + 3) + "\r\n"
                + "ÆLD;Ældreområdet;5;Social- og Sundhedsudvalget;1;1;1;1\r\n"
                + "\r\n"
                + "NYT;Nyt område;6;Økonomiudvalget;1;1;1;1\r\n";
        assertProblem(given().auth().oauth2(next.finance()).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).put(next.base() + "/budgets/" + next.budgetYear()).then(),
                422, "business-rule")
                .body("rule", equalTo("area-not-in-register"))
                .body("errors[0].field", equalTo("line 4.code"))
                .body("errors[0].message", containsString("row 4: area NYT"));
        // a NUL (which PostgreSQL cannot store) or another control character in a cell refuses the file
        for (String name : List.of("Ældre\u0000området", "Ældre\u0007området")) {
            String controlled = csv.substring(0, csv.indexOf("\r\n\r\n")).replace("Ældreområdet", name) + "\r\n";
            assertProblem(given().auth().oauth2(next.finance()).contentType("text/csv; charset=UTF-8")
                    .body(controlled.getBytes(StandardCharsets.UTF_8)).put(next.base() + "/budgets/" + next.budgetYear())
                    .then(), 422, "business-rule")
                    .body("rule", equalTo("csv-format"))
                    .body("detail", equalTo("Line 2, column 2: " + ControlCharacters.MESSAGE))
                    .body("errors[0].field", equalTo("line 2"));
        }
        given().auth().oauth2(next.finance()).get(next.base() + "/budgets/" + next.budgetYear()).then().statusCode(404);

        // a retired code is refused for new budgets and for new allocations on a budget that still has it
        Map<String, Object> retired = area("Område XYZ", 6, "Økonomiudvalget");
        retired.put("active", false);
        retired.put("version", 0);
        first.asFinance().body(retired).put(first.base() + "/policy-areas/XYZ").then().statusCode(200);
        assertProblem(next.asFinance().body(Fixture.budget(next, amounts))
                .put(next.base() + "/budgets/" + next.budgetYear()).then(), 422, "business-rule")
                .body("errors[0].message", containsString("area XYZ is retired"));
        assertProblem(first.asFinance().body(Map.of("key", "UNIFORM", "reason", "Ensartet"))
                .post(first.base() + "/targets/" + unchecked + "/allocations").then(), 422, "business-rule")
                .body("rule", equalTo("area-not-in-register"))
                .body("errors.field", equalTo(List.of("baseBudget.areas[1].code")))
                .body("errors[0].message", containsString("XYZ"));

        // the registered codes are fine, without warnings
        next.asFinance().body(Fixture.budget(next, Map.of("ÆLD", 600_000_000L)))
                .put(next.base() + "/budgets/" + next.budgetYear()).then().statusCode(201).body("warnings", hasSize(0));
    }

    @Test
    void aRenameInTheRegisterShowsInBudgetsAndNewAllocationRounds() {
        Place m = Fixture.at(HERNING.municipality(), 2041);
        m.asFinance().body(area("Skoleområdet", 3, "Børne- og Skoleudvalget")).put(m.base() + "/policy-areas/SKO").then()
                .statusCode(201);
        Fixture.importBudget(m, Map.of("SKO", 500_000_000L));
        m.asFinance().header("If-Match", "\"0\"").body(area("Skole og uddannelse", 3, "Børne- og Skoleudvalget"))
                .put(m.base() + "/policy-areas/SKO").then().statusCode(200);

        given().auth().oauth2(m.politician()).get(m.base() + "/budgets/" + m.budgetYear()).then().statusCode(200)
                .body("areas[0].name", equalTo("Skole og uddannelse"));
        long target = Fixture.createTarget(m, Fixture.amountTarget(m, "LEVEL", 5_000_000));
        m.asFinance().body(Map.of("key", "UNIFORM", "reason", "Ensartet"))
                .post(m.base() + "/targets/" + target + "/allocations").then().statusCode(201)
                .body("areas[0].name", equalTo("Skole og uddannelse"))
                .body("warnings", hasSize(0))
                .body("areas.code", not(hasItem("ÆLD")));
    }
}
