package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.area;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.create;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.initiativeBody;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.followup.support.Api.years;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.PolicyAreaRef;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registering initiatives through the API, the register list, owners, the audit trail and tenancy. */
@QuarkusTest
class InitiativeApiTest {

    private static final String M = "101";

    @Test
    void financeOfficerRegistersAnInitiativeDecidedOutsideACatalog() {
        Map<String, Object> body = initiativeBody("EFFICIENCY", "Fælles indkøb af hjælpemidler", "ÆLD", 2027, "kbh-owner",
                300_000, 600_000);
        body.put("decisionReference", "Økonomiudvalget 12.03.2027, pkt. 4");
        String location = as(Tokens.finance(M)).body(body).post(base(M) + "/initiatives").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("source", equalTo("MANUAL"))
                .body("typeLabel", equalTo("effektivisering"))
                .body("owner.username", equalTo("kbh-owner"))
                .body("decisionReference", equalTo("Økonomiudvalget 12.03.2027, pkt. 4"))
                .body("years.expected", contains(300_000, 600_000))
                .body("slots.period", contains("2027", "2028"))
                .body("createdBy", equalTo("101-finance"))
                .extract().header("Location");
        given().auth().oauth2(Tokens.machine(M)).get(location).then().statusCode(200)
                .body("title", equalTo("Fælles indkøb af hjælpemidler"));
    }

    @Test
    void investmentGivesCostAndGainsAndExpectsTheNet() {
        Map<String, Object> body = initiativeBody("INVESTMENT", "Solceller på skoler", "SKO", 2027, null);
        body.remove("expectedGains");
        body.put("investmentCost", years(2027, 2_000_000, 0, 0));
        body.put("gains", years(2027, 0, 900_000, 900_000));
        long id = create(M, body);
        as(Tokens.finance(M)).get(initiative(M, id)).then()
                .body("years.expected", contains(-2_000_000, 900_000, 900_000))
                .body("years.investmentCost", contains(2_000_000, 0, 0))
                .body("years.gain", contains(0, 900_000, 900_000))
                .body("slots.period", contains("2028", "2029"))
                .body("totals.adopted", equalTo(-200_000));
    }

