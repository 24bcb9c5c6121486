package dk.raaderum.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;
import dk.raaderum.target.Fixture.Place;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases of KL's report "Råderum i budgetprocessen", through the API. */
@QuarkusTest
class ReportCasesTest {

    /**
     * Furesø: efficiencies of 25 mio. kr. a year (from 2022), a new target each year with lasting effect, spread
     * evenly over twelve policy areas in whole thousands.
     */
    @Test
    void furesoesTwentyFiveMillionAYearSpreadOverTwelveAreas() {
        Place furesoe = Fixture.at("190", 2085);
        Map<String, Long> budget = new LinkedHashMap<>();
        budget.put("ÆLD", 520_000_000L);
        budget.put("SUN", 180_000_000L);
        budget.put("SOC", 390_000_000L);
        budget.put("DAG", 290_000_000L);
        budget.put("SKO", 460_000_000L);
        budget.put("BOR", 150_000_000L);
        budget.put("BES", 240_000_000L);
        budget.put("KUL", 80_000_000L);
        budget.put("TEK", 95_000_000L);
        budget.put("ADM", 260_000_000L);
        budget.put("TRA", 40_000_000L);
        budget.put("EJD", 110_000_000L);
        long total = budget.values().stream().mapToLong(Long::longValue).sum();
        Fixture.importBudget(furesoe, budget);
        long id = Fixture.createTarget(furesoe, Fixture.amountTarget(furesoe, "ANNUAL_NEW", 25_000_000, 25_000_000,
                25_000_000, 25_000_000));
        JsonPath round = furesoe.asFinance().body(Map.of("key", "UNIFORM", "roundingUnit", 1000,
                        "reason", "Politisk besluttet: 25 mio. kr. i nye effektiviseringer hvert år, ens procent på alle områder"))
                .post(furesoe.base() + "/targets/" + id + "/allocations").then().statusCode(201).extract().jsonPath();

        assertEquals(List.of(25_000_000, 50_000_000, 75_000_000, 100_000_000), round.getList("totals.allocated"));
        assertEquals(12, round.getList("areas").size());
        for (int y = 0; y < 4; y++) {
            long required = 25_000_000L * (y + 1);
            long sum = 0;
            for (String code : budget.keySet()) {
                long amount = amount(round, code, y);
                sum += amount;
                assertEquals(0, amount % 1000, "whole thousands");
                BigDecimal exact = BigDecimal.valueOf(required).multiply(BigDecimal.valueOf(budget.get(code)))
                        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
                assertTrue(exact.subtract(BigDecimal.valueOf(amount)).abs().compareTo(BigDecimal.valueOf(1000)) < 0,
                        code + " " + y + ": " + amount + " vs " + exact);
            }
            assertEquals(required, sum, "exactly the target in year " + y);
        }
        // The same percent everywhere: 25 mio. of 2,815 mio. = 0.89 % in the budget year.
        assertEquals(0.89f, round.getFloat("totals[0].percentOfBudget"));
        assertEquals(0.89f, round.getFloat("areas.find { it.code == 'ÆLD' }.years[0].percentOfBudget"));
        assertEquals(0.89f, round.getFloat("areas.find { it.code == 'TRA' }.years[0].percentOfBudget"));
        assertEquals(3.55f, round.getFloat("areas.find { it.code == 'KUL' }.years[3].percentOfBudget"));
    }

