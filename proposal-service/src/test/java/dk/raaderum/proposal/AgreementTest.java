package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1.Line;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.events.target.TargetAllocatedV1;
import dk.raaderum.platform.events.target.TargetAllocatedV1.AreaAllocation;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multi-year agreements through the API, Næstved-like: a two-year agreement fixing each committee's frame (Social- og
 * Sundhedsudvalget: ÆLD, 405 mio. kr. a year; Børne- og Skoleudvalget: SKO and DAG), the technical adjustment on top
 * (budget-adjustments.changed on the real topic), an overrun met by the committee's own proposals, the second year's
 * catalog made from the agreement, and a breach at adoption flagged to the finance committee
 * (agreement.frame-breached).
 */
@QuarkusTest
class AgreementTest {

    private static final String M = "370";
    private static final String SOCIAL = "Social- og Sundhedsudvalget";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCommitteesOverrunIsMetByItsOwnProposalsButNotByAnotherCommittees() throws Exception {
        int y = 2031;
        long agreement = createAgreement(y).statusCode(201)
                .body("years", contains(y, y + 1))
                .body("committees.name", contains(SOCIAL, "Børne- og Skoleudvalget"))
                .body("committees[0].frames.amount", contains(405_000_000, 405_000_000))
                .extract().jsonPath().getLong("id");
        ConsumerRecord<String, String> adopted = KafkaTopics.await("agreement.adopted",
                r -> String.valueOf(agreement).equals(r.key()), 1, WAIT).get(0);
        JsonNode event = JSON.readTree(adopted.value());
        assertEquals("dk.raaderum.agreement.adopted.v1", event.get("type").asText());
        assertEquals(M, event.get("municipality").asText());
        assertEquals(y, event.get("data").get("firstBudgetYear").asInt());
        assertEquals("ÆLD", event.get("data").get("committees").get(0).get("areaCodes").get(0).asText());

        long catalog = createCatalog(M, y);
        long own = presented(M, catalog, proposal("ÆLD", "EFFICIENCY", "Velfærdsteknologi i plejen", y,
                -3_000_000, -4_000_000, -4_000_000, -4_000_000));
        long other = presented(M, catalog, proposal("SKO", "SAVING", "Færre skoler", y,
                -10_000_000, -10_000_000, -10_000_000, -10_000_000));
        String fo = Users.financeOfficer(M);

        // ÆLD's budget is 408/409 mio. against a frame of 405 mio.: an overrun of 3/4 mio. that its own proposal meets
        simulate(fo, catalog, y, own).statusCode(200)
                .body("agreement.agreementId", equalTo((int) agreement))
                .body(social() + ".years.year", contains(y, y + 1))
                .body(social() + ".years.overrunBeforeProposals", contains(3_000_000, 4_000_000))
                .body(social() + ".years.ownProposals", contains(-3_000_000, -4_000_000))
                .body(social() + ".years.status", contains("HELD", "HELD"))
                .body("warnings.code", not(hasItem("COMMITTEE_FRAME_BREACHED")));

        // another committee's saving does not count
        simulate(fo, catalog, y, other).statusCode(200)
                .body(social() + ".years.ownProposals", contains(0, 0))
                .body(social() + ".years.status", contains("BREACHED", "BREACHED"))
                .body(social() + ".years.breachedBy", contains(3_000_000, 4_000_000))
                .body("warnings.findAll { it.code == 'COMMITTEE_FRAME_BREACHED' }", hasSize(2))
                .body("warnings.find { it.code == 'COMMITTEE_FRAME_BREACHED' }.message", containsString(SOCIAL))
                .body("warnings.find { it.code == 'COMMITTEE_FRAME_BREACHED' }.message",
                        containsString(String.valueOf(y)));

        // the technical yearly adjustment: a compensated PL line of 4 mio. in y+1 raises the frame; a line not
        // compensated (the quiet path) does not
        TestEvents.send(Events.BUDGET_ADJUSTMENTS_CHANGED, M + ":" + y, M, new BudgetAdjustmentsChangedV1(M, y, y, 1,
                List.of(line(1, "PRICE_WAGE", y + 1, 4_000_000, true), line(2, "DEMOGRAPHY", y, 9_000_000, false)),
                Instant.now()), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> simulate(fo, catalog, y, other).statusCode(200)
                .body(social() + ".years.adjustments", contains(0, 4_000_000))
                .body(social() + ".years.frame", contains(405_000_000, 409_000_000))
                .body(social() + ".years.status", contains("BREACHED", "HELD"))
                .body("warnings.findAll { it.code == 'COMMITTEE_FRAME_BREACHED' }", hasSize(1)));
    }

