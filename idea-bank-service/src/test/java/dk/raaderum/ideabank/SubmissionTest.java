package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.get;
import static dk.raaderum.ideabank.support.Ideas.own;
import static dk.raaderum.ideabank.support.Ideas.submit;
import static dk.raaderum.ideabank.support.Ideas.submitted;
import static dk.raaderum.ideabank.support.Ideas.years;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A finance officer submits the municipality's own ideas: the content rules, who may, and what others see. */
@QuarkusTest
class SubmissionTest {

    private static final String M = "615";

    @Test
    void aSubmissionWaitsForKlAndIsVisibleOnlyToItsMunicipalityAndKl() throws Exception {
        Map<String, Object> body = efficiency("Fælles indkøb af hjælpemidler", "indkoeb", 2025, 400_000);
        body.put("tags", List.of("Indkøb", "indkøb", " Hjælpemidler "));
        body.put("number", "IND-07");
        long id = submit(M, body).statusCode(201)
                .header("Location", containsString("/api/v1/ideas/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("SUBMITTED"))
                .body("origin", equalTo("MUNICIPALITY"))
                .body("sourceMunicipality.name", equalTo("Horsens"))
                .body("area.name", equalTo("Indkøb og udbud"))
                .body("area.mainAccount", equalTo(6))
                .body("budgetLabel", equalTo("B25"))
                .body("priceLevelYear", equalTo(2025))
                .body("tags", contains("indkøb", "hjælpemidler"))
                .body("amounts.year", contains(2025, 2026, 2027, 2028))
                .body("amounts.amount", contains(-200_000, -400_000, -400_000, -400_000))
                .body("number", equalTo("IND-07"))
                .extract().jsonPath().getLong("id");

        get(Tokens.owner(M), id).statusCode(200);
        get(Tokens.curator(), id).statusCode(200);
        assertProblem(get(Tokens.finance("751"), id), 404, "not-found");
        as(Tokens.finance(M)).get(own(M)).then().statusCode(200).body("items.id", hasItem((int) id));
        as(Tokens.finance(M)).get("/api/v1/ideas/" + id + "/history").then().statusCode(200)
                .body("action", contains("SUBMITTED")).body("[0].actor", equalTo("Økonomi " + M));

        JsonNode event = new ObjectMapper().readTree(KafkaTopics.await("idea.submitted", r -> r.key().equals(
                String.valueOf(id)), 1, Duration.ofSeconds(30)).get(0).value());
        assertEquals("dk.raaderum.idea.submitted.v1", event.get("type").asText());
        assertEquals(M, event.get("municipality").asText());
        assertEquals("MUNICIPALITY", event.get("data").get("origin").asText());
    }

    @Test
    void theCatalogsTypeRulesApply() {
        Map<String, Object> costs = efficiency("Dyrere drift", "aeldre", 2025, 100_000);
        costs.put("amounts", years(2025, 100_000, -50_000, -50_000, -50_000));
        assertProblem(submit(M, costs), 422, "business-rule").body("rule", equalTo("no-net-cost"))
                .body("detail", startsWith("amounts: The type ")); // an idea's rule, not "a proposal"

        Map<String, Object> noRoom = efficiency("Ingen gevinst", "aeldre", 2025, 0);
        assertProblem(submit(M, noRoom), 422, "business-rule").body("rule", equalTo("creates-room"));

        Map<String, Object> saving = efficiency("Lukning af værested", "handicap-psykiatri", 2025, 300_000);
        saving.put("type", "SAVING");
        assertProblem(submit(M, saving), 422, "business-rule").body("rule", equalTo("saving-consequences"))
                .body("errors[0].field", equalTo("consequences"));

        Map<String, Object> investment = efficiency("Vasketoiletter", "aeldre", 2025, 300_000);
        investment.put("type", "INVESTMENT");
        assertProblem(submit(M, investment), 422, "business-rule").body("rule", equalTo("investment-profile"));

        Map<String, Object> payback = efficiency("Ruteplanlægning", "aeldre", 2025, 300_000);
        payback.put("paybackYears", 2.5);
        assertProblem(submit(M, payback), 422, "business-rule").body("rule", equalTo("investment-profile"));

        Map<String, Object> expansion = efficiency("Flere hænder", "aeldre", 2025, 300_000);
        expansion.put("type", "EXPANSION");
        assertProblem(submit(M, expansion), 422, "business-rule").body("rule", equalTo("expansion-costs"));
    }

    @Test
    void yearsAreTheFourBudgetYearsEachOnce() {
        Map<String, Object> threeYears = efficiency("Tre år", "skole", 2026, 100_000);
        threeYears.put("amounts", years(2026, -1, -1, -1));
        assertProblem(submit(M, threeYears), 422, "business-rule").body("rule", equalTo("amounts-required"));

        Map<String, Object> outside = efficiency("Uden for", "skole", 2026, 100_000);
        outside.put("amounts", years(2027, -1, -1, -1, -1));
        assertProblem(submit(M, outside), 422, "business-rule").body("rule", equalTo("idea-years"))
                .body("detail", containsString("2030 is not one of the budget years"));
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() {
        long before = as(Tokens.finance(M)).get(own(M)).then().extract().jsonPath().getLong("total");
        Map<String, Object> unknownArea = efficiency("Ukendt", "aeldrepleje", 2025, 100_000);
        assertProblem(submit(M, unknownArea), 422, "business-rule").body("rule", equalTo("unknown-area"))
                .body("errors[0].field", equalTo("areaCode"));

        Map<String, Object> nul = efficiency("Video\u0000besøg", "aeldre", 2025, 100_000);
        assertProblem(submit(M, nul), 400, "validation").body("errors[0].field", equalTo("title"));

        Map<String, Object> tooLong = efficiency("x".repeat(301), "aeldre", 2025, 100_000);
        assertProblem(submit(M, tooLong), 400, "validation").body("errors[0].field", equalTo("title"));

        Map<String, Object> huge = efficiency("Enorm", "aeldre", 2025, 100_000);
        huge.put("amounts", years(2025, -1, -1, -1, Long.MIN_VALUE));
        assertProblem(submit(M, huge), 400, "validation").body("errors[0].field", equalTo("amounts[3].amount"));

        Map<String, Object> tooEarly = efficiency("For tidligt", "aeldre", 1999, 100_000);
        assertProblem(submit(M, tooEarly), 400, "validation").body("errors[0].field", equalTo("budgetYear"));

        Map<String, Object> fte = efficiency("Halve årsværk", "aeldre", 2025, 100_000);
        fte.put("fteChange", -1.255);
        assertProblem(submit(M, fte), 400, "validation").body("errors[0].field", equalTo("fteChange"));

        assertEquals(before, as(Tokens.finance(M)).get(own(M)).then().extract().jsonPath().getLong("total"));
    }

    @Test
    void onlyTheMunicipalitysFinanceOfficerOrSystemSubmitsForIt() {
        Map<String, Object> body = efficiency("Digital post", "it-digitalisering", 2025, 100_000);
        assertProblem(as(Tokens.finance("751")).body(body).post(own(M)).then(), 403, "wrong-municipality");
        assertProblem(as(Tokens.politician(M)).body(body).post(own(M)).then(), 403, "forbidden");
        assertProblem(as(Tokens.curator()).body(body).post(own(M)).then(), 403, "forbidden");
        as(Tokens.machine(M)).body(body).post(own(M)).then().statusCode(201);
    }

    @Test
    void aSubmissionChangesWhileItWaitsAndNotAfter() {
        long id = submitted(M, efficiency("Robotter til fakturahåndtering", "administration", 2026, 600_000));
        Map<String, Object> changed = efficiency("Softwarerobotter til fakturahåndtering", "administration", 2026, 800_000);
        changed.put("version", 0);
        as(Tokens.finance(M)).body(changed).put(own(M) + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("title", equalTo("Softwarerobotter til fakturahåndtering"));
        assertProblem(as(Tokens.finance(M)).body(changed).put(own(M) + "/" + id).then(), 409, "concurrent-modification");
        changed.remove("version");
        assertProblem(as(Tokens.finance(M)).header("If-Match", "\"0\"").body(changed).put(own(M) + "/" + id).then(), 412,
                "precondition-failed");
        as(Tokens.finance(M)).get("/api/v1/ideas/" + id + "/history").then()
                .body("action", contains("SUBMITTED", "UPDATED"))
                .body("[1].changes.field", hasItem("title"))
                .body("[1].changes.find { it.field == 'title' }.from", equalTo("Robotter til fakturahåndtering"));

        String published = as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + id + "/publish").then()
                .statusCode(200).extract().header("ETag");
        assertProblem(as(Tokens.finance(M)).header("If-Match", published).body(changed).put(own(M) + "/" + id).then(), 409,
                "invalid-transition");
        assertProblem(as(Tokens.finance("751")).body(changed).put(own(M) + "/" + id).then(), 403, "wrong-municipality");
    }

    @Test
    void aNumberIsUniquePerMunicipalityAndYear() {
        Map<String, Object> body = efficiency("Genudbud af forsikringer", "indkoeb", 2027, 300_000);
        body.put("number", "ADM-11");
        long first = submitted(M, body);
        assertProblem(submit(M, body), 409, "conflict").body("existingIdeaId", equalTo((int) first));
        body.put("budgetYear", 2028);
        body.put("amounts", years(2028, -1, -1, -1, -1));
        submit(M, body).statusCode(201);
    }

    @Test
    void aWithdrawnIdeaLeavesTheBankButKeepsItsHistory() {
        long id = submitted(M, efficiency("Lukning af kantine", "administration", 2025, 200_000));
        assertProblem(as(Tokens.finance(M)).body(Map.of()).post(own(M) + "/" + id + "/withdraw").then(), 400, "validation");
        as(Tokens.finance(M)).body(Map.of("reason", "Forslaget er opgivet")).post(own(M) + "/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("reason", "igen")).post(own(M) + "/" + id + "/withdraw").then(),
                409, "invalid-transition");
        as(Tokens.finance(M)).get("/api/v1/ideas/" + id + "/history").then()
                .body("action", contains("SUBMITTED", "WITHDRAWN")).body("[1].reason", equalTo("Forslaget er opgivet"));
        get(Tokens.finance(M), id).statusCode(200).body("contactRole", equalTo("Økonomichef"))
                .body("family", nullValue());
    }
}
