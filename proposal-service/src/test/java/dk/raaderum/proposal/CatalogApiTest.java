package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.AREAS;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.postProposal;
import static dk.raaderum.proposal.support.Api.proposal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

@QuarkusTest
class CatalogApiTest {

    private static final String M = "151";
    private static final AtomicInteger YEAR = new AtomicInteger(2030);

    @Test
    void financeOfficerCreatesACatalogCoveringTheBudgetYearAndThreeProjectionYears() {
        int year = YEAR.incrementAndGet();
        var created = as(Users.financeOfficer(M))
                .body(Map.of("budgetYear", year, "title", "Omstillingskatalog", "areas", AREAS))
                .post(base(M) + "/catalogs").then();
        long id = created.statusCode(201).extract().jsonPath().getLong("id");
        created.header("Location", endsWith(base(M) + "/catalogs/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("years", contains(year, year + 1, year + 2, year + 3))
                .body("priceLevelYear", equalTo(year))
                .body("karensperiodeYears", equalTo(1))
                .body("status", equalTo("OPEN"))
                .body("areas.code", contains("DAG", "SKO", "TEK", "ÆLD")) // Danish order: Æ after Z
                .body("areas.find { it.code == 'ÆLD' }.committee", equalTo("Social- og Sundhedsudvalget"));
    }

    @Test
    void aSecondCatalogForTheSameYearIsAConflict() {
        int year = YEAR.incrementAndGet();
        long existing = createCatalog(M, year);
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("budgetYear", year, "title", "Igen", "areas", AREAS))
                .post(base(M) + "/catalogs").then(), 409, "conflict")
                .body("existingCatalog.id", equalTo((int) existing))
                .body("existingCatalog.href", equalTo(base(M) + "/catalogs/" + existing));
    }

    @Test
    void invalidCatalogsAreRejectedWithTheOffendingFields() {
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("budgetYear", 1999, "title", "", "areas",
                List.of(Map.of("code", "x", "name", "X", "mainAccount", 7, "committee", "U")))).post(base(M) + "/catalogs")
                .then(), 400, "validation")
                .body("errors.field", hasItem("budgetYear"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("areas[0].code"))
                .body("errors.field", hasItem("areas[0].mainAccount"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("budgetYear", YEAR.incrementAndGet(), "title", "To gange",
                "areas", List.of(AREAS.get(0), AREAS.get(0)))).post(base(M) + "/catalogs").then(), 422, "business-rule")
                .body("rule", equalTo("unique-area-codes"));
    }

    @Test
    void onlyFinanceOfficersCreateCatalogs() {
        assertProblem(as(Users.politician(M, "Venstre")).body(Map.of("budgetYear", YEAR.incrementAndGet(), "title", "x",
                "areas", AREAS)).post(base(M) + "/catalogs").then(), 403, "forbidden");
    }

    @Test
    void changesNeedTheCurrentVersion() {
        long id = createCatalog(M, YEAR.incrementAndGet());
        String path = base(M) + "/catalogs/" + id;
        assertProblem(as(Users.financeOfficer(M)).header("If-Match", "\"5\"").body(Map.of("title", "Nyt navn"))
                .put(path).then(), 412, "precondition-failed");
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("title", "Nyt navn", "version", 5)).put(path).then(), 409,
                "concurrent-modification");
        as(Users.financeOfficer(M)).header("If-Match", "\"0\"").body(Map.of("title", "Nyt navn", "karensperiodeYears", 2))
                .put(path).then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Nyt navn"))
                .body("karensperiodeYears", equalTo(2));
    }

    @Test
    void aLockedCatalogTakesNoNewProposalsUntilReopened() {
        int year = YEAR.incrementAndGet();
        long id = createCatalog(M, year);
        String path = base(M) + "/catalogs/" + id;
        // no body, so no Content-Type needed (curl -X POST …/lock)
        String locked = given().auth().oauth2(Users.financeOfficer(M)).post(path + "/lock").then().statusCode(200)
                .body("status", equalTo("LOCKED")).extract().header("ETag");
        as(Users.financeOfficer(M)).get(path).then().header("ETag", equalTo(locked));
        assertProblem(postProposal(Users.financeOfficer(M), M, id, proposal("ÆLD", "EFFICIENCY", "Låst", year,
                -1, -1, -1, -1)), 409, "catalog-closed");
        assertProblem(as(Users.financeOfficer(M)).post(path + "/lock").then(), 409, "catalog-closed");
        String reopened = given().auth().oauth2(Users.financeOfficer(M)).post(path + "/reopen").then().statusCode(200)
                .body("status", equalTo("OPEN")).extract().header("ETag");
        as(Users.financeOfficer(M)).get(path).then().header("ETag", equalTo(reopened));
        postProposal(Users.financeOfficer(M), M, id, proposal("ÆLD", "EFFICIENCY", "Åben igen", year, -1, -1, -1, -1))
                .statusCode(201);
    }

    @Test
    void areasCanBeAddedOnceEach() {
        long id = createCatalog(M, YEAR.incrementAndGet());
        String path = base(M) + "/catalogs/" + id + "/areas";
        Map<String, Object> kultur = Api.area("KUL", "Kultur og fritid", 3, "Kultur- og Fritidsudvalget");
        String etag = as(Users.financeOfficer(M)).body(kultur).post(path).then().statusCode(200)
                .body("areas.code", hasItem("KUL")).extract().header("ETag");
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + id).then().header("ETag", equalTo(etag));
        assertProblem(as(Users.financeOfficer(M)).body(kultur).post(path).then(), 409, "conflict");
    }

    @Test
    void anotherMunicipalitysCatalogsAreOutOfReach() {
        long id = createCatalog(M, YEAR.incrementAndGet());
        assertProblem(as(Users.financeOfficer("260")).get(base(M) + "/catalogs/" + id).then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer("260")).get(base("260") + "/catalogs/" + id).then(), 404, "not-found");
        assertProblem(as(Users.financeOfficer(M)).get(base("999") + "/catalogs").then(), 404, "unknown-municipality");
    }
}