    /**
     * Albertslund: the target set politically, then split administratively by a key that differentiates by the areas'
     * spending against comparable municipalities; day care relieved after the minimum staffing norms.
     */
    @Test
    void albertslundsDifferentiatedKeyWithDayCareRelieved() {
        Place albertslund = Fixture.at("165", 2085);
        Map<String, Long> budget = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        put(budget, index, "ÆLD", 410_000_000L, 112);
        put(budget, index, "SUN", 120_000_000L, 95);
        put(budget, index, "SOC", 330_000_000L, 121);
        put(budget, index, "DAG", 240_000_000L, 104);
        put(budget, index, "SKO", 380_000_000L, 108);
        put(budget, index, "BOR", 170_000_000L, 131);
        put(budget, index, "BES", 260_000_000L, 99);
        put(budget, index, "KUL", 70_000_000L, 88);
        put(budget, index, "TEK", 85_000_000L, 92);
        put(budget, index, "ADM", 210_000_000L, 103);
        Fixture.importBudget(albertslund, budget);
        long id = Fixture.createTarget(albertslund, Fixture.percentTarget(albertslund, "ANNUAL_NEW", "1.0"));
        List<Map<String, Object>> areas = new ArrayList<>();
        index.forEach((code, value) -> {
            Map<String, Object> setting = new LinkedHashMap<>(Map.of("areaCode", code, "spendingIndex", value));
            if (code.equals("DAG")) {
                setting.put("reductionFactor", 0.5);
            }
            areas.add(setting);
        });
        Map<String, Object> request = Map.of("key", "DIFFERENTIATED", "roundingUnit", 1000, "reason",
                "Differentieret efter udgiftsniveau ift. sammenlignelige kommuner; dagtilbud halveret (minimumsnormeringer)",
                "differentiated", Map.of("sensitivity", 1, "floor", 0.5, "cap", 1.5), "areas", areas);
        JsonPath round = albertslund.asFinance().body(request)
                .post(albertslund.base() + "/targets/" + id + "/allocations").then().statusCode(201).extract().jsonPath();

        long target = 2_275_000_000L / 100; // 1 % of the total operating budget, 22,750,000 kr.
        assertEquals(target, round.getLong("totals[0].allocated"));
        BigDecimal weightSum = BigDecimal.ZERO;
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (String code : budget.keySet()) {
            BigDecimal multiplier = BigDecimal.valueOf(index.get(code)).movePointLeft(2).max(new BigDecimal("0.5"))
                    .min(new BigDecimal("1.5"));
            BigDecimal weight = BigDecimal.valueOf(budget.get(code)).multiply(multiplier)
                    .multiply(code.equals("DAG") ? new BigDecimal("0.5") : BigDecimal.ONE);
            weights.put(code, weight);
            weightSum = weightSum.add(weight);
        }
        long sum = 0;
        for (String code : budget.keySet()) {
            long amount = amount(round, code, 0);
            sum += amount;
            BigDecimal exact = BigDecimal.valueOf(target).multiply(weights.get(code)).divide(weightSum, MathContext.DECIMAL128);
            assertTrue(exact.subtract(BigDecimal.valueOf(amount)).abs().compareTo(BigDecimal.valueOf(1000)) < 0,
                    code + ": " + amount + " vs " + exact);
        }
        assertEquals(target, sum);
        assertEquals(1.31f, round.getFloat("areas.find { it.code == 'BOR' }.multiplier"));
        assertEquals(0.88f, round.getFloat("areas.find { it.code == 'KUL' }.multiplier"));
        assertEquals(0.5f, round.getFloat("areas.find { it.code == 'DAG' }.reductionFactor"));
        assertEquals(1.5f, round.getFloat("differentiated.cap"));
        assertTrue(percent(round, "BOR") > percent(round, "ÆLD") && percent(round, "ÆLD") > percent(round, "KUL"),
                "the more expensive an area, the larger its share of its budget");

        // Without the relief day care would carry about twice as much, and every other area a little less.
        List<Map<String, Object>> unrelieved = new ArrayList<>();
        index.forEach((code, value) -> unrelieved.add(Map.of("areaCode", code, "spendingIndex", value)));
        JsonPath preview = albertslund.asFinance().body(Map.of("key", "DIFFERENTIATED", "roundingUnit", 1000,
                        "reason", "uden aflastning", "areas", unrelieved))
                .post(albertslund.base() + "/targets/" + id + "/allocations/preview").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(amount(preview, "DAG", 0) > 1.8 * amount(round, "DAG", 0));
        for (String code : List.of("ÆLD", "SOC", "BOR", "ADM")) {
            assertTrue(amount(preview, code, 0) < amount(round, code, 0), code + " carries the day-care relief");
        }
    }

