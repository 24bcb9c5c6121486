package dk.raaderum.ideabank.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The idea bank's API as tests drive it. */
public final class Ideas {

    private Ideas() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).log().ifValidationFails();
    }

    public static String own(String municipality) {
        return "/api/v1/municipalities/" + municipality + "/ideas";
    }

    /** A submission: an EFFICIENCY creating {@code room} a year in the four years from {@code budgetYear}. */
    public static Map<String, Object> efficiency(String title, String area, int budgetYear, long room) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", title + ": samme service for færre ressourcer.");
        body.put("description", "Forslaget " + title.toLowerCase() + " bygger på en business case.");
        body.put("type", "EFFICIENCY");
        body.put("classificationRationale", "Samme service med færre ressourcer: en effektivisering.");
        body.put("reducesService", false);
        body.put("areaCode", area);
        body.put("tags", List.of("velfærdsteknologi"));
        body.put("budgetYear", budgetYear);
        body.put("amounts", years(budgetYear, -room / 2, -room, -room, -room));
        body.put("contactRole", "Økonomichef");
        return body;
    }

    public static List<Map<String, Object>> years(int first, long... amounts) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(Map.of("year", first + i, "amount", amounts[i]));
        }
        return years;
    }

    public static ValidatableResponse submit(String municipality, Map<String, Object> body) {
        return as(Tokens.finance(municipality)).body(body).post(own(municipality)).then();
    }

    /** Submits as the municipality's finance officer; returns the new idea's id. */
    public static long submitted(String municipality, Map<String, Object> body) {
        return submit(municipality, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Submits and publishes (as KL); returns the idea's id. */
    public static long published(String municipality, Map<String, Object> body) {
        long id = submitted(municipality, body);
        as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200);
        return id;
    }

    public static ValidatableResponse get(String token, long id) {
        return as(token).get("/api/v1/ideas/" + id).then();
    }

    /** Imports JSON rows as KL (publish at once). */
    public static ValidatableResponse importJson(List<Map<String, Object>> rows) {
        return as(Tokens.curator()).body(rows).post("/api/v1/kl/ideas/imports").then();
    }

    /** A JSON import row (a published idea when imported). */
    public static Map<String, Object> row(String municipality, int budgetYear, String number, String type, String area,
            String title, String description, Long... amounts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("municipality", municipality);
        row.put("budgetYear", budgetYear);
        row.put("number", number);
        row.put("title", title);
        row.put("description", description);
        row.put("type", type);
        row.put("classificationRationale", "Begrundelse for " + type);
        row.put("reducesService", type.equals("SAVING"));
        if (type.equals("SAVING")) {
            row.put("consequences", "Borgerne mærker et lavere serviceniveau.");
        }
        row.put("areaCode", area);
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(Map.of("year", budgetYear + i, "amount", amounts[i]));
        }
        row.put("amounts", years);
        if (type.equals("INVESTMENT")) {
            row.put("investmentCost", 1_000_000L);
            row.put("paybackYears", 2.5);
        }
        return row;
    }
}