    @Test
    void registrationRulesAreClearProblems() {
        String path = base(M) + "/initiatives";
        assertProblem(as(Tokens.finance(M)).body(initiativeBody("EXPANSION", "Lektiecafé", "SKO", 2027, null, 100_000))
                .post(path).then(), 422, "business-rule").body("rule", equalTo("expansion-not-followed-up"));
        Map<String, Object> mixed = initiativeBody("SAVING", "Blandet", "SKO", 2027, null, 100_000);
        mixed.put("gains", years(2027, 1));
        assertProblem(as(Tokens.finance(M)).body(mixed).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("investment-profile"));
        Map<String, Object> free = initiativeBody("INVESTMENT", "Gratis investering", "SKO", 2027, null);
        free.remove("expectedGains");
        free.put("gains", years(2027, 5));
        assertProblem(as(Tokens.finance(M)).body(free).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("investment-profile")).body("errors[0].field", equalTo("investmentCost"));
        Map<String, Object> twice = initiativeBody("SAVING", "To gange", "SKO", 2027, null);
        twice.put("expectedGains", List.of(Map.of("year", 2027, "amount", 1), Map.of("year", 2027, "amount", 2)));
        assertProblem(as(Tokens.finance(M)).body(twice).post(path).then(), 422, "business-rule")
                .body("rule", equalTo("duplicate-year")).body("errors[0].field", equalTo("expectedGains[1].year"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("title", "Før", "type", "SAVING", "catalogYear", 2028, "area", area("SKO"),
                        "expectedGains", years(2026, 100)))
                .post(path).then(), 422, "business-rule").body("rule", equalTo("year-outside-horizon"));
        assertProblem(as(Tokens.finance(M)).body(initiativeBody("SAVING", "Ingen gevinst", "SKO", 2027, null, 0, -5))
                .post(path).then(), 422, "business-rule").body("rule", equalTo("no-expected-gain"));

        Map<String, Object> invalid = new HashMap<>(initiativeBody("SAVING", " ", "SKO", 1999, "has space", 1));
        invalid.put("area", Map.of("code", "SKO", "name", "Skole", "mainAccount", 9));
        assertProblem(as(Tokens.finance(M)).body(invalid).post(path).then(), 400, "validation")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("catalogYear"))
                .body("errors.field", hasItem("ownerUsername"))
                .body("errors.field", hasItem("area.mainAccount"));
        // the register's format: "æld" next to "ÆLD" would be a second area on the dashboard
        Map<String, Object> lowerCase = new HashMap<>(initiativeBody("SAVING", "Små bogstaver", "SKO", 2027, null, 1));
        lowerCase.put("area", Map.of("code", "æld", "name", "Ældreområdet", "mainAccount", 5));
        assertProblem(as(Tokens.finance(M)).body(lowerCase).post(path).then(), 400, "validation")
                .body("errors[0].field", equalTo("area.code"))
                .body("errors[0].message", equalTo(PolicyAreaRef.CODE_MESSAGE));
        assertProblem(as(Tokens.finance(M)).body(Map.of("title", "x", "typo", 1)).post(path).then(), 400, "validation")
                .body("errors[0].field", equalTo("typo"));
        assertProblem(as(Tokens.finance(M)).body("{not json").post(path).then(), 400, "malformed-request");
    }

    @Test
    void onlyFinanceOfficersRegisterAndEveryoneStaysInTheirMunicipality() {
        Map<String, Object> body = initiativeBody("SAVING", "Forsøg", "SKO", 2027, null, 100_000);
        assertProblem(as(Tokens.politician(M)).body(body).post(base(M) + "/initiatives").then(), 403, "forbidden");
        assertProblem(as(Tokens.owner("kbh-owner", M)).body(body).post(base(M) + "/initiatives").then(), 403, "forbidden");
        assertProblem(as(Tokens.finance("573")).body(body).post(base(M) + "/initiatives").then(), 403, "wrong-municipality");
        long id = createEfficiency(M, "Kun København", "SKO", 2027, null, 100_000);
        assertProblem(as(Tokens.finance("573")).get(base("573") + "/initiatives/" + id).then(), 404, "not-found");
        assertProblem(as(Tokens.finance("573")).get(initiative(M, id)).then(), 403, "wrong-municipality");
        assertProblem(given().get(initiative(M, id)).then(), 401, "unauthenticated");
        as(Tokens.klCurator()).get(initiative(M, id)).then().statusCode(403);
    }

    @Test
    void theRegisterListFiltersAndPaginates() {
        String m = "183";
        long a = createEfficiency(m, "Alfa rengøring", "ÆLD", 2027, "ishoj-owner", 100_000, 100_000);
        long b = create(m, initiativeBody("SAVING", "Beta skolebus", "SKO", 2027, null, 200_000));
        long c = createEfficiency(m, "Gamma 2026", "ÆLD", 2026, "ishoj-owner", 50_000);
        report(m, a, 2027, 80_000, "PROBABLE");

        as(Tokens.politician(m)).get(base(m) + "/initiatives").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains((int) b, (int) a, (int) c))
                .body("items.find { it.id == " + a + " }.adopted", equalTo(200_000))
                .body("items.find { it.id == " + a + " }.expectedReported", equalTo(100_000))
                .body("items.find { it.id == " + a + " }.realised", equalTo(80_000))
                .body("items.find { it.id == " + a + " }.ratio", equalTo(0.8f))
                .body("items.find { it.id == " + a + " }.rag", equalTo("AMBER"))
                .body("items.find { it.id == " + a + " }.nextDueDate", equalTo("2029-04-01"));
        as(Tokens.finance(m)).queryParam("owner", "ishoj-owner").queryParam("catalogYear", 2027).get(base(m) + "/initiatives")
                .then().body("items.id", contains((int) a));
        as(Tokens.finance(m)).queryParam("type", "SAVING").get(base(m) + "/initiatives").then()
                .body("items.id", contains((int) b));
        as(Tokens.finance(m)).queryParam("q", "gamma").get(base(m) + "/initiatives").then()
                .body("items.id", contains((int) c));
        as(Tokens.finance(m)).queryParam("size", 1).queryParam("page", 1).get(base(m) + "/initiatives").then()
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.id", contains((int) a));
        assertProblem(as(Tokens.finance(m)).queryParam("size", 201).get(base(m) + "/initiatives").then(), 400, "validation");
        as(Tokens.finance(m)).queryParam("type", "saving").queryParam("status", "active").get(base(m) + "/initiatives")
                .then().statusCode(200).body("items.id", contains((int) b));
        assertProblem(as(Tokens.finance(m)).queryParam("type", "PAUSE").get(base(m) + "/initiatives").then(), 400,
                "validation").body("errors[0].field", equalTo("type"))
                .body("detail", equalTo("type: 'PAUSE' must be one of [SAVING, EFFICIENCY, INVESTMENT, EXPANSION]"));
    }

    @Test
    void financeOfficerAssignsTheOwnerWithOptimisticLocking() {
        long id = createEfficiency(M, "Ny ejer", "SKO", 2027, null, 100_000);
        String path = initiative(M, id) + "/owner";
        assertProblem(as(Tokens.politician(M)).body(Map.of("username", "kbh-owner")).put(path).then(), 403, "forbidden");
        assertProblem(as(Tokens.finance(M)).header("If-Match", "\"7\"").body(Map.of("username", "kbh-owner")).put(path)
                .then(), 412, "precondition-failed").body("currentVersion", equalTo(0));
        assertProblem(as(Tokens.finance(M)).body(Map.of("username", "not a login")).put(path).then(), 400, "validation");
        as(Tokens.finance(M)).header("If-Match", "\"0\"").body(Map.of("username", "kbh-owner", "name", "Skolechef Ida Holm"))
                .put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("owner.username", equalTo("kbh-owner"))
                .body("owner.name", equalTo("Skolechef Ida Holm"));
        assertProblem(as(Tokens.finance(M)).body(Map.of("username", "kbh-owner-2", "version", 0)).put(path).then(), 409,
                "concurrent-modification");
        // the new owner may report now
        as(Tokens.owner("kbh-owner", M)).body(reportBody(2027, 90_000, "ESTIMATE"))
                .post(initiative(M, id) + "/reports").then().statusCode(201);
        as(Tokens.finance(M)).get(initiative(M, id) + "/history").then()
                .body("items.action", contains("REPORTED", "OWNER_CHANGED", "REGISTERED"))
                .body("items[1].detail", containsString("kbh-owner"))
                .body("items[1].actor", equalTo("101-finance"));
    }
}
