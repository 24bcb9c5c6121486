package dk.raaderum.target;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Potential analyses: the long CSV layout, rank, realism factor, incomplete areas, realisation, validation, roles. */
@QuarkusTest
class PotentialAnalysisTest {

    private static Map<String, Object> analysis(Integer rank, Map<String, Object> realism) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Dagtilbud og ældre");
        if (rank != null) {
            body.put("rank", rank);
        }
        if (realism != null) {
            body.put("realism", realism);
        }
        body.put("areas", List.of(
                Map.of("code", "DAG", "name", "Dagtilbud", "unitLabel", "kr. pr. 0–5-årig", "volume", 1000, "ownUnitCost", 100),
                Map.of("code", "ÆLD", "name", "Ældre", "volume", 10.5, "ownUnitCost", 1000)));
        return body;
    }

    @Test
    void theLongLayoutWithTheThirdCheapestAndARealismFactor() {
        Place place = Fixture.fresh();
        long id = place.asFinance().body(analysis(3, Map.of("kind", "FACTOR", "factor", 0.5)))
                .post(place.base() + "/potential-analyses").then().statusCode(201)
                .body("rank", equalTo(3)).extract().jsonPath().getLong("id");
        String csv = "område;kommune;enhedsudgift;kommunenavn\n"
                + "DAG;860;90;Hjørring\nDAG;851;80;Aalborg\nDAG;849;70;Jammerbugt\nDAG;846;60;Mariagerfjord\n"
                + "ÆLD;860;900;Hjørring\nÆLD;851;950;Aalborg\n"
                + "DAG;" + place.municipality() + ";1;Egen\n";
        given().auth().oauth2(place.finance()).header("If-Match", "\"0\"").contentType("text/csv; charset=UTF-8").body(csv)
                .put(place.base() + "/potential-analyses/" + id + "/comparisons").then().statusCode(200)
                .body("comparisonCount", equalTo(6))
                .body("complete", equalTo(false))
                // DAG: 3rd cheapest of 60, 70, 80, 90 is 80 → (100 − 80) × 1000 = 20,000; ÆLD has 2 < 3 comparisons.
                .body("areas[0].code", equalTo("DAG"))
                .body("areas[0].benchmarkUnitCost", equalTo(80))
                .body("areas[0].potential", equalTo(20_000))
                .body("areas[0].realisticPotential", equalTo(10_000))
                .body("areas[0].spendingIndex", equalTo(125.0f))
                .body("areas[0].ownPosition", equalTo(5))
                .body("areas[1].complete", equalTo(false))
                .body("areas[1].potential", equalTo(0))
                .body("totalPotential", equalTo(20_000))
                .body("realisticTotal", equalTo(10_000))
                .body("scaleFactor", equalTo(0.5f));
    }

    @Test
    void badComparisonLinesAreAllNamedAndNothingIsReplaced() {
        Place place = Fixture.fresh();
        Map<String, Object> body = analysis(1, null);
        body.put("comparisons", List.of(Map.of("areaCode", "DAG", "municipalityCode", "860", "unitCost", 50)));
        long id = place.asFinance().body(body).post(place.base() + "/potential-analyses").then().statusCode(201)
                .body("comparisonCount", equalTo(1))
                .extract().jsonPath().getLong("id");
        String csv = "område;kommune;enhedsudgift\nDAG;999;50\nXYZ;851;50\nDAG;849;halvtreds\nDAG;846;40\nDAG;846;41\n";
        assertProblem(given().auth().oauth2(place.finance()).header("If-Match", "\"0\"").contentType("text/csv; charset=UTF-8").body(csv)
                .put(place.base() + "/potential-analyses/" + id + "/comparisons").then(), 422, "business-rule")
                .body("rule", equalTo("comparison-rows"))
                .body("errors.field", hasItem("line 2.kommune"))
                .body("errors.field", hasItem("line 3.område"))
                .body("errors.field", hasItem("line 4.DAG"))
                .body("errors.field", hasItem("line 6.kommune"));
        assertProblem(given().auth().oauth2(place.finance()).header("If-Match", "\"0\"").contentType("text/csv").body("a;b\n1;2\n")
                .put(place.base() + "/potential-analyses/" + id + "/comparisons").then(), 422, "business-rule")
                .body("rule", equalTo("csv-header"));
        given().auth().oauth2(place.finance()).get(place.base() + "/potential-analyses/" + id).then()
                .body("comparisonCount", equalTo(1));
    }

    @Test
    void theDefinitionIsChecked() {
        Place place = Fixture.fresh();
        Map<String, Object> capWithoutCap = analysis(null, Map.of("kind", "CAP"));
        assertProblem(place.asFinance().body(capWithoutCap).post(place.base() + "/potential-analyses").then(), 422,
                "business-rule").body("rule", equalTo("potential-analysis"))
                .body("errors[0].field", equalTo("realism.cap"));
        Map<String, Object> twice = analysis(null, null);
        twice.put("areas", List.of(Map.of("code", "DAG", "name", "A", "volume", 1, "ownUnitCost", 1),
                Map.of("code", "DAG", "name", "B", "volume", 1, "ownUnitCost", 1)));
        assertProblem(place.asFinance().body(twice).post(place.base() + "/potential-analyses").then(), 422,
                "business-rule").body("errors[0].field", equalTo("areas[1].code"));
        assertProblem(place.asFinance().body(analysis(0, null)).post(place.base() + "/potential-analyses").then(), 400,
                "validation").body("errors[0].field", containsString("rank"));
        Map<String, Object> badFactor = analysis(null, Map.of("kind", "FACTOR", "factor", 1.5));
        assertProblem(place.asFinance().body(badFactor).post(place.base() + "/potential-analyses").then(), 400,
                "validation");
        Map<String, Object> unknownMunicipality = analysis(null, null);
        unknownMunicipality.put("comparisons", List.of(Map.of("areaCode", "DAG", "municipalityCode", "998",
                "unitCost", 1)));
        assertProblem(place.asFinance().body(unknownMunicipality).post(place.base() + "/potential-analyses").then(), 422,
                "business-rule").body("errors[0].field", equalTo("comparisons[0].municipalityCode"));
    }

    @Test
    void realisationIsRecordedPerAreaAndYearWithOptimisticLocking() {
        Place place = Fixture.fresh();
        long id = place.asFinance().body(analysis(null, null)).post(place.base() + "/potential-analyses").then()
                .statusCode(201).body("rank", equalTo(10)).extract().jsonPath().getLong("id");
        place.asFinance().header("If-Match", "\"0\"")
                .body(Map.of("realised", List.of(Map.of("areaCode", "DAG", "year", place.budgetYear(), "amount", 4_000),
                        Map.of("areaCode", "DAG", "year", place.budgetYear() + 1, "amount", 6_000))))
                .put(place.base() + "/potential-analyses/" + id + "/realisation").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("realisedTotal", hasSize(2))
                .body("areas.find { it.code == 'DAG' }.realised[1].amount", equalTo(6_000));
        assertProblem(place.asFinance().header("If-Match", "\"0\"").body(Map.of("realised", List.of()))
                .put(place.base() + "/potential-analyses/" + id + "/realisation").then(), 412, "precondition-failed");
        assertProblem(place.asFinance().header("If-Match", "\"1\"").body(Map.of("realised", List.of(Map.of("areaCode", "SKO", "year",
                        place.budgetYear(), "amount", 1))))
                .put(place.base() + "/potential-analyses/" + id + "/realisation").then(), 422, "business-rule")
                .body("rule", equalTo("realisation-rows"));
    }

    @Test
    void politiciansReadAnalysesButDoNotMakeThem() {
        Place place = Fixture.fresh();
        long id = place.asFinance().body(analysis(null, null)).post(place.base() + "/potential-analyses").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(given().auth().oauth2(place.politician()).contentType("application/json")
                .body(analysis(null, null)).post(place.base() + "/potential-analyses").then(), 403, "forbidden");
        given().auth().oauth2(place.politician()).get(place.base() + "/potential-analyses").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
        given().auth().oauth2(place.politician()).accept("text/csv").get(place.base() + "/potential-analyses").then()
                .statusCode(200).body(containsString(id + ";Dagtilbud og ældre;;10;2;0;0;nej;"));
        place.asFinance().delete(place.base() + "/potential-analyses/" + id).then().statusCode(204);
        assertProblem(given().auth().oauth2(place.politician()).get(place.base() + "/potential-analyses/" + id).then(),
                404, "not-found");
    }

    @Test
    void aPotentialBeyondTheBoundOfEveryAmountIsRefusedAtTheWriteNotAtEveryRead() {
        Place place = Fixture.fresh();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Kæmpe enhedsudgift");
        body.put("rank", 1);
        body.put("areas", List.of(Map.of("code", "DAG", "name", "Dagtilbud", "volume", 100_000_000,
                "ownUnitCost", 1_000_000_000_000L)));
        body.put("comparisons", List.of(Map.of("areaCode", "DAG", "municipalityCode", "860", "unitCost", 0)));
        assertProblem(place.asFinance().body(body).post(place.base() + "/potential-analyses").then(), 422,
                "business-rule").body("rule", equalTo("potential-too-large"));
        body.put("areas", List.of(Map.of("code", "DAG", "name", "Dagtilbud", "volume", 1,
                "ownUnitCost", 1_000_000_000_001L)));
        assertProblem(place.asFinance().body(body).post(place.base() + "/potential-analyses").then(), 400, "validation")
                .body("errors.field", hasItem(containsString("ownUnitCost")));
        given().auth().oauth2(place.finance()).get(place.base() + "/potential-analyses").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void comparisonsAreReplacedOnlyWithIfMatch() {
        Place place = Fixture.fresh();
        long id = place.asFinance().body(analysis(1, null)).post(place.base() + "/potential-analyses").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(given().auth().oauth2(place.finance()).contentType("text/csv").body("område;kommune;enhedsudgift\nDAG;860;90\n")
                .put(place.base() + "/potential-analyses/" + id + "/comparisons").then(), 428, "precondition-required");
        given().auth().oauth2(place.finance()).get(place.base() + "/potential-analyses/" + id).then()
                .body("comparisonCount", equalTo(0));
    }
}
