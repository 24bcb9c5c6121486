package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.move;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * A proposal presented and not adopted in the previous K years may not be presented again, by lineage or as a
 * near-duplicate in the same area; a finance officer may override with a reason. Each test uses its own
 * municipality, so earlier catalogs of other tests do not interfere.
 */
@QuarkusTest
class KarensperiodeTest {

    private static final int Y = 2050;
    private static final String TITLE = "Lukning af aktivitetscenter i weekender";
    private static final String DESCRIPTION = "Kommunens aktivitetscentre holdes lukket lørdag og søndag.";

    private static Map<String, Object> weekendClosing(int year, String area) {
        Map<String, Object> body = proposal(area, "SAVING", TITLE, year, -300_000, -600_000, -600_000, -600_000);
        body.put("description", DESCRIPTION);
        return body;
    }

    /** Last year's proposal, presented and rejected with the budget agreement. */
    private static long rejectedLastYear(String municipality, int karensYears) {
        long catalog = createCatalog(municipality, Y - 1, karensYears);
        long rejected = presented(municipality, catalog, weekendClosing(Y - 1, "ÆLD"));
        long adopted = presented(municipality, catalog, proposal("ÆLD", "EFFICIENCY", "Noget helt andet", Y - 1,
                -1, -1, -1, -1));
        adopt(municipality, catalog, List.of(adopted)).statusCode(200);
        return rejected;
    }

    private static long qualified(String municipality, long catalog, Map<String, Object> body) {
        long id = createProposal(municipality, catalog, body);
        advance(municipality, id, "SUBMIT", "QUALIFY");
        return id;
    }

    @Test
    void aSuccessorOfARejectedProposalCannotBePresentedTheYearAfter() {
        String m = "201";
        long earlier = rejectedLastYear(m, 1);
        long catalog = createCatalog(m, Y, 1);
        Map<String, Object> renamed = proposal("ÆLD", "SAVING", "Weekendlukket dagcenter", Y, -1, -1, -1, -1);
        renamed.put("predecessorId", earlier);
        long id = qualified(m, catalog, renamed);
        assertProblem(move(Users.financeOfficer(m), m, id, "PRESENT"), 409, "karensperiode")
                .body("earlierProposal.id", equalTo((int) earlier))
                .body("earlierProposal.number", equalTo("ÆLD-01"))
                .body("earlierProposal.budgetYear", equalTo(Y - 1))
                .body("year", equalTo(Y - 1))
                .body("match", equalTo("lineage"))
                .body("detail", containsString("ÆLD-01"));
        as(Users.financeOfficer(m)).get(base(m) + "/proposals/" + id).then().body("status", equalTo("QUALIFIED"));
    }

    @Test
    void aNearDuplicateInTheSameAreaIsCaughtToo() {
        String m = "210";
        rejectedLastYear(m, 1);
        long catalog = createCatalog(m, Y, 1);
        Map<String, Object> again = weekendClosing(Y, "ÆLD");
        again.put("title", "Lukning af aktivitetscentre i weekenderne");
        long id = qualified(m, catalog, again);
        assertProblem(move(Users.financeOfficer(m), m, id, "PRESENT"), 409, "karensperiode")
                .body("match", equalTo("similarity"))
                .body("similarity", greaterThanOrEqualTo(0.5f));

        long otherArea = qualified(m, catalog, weekendClosing(Y, "TEK"));
        move(Users.financeOfficer(m), m, otherArea, "PRESENT").statusCode(200);
    }

