package dk.raaderum.followup.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls of the public API that many tests make. */
public final class Api {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String base(String municipality) {
        return "/api/v1/municipalities/" + municipality;
    }

    public static String initiative(String municipality, long id) {
        return base(municipality) + "/initiatives/" + id;
    }

    /** Body of a manual SAVING/EFFICIENCY initiative with the expected gain per year from {@code firstYear}. */
    public static Map<String, Object> initiativeBody(String type, String title, String areaCode, int catalogYear,
            String owner, long... gains) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("type", type);
        body.put("catalogYear", catalogYear);
        body.put("area", area(areaCode));
        body.put("expectedGains", years(catalogYear, gains));
        if (owner != null) {
            body.put("ownerUsername", owner);
            body.put("ownerName", "Programejer " + owner);
        }
        return body;
    }

    public static Map<String, Object> area(String code) {
        return Map.of("code", code, "name", "Område " + code, "mainAccount", code.equals("SKO") ? 3 : 5,
                "committee", "Udvalg for " + code);
    }

    public static List<Map<String, Object>> years(int firstYear, long... amounts) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(Map.of("year", firstYear + i, "amount", amounts[i]));
        }
        return years;
    }

    /** Registers a manual initiative as the municipality's finance officer; returns its id. */
    public static long create(String municipality, Map<String, Object> body) {
        return as(Tokens.finance(municipality)).body(body).post(base(municipality) + "/initiatives").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createEfficiency(String municipality, String title, String areaCode, int catalogYear, String owner,
            long... gains) {
        return create(municipality, initiativeBody("EFFICIENCY", title, areaCode, catalogYear, owner, gains));
    }

    public static Map<String, Object> reportBody(int year, long realised, String evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("realised", realised);
        body.put("evidenceLevel", evidence);
        body.put("narrative", "Målt i fagsystemet for " + year);
        return body;
    }

    /** Reports as the municipality's finance officer; returns the report id. */
    public static long report(String municipality, long initiativeId, int year, long realised, String evidence) {
        return as(Tokens.finance(municipality)).body(reportBody(year, realised, evidence))
                .post(initiative(municipality, initiativeId) + "/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The decision with what ADJUST, TERMINATE and SCALE_UP name: the deciding body and the meeting. */
    public static Map<String, Object> governed(Map<String, Object> decision) {
        Map<String, Object> body = new LinkedHashMap<>(decision);
        body.put("decidingBody", "FINANCE_COMMITTEE");
        body.put("decisionReference", "ØU 2027-03-14 pkt. 7");
        return body;
    }

    public static long decide(String municipality, long initiativeId, Map<String, Object> body) {
        return as(Tokens.finance(municipality)).body(body).post(initiative(municipality, initiativeId) + "/decisions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Waits until proposal.adopted of the proposal has become an initiative; returns its id. */
    public static long awaitInitiative(String municipality, long proposalId) {
        return await().atMost(WAIT).until(() -> as(Tokens.finance(municipality)).queryParam("proposalId", proposalId)
                .get(base(municipality) + "/initiatives").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class), ids -> ids.size() == 1).get(0);
    }

    /** Waits until the overdue job has marked the slot of {@code period} OVERDUE. */
    public static void awaitSlotStatus(String municipality, long initiativeId, String period, String status) {
        await().atMost(WAIT).untilAsserted(() -> as(Tokens.finance(municipality)).get(initiative(municipality, initiativeId))
                .then().statusCode(200)
                .body("slots.find { it.period == '" + period + "' }.status", equalTo(status)));
    }
}
