package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.KeyFigure;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The economic policy check of the simulation and the budget agreement, with a Halsnæs-like policy received on the
 * real economic-policy.adopted topic: budget levers worth 1.5 % of the operating budget every year (100 mio. kr. →
 * 1,500,000 kr.) and average cash holdings of at least 100 mio. kr. (baseline 101 mio. kr.).
 */
@QuarkusTest
class EconomicPolicyCheckTest {

    /** Gribskov stands in for Halsnæs (260 is used by other tests). */
    private static final String M = "270";
    /** One municipality per test: a municipality holds one policy at a time. */
    private static final String LATE = "253";
    private static final String AGREED = "259";
    private static final String NO_POLICY = "350";
    private static final int Y = 2027;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aHalsnaesLikePolicyIsHeldByOneSelectionAndBreachedByAnotherWithExactAmounts() {
        long catalog = createCatalog(M, Y);
        long enough = presented(M, catalog, proposal("ÆLD", "SAVING", "Samdrift af plejecentre", Y,
                -1_500_000, -1_500_000, -1_500_000, -1_500_000));
        long tooLittle = presented(M, catalog, proposal("SKO", "EFFICIENCY", "Fælles skoleadministration", Y,
                -1_000_000, -1_000_000, -1_000_000, -1_000_000));
        String fo = Users.financeOfficer(M);
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, M, M, policyFrom(M, Y, 2, "1.5"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(M, fo, catalog, List.of(enough), null).statusCode(200)
                .body("policy.adopted", equalTo(true)));

        simulate(M, fo, catalog, List.of(enough), null).statusCode(200)
                .body("policy.version", equalTo(2))
                .body("policy.decisionReference", equalTo("KB 2026-06-18 pkt. 7"))
                .body(room() + ".years.year", contains(Y, Y + 1, Y + 2, Y + 3))
                .body(room() + ".years.bound", everyItem(equalTo(1_500_000)))
                .body(room() + ".years.boundPercent", everyItem(equalTo(1.5f)))
                .body(room() + ".years.value", everyItem(equalTo(1_500_000)))
                .body(room() + ".years.status", everyItem(equalTo("HELD")))
                .body("warnings.code", not(hasItem("POLICY_BOUND_BREACHED")));

        // 1,000,000 of room against 1,500,000: breached by 500,000 every year; cash holdings: 101 mio. + 1 mio. a
        // year − instalments of 4 mio. in 2028 = 99 mio. in 2028, below the floor by exactly 1,000,000
        simulate(M, fo, catalog, List.of(tooLittle), List.of(Map.of("year", Y + 1, "instalments", 4_000_000)))
                .statusCode(200)
                .body(room() + ".years.status", everyItem(equalTo("BREACHED")))
                .body(room() + ".years.breachedBy", everyItem(equalTo(500_000)))
                .body(cash() + ".years.baseline", everyItem(equalTo(101_000_000)))
                .body(cash() + ".years.effect", contains(1_000_000, -2_000_000, -1_000_000, 0))
                .body(cash() + ".years.value", contains(102_000_000, 99_000_000, 100_000_000, 101_000_000))
                .body(cash() + ".years.status", contains("HELD", "BREACHED", "HELD", "HELD"))
                .body(cash() + ".years[1].breachedBy", equalTo(1_000_000))
                .body("warnings.findAll { it.code == 'POLICY_BOUND_BREACHED' }", hasSize(5))
                .body("warnings.find { it.code == 'POLICY_BOUND_BREACHED' }.message", containsString("room"))
                .body("warnings.find { it.code == 'POLICY_BOUND_BREACHED' }.message", containsString(String.valueOf(Y)))
                .body("warnings.find { it.code == 'POLICY_BOUND_BREACHED' && it.message.contains('cash-holdings') }"
                        + ".message", containsString(Y + 1 + ": 99.000.000 kr. is below the floor 100.000.000 kr."
                                + " by 1.000.000 kr."));

        assertProblem(simulate(M, fo, catalog, List.of(enough), List.of(Map.of("year", 2035, "borrowing", 1))), 422,
                "business-rule").body("rule", equalTo("assumption-years"));
    }

