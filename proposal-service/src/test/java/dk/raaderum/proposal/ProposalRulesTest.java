package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.postProposal;
import static dk.raaderum.proposal.support.Api.proposal;
import static dk.raaderum.proposal.support.Api.years;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Each type rule answers 422 with its rule name; derived figures follow from the amounts. */
@QuarkusTest
class ProposalRulesTest {

    private static final String M = "153";
    private static final int Y = 2041;
    private static long catalog;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only there. */
    @BeforeEach
    void catalog() {
        if (catalog != 0) {
            return;
        }
        catalog = createCatalog(M, Y);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return postProposal(Users.financeOfficer(M), M, catalog, body);
    }

    private static void assertRule(Map<String, Object> body, String rule) {
        assertProblem(post(body), 422, "business-rule").body("rule", equalTo(rule));
    }

    @Test
    void aSavingMustCreateRoomOverTheHorizon() {
        assertRule(proposal("ÆLD", "SAVING", "Ingen besparelse", Y, 100, 0, 0, 0), "creates-room");
    }

    @Test
    void anEfficiencyAddsNoNetCostInAnyYear() {
        assertProblem(post(proposal("ÆLD", "EFFICIENCY", "Koster først", Y, 500_000, -1_000_000, -1_000_000,
                -1_000_000)), 422, "business-rule").body("rule", equalTo("no-net-cost"))
                .body("detail", startsWith("The type effektivisering adds no net cost in any year; " + Y
                        + " costs 500000 kr."));
    }

    @Test
    void anExpansionSpendsRoom() {
        assertRule(proposal("SKO", "EXPANSION", "Gratis udvidelse", Y, -1, 0, 0, 0), "expansion-costs");
    }

    @Test
    void anInvestmentHasCostAndGainsAndNoSeparateOperatingChange() {
        Map<String, Object> both = investment("TEK", "LED", Y, new long[] { 1_000_000, 0, 0, 0 },
                new long[] { 0, 400_000, 400_000, 400_000 });
        both.put("operatingChange", years(Y, -1, -1, -1, -1));
        assertRule(both, "investment-profile");
        assertRule(investment("TEK", "Uden gevinst", Y, new long[] { 1_000_000, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }),
                "investment-profile");
        assertRule(investment("TEK", "Negativ", Y, new long[] { -5, 0, 0, 0 }, new long[] { 0, 1, 1, 1 }),
                "investment-profile");
        Map<String, Object> savingWithGains = proposal("ÆLD", "SAVING", "Forkert", Y, -1, -1, -1, -1);
        savingWithGains.put("gains", years(Y, 1, 1, 1, 1));
        assertRule(savingWithGains, "investment-profile");
    }

    @Test
    void aSavingStatesItsServiceConsequences() {
        Map<String, Object> silent = proposal("ÆLD", "SAVING", "Tavs besparelse", Y, -1, -1, -1, -1);
        silent.remove("serviceConsequences");
        assertRule(silent, "saving-consequences");
    }

    @Test
    void amountsAreForExactlyTheCatalogsYears() {
        assertRule(proposal("ÆLD", "EFFICIENCY", "Tre år", Y, -1, -1, -1), "catalog-years");
        assertRule(proposal("ÆLD", "EFFICIENCY", "Forkert start", Y + 1, -1, -1, -1, -1), "catalog-years");
    }

    @Test
    void theOriginNamesItsDetails() {
        Map<String, Object> party = proposal("ÆLD", "EFFICIENCY", "Parti", Y, -1, -1, -1, -1);
        party.put("origin", Map.of("kind", "POLITICAL_PARTY"));
        assertRule(party, "origin-details");
        Map<String, Object> borrowed = proposal("ÆLD", "EFFICIENCY", "Lånt", Y, -1, -1, -1, -1);
        borrowed.put("origin", Map.of("kind", "OTHER_MUNICIPALITY", "municipalityCode", "999"));
        assertRule(borrowed, "origin-details");
        borrowed.put("origin", Map.of("kind", "OTHER_MUNICIPALITY", "municipalityCode", M));
        assertProblem(post(borrowed), 422, "business-rule").body("rule", equalTo("origin-details"))
                .body("errors[0].field", equalTo("origin.municipalityCode"));
        borrowed.put("origin", Map.of("kind", "OTHER_MUNICIPALITY", "municipalityCode", "851"));
        post(borrowed).statusCode(201);
    }

    @Test
    void theAreaMustBeOneOfTheCatalogs() {
        assertRule(proposal("XYZ", "EFFICIENCY", "Ukendt område", Y, -1, -1, -1, -1), "unknown-area");
    }

    @Test
    void missingFieldsAreValidationErrors() {
        Map<String, Object> body = proposal("ÆLD", "EFFICIENCY", "", Y, -1, -1, -1, -1);
        body.remove("classificationRationale");
        body.put("type", "BESPARELSE");
        assertProblem(post(body), 400, "validation").body("errors.field", hasItem("type"));
        body.put("type", "EFFICIENCY");
        assertProblem(post(body), 400, "validation")
                .body("errors.field", hasItem("classificationRationale"))
                .body("errors.field", hasItem("title"));
    }

    @Test
    void numbersAreGivenPerArea() {
        int count = as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/proposals?area=DAG").then()
                .extract().jsonPath().getInt("total");
        post(proposal("DAG", "EFFICIENCY", "Første", Y, -1, -1, -1, -1)).statusCode(201)
                .body("number", equalTo(String.format("DAG-%02d", count + 1)));
        post(proposal("DAG", "EFFICIENCY", "Anden", Y, -1, -1, -1, -1)).statusCode(201)
                .body("number", equalTo(String.format("DAG-%02d", count + 2)));
    }

    @Test
    void derivedFiguresFollowFromTheAmounts() {
        long saving = createProposal(M, catalog, proposal("ÆLD", "SAVING", "Indfaset", Y, -500_000, -1_000_000,
                -1_000_000, -1_000_000));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + saving).then().statusCode(200)
                .body("figures.netTotal", equalTo(-3_500_000))
                .body("figures.fullYearEffect", equalTo(-1_000_000))
                .body("figures.paybackYear", nullValue())
                .body("figures.paybackBeyondHorizon", equalTo(false))
                .body("typeLabel", equalTo("besparelse"));

        long paysBack = createProposal(M, catalog, investment("TEK", "LED-gadelys", Y,
                new long[] { 2_000_000, 1_000_000, 0, 0 }, new long[] { 0, 1_000_000, 1_500_000, 1_500_000 }));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + paysBack).then()
                .body("figures.paybackYear", equalTo(Y + 3))
                .body("figures.paybackBeyondHorizon", equalTo(false))
                .body("figures.netTotal", equalTo(-1_000_000))
                .body("years[0].netChange", equalTo(2_000_000))
                .body("years[2].netChange", equalTo(-1_500_000));

        long late = createProposal(M, catalog, investment("TEK", "Langsom", Y, new long[] { 4_000_000, 0, 0, 0 },
                new long[] { 0, 500_000, 500_000, 500_000 }));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + late).then()
                .body("figures.paybackYear", nullValue())
                .body("figures.paybackBeyondHorizon", equalTo(true));
    }

    @Test
    void aPredecessorIsAProposalOfAnEarlierCatalog() {
        long sameYear = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Samme år", Y, -1, -1, -1, -1));
        Map<String, Object> body = proposal("ÆLD", "EFFICIENCY", "Efterfølger", Y, -1, -1, -1, -1);
        body.put("predecessorId", sameYear);
        assertRule(body, "predecessor");
        body.put("predecessorId", 987_654_321L);
        assertRule(body, "predecessor");
    }
}
