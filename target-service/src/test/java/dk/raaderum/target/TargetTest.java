package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Targets: explicit semantics of the years, validation, optimistic locking, adoption, roles. */
@QuarkusTest
class TargetTest {

    /** Every requirement stays within the bound of every amount: 4 × 1,000,000,000,000 kr. added up does not. */
    @Test
    void aRequirementBeyondTheBoundIsRefused() {
        Place place = Fixture.fresh();
        long max = 1_000_000_000_000L;
        assertProblem(place.asFinance().body(Fixture.amountTarget(place, "ANNUAL_NEW", max, max, max, max))
                .post(place.base() + "/targets").then(), 422, "business-rule").body("rule", equalTo("amount-bound"));
        place.asFinance().body(Fixture.amountTarget(place, "LEVEL", max, max, max, max)).post(place.base() + "/targets")
                .then().statusCode(201);
    }

    @Test
    void anAnnualNewAmountTargetAddsUpOverTheHorizon() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 25_000_000, 25_000_000,
                25_000_000, 25_000_000));
        given().auth().oauth2(place.politician()).get(place.base() + "/targets/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("duration", equalTo("MULTI_YEAR"))
                .body("years.newAmount", equalTo(List.of(25_000_000, 25_000_000, 25_000_000, 25_000_000)))
                .body("years.requirement", equalTo(List.of(25_000_000, 50_000_000, 75_000_000, 100_000_000)));
    }

    @Test
    void aLevelTargetRequiresEachYearsFigureOnly() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "LEVEL", 10_000_000, 20_000_000));
        given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id).then().statusCode(200)
                .body("years.requirement", equalTo(List.of(10_000_000, 20_000_000, 0, 0)));
    }

    @Test
    void aOneYearPercentTargetBecomesAnAmountOnceTheBaseBudgetIsThere() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.percentTarget(place, "ANNUAL_NEW", "1.5"));
        given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id).then().statusCode(200)
                .body("duration", equalTo("ONE_YEAR"))
                .body("baseBudgetPresent", equalTo(false))
                .body("years[0].requirement", nullValue());
        Fixture.importBudget(place, Map.of("ÆLD", 600_000_000L, "ADM", 400_000_000L));
        // 1.5 % of 1,000,000,000 in the budget year, with lasting effect in the projection years.
        given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id).then().statusCode(200)
                .body("years.requirement", equalTo(List.of(15_000_000, 15_000_000, 15_000_000, 15_000_000)))
                .body("years[0].requirementPercentOfBudget", equalTo(1.5f));
    }

    @Test
    void aPercentOutsideZeroToTenIsAValidationProblem() {
        Place place = Fixture.fresh();
        assertProblem(place.asFinance().body(Fixture.percentTarget(place, "ANNUAL_NEW", "10.5"))
                .post(place.base() + "/targets").then(), 400, "validation")
                .body("errors.field", hasItem(containsString("years[0].percent")))
                .body("errors.message", hasItem(containsString("between 0 and 10")));
        assertProblem(place.asFinance().body(Fixture.percentTarget(place, "ANNUAL_NEW", "-1"))
                .post(place.base() + "/targets").then(), 400, "validation");
    }

    @Test
    void yearsAndFiguresMustFitTheTarget() {
        Place place = Fixture.fresh();
        Map<String, Object> outside = new LinkedHashMap<>(Fixture.amountTarget(place, "ANNUAL_NEW", 1_000));
        outside.put("years", List.of(Map.of("year", place.budgetYear() + 4, "amount", 1_000)));
        assertProblem(place.asFinance().body(outside).post(place.base() + "/targets").then(), 422, "business-rule")
                .body("rule", equalTo("target-years"))
                .body("errors[0].field", equalTo("years[0].year"));
        Map<String, Object> wrongFigure = new LinkedHashMap<>(Fixture.amountTarget(place, "ANNUAL_NEW", 1_000));
        wrongFigure.put("years", List.of(Map.of("year", place.budgetYear(), "percent", 1)));
        assertProblem(place.asFinance().body(wrongFigure).post(place.base() + "/targets").then(), 422, "business-rule")
                .body("rule", equalTo("target-years"))
                .body("errors.field", hasItem("years[0].amount"))
                .body("errors.field", hasItem("years[0].percent"));
        assertProblem(place.asFinance().body(Fixture.amountTarget(place, "ANNUAL_NEW", 0, 0))
                .post(place.base() + "/targets").then(), 422, "business-rule")
                .body("rule", equalTo("target-positive"));
        Map<String, Object> unknownBody = new LinkedHashMap<>(Fixture.amountTarget(place, "ANNUAL_NEW", 1_000));
        unknownBody.put("responsibleBody", "MAYOR");
        assertProblem(place.asFinance().body(unknownBody).post(place.base() + "/targets").then(), 400, "validation")
                .body("errors[0].field", equalTo("responsibleBody"));
    }

    @Test
    void changesNeedTheCurrentVersion() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        Map<String, Object> change = new LinkedHashMap<>(Fixture.amountTarget(place, "ANNUAL_NEW", 2_000_000));
        place.asFinance().header("If-Match", "\"0\"").body(change).put(place.base() + "/targets/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("years[0].amount", equalTo(2_000_000));
        assertProblem(place.asFinance().header("If-Match", "\"0\"").body(change).put(place.base() + "/targets/" + id)
                .then(), 412, "precondition-failed");
        change.put("version", 0);
        assertProblem(place.asFinance().body(change).put(place.base() + "/targets/" + id).then(), 409,
                "concurrent-modification").body("currentVersion", equalTo(1));
    }

    @Test
    void anAdoptedTargetIsFixedAndCannotBeDeleted() {
        Place place = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        place.asFinance().body(Map.of("decisionReference", "Byrådet 8. oktober, pkt. 5"))
                .post(place.base() + "/targets/" + id + "/adopt")
                .then().statusCode(200).body("status", equalTo("ADOPTED"))
                .body("decisionReference", equalTo("Byrådet 8. oktober, pkt. 5"))
                .body("adoptedBy", equalTo("fo-" + place.municipality()));
        String etag = place.asFinance().get(place.base() + "/targets/" + id).then().statusCode(200).extract().header("ETag");
        assertProblem(place.asFinance().header("If-Match", etag).body(Fixture.amountTarget(place, "ANNUAL_NEW", 5))
                .put(place.base() + "/targets/" + id).then(), 409, "target-adopted");
        assertProblem(place.asFinance().delete(place.base() + "/targets/" + id).then(), 409, "target-adopted");
        assertProblem(place.asFinance().body(Map.of("decisionReference", "igen"))
                .post(place.base() + "/targets/" + id + "/adopt").then(), 409, "target-adopted");
    }

    @Test
    void aDraftTargetCanBeDeletedWithItsRounds() {
        Place place = Fixture.fresh();
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L));
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Udkast"));
        Fixture.allocate(place, id, Map.of("key", "UNIFORM", "reason", "Udkast 2"));
        place.asFinance().delete(place.base() + "/targets/" + id).then().statusCode(204);
        assertProblem(given().auth().oauth2(place.finance()).get(place.base() + "/targets/" + id).then(), 404,
                "not-found");
    }

    @Test
    void listsArePagedFilteredAndReadableAsCsv() {
        Place place = Fixture.fresh();
        Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000_000));
        long adopted = Fixture.createTarget(place, Fixture.amountTarget(place, "LEVEL", 2_000_000));
        Fixture.adopt(place, adopted);
        given().auth().oauth2(place.programOwner()).queryParam("budgetYear", place.budgetYear()).queryParam("size", 1)
                .get(place.base() + "/targets").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("size", equalTo(1));
        given().auth().oauth2(place.politician()).queryParam("status", "ADOPTED").queryParam("budgetYear", place.budgetYear())
                .get(place.base() + "/targets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) adopted));
        given().auth().oauth2(place.finance()).accept("text/csv").get(place.base() + "/targets")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("id;budgetår;navn;status"))
                .body(containsString(";ADOPTED;AMOUNT;LEVEL;"));
        assertProblem(given().auth().oauth2(place.finance()).queryParam("size", 500).get(place.base() + "/targets")
                .then(), 400, "validation");
        assertProblem(given().auth().oauth2(place.finance()).queryParam("status", "VEDTAGET").get(place.base() + "/targets")
                .then(), 400, "validation").body("errors[0].field", equalTo("status"))
                .body("detail", equalTo("status: 'VEDTAGET' must be one of [DRAFT, ADOPTED]"));
    }

    @Test
    void politiciansAndSystemsReadButCannotSetTargets() {
        Place place = Fixture.fresh();
        assertProblem(given().auth().oauth2(place.politician()).contentType("application/json")
                .body(Fixture.amountTarget(place, "ANNUAL_NEW", 1_000)).post(place.base() + "/targets").then(), 403,
                "forbidden");
        assertProblem(given().auth().oauth2(place.system()).contentType("application/json")
                .body(Fixture.amountTarget(place, "ANNUAL_NEW", 1_000)).post(place.base() + "/targets").then(), 403,
                "forbidden");
        given().auth().oauth2(place.system()).get(place.base() + "/targets").then().statusCode(200);
    }

    @Test
    void anotherMunicipalitysTargetIsNotFound() {
        Place place = Fixture.fresh();
        Place other = Fixture.fresh();
        long id = Fixture.createTarget(place, Fixture.amountTarget(place, "ANNUAL_NEW", 1_000));
        assertProblem(given().auth().oauth2(other.finance()).get(other.base() + "/targets/" + id).then(), 404,
                "not-found");
        assertProblem(given().auth().oauth2(other.finance()).get(place.base() + "/targets/" + id).then(), 403,
                "wrong-municipality");
    }
}
