package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitInitiative;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.decide;
import static dk.raaderum.followup.support.Api.governed;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dk.raaderum.followup.support.AdoptedEvents;
import dk.raaderum.followup.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Program owners: a user of the realm (the login that reports) or a named person without one; the "needs an owner"
 * list; assigning owners one by one or many at once (all or nothing); a user owner reports on their initiative.
 */
@QuarkusTest
class OwnerTest {

    @Test
    void initiativesWithoutALoginOwnerAreListedAsNeedingOne() {
        String m = "326";
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(proposal, m, "EFFICIENCY", 2027, -200_000).title("Videobesøg")
                .owner("Ældrechef Jens Hansen").send();
        long named = awaitInitiative(m, proposal);
        long none = createEfficiency(m, "Uden ejer", "ÆLD", 2027, null, 100_000);
        createEfficiency(m, "Med login", "ÆLD", 2027, "kalundborg-owner", 100_000);
        long older = createEfficiency(m, "Fra sidste år", "SKO", 2026, null, 100_000);
        long terminated = createEfficiency(m, "Stoppet", "SKO", 2026, null, 100_000);
        decide(m, terminated, governed(Map.of("decision", "TERMINATE", "reason", "Opgivet")));
        String path = base(m) + "/initiatives/needs-owner";

        as(Tokens.finance(m)).get(path).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains((int) named, (int) none, (int) older))
                .body("items[0].owner.username", nullValue())
                .body("items[0].owner.name", equalTo("Ældrechef Jens Hansen"));
        as(Tokens.finance(m)).queryParam("catalogYear", 2026).get(path).then().statusCode(200)
                .body("items.id", contains((int) older));
        as(Tokens.finance(m)).queryParam("areaCode", "ÆLD").queryParam("size", 1).queryParam("page", 1).get(path).then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains((int) none));
        assertProblem(as(Tokens.politician(m)).get(path).then(), 403, "forbidden");
        assertProblem(as(Tokens.owner("kalundborg-owner", m)).get(path).then(), 403, "forbidden");
        assertProblem(as(Tokens.finance("316")).get(path).then(), 403, "wrong-municipality");
        assertProblem(as(Tokens.finance(m)).queryParam("size", 201).get(path).then(), 400, "validation");
    }

    @Test
    void theOwnerIsAUserWhoReportsOrANamedPersonWithoutALogin() {
        String m = "316";
        long id = createEfficiency(m, "Fælles rengøring", "ÆLD", 2027, null, 100_000);
        String owner = initiative(m, id) + "/owner";
        String reports = initiative(m, id) + "/reports";

        assertProblem(as(Tokens.finance(m)).body(Map.of("name", "Ældrechef Jens Hansen")).put(owner).then(), 428,
                "precondition-required");
        assertProblem(as(Tokens.finance(m)).body(Map.of("version", 0)).put(owner).then(), 422, "business-rule")
                .body("rule", equalTo("owner-required"));
        // a named person without a login: known by name, cannot report, still needs an owner
        as(Tokens.finance(m)).body(Map.of("name", "Ældrechef Jens Hansen", "version", 0)).put(owner).then()
                .statusCode(200)
                .body("owner.username", nullValue())
                .body("owner.name", equalTo("Ældrechef Jens Hansen"));
        as(Tokens.finance(m)).get(base(m) + "/initiatives/needs-owner").then().body("items.id", contains((int) id));
        assertProblem(as(Tokens.owner("holbaek-jens", m)).body(reportBody(2027, 90_000, "ESTIMATE")).post(reports)
                .then(), 403, "forbidden");

        // the user who owns it: the login the tokens carry (preferred_username); the name is kept
        as(Tokens.finance(m)).header("If-Match", "\"1\"").body(Map.of("username", "holbaek-jens")).put(owner).then()
                .statusCode(200)
                .body("owner.username", equalTo("holbaek-jens"))
                .body("owner.name", equalTo("Ældrechef Jens Hansen"));
        as(Tokens.finance(m)).get(base(m) + "/initiatives/needs-owner").then().body("total", equalTo(0));
        as(Tokens.owner("holbaek-jens", m)).body(reportBody(2027, 90_000, "PROBABLE")).post(reports).then()
                .statusCode(201)
                .body("realised", equalTo(90_000));
        assertProblem(as(Tokens.owner("holbaek-anne", m)).body(reportBody(2027, 1, "ESTIMATE")).post(reports).then(),
                403, "forbidden");
        as(Tokens.finance(m)).get(initiative(m, id) + "/history").then()
                .body("items.detail", hasItem("Programejer: (ingen) → Ældrechef Jens Hansen (uden login)"))
                .body("items.detail", hasItem("Programejer: Ældrechef Jens Hansen (uden login) → holbaek-jens"));
    }

    @Test
    void manyOwnersAreAssignedAtOnceAllOrNothing() {
        String m = "320";
        long a = createEfficiency(m, "Alfa", "ÆLD", 2027, null, 100_000);
        long b = createEfficiency(m, "Beta", "ÆLD", 2027, null, 100_000);
        long c = createEfficiency(m, "Gamma", "SKO", 2027, null, 100_000);
        long elsewhere = createEfficiency("561", "Esbjergs", "ÆLD", 2027, null, 100_000);
        String path = base(m) + "/initiatives/owners";

        assertProblem(as(Tokens.finance(m)).body(Map.of("assignments", List.of(
                assignment(a, 0L, "faxe-aeldrechef", null),
                assignment(b, 3L, "faxe-aeldrechef", null),
                assignment(elsewhere, 0L, "faxe-skolechef", null),
                assignment(a, 0L, "faxe-skolechef", null),
                assignment(c, 0L, null, null)))).put(path).then(), 422, "business-rule")
                .body("rule", equalTo("owner-assignments-invalid"))
                .body("detail", containsString("4 of 5"))
                .body("errors.field", contains("assignments[1].version", "assignments[2].initiativeId",
                        "assignments[3].initiativeId", "assignments[4].owner"));
        assertProblem(as(Tokens.finance(m)).body(Map.of("assignments", List.of(assignment(a, 0L, "faxe-aeldrechef", null),
                assignment(b, null, "faxe-aeldrechef", null)))).put(path).then(), 428, "precondition-required");
        assertProblem(as(Tokens.finance(m)).body(Map.of("assignments", List.of())).put(path).then(), 400, "validation");
        assertProblem(as(Tokens.politician(m)).body(Map.of("assignments", List.of(assignment(a, 0L, "faxe-x", null))))
                .put(path).then(), 403, "forbidden");
        // nothing was assigned
        as(Tokens.finance(m)).get(base(m) + "/initiatives/needs-owner").then()
                .body("items.id", contains((int) c, (int) a, (int) b))
                .body("items.version", contains(0, 0, 0));

        as(Tokens.finance(m)).body(Map.of("assignments", List.of(
                assignment(a, 0L, "faxe-aeldrechef", "Ældrechef Mette Dahl"),
                assignment(b, 0L, "faxe-aeldrechef", null),
                assignment(c, 0L, null, "Skolechef Ole Berg")))).put(path).then().statusCode(200)
                .body("initiativeId", contains((int) a, (int) b, (int) c))
                .body("version", contains(1, 1, 1))
                .body("owner.username", contains("faxe-aeldrechef", "faxe-aeldrechef", null))
                .body("owner.name", contains("Ældrechef Mette Dahl", null, "Skolechef Ole Berg"));
        as(Tokens.finance(m)).get(base(m) + "/initiatives/needs-owner").then().body("items.id", contains((int) c));
        as(Tokens.owner("faxe-aeldrechef", m)).body(reportBody(2027, 100_000, "DOCUMENTED"))
                .post(initiative(m, b) + "/reports").then().statusCode(201);
        assertProblem(as(Tokens.owner("faxe-aeldrechef", m)).body(reportBody(2027, 100_000, "DOCUMENTED"))
                .post(initiative(m, c) + "/reports").then(), 403, "forbidden");
    }

    private static Map<String, Object> assignment(long initiativeId, Long version, String username, String name) {
        Map<String, Object> owner = new LinkedHashMap<>();
        if (username != null) {
            owner.put("username", username);
        }
        if (name != null) {
            owner.put("name", name);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("initiativeId", initiativeId);
        if (version != null) {
            item.put("version", version);
        }
        item.put("owner", owner);
        return item;
    }
}