    @Test
    void overlappingYearsAndBrokenShapesAre422NamingTheRule() {
        int y = 2041;
        createAgreement(y).statusCode(201);
        assertProblem(createAgreement(y + 1), 422, "business-rule").body("rule", equalTo("agreement-years-overlap"))
                .body("detail", containsString(y + "–" + (y + 1)));

        Map<String, Object> oneYear = agreement(y + 5);
        oneYear.put("lastBudgetYear", y + 5);
        assertProblem(post(oneYear), 422, "business-rule").body("rule", equalTo("agreement-years"));

        Map<String, Object> twice = agreement(y + 5);
        twice.put("committees", List.of(committee(SOCIAL, List.of("ÆLD"), y + 5, 1),
                committee("Børne- og Skoleudvalget", List.of("SKO", "ÆLD"), y + 5, 1)));
        assertProblem(post(twice), 422, "business-rule").body("rule", equalTo("area-in-one-committee"))
                .body("errors[0].field", equalTo("committees[1].areaCodes"));

        Map<String, Object> missingYear = agreement(y + 5);
        missingYear.put("committees", List.of(Map.of("name", SOCIAL, "areaCodes", List.of("ÆLD"),
                "frames", List.of(Map.of("year", y + 5, "amount", 1)))));
        assertProblem(post(missingYear), 422, "business-rule").body("rule", equalTo("committee-frames"));

        as(Users.financeOfficer(M)).get(base(M) + "/agreements").then().statusCode(200)
                .body("firstBudgetYear", hasItem(y)).body("firstBudgetYear", not(hasItem(y + 5)));
    }