    /**
     * Varde: 13 areas compared with the 10th cheapest municipality gave a potential of 300 mio. kr., later scaled down
     * to a realistic 80 mio. kr.; the analysis then feeds a DIFFERENTIATED key.
     */
    @Test
    void vardesPotentialOfThreeHundredMillionScaledDownToEighty() {
        Place varde = Fixture.at("573", 2085);
        // code, name, unit label, volume, benchmark (10th cheapest), own cost − benchmark; potential = gap × volume
        Object[][] areas = {
                { "ÆLD", "Ældrepleje", "kr. pr. 65+-årig", 12_000, 52_000, 5_000 },        // 60 mio.
                { "DAG", "Dagtilbud", "kr. pr. 0–5-årig", 3_000, 88_000, 15_000 },         // 45 mio.
                { "SKO", "Folkeskole", "kr. pr. 6–16-årig", 6_400, 71_000, 6_250 },         // 40 mio.
                { "SPE", "Specialundervisning", "kr. pr. 6–16-årig", 7_000, 14_000, 5_000 }, // 35 mio.
                { "HAN", "Voksne handicappede", "kr. pr. 18–64-årig", 30_000, 9_500, 1_000 }, // 30 mio.
                { "BOR", "Udsatte børn og unge", "kr. pr. 0–17-årig", 10_000, 11_000, 2_500 }, // 25 mio.
                { "ADM", "Administration", "kr. pr. indbygger", 50_000, 6_800, 400 },        // 20 mio.
                { "TRA", "Kollektiv trafik", "kr. pr. indbygger", 50_000, 900, 300 },         // 15 mio.
                { "SUN", "Sundhed", "kr. pr. indbygger", 50_000, 5_200, 240 },               // 12 mio.
                { "BES", "Beskæftigelse", "kr. pr. 16–66-årig", 32_000, 3_100, 250 },         // 8 mio.
                { "KUL", "Kultur", "kr. pr. indbygger", 50_000, 1_400, 120 },                 // 6 mio.
                { "VEJ", "Veje", "kr. pr. indbygger", 50_000, 1_100, 80 },                    // 4 mio.
                { "MIL", "Miljø", "kr. pr. indbygger", 50_000, 300, -50 } };                  // cheaper: 0
        List<Map<String, Object>> areaInputs = new ArrayList<>();
        for (Object[] a : areas) {
            areaInputs.add(Map.of("code", a[0], "name", a[1], "unitLabel", a[2], "volume", a[3],
                    "ownUnitCost", (Integer) a[4] + (Integer) a[5]));
        }
        long analysis = varde.asFinance().body(Map.of("name", "Potentialepakker", "budgetYear", varde.budgetYear(),
                        "rank", 10, "realism", Map.of("kind", "CAP", "cap", 80_000_000), "areas", areaInputs))
                .post(varde.base() + "/potential-analyses").then().statusCode(201)
                .body("complete", equalTo(false)).extract().jsonPath().getLong("id");

        // The comparison set: 30 municipalities, one line each, a column per area (the wide layout), plus Varde itself.
        List<String> codes = Municipalities.all().stream().map(Municipality::code).filter(c -> !c.equals("573"))
                .limit(30).toList();
        StringBuilder csv = new StringBuilder("kommune");
        for (Object[] a : areas) {
            csv.append(';').append(a[0]);
        }
        csv.append("\r\n");
        for (int k = 0; k < codes.size(); k++) {
            csv.append(codes.get(k));
            for (Object[] a : areas) {
                int benchmark = (Integer) a[4];
                csv.append(';').append(benchmark + (k - 9) * Math.max(1, benchmark / 100));
            }
            csv.append("\r\n");
        }
        csv.append("573;1;1;1;1;1;1;1;1;1;1;1;1;1\r\n");
        JsonPath result = given().auth().oauth2(varde.finance()).header("If-Match", "\"0\"").contentType("text/csv; charset=UTF-8")
                .body(csv.toString()).put(varde.base() + "/potential-analyses/" + analysis + "/comparisons")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(true, result.getBoolean("complete"));
        assertEquals(390, result.getInt("comparisonCount"), "Varde's own line is skipped");
        assertEquals(300_000_000L, result.getLong("totalPotential"));
        assertEquals(80_000_000L, result.getLong("realisticTotal"));
        assertEquals(0.2667f, result.getFloat("scaleFactor"));
        assertEquals(List.of("ÆLD", "DAG", "SKO", "SPE", "HAN", "BOR", "ADM", "TRA", "SUN", "BES", "KUL", "VEJ", "MIL"),
                result.getList("areas.code"), "ranked by potential");
        assertEquals(52_000, result.getInt("areas[0].benchmarkUnitCost"));
        assertEquals(60_000_000L, result.getLong("areas[0].potential"));
        assertEquals(16_000_000L, result.getLong("areas[0].realisticPotential"));
        long realisticSum = 0;
        for (int i = 0; i < areas.length; i++) {
            long potential = result.getLong("areas[" + i + "].potential");
            long realistic = result.getLong("areas[" + i + "].realisticPotential");
            realisticSum += realistic;
            BigDecimal exact = BigDecimal.valueOf(potential).multiply(BigDecimal.valueOf(80))
                    .divide(BigDecimal.valueOf(300), MathContext.DECIMAL128);
            assertTrue(exact.subtract(BigDecimal.valueOf(realistic)).abs().compareTo(BigDecimal.ONE) < 0,
                    result.getString("areas[" + i + "].code") + ": " + realistic + " vs " + exact);
        }
        assertEquals(80_000_000L, realisticSum, "the realistic potentials sum exactly to 80 mio. kr.");
        assertEquals(0L, result.getLong("areas[12].potential"));
        assertEquals(1, result.getInt("areas[12].ownPosition"), "Miljø is cheaper than all comparison municipalities");

        String ranked = given().auth().oauth2(varde.politician()).accept("text/csv")
                .get(varde.base() + "/potential-analyses/" + analysis).then().statusCode(200).extract().asString();
        assertTrue(ranked.contains("1;ÆLD;Ældrepleje;kr. pr. 65+-årig;12000,0000;57000;52000;30;"), ranked);
        assertTrue(ranked.contains(";I ALT;") && ranked.contains(";300000000;80000000;"), ranked);

        // The analysis as the input of a DIFFERENTIATED key: ÆLD spends 57,000 / 52,000 = 109.62 % of the benchmark.
        Map<String, Long> budget = new LinkedHashMap<>();
        budget.put("ÆLD", 640_000_000L);
        budget.put("DAG", 265_000_000L);
        budget.put("MIL", 40_000_000L);
        budget.put("ØKO", 20_000_000L);
        Fixture.register(varde, budget.keySet()); // Varde has a register (the demo data's): these areas are in it
        Fixture.importBudget(varde, budget);
        long target = Fixture.createTarget(varde, Fixture.amountTarget(varde, "ANNUAL_NEW", 9_000_000));
        JsonPath round = varde.asFinance().body(Map.of("key", "DIFFERENTIATED", "reason", "Efter potentialepakkerne",
                        "differentiated", Map.of("potentialAnalysisId", analysis)))
                .post(varde.base() + "/targets/" + target + "/allocations").then().statusCode(201).extract().jsonPath();
        assertEquals("POTENTIAL_ANALYSIS", round.getString("differentiated.source"));
        assertEquals(109.62f, round.getFloat("areas.find { it.code == 'ÆLD' }.spendingIndex"));
        assertEquals(117.05f, round.getFloat("areas.find { it.code == 'DAG' }.spendingIndex"));
        assertEquals(100f, round.getFloat("areas.find { it.code == 'ØKO' }.spendingIndex"), "not analysed: neutral");
        long sum = 0;
        for (String code : budget.keySet()) {
            sum += amount(round, code, 0);
        }
        assertEquals(9_000_000L, sum);
    }

    private static void put(Map<String, Long> budget, Map<String, Integer> index, String code, long amount, int value) {
        budget.put(code, amount);
        index.put(code, value);
    }

    private static long amount(JsonPath round, String area, int year) {
        return round.getLong("areas.find { it.code == '" + area + "' }.years[" + year + "].amount");
    }

    private static float percent(JsonPath round, String area) {
        return round.getFloat("areas.find { it.code == '" + area + "' }.years[0].percentOfBudget");
    }
}