    @Test
    void aFinanceOfficerMayOverrideWithAReasonThatIsRecorded() {
        String m = "217";
        rejectedLastYear(m, 1);
        long catalog = createCatalog(m, Y, 1);
        long id = qualified(m, catalog, weekendClosing(Y, "ÆLD"));
        assertProblem(move(Users.financeOfficer(m), m, id, "PRESENT", "  "), 409, "karensperiode");
        move(Users.financeOfficer(m), m, id, "PRESENT", "Ny økonomisk situation efter udligningsreformen").statusCode(200)
                .body("status", equalTo("PRESENTED"))
                .body("karensOverrideReason", equalTo("Ny økonomisk situation efter udligningsreformen"));
        as(Users.financeOfficer(m)).get(base(m) + "/proposals/" + id + "/transitions").then()
                .body("find { it.to == 'PRESENTED' }.karensperiodeOverride", equalTo(true))
                .body("find { it.to == 'PRESENTED' }.comment", containsString("udligningsreformen"));
    }

    @Test
    void anAdoptedEarlierProposalDoesNotBlock() {
        String m = "219";
        long catalog = createCatalog(m, Y - 1, 1);
        long earlier = presented(m, catalog, weekendClosing(Y - 1, "ÆLD"));
        adopt(m, catalog, List.of(earlier)).statusCode(200);
        long current = createCatalog(m, Y, 1);
        long id = qualified(m, current, weekendClosing(Y, "ÆLD"));
        move(Users.financeOfficer(m), m, id, "PRESENT").statusCode(200);
    }

    @Test
    void zeroYearsDisablesTheRule() {
        String m = "223";
        rejectedLastYear(m, 1);
        long catalog = createCatalog(m, Y, 0);
        long id = qualified(m, catalog, weekendClosing(Y, "ÆLD"));
        move(Users.financeOfficer(m), m, id, "PRESENT").statusCode(200);
    }

    @Test
    void onlyThePreviousKYearsCount() {
        String m = "230";
        long old = createCatalog(m, Y - 2, 1);
        long earlier = presented(m, old, weekendClosing(Y - 2, "ÆLD"));
        adopt(m, old, List.of()).statusCode(200);
        long oneYear = createCatalog(m, Y, 1);
        long id = qualified(m, oneYear, weekendClosing(Y, "ÆLD"));
        move(Users.financeOfficer(m), m, id, "PRESENT").statusCode(200);

        String n = "240";
        long older = createCatalog(n, Y - 2, 2);
        presented(n, older, weekendClosing(Y - 2, "ÆLD"));
        adopt(n, older, List.of()).statusCode(200);
        long twoYears = createCatalog(n, Y, 2);
        long blocked = qualified(n, twoYears, weekendClosing(Y, "ÆLD"));
        assertProblem(move(Users.financeOfficer(n), n, blocked, "PRESENT"), 409, "karensperiode")
                .body("year", equalTo(Y - 2));
        as(Users.financeOfficer(m)).get(base(m) + "/proposals/" + earlier).then().body("status", equalTo("REJECTED"));
    }

    @Test
    void similarListsCandidatesAcrossYearsWhileWriting() {
        String m = "250";
        long earlier = rejectedLastYear(m, 1);
        long catalog = createCatalog(m, Y, 1);
        long id = createProposal(m, catalog, weekendClosing(Y, "ÆLD"));
        as(Users.financeOfficer(m)).get(base(m) + "/proposals/" + id + "/similar").then().statusCode(200)
                .body("id", hasItem((int) earlier))
                .body("find { it.id == " + earlier + " }.budgetYear", equalTo(Y - 1))
                .body("find { it.id == " + earlier + " }.similarity", equalTo(1.0f))
                .body("find { it.id == " + earlier + " }.presentedNotAdopted", equalTo(true))
                .body("find { it.id == " + earlier + " }.nearDuplicate", equalTo(true));
        as(Users.financeOfficer(m)).queryParam("area", "ÆLD").queryParam("title", "Aktivitetscenter lukket i weekenden")
                .queryParam("description", DESCRIPTION)
                .get(base(m) + "/catalogs/" + catalog + "/similar").then().statusCode(200)
                .body("id", hasItem((int) earlier));
        assertProblem(as(Users.financeOfficer(m)).queryParam("title", "x").get(base(m) + "/catalogs/" + catalog + "/similar")
                .then(), 400, "validation");
    }
}