    @Test
    void aFrameIsNeverNegativeAndTheCommitteesAreasAreHeldToTheRegister() {
        int y = 2047;
        Map<String, Object> negative = agreement(y);
        negative.put("committees", List.of(committee(SOCIAL, List.of("ÆLD"), y, -1)));
        assertProblem(post(negative), 422, "business-rule").body("rule", equalTo("committee-frames"))
                .body("errors[0].field", equalTo("committees[0].frames"))
                .body("errors[0].message", containsString("0 kr. or more"));

        String m = "707"; // Norddjurs: its own register, ÆLD active and GAM retired
        String finance = Users.financeOfficer(m);
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(3, List.of(
                new RegisteredArea("ÆLD", "Ældreområdet", 5, SOCIAL, true),
                new RegisteredArea("GAM", "Gammelt område", 6, null, false)), Instant.now()), Instant.now());
        long catalog = as(finance).body(Map.of("budgetYear", y, "title", "Katalog " + y, "areas",
                List.of(Api.area("ÆLD", "Ældre", 5, SOCIAL)))).post(base(m) + "/catalogs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        await().atMost(WAIT).untilAsserted(() -> as(finance).get(base(m) + "/catalogs/" + catalog).then()
                .body("warnings", hasSize(0))); // the register has arrived
        Map<String, Object> unknown = agreement(y);
        unknown.put("committees", List.of(committee(SOCIAL, List.of("ÆLD", "XYZ"), y, 1),
                committee("Økonomiudvalget", List.of("GAM"), y, 1)));
        assertProblem(as(finance).body(unknown).post(base(m) + "/agreements").then(), 422, "business-rule")
                .body("rule", equalTo("area-not-in-register"))
                .body("errors.field", contains("committees[0].areaCodes[1]", "committees[1].areaCodes[0]"));
        Map<String, Object> registered = agreement(y);
        registered.put("committees", List.of(committee(SOCIAL, List.of("ÆLD"), y, 0)));
        as(finance).body(registered).post(base(m) + "/agreements").then().statusCode(201);
    }

    @Test
    void anotherMunicipalityIs403AndOnlyFinanceOfficersRecord() {
        long id = createAgreement(2061).statusCode(201).extract().jsonPath().getLong("id");
        String path = base(M) + "/agreements";
        assertProblem(as(Users.financeOfficer("360")).get(path).then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer("360")).get(path + "/" + id).then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer("360")).body(agreement(2071)).post(path).then(), 403,
                "wrong-municipality");
        assertProblem(as(Users.politician(M, "A")).body(agreement(2071)).post(path).then(), 403, "forbidden");
        assertProblem(as(Users.programOwner(M)).get(path).then(), 403, "forbidden");
        as(Users.politician(M, "A")).get(path + "/" + id).then().statusCode(200).body("firstBudgetYear", equalTo(2061));
        as(Users.machine(M)).get(path + "/" + id).then().statusCode(200);
        assertProblem(as(Users.financeOfficer("360")).get(base("360") + "/agreements/" + id).then(), 404, "not-found");
    }

    @Test
    void theSecondYearsCatalogStartsFromTheAgreementAndABreachAtAdoptionIsFlaggedToTheFinanceCommittee()
            throws Exception {
        int y = 2051;
        long agreement = createAgreement(y).statusCode(201).extract().jsonPath().getLong("id");
        long first = createCatalog(M, y);
        createProposal(M, first, proposal("DAG", "SAVING", "Sammenlægning af institutioner", y,
                -500_000, -500_000, -500_000, -500_000));
        String fo = Users.financeOfficer(M);
        String agreements = base(M) + "/agreements/" + agreement;

        assertProblem(as(fo).body(Map.of("budgetYear", y)).post(agreements + "/catalogs").then(), 422, "business-rule")
                .body("rule", equalTo("agreement-catalog-year"));
        long second = as(fo).body(Map.of()).post(agreements + "/catalogs").then().statusCode(201)
                .body("agreementId", equalTo((int) agreement))
                .body("rollover.fromCatalogId", equalTo((int) first))
                .body("rollover.catalog.budgetYear", equalTo(y + 1))
                .body("rollover.catalog.agreement.id", equalTo((int) agreement))
                .body("rollover.carriedCount", equalTo(1))
                .extract().jsonPath().getLong("rollover.catalog.id");
        assertProblem(as(fo).body(Map.of()).post(agreements + "/catalogs").then(), 409, "conflict");
        as(fo).get(agreements).then().statusCode(200).body("catalogs.id", contains((int) first, (int) second));

        // ÆLD's budget for y+1 (408 mio.) from target-service; only a school saving is adopted: Social's overrun of
        // 3 mio. is not met
        allocateBudget(y + 1, 408_000_000);
        long school = presented(M, second, proposal("SKO", "SAVING", "Færre skoler", y + 1, -1, -1, -1, -1));
        await().atMost(WAIT).untilAsserted(() -> as(fo).body(Map.of("proposalIds", List.of(school)))
                .post(base(M) + "/catalogs/" + second + "/simulations").then().statusCode(200)
                .body(social() + ".years[0].budget", equalTo(408_000_000)));
        adopt(M, second, List.of(school)).statusCode(200)
                .body("check.agreement.agreementId", equalTo((int) agreement))
                .body("check.warnings.code", hasItem("COMMITTEE_FRAME_BREACHED"))
                .body("frameBreaches", hasSize(1))
                .body("frameBreaches[0].committee", equalTo(SOCIAL))
                .body("frameBreaches[0].year", equalTo(y + 1))
                .body("frameBreaches[0].overrun", equalTo(3_000_000));

        ConsumerRecord<String, String> flagged = KafkaTopics.await("agreement.frame-breached",
                r -> String.valueOf(agreement).equals(r.key()), 1, WAIT).get(0);
        JsonNode data = JSON.readTree(flagged.value()).get("data");
        assertEquals(second, data.get("catalogId").asLong());
        assertEquals("FINANCE_COMMITTEE", data.get("flaggedTo").asText());
        assertEquals(SOCIAL, data.get("breaches").get(0).get("committee").asText());
        assertEquals(3_000_000L, data.get("breaches").get(0).get("overrun").asLong());
        as(Users.politician(M, "A")).get(agreements).then().statusCode(200)
                .body("frameBreaches.catalogId", contains((int) second))
                .body("frameBreaches[0].overrun", equalTo(3_000_000));
        as(fo).get(base(M) + "/catalogs/" + second).then().statusCode(200)
                .body("agreedCheck.warnings.code", hasItem("COMMITTEE_FRAME_BREACHED"));
    }

    /**
     * A catalog names the agreement covering its year, whichever was made first, and the agreement lists the same ones.
     * Linking is no edit of the catalog: its version stays.
     */
    @Test
    void everyCatalogOfACoveredYearNamesTheAgreementWhicheverCameFirst() {
        int y = 2081;
        String fo = Users.financeOfficer(M);
        long before = createCatalog(M, y);
        as(fo).get(base(M) + "/catalogs/" + before).then().statusCode(200).body("agreement", equalTo(null))
                .header("ETag", "\"0\"");
        long agreement = createAgreement(y).statusCode(201).body("catalogs.id", contains((int) before))
                .extract().jsonPath().getLong("id");
        as(fo).get(base(M) + "/catalogs/" + before).then().statusCode(200)
                .body("agreement.id", equalTo((int) agreement))
                .body("agreement.href", equalTo("/api/v1/municipalities/" + M + "/agreements/" + agreement))
                .header("ETag", "\"0\"");
        long after = createCatalog(M, y + 1);
        as(fo).get(base(M) + "/catalogs/" + after).then().statusCode(200)
                .body("agreement.id", equalTo((int) agreement));
        as(fo).get(base(M) + "/catalogs").then().statusCode(200)
                .body("find { it.id == " + before + " }.agreement.id", equalTo((int) agreement))
                .body("find { it.id == " + after + " }.agreement.id", equalTo((int) agreement));
        as(fo).get(base(M) + "/agreements/" + agreement).then().statusCode(200)
                .body("catalogs.id", contains((int) before, (int) after));
        long outside = createCatalog(M, y + 2);
        as(fo).get(base(M) + "/catalogs/" + outside).then().statusCode(200).body("agreement", equalTo(null));
    }

    /**
     * A committee's area the catalog lacks (DAG): its budget may be sent, so the committee's frame can be checked;
     * without it the committee stays UNKNOWN. An area of neither is still refused.
     */
    @Test
    void theBudgetOfAnAgreementAreaTheCatalogLacksMayBeSentSoItsFrameCanBeChecked() {
        int y = 2091;
        String fo = Users.financeOfficer(M);
        long agreement = createAgreement(y).statusCode(201).extract().jsonPath().getLong("id");
        long catalog = as(fo).body(Map.of("budgetYear", y, "title", "Katalog " + y, "areas", List.of(
                Api.AREAS.get(0), Api.AREAS.get(1)))).post(base(M) + "/catalogs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long school = presented(M, catalog, proposal("SKO", "SAVING", "Færre skoler", y, -1, -1, -1, -1));
        String children = "agreement.committees.find { it.committee == 'Børne- og Skoleudvalget' }";
        List<Map<String, Object>> budgets = new ArrayList<>();
        for (int year : List.of(y, y + 1)) {
            budgets.add(Map.of("areaCode", "SKO", "year", year, "amount", 400_000_000));
        }
        as(fo).body(Map.of("proposalIds", List.of(school), "areaBudgets", budgets))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then().statusCode(200)
                .body("agreement.agreementId", equalTo((int) agreement))
                .body(children + ".years.status", contains("UNKNOWN", "UNKNOWN"));
        for (int year : List.of(y, y + 1)) {
            budgets.add(Map.of("areaCode", "DAG", "year", year, "amount", 200_000_000));
        }
        as(fo).body(Map.of("proposalIds", List.of(school), "areaBudgets", budgets))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then().statusCode(200)
                .body(children + ".years.status", contains("HELD", "HELD"));
        budgets.add(Map.of("areaCode", "TEK", "year", y, "amount", 1));
        assertProblem(as(fo).body(Map.of("proposalIds", List.of(school), "areaBudgets", budgets))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then(), 422, "business-rule")
                .body("rule", equalTo("unknown-area"))
                .body("errors[0].field", equalTo("areaBudgets[4].areaCode"));
    }

    private static String social() {
        return "agreement.committees.find { it.committee == '" + SOCIAL + "' }";
    }

    private static ValidatableResponse createAgreement(int first) {
        return post(agreement(first));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return as(Users.financeOfficer(M)).body(body).post(base(M) + "/agreements").then();
    }

    private static Map<String, Object> agreement(int first) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", "Budgetaftale " + first + "–" + (first + 1));
        body.put("firstBudgetYear", first);
        body.put("lastBudgetYear", first + 1);
        body.put("decisionReference", "BY " + (first - 1) + "-10-06 pkt. 4");
        body.put("committees", List.of(committee(SOCIAL, List.of("ÆLD"), first, 405_000_000),
                committee("Børne- og Skoleudvalget", List.of("SKO", "DAG"), first, 610_000_000)));
        return body;
    }

    private static Map<String, Object> committee(String name, List<String> areas, int first, long frame) {
        return Map.of("name", name, "areaCodes", areas, "frames", List.of(Map.of("year", first, "amount", frame),
                Map.of("year", first + 1, "amount", frame)));
    }

    /** A simulation with ÆLD's budget 408/409 mio. and the schools' 600 mio. in the agreement's two years. */
    private static ValidatableResponse simulate(String token, long catalog, int y, long id) {
        List<Map<String, Object>> budgets = new ArrayList<>();
        budgets.add(Map.of("areaCode", "ÆLD", "year", y, "amount", 408_000_000));
        budgets.add(Map.of("areaCode", "ÆLD", "year", y + 1, "amount", 409_000_000));
        for (int year : List.of(y, y + 1)) {
            budgets.add(Map.of("areaCode", "SKO", "year", year, "amount", 400_000_000));
            budgets.add(Map.of("areaCode", "DAG", "year", year, "amount", 200_000_000));
        }
        return as(token).body(Map.of("proposalIds", List.of(id), "areaBudgets", budgets))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then();
    }

    private static Line line(long id, String kind, int year, long amount, boolean compensated) {
        return new Line(id, kind, new PolicyAreaRef("ÆLD", "Ældreområdet", 5, SOCIAL), LocalDate.of(2030, 9, 1),
                kind + " for ÆLD", List.of(new YearAmount(year, amount)), compensated);
    }

    /** target-service's allocation for the budget year: ÆLD's budget in each of its four years. */
    private static void allocateBudget(int budgetYear, long budget) {
        List<YearAmount> amounts = new ArrayList<>();
        List<YearAmount> budgets = new ArrayList<>();
        for (int year = budgetYear; year < budgetYear + 4; year++) {
            amounts.add(new YearAmount(year, 1_000_000));
            budgets.add(new YearAmount(year, budget));
        }
        long targetId = 370_000L + budgetYear;
        TestEvents.send(Events.TARGET_ALLOCATED, Long.toString(targetId), M, new TargetAllocatedV1(targetId, 1,
                budgetYear, budgetYear - 1, "Effektiviseringsmål", "FINANCE_COMMITTEE", List.of(new AreaAllocation(
                        new PolicyAreaRef("ÆLD", "Ældreområdet", 5, SOCIAL), amounts, budgets, false)),
                Instant.now()),
                Instant.now());
    }
}
