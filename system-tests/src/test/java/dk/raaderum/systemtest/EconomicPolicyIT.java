package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 17 through the gateway with real tokens, in Halsnæs (catalog year 2045, which no other system test uses):
 * Halsnæs's economic policy (room 1.5 % of the operating budget every year, minimum cash holdings) adopted in
 * target-service reaches proposal-service, where a budget simulation holds it with one selection and breaches it with
 * another; a Næstved-like two-year agreement (2047–2048) whose committee meets its overrun with its own proposal; and
 * a Næstved-like investment pool in followup-service drawn to zero by parallel grants.
 */
class EconomicPolicyIT {

    private static final String HALSNAES = "/api/v1/municipalities/260";
    private static final String FINANCE = "halsnaes-finance";
    private static final String POLITICIAN = "halsnaes-politician";
    private static final int YEAR = 2045;
    private static final Duration SOON = Duration.ofSeconds(30);

    private static RequestSpecification as(String user) {
        return given().baseUri(SharedStack.gateway()).auth().oauth2(SharedStack.keycloak().passwordToken(user))
                .contentType(ContentType.JSON).log().ifValidationFails();
    }

    private static List<Map<String, Object>> perYear(String field, Number... values) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            years.add(Map.of("year", YEAR + i, field, values[i]));
        }
        return years;
    }

    private static Map<String, Object> figure(String key, String kind, String unit, String boundType,
            List<Map<String, Object>> bounds, List<Map<String, Object>> baseline, List<Map<String, Object>> basis) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("key", key);
        figure.put("name", key);
        figure.put("kind", kind);
        figure.put("unit", unit);
        figure.put("boundType", boundType);
        figure.put("bounds", bounds);
        if (baseline != null) {
            figure.put("baseline", baseline);
        }
        if (basis != null) {
            figure.put("basis", basis);
        }
        return figure;
    }

    @Test
    void halsnaesPolicyIsHeldByOneSelectionAndBreachedByAnother() {
        // 1. target-service: the policy, drafted and adopted (room: 1.5 % of a 100 mio. kr. operating budget)
        List<Map<String, Object>> figures = List.of(
                figure("room", "ROOM", "PERCENT", "AT_LEAST", perYear("value", 1.5, 1.5, 1.5, 1.5), null,
                        perYear("value", 100_000_000, 100_000_000, 100_000_000, 100_000_000)),
                figure("cash-holdings", "CASH_HOLDINGS", "KRONER", "AT_LEAST",
                        perYear("value", 50_000_000, 50_000_000, 50_000_000, 50_000_000),
                        perYear("value", 52_000_000, 51_000_000, 50_500_000, 50_000_000), null));
        as(FINANCE).body(Map.of("firstBudgetYear", YEAR, "priceLevelYear", YEAR, "keyFigures", figures))
                .post(HALSNAES + "/economic-policies").then().statusCode(201).body("status", equalTo("DRAFT"));
        as(FINANCE).header("If-Match", "\"0\"").body(Map.of("decisionReference", "Byrådet 19. juni 2044, pkt. 7"))
                .post(HALSNAES + "/economic-policies/1/adopt").then().statusCode(200).body("status", equalTo("ADOPTED"));
        as(POLITICIAN).get(HALSNAES + "/economic-policies/current").then().statusCode(200)
                .body("keyFigures[0].years[0].boundAmount", equalTo(1_500_000));

        // 2. proposal-service: a catalog with a large and a small efficiency, both presented
        long catalog = as(FINANCE).body(Map.of("budgetYear", YEAR, "title", "Katalog " + YEAR, "areas", List.of(Map.of(
                "code", "ÆLD", "name", "Ældreområdet", "mainAccount", 5, "committee", "Social- og Sundhedsudvalget"))))
                .post(HALSNAES + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        long large = presented(catalog, "Digital ruteplanlægning i hjemmeplejen", -2_000_000);
        long small = presented(catalog, "Fælles indkøb af hjælpemidler", -1_000_000);

        // 3. the policy reached proposal-service (economic-policy.adopted): 2 mio. kr. holds the room, 1 mio. does not
        await().atMost(SOON).untilAsserted(() -> simulate(catalog, large).body("policy.adopted", equalTo(true)));
        simulate(catalog, large)
                .body("policy.figures.find { it.key == 'room' }.years.status", everyItem(equalTo("HELD")))
                .body("warnings.code", not(hasItem("POLICY_BOUND_BREACHED")));
        JsonPath breached = simulate(catalog, small)
                .body("policy.figures.find { it.key == 'room' }.years.status", everyItem(equalTo("BREACHED")))
                .body("warnings.code", hasItem("POLICY_BOUND_BREACHED"))
                .extract().jsonPath();
        assertEquals(500_000, breached.getDouble("policy.figures.find { it.key == 'room' }.years[0].breachedBy"), 0);
    }

    @Test
    void aTwoYearAgreementFixesTheCommitteesFrameAndTheSecondCatalogStartsFromIt() {
        int first = YEAR + 2;
        String social = "Social- og Sundhedsudvalget";
        // amounts at the policy's price level (YEAR): another level would need Halsnæs's price index for both years
        long agreement = as(FINANCE).body(Map.of("title", "Budgetaftale " + first + "–" + (first + 1),
                "firstBudgetYear", first, "lastBudgetYear", first + 1, "priceLevelYear", YEAR,
                "decisionReference", "Byrådet " + (first - 1)
                        + "-10-06 pkt. 4", "committees", List.of(Map.of("name", social, "areaCodes", List.of("ÆLD"),
                                "frames", List.of(Map.of("year", first, "amount", 405_000_000),
                                        Map.of("year", first + 1, "amount", 405_000_000))))))
                .post(HALSNAES + "/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        long catalog = as(FINANCE).body(Map.of("budgetYear", first, "priceLevelYear", YEAR, "title", "Katalog " + first,
                "areas", List.of(Map.of(
                "code", "ÆLD", "name", "Ældreområdet", "mainAccount", 5, "committee", social))))
                .post(HALSNAES + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        long enough = presented(catalog, first, "Velfærdsteknologi i plejen", -4_000_000);
        long tooLittle = presented(catalog, first, "Færre kørselstimer", -1_000_000);

        // ÆLD's budget 408/409 mio. against a fixed frame of 405 mio.: the committee's own proposal meets the overrun
        String committee = "agreement.committees.find { it.committee == '" + social + "' }";
        withBudgets(catalog, first, enough).body("agreement.agreementId", equalTo((int) agreement))
                .body(committee + ".years.status", everyItem(equalTo("HELD")))
                .body("warnings.code", not(hasItem("COMMITTEE_FRAME_BREACHED")));
        withBudgets(catalog, first, tooLittle).body(committee + ".years.status", everyItem(equalTo("BREACHED")))
                .body("warnings.code", hasItem("COMMITTEE_FRAME_BREACHED"));

        // the second year's catalog starts from the agreement (rolled over, linked)
        as(FINANCE).body(Map.of()).post(HALSNAES + "/agreements/" + agreement + "/catalogs").then().statusCode(201)
                .body("rollover.catalog.budgetYear", equalTo(first + 1))
                .body("rollover.catalog.agreement.id", equalTo((int) agreement));
    }

    private static io.restassured.response.ValidatableResponse withBudgets(long catalog, int first, long proposal) {
        List<Map<String, Object>> budgets = List.of(Map.of("areaCode", "ÆLD", "year", first, "amount", 408_000_000),
                Map.of("areaCode", "ÆLD", "year", first + 1, "amount", 409_000_000));
        return as(POLITICIAN).body(Map.of("proposalIds", List.of(proposal), "areaBudgets", budgets))
                .post(HALSNAES + "/catalogs/" + catalog + "/simulations").then().statusCode(200);
    }

    private static long presented(long catalog, String title, long perYear) {
        return presented(catalog, YEAR, title, perYear);
    }

    private static long presented(long catalog, int year, String title, long perYear) {
        Map<String, Object> body = Drills.proposal(year, title);
        List<Map<String, Object>> change = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            change.add(Map.of("year", year + i, "amount", perYear));
        }
        body.put("operatingChange", change);
        long id = as(FINANCE).body(body).post(HALSNAES + "/catalogs/" + catalog + "/proposals").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (String action : List.of("SUBMIT", "QUALIFY", "PRESENT")) {
            as(FINANCE).body(Map.of("action", action)).post(HALSNAES + "/proposals/" + id + "/transitions").then()
                    .statusCode(200);
        }
        return id;
    }

    private static io.restassured.response.ValidatableResponse simulate(long catalog, long proposal) {
        return as(POLITICIAN).body(Map.of("proposalIds", List.of(proposal)))
                .post(HALSNAES + "/catalogs/" + catalog + "/simulations").then().statusCode(200);
    }

    @Test
    void anInvestmentPoolIsDrawnToZeroByParallelGrantsAndNeverBeyond() throws Exception {
        String pools = HALSNAES + "/investment-pools";
        long pool = as(FINANCE).body(Map.of("name", "Investeringspuljen " + YEAR, "decisionReference",
                "Budgetaftale " + YEAR + "–" + (YEAR + 1), "years", List.of(Map.of("year", YEAR, "amount", 2_000_000),
                        Map.of("year", YEAR + 1, "amount", 10_000_000))))
                .post(pools).then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> applications = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("committee", "Social- og Sundhedsudvalget");
            body.put("title", "Velfærdsteknologi, plejecenter " + i);
            body.put("description", "Loftlifte og spiserobotter frigør tid.");
            body.put("area", Map.of("code", "ÆLD", "name", "Ældreområdet", "mainAccount", 5, "committee",
                    "Social- og Sundhedsudvalget"));
            body.put("investmentCost", List.of(Map.of("year", YEAR + 1, "amount", 2_000_000)));
            body.put("expectedGains", List.of(Map.of("year", YEAR + 1, "amount", 500_000),
                    Map.of("year", YEAR + 2, "amount", 1_000_000), Map.of("year", YEAR + 3, "amount", 1_000_000)));
            body.put("paybackYears", 3);
            body.put("uncertainty", "MEDIUM");
            body.put("owner", "halsnaes-owner");
            applications.add(as(FINANCE).body(body).post(pools + "/" + pool + "/applications").then().statusCode(201)
                    .extract().jsonPath().getLong("id"));
        }
        Map<String, Object> grant = Map.of("decision", "GRANT", "reason", "Business casen holder.", "decidingBody",
                "FINANCE_COMMITTEE", "decisionReference", "ØU " + YEAR + "-03-14 pkt. 7");
        // one token for all eight (Keycloak refuses a burst of password logins for one user)
        String token = SharedStack.keycloak().passwordToken(FINANCE);
        ExecutorService parallel = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long application : applications) {
            answers.add(parallel.submit(() -> given().baseUri(SharedStack.gateway()).auth().oauth2(token)
                    .contentType(ContentType.JSON).body(grant)
                    .post(pools + "/" + pool + "/applications/" + application + "/decisions").then().extract()
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        parallel.shutdown();
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), "granted: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "refused: " + statuses);
        as(POLITICIAN).get(pools + "/" + pool).then().statusCode(200)
                .body("years.find { it.year == " + (YEAR + 1) + " }.granted", equalTo(10_000_000))
                .body("years.find { it.year == " + (YEAR + 1) + " }.remaining", equalTo(0));
    }
}