    @Test
    void anOlderPolicyVersionDeliveredLateChangesNothing() {
        long catalog = createCatalog(LATE, Y);
        long saving = presented(LATE, catalog, proposal("ÆLD", "SAVING", "Samdrift", Y, -1, -1, -1, -1));
        String fo = Users.financeOfficer(LATE);
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, LATE, LATE, policyFrom(LATE, Y, 5, "2.5"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(LATE, fo, catalog, List.of(saving), null).statusCode(200)
                .body("policy.version", equalTo(5)));

        // version 4, then poison on the same key (another municipality's policy): once the poison is dead-lettered,
        // version 4 was handled
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, LATE, LATE, policyFrom(LATE, Y, 4, "0.1"), Instant.now());
        EconomicPolicyAdoptedV1 foreign = new EconomicPolicyAdoptedV1("101", 424_242_424L, 1, Y, Y, List.of(), "x", "x",
                Instant.now());
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, LATE, LATE, foreign, Instant.now());
        KafkaTopics.await("economic-policy.adopted.dlq", r -> r.value().contains("424242424"), 1,
                Duration.ofSeconds(60));
        simulate(LATE, fo, catalog, List.of(saving), null).statusCode(200)
                .body("policy.version", equalTo(5))
                .body(room() + ".years.boundPercent", everyItem(equalTo(2.5f)));
    }

    @Test
    void withoutAnAdoptedPolicyTheSectionSaysSoWithoutWarningOrError() {
        long catalog = createCatalog(NO_POLICY, Y);
        long saving = presented(NO_POLICY, catalog, proposal("ÆLD", "SAVING", "Samdrift", Y, -1, -1, -1, -1));
        as(Users.financeOfficer(NO_POLICY)).body(Map.of("proposalIds", List.of(saving)))
                .post(base(NO_POLICY) + "/catalogs/" + catalog + "/simulations").then().statusCode(200)
                .body("policy.adopted", equalTo(false))
                .body("policy.figures", empty())
                .body("warnings.code", not(hasItem("POLICY_BOUND_BREACHED")));
    }

    @Test
    void theBudgetAgreementCarriesTheCheckOfTheAgreedSelectionAndTheAdoptedCatalogShowsIt() {
        long catalog = createCatalog(AGREED, Y);
        long tooLittle = presented(AGREED, catalog, proposal("SKO", "EFFICIENCY", "Fælles administration", Y,
                -1_000_000, -1_000_000, -1_000_000, -1_000_000));
        String fo = Users.financeOfficer(AGREED);
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, AGREED, AGREED, policyFrom(AGREED, Y, 7, "1.5"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(AGREED, fo, catalog, List.of(tooLittle), null)
                .statusCode(200)
                .body("policy.version", equalTo(7)));

        Map<String, Object> answered = as(fo).body(Map.of("adoptedProposalIds", List.of(tooLittle), "comment",
                "Budgetforlig", "assumptions", List.of(Map.of("year", Y + 1, "instalments", 4_000_000))))
                .post(base(AGREED) + "/catalogs/" + catalog + "/adoption").then().statusCode(200)
                .body("check.policy.adopted", equalTo(true))
                .body("check." + room() + ".years.breachedBy", everyItem(equalTo(500_000)))
                .body("check." + cash() + ".years.status", contains("HELD", "BREACHED", "HELD", "HELD"))
                .body("check.warnings.code", everyItem(equalTo("POLICY_BOUND_BREACHED")))
                .body("check.warnings", hasSize(5))
                .body("check.agreement", equalTo(null))
                .body("frameBreaches", empty())
                .extract().jsonPath().getMap("check");

        as(fo).get(base(AGREED) + "/catalogs/" + catalog).then().statusCode(200)
                .body("status", equalTo("ADOPTED"))
                .body("agreedCheck." + room() + ".years.breachedBy", everyItem(equalTo(500_000)))
                .body("agreedCheck." + cash() + ".years[1].breachedBy", equalTo(1_000_000))
                .body("agreedCheck.warnings", hasSize(5));
        as(Users.machine(AGREED)).get(base(AGREED) + "/catalogs/" + catalog).then().statusCode(200)
                .body("agreedCheck.policy.version", equalTo(7));

        // a later policy (2.5 % room) is what simulations check against now; the agreement's check stays as answered
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, AGREED, AGREED, policyFrom(AGREED, Y, 8, "2.5"), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(AGREED, fo, catalog, List.of(tooLittle), null)
                .statusCode(200).body("policy.version", equalTo(8)));
        Map<String, Object> kept = as(fo).get(base(AGREED) + "/catalogs/" + catalog).then().statusCode(200)
                .body("agreedCheck.policy.version", equalTo(7))
                .extract().jsonPath().getMap("agreedCheck");
        assertEquals(answered, kept);
    }

    @Test
    void aPolicyAtTheNextYearsPricesIsConvertedToTheCatalogsExactly() {
        String m = "316";
        long catalog = createCatalog(m, Y);
        long saving = presented(m, catalog, proposal("ÆLD", "SAVING", "Samdrift", Y,
                -1_467_710, -1_467_711, -1_467_711, -1_467_711));
        String fo = Users.financeOfficer(m);
        EconomicPolicyAdoptedV1 at2028 = new EconomicPolicyAdoptedV1(m, 77, 1, Y, Y + 1, List.of(halsnaesRoom(Y, "1.5")),
                "KB", "fo", Instant.now());
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, m, m, at2028, Instant.now());

        // KL's default index: the basis 100,000,000 at 2028 prices is 100,000,000 × 126.9924 / 129.7862 =
        // 97,847,382.85 → 97,847,383 at 2027 prices; 1.5 % of it is 1,467,710.745, in whole kroner (half up, as
        // target-service shows the bound) 1,467,711: 1,467,710 misses it by 1
        await().atMost(WAIT).untilAsserted(() -> simulate(m, fo, catalog, List.of(saving), null).statusCode(200)
                .body("policy.policyPriceLevelYear", equalTo(Y + 1)));
        String answer = simulate(m, fo, catalog, List.of(saving), null).statusCode(200)
                .body(room() + ".years.status", contains("BREACHED", "HELD", "HELD", "HELD"))
                .extract().asString();
        assertTrue(answer.contains("\"bound\":1467711,"), answer);
        assertTrue(answer.contains("\"value\":1467710,"), answer);
        assertTrue(answer.contains("\"breachedBy\":1}"), answer);
    }

    @Test
    void aPolicyAtAnotherPriceLevelIsConvertedToTheCatalogsOrIs422WhenTheIndexLacksIt() {
        String m = "360";
        long catalog = createCatalog(m, Y);
        long saving = presented(m, catalog, proposal("ÆLD", "SAVING", "Samdrift", Y, -1, -1, -1, -1));
        String fo = Users.financeOfficer(m);
        EconomicPolicyAdoptedV1 at2060 = new EconomicPolicyAdoptedV1(m, 99, 1, Y, 2060, List.of(halsnaesRoom(Y, "1.5")),
                "KB", "fo", Instant.now());
        TestEvents.send(Events.ECONOMIC_POLICY_ADOPTED, m, m, at2060, Instant.now());
        await().atMost(WAIT).untilAsserted(() -> assertProblem(as(fo).body(Map.of("proposalIds", List.of(saving)))
                .post(base(m) + "/catalogs/" + catalog + "/simulations").then(), 422, "price-level-missing")
                .body("year", equalTo(2060)));
    }

    private static String room() {
        return "policy.figures.find { it.key == 'room' }";
    }

    private static String cash() {
        return "policy.figures.find { it.key == 'cash-holdings' }";
    }

    private static ValidatableResponse simulate(String municipality, String token, long catalog, List<Long> ids,
            List<Map<String, Object>> assumptions) {
        Map<String, Object> body = assumptions == null ? Map.of("proposalIds", ids)
                : Map.of("proposalIds", ids, "assumptions", assumptions);
        return as(token).body(body).post(base(municipality) + "/catalogs/" + catalog + "/simulations").then();
    }

    /** Room ≥ percent of 100 mio. kr. every year; cash holdings ≥ 100 mio. kr. (baseline 101 mio. kr.). */
    private static EconomicPolicyAdoptedV1 policyFrom(String municipality, int first, int version, String roomPercent) {
        KeyFigure cash = new KeyFigure("cash-holdings", "Gennemsnitlig likviditet (kassekreditreglen)",
                EconomicPolicyAdoptedV1.CASH_HOLDINGS, EconomicPolicyAdoptedV1.KRONER, EconomicPolicyAdoptedV1.AT_LEAST,
                years(first, "100000000"), years(first, "101000000"), null);
        return new EconomicPolicyAdoptedV1(municipality, 42, version, first, first,
                List.of(halsnaesRoom(first, roomPercent), cash),
                "KB 2026-06-18 pkt. 7", "Økonomichef", Instant.now());
    }

    private static KeyFigure halsnaesRoom(int first, String percent) {
        return new KeyFigure("room", "Budgethåndtag (1,5 % af driftsbudgettet)", EconomicPolicyAdoptedV1.ROOM,
                EconomicPolicyAdoptedV1.PERCENT, EconomicPolicyAdoptedV1.AT_LEAST, years(first, percent), null,
                years(first, "100000000"));
    }

    private static List<YearValue> years(int first, String value) {
        return List.of(first, first + 1, first + 2, first + 3).stream()
                .map(year -> new YearValue(year, new BigDecimal(value))).toList();
    }
}
