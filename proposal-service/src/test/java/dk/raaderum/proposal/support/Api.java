package dk.raaderum.proposal.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The proposal-service API as tests drive it. */
public final class Api {

    public static final List<Map<String, Object>> AREAS = List.of(
            area("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget"),
            area("SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget"),
            area("DAG", "Dagtilbud", 5, "Børne- og Skoleudvalget"),
            area("TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget"));

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String base(String municipality) {
        return "/api/v1/municipalities/" + municipality;
    }

    public static Map<String, Object> area(String code, String name, int mainAccount, String committee) {
        return Map.of("code", code, "name", name, "mainAccount", mainAccount, "committee", committee);
    }

    public static long createCatalog(String municipality, int budgetYear) {
        return createCatalog(municipality, budgetYear, 1);
    }

    public static long createCatalog(String municipality, int budgetYear, int karensYears) {
        return as(Users.financeOfficer(municipality))
                .body(Map.of("budgetYear", budgetYear, "title", "Katalog " + budgetYear, "karensperiodeYears", karensYears,
                        "areas", AREAS))
                .post(base(municipality) + "/catalogs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A proposal body: net change per year of the catalog starting at {@code firstYear}. */
    public static Map<String, Object> proposal(String area, String type, String title, int firstYear, long... net) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", title + ".");
        body.put("type", type);
        body.put("classificationRationale", "Begrundelse for typen " + type);
        body.put("areaCode", area);
        body.put("origin", Map.of("kind", "ADMINISTRATION"));
        body.put("operatingChange", years(firstYear, net));
        body.put("uncertainty", "MEDIUM");
        if (type.equals("SAVING")) {
            body.put("serviceConsequences", "Borgerne mærker det");
        }
        return body;
    }

    public static Map<String, Object> investment(String area, String title, int firstYear, long[] cost, long[] gains) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", title + ".");
        body.put("type", "INVESTMENT");
        body.put("classificationRationale", "Investering først, gevinst senere");
        body.put("areaCode", area);
        body.put("origin", Map.of("kind", "ADMINISTRATION"));
        body.put("investmentCost", years(firstYear, cost));
        body.put("gains", years(firstYear, gains));
        body.put("uncertainty", "HIGH");
        return body;
    }

    public static List<Map<String, Object>> years(int firstYear, long... amounts) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(Map.of("year", firstYear + i, "amount", amounts[i]));
        }
        return years;
    }

    public static ValidatableResponse postProposal(String token, String municipality, long catalogId,
            Map<String, Object> body) {
        return as(token).body(body).post(base(municipality) + "/catalogs/" + catalogId + "/proposals").then();
    }

    public static long createProposal(String municipality, long catalogId, Map<String, Object> body) {
        return postProposal(Users.financeOfficer(municipality), municipality, catalogId, body).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static ValidatableResponse move(String token, String municipality, long proposalId, String action) {
        return move(token, municipality, proposalId, action, null);
    }

    public static ValidatableResponse move(String token, String municipality, long proposalId, String action,
            String overrideReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("comment", "test: " + action);
        if (overrideReason != null) {
            body.put("karensperiodeOverrideReason", overrideReason);
        }
        return as(token).body(body).post(base(municipality) + "/proposals/" + proposalId + "/transitions").then();
    }

    /** Finance officer takes the proposal through the given actions, each answering 200. */
    public static void advance(String municipality, long proposalId, String... actions) {
        for (String action : actions) {
            move(Users.financeOfficer(municipality), municipality, proposalId, action).statusCode(200);
        }
    }

    /** Creates and presents a proposal. */
    public static long presented(String municipality, long catalogId, Map<String, Object> body) {
        long id = createProposal(municipality, catalogId, body);
        advance(municipality, id, "SUBMIT", "QUALIFY", "PRESENT");
        return id;
    }

    public static ValidatableResponse adopt(String municipality, long catalogId, List<Long> adopted) {
        return as(Users.financeOfficer(municipality)).body(Map.of("adoptedProposalIds", adopted, "comment", "Budgetforlig"))
                .post(base(municipality) + "/catalogs/" + catalogId + "/adoption").then();
    }
}
