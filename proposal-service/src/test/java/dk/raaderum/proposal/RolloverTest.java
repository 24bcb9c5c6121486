package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.AREAS;
import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.move;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestEvents;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** The next budget year's catalog made from an existing one: preview, rollover, its refusals. */
@QuarkusTest
class RolloverTest {

    private static final String M = "217";
    private static final String OTHER = "219";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String rollover(long catalogId) {
        return base(M) + "/catalogs/" + catalogId + "/rollover";
    }

    /** Titles that do not resemble each other (the karensperiode's similarity must not join them). */
    private static String title(Random random) {
        StringBuilder title = new StringBuilder();
        for (int word = 0; word < 3; word++) {
            for (int letter = 0; letter < 7; letter++) {
                title.append((char) ('a' + random.nextInt(26)));
            }
            title.append(word < 2 ? " " : "");
        }
        return title.toString();
    }

    /*
     * 200 proposals over the four areas (i % 4); by i % 10: 0 adopted, 1 presented and rejected by the agreement,
     * 2 withdrawn, 3 submitted, 4 qualified, the rest drafts. Proposal i has net change -(i+1) × (1000, 2000, 3000, 4000).
     * Carried: 200 − 20 adopted − 20 withdrawn = 160, the 20 rejected held back by the karensperiode until 2061.
     */
    @Test
    void aCatalogOf200ProposalsRollsOverInOneCallWithLineageMovedAmountsAndKarensFlags() throws Exception {
        int year = 2060;
        long old = createCatalog(M, year);
        Random random = new Random(year);
        List<Long> ids = new ArrayList<>();
        List<Long> adopted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long k = i + 1;
            String area = (String) AREAS.get(i % 4).get("code");
            long id = createProposal(M, old, proposal(area, "EFFICIENCY", title(random), year, -1_000 * k, -2_000 * k,
                    -3_000 * k, -4_000 * k));
            ids.add(id);
            switch (i % 10) {
                case 0 -> {
                    advance(M, id, "SUBMIT", "QUALIFY", "PRESENT");
                    adopted.add(id);
                }
                case 1 -> advance(M, id, "SUBMIT", "QUALIFY", "PRESENT");
                case 2 -> advance(M, id, "WITHDRAW");
                case 3 -> advance(M, id, "SUBMIT");
                case 4 -> advance(M, id, "SUBMIT", "QUALIFY");
                default -> {
                }
            }
        }
        adopt(M, old, adopted).statusCode(200);
        JsonPath oldList = as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + old + "/proposals?size=500").then()
                .statusCode(200).extract().jsonPath();
        Map<Long, String> oldNumbers = new HashMap<>();
        for (Map<String, Object> p : oldList.<Map<String, Object>>getList("items")) {
            oldNumbers.put(((Number) p.get("id")).longValue(), (String) p.get("number"));
        }

        long previewStarted = System.nanoTime();
        as(Users.financeOfficer(M)).get(rollover(old)).then().statusCode(200).body("carriedCount", equalTo(160));
        System.out.println("Preview of 200 proposals took " + (System.nanoTime() - previewStarted) / 1_000_000 + " ms");
        long started = System.nanoTime();
        var response = as(Users.financeOfficer(M)).post(rollover(old)).then();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Rollover of 200 proposals (160 carried) took " + millis + " ms");
        JsonPath result = response.statusCode(201).extract().jsonPath();
        long created = result.getLong("catalog.id");
        response.header("Location", endsWith(base(M) + "/catalogs/" + created));
        assertTrue(millis < 60_000, "rolled over in " + millis + " ms");
        assertEquals(year + 1, result.getInt("catalog.budgetYear"));
        assertEquals(List.of(2061, 2062, 2063, 2064), result.getList("catalog.years", Integer.class));
        assertEquals("Katalog 2061", result.getString("catalog.title"));
        assertEquals(List.of("DAG", "SKO", "TEK", "ÆLD"), result.getList("catalog.areas.code", String.class));
        assertEquals(160, result.getInt("carriedCount"));
        assertEquals(20, result.getInt("karensBlockedCount"));
        assertEquals(40, result.getList("notCarried").size());
        assertEquals(20, result.getList("notCarried.findAll { it.reason == 'ADOPTED' }").size());
        assertEquals(20, result.getList("notCarried.findAll { it.reason == 'WITHDRAWN' }").size());

        List<Map<String, Object>> carried = result.getList("carried");
        assertEquals(160, carried.size());
        Map<String, List<Map<String, Object>>> byArea = carried.stream()
                .collect(Collectors.groupingBy(c -> (String) c.get("areaCode")));
        for (var area : byArea.entrySet()) {
            List<Map<String, Object>> inOrder = area.getValue().stream()
                    .sorted(Comparator.comparing(c -> (String) c.get("number"))).toList();
            for (int n = 0; n < inOrder.size(); n++) {
                assertEquals(String.format("%s-%02d", area.getKey(), n + 1), inOrder.get(n).get("number"));
                if (n > 0) {
                    assertTrue(number(inOrder.get(n - 1).get("fromNumber")) < number(inOrder.get(n).get("fromNumber")),
                            "numbered in the old order: " + inOrder);
                }
            }
        }
        for (Map<String, Object> c : carried) {
            assertCarried(c, ids, oldNumbers);
        }
        assertEquals(160, as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + created + "/summary").then()
                .statusCode(200).extract().jsonPath().getInt("statusCounts.DRAFT"));

        JsonNode event = JSON.readTree(KafkaTopics.await("catalog.changed", r -> String.valueOf(created).equals(r.key()),
                1, Duration.ofSeconds(30)).get(0).value());
        assertEquals(year + 1, event.get("data").get("budgetYear").asInt());
        assertEquals("OPEN", event.get("data").get("status").asText());
        assertEquals(4, event.get("data").get("areaCodes").size());
    }

    /** One carried proposal: its successor as stored (GET), amounts moved, lineage, DRAFT, karensperiode flag. */
    private static void assertCarried(Map<String, Object> c, List<Long> ids, Map<Long, String> oldNumbers) {
        long fromId = ((Number) c.get("fromId")).longValue();
        int i = ids.indexOf(fromId);
        long k = i + 1;
        assertEquals(oldNumbers.get(fromId), c.get("fromNumber"));
        String status = switch (i % 10) {
            case 1 -> "REJECTED";
            case 3 -> "SUBMITTED";
            case 4 -> "QUALIFIED";
            default -> "DRAFT";
        };
        assertEquals(status, c.get("fromStatus"));
        @SuppressWarnings("unchecked")
        Map<String, Object> karens = (Map<String, Object>) c.get("karensperiode");
        assertEquals(i % 10 == 1, karens.get("blocked"), "karensperiode of " + c);
        if (i % 10 == 1) {
            assertEquals(2061, karens.get("untilYear"));
            assertEquals("lineage", karens.get("match"));
        }
        JsonPath successor = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + c.get("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(c.get("number"), successor.getString("number"));
        assertEquals("DRAFT", successor.getString("status"));
        assertEquals(fromId, successor.getLong("predecessor.id"));
        assertEquals(2060, successor.getInt("predecessor.budgetYear"));
        assertEquals(List.of(2061, 2062, 2063, 2064), successor.getList("years.year", Integer.class));
        assertEquals(List.of(-2_000 * k, -3_000 * k, -4_000 * k, -4_000 * k),
                successor.getList("years.netChange", Long.class), "the window slid one year for " + c);
        assertEquals(-13_000 * k, ((Number) c.get("netTotal")).longValue());
    }

    private static int number(Object number) {
        String text = (String) number;
        return Integer.parseInt(text.substring(text.indexOf('-') + 1));
    }

    @Test
    void thePreviewShowsWhatWillBeCarriedAndWhyNotWithoutWritingAndThePostDoesExactlyThat() {
        int year = 2070;
        long old = createCatalog(M, year);
        long draft = createProposal(M, old, proposal("ÆLD", "EFFICIENCY", "Videobesøg i hjemmeplejen", year, -10, -20, -30, -40));
        long rejected = createProposal(M, old, proposal("SKO", "SAVING", "Større klasser i udskolingen", year, -5, -5, -5, -5));
        advance(M, rejected, "SUBMIT", "QUALIFY", "PRESENT", "REJECT");
        long presented = createProposal(M, old, proposal("DAG", "EXPANSION", "Flere pædagoger i vuggestuer", year, 7, 8, 9, 9));
        advance(M, presented, "SUBMIT", "QUALIFY", "PRESENT");
        long adopted = createProposal(M, old, proposal("TEK", "EFFICIENCY", "Fælles indkøb af vejsalt", year, -1, -1, -1, -1));
        advance(M, adopted, "SUBMIT", "QUALIFY", "PRESENT", "ADOPT");
        long withdrawn = createProposal(M, old, proposal("TEK", "EFFICIENCY", "Solceller på rådhusets tag", year, -3, -3, -3, -3));
        advance(M, withdrawn, "WITHDRAW");
        long oneYear = createProposal(M, old, proposal("ÆLD", "SAVING", "Engangsbesparelse på kørsel", year, -500, 0, 0, 0));
        long costUpFront = createProposal(M, old, investment("SKO", "Nye tavler med lavere strømforbrug", year,
                new long[] { 1_000, 0, 0, 0 }, new long[] { 0, 400, 400, 400 }));

        JsonPath preview = as(Users.financeOfficer(M)).get(rollover(old)).then().statusCode(200).extract().jsonPath();
        assertEquals(year + 1, preview.getInt("budgetYear"));
        assertEquals(List.of(2071, 2072, 2073, 2074), preview.getList("years", Integer.class));
        assertNull(preview.get("existingCatalog"));
        assertEquals(List.of(draft, rejected, presented), preview.getList("carried.fromId", Long.class).stream()
                .sorted().toList());
        Map<String, Object> moved = carriedFrom(preview, draft);
        assertEquals("ÆLD-01", moved.get("number"));
        assertNull(moved.get("id"));
        assertEquals(List.of(-20, -30, -40, -40), amounts(moved));
        assertEquals(false, karens(moved).get("blocked"));
        assertEquals(List.of(8, 9, 9, 9), amounts(carriedFrom(preview, presented)));
        for (long blocked : List.of(rejected, presented)) {
            Map<String, Object> flag = karens(carriedFrom(preview, blocked));
            assertEquals(true, flag.get("blocked"));
            assertEquals(2071, flag.get("untilYear"));
            assertEquals(blocked, ((Number) ((Map<?, ?>) flag.get("earlier")).get("id")).longValue());
        }
        assertEquals("ADOPTED", notCarried(preview, adopted).get("reason"));
        assertEquals("WITHDRAWN", notCarried(preview, withdrawn).get("reason"));
        assertEquals("BREAKS_RULE", notCarried(preview, oneYear).get("reason"));
        assertEquals("creates-room", notCarried(preview, oneYear).get("rule"));
        assertEquals("investment-profile", notCarried(preview, costUpFront).get("rule"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs").then().body("budgetYear", not(hasItem(year + 1)));

        JsonPath chosen = as(Users.financeOfficer(M)).get(rollover(old) + "?proposalIds=" + draft + "," + withdrawn
                + "&includeWithdrawn=true").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(draft, withdrawn), chosen.getList("carried.fromId", Long.class).stream().sorted().toList());
        assertEquals("NOT_CHOSEN", notCarried(chosen, rejected).get("reason"));

        JsonPath result = as(Users.financeOfficer(M)).post(rollover(old)).then().statusCode(201).extract().jsonPath();
        assertEquals(preview.getList("carried.number"), result.getList("carried.number"));
        assertEquals(preview.getList("carried.fromId"), result.getList("carried.fromId"));
        assertEquals(preview.getList("carried.karensperiode"), result.getList("carried.karensperiode"));
        assertEquals(preview.getList("notCarried"), result.getList("notCarried"));

        // the flag is the karensperiode's own verdict: presenting the rejected proposal's successor is refused
        long successor = ((Number) carriedFrom(result, rejected).get("id")).longValue();
        advance(M, successor, "SUBMIT", "QUALIFY");
        assertProblem(move(Users.financeOfficer(M), M, successor, "PRESENT"), 409, "karensperiode")
                .body("earlierProposal.id", equalTo((int) rejected))
                .body("untilYear", equalTo(2071));
        long unblocked = ((Number) carriedFrom(result, draft).get("id")).longValue();
        advance(M, unblocked, "SUBMIT", "QUALIFY", "PRESENT");
    }

    /*
     * Struer (its own register of policy areas): TEK is retired and ÆLD renamed after the 2090 catalog was adopted with
     * the old names. The preview says TEK is left out with its two proposals; the POST does exactly that (before, it
     * was 422 area-not-in-register with no warning in the preview), and the new catalog takes the register's names.
     */
    @Test
    void aRetiredAreaIsLeftOutWithItsProposalsAsThePreviewSaysAndRenamedAreasTakeTheRegistersName() {
        String m = "671";
        String finance = Users.financeOfficer(m);
        int year = 2090;
        long old = createCatalog(m, year);
        long aeld = createProposal(m, old, proposal("ÆLD", "EFFICIENCY", "Videobesøg i hjemmeplejen", year, -10, -20, -30, -40));
        long tekDraft = createProposal(m, old, proposal("TEK", "EFFICIENCY", "Fælles indkøb af vejsalt", year, -1, -2, -3, -4));
        long tekSubmitted = createProposal(m, old, proposal("TEK", "EFFICIENCY", "Solceller på rådhusets tag", year, -3, -3, -3, -3));
        advance(m, tekSubmitted, "SUBMIT");
        adopt(m, old, List.of()).statusCode(200);
        TestEvents.send(Events.POLICY_AREA_CHANGED, m, m, new PolicyAreasChangedV1(1, List.of(
                new RegisteredArea("ÆLD", "Ældre og sundhed", 5, "Social- og Sundhedsudvalget", true),
                new RegisteredArea("SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget", true),
                new RegisteredArea("DAG", "Dagtilbud", 5, "Børne- og Skoleudvalget", true),
                new RegisteredArea("TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget", false)), Instant.now()),
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(finance).get(base(m) + "/catalogs/" + old).then()
                .body("warnings.code", equalTo(List.of("area-not-in-register"))));

        JsonPath preview = as(finance).get(base(m) + "/catalogs/" + old + "/rollover").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("area-retired"), preview.getList("warnings.code"));
        assertThat(preview.getString("warnings[0].message"), allOf(containsString("TEK"),
                containsString("leaves this area out of the 2091 catalog"), containsString("its 2 proposal(s)"),
                containsString("AREA_RETIRED")));
        assertEquals(List.of(Map.of("code", "TEK", "name", "Teknik og miljø", "reason", "AREA_RETIRED",
                "proposalsNotCarried", 2)), preview.getList("leftOutAreas"));
        assertEquals(List.of("DAG", "SKO", "ÆLD"), preview.getList("areas.code"));
        assertEquals("Ældre og sundhed", preview.getString("areas.find { it.code == 'ÆLD' }.name"));
        assertEquals(List.of(aeld), preview.getList("carried.fromId", Long.class));
        for (long tek : List.of(tekDraft, tekSubmitted)) {
            assertEquals("AREA_RETIRED", notCarried(preview, tek).get("reason"));
            assertEquals("TEK", notCarried(preview, tek).get("areaCode"));
        }
        assertProblem(as(finance).get(base(m) + "/catalogs/" + old + "/rollover?proposalIds=" + tekDraft).then(), 422,
                "business-rule").body("rule", equalTo("rollover-proposals"))
                .body("errors[0].message", containsString("AREA_RETIRED"));

        JsonPath result = as(finance).post(base(m) + "/catalogs/" + old + "/rollover").then().statusCode(201).extract()
                .jsonPath();
        assertEquals(preview.getList("carried.fromId"), result.getList("carried.fromId"));
        assertEquals(preview.getList("notCarried"), result.getList("notCarried"));
        assertEquals(preview.getList("leftOutAreas"), result.getList("leftOutAreas"));
        assertEquals(preview.getList("warnings"), result.getList("warnings"));
        assertEquals(preview.getList("areas"), result.getList("catalog.areas"));
        assertEquals(List.of(), result.getList("catalog.warnings"));
        long created = result.getLong("catalog.id");
        assertEquals(Map.of("id", (int) old, "budgetYear", year, "title", "Katalog " + year, "href",
                base(m) + "/catalogs/" + old), result.getMap("catalog.rolledOverFrom"));
        as(finance).get(base(m) + "/catalogs/" + old).then().statusCode(200)
                .body("rolledOverTo.id", equalTo((int) created))
                .body("rolledOverTo.href", equalTo(base(m) + "/catalogs/" + created))
                .body("rolledOverFrom", nullValue())
                .body("areas.find { it.code == 'ÆLD' }.name", equalTo("Ældreområdet"));
        as(finance).get(base(m) + "/catalogs").then().statusCode(200)
                .body("find { it.id == " + created + " }.rolledOverFrom.id", equalTo((int) old))
                .body("find { it.id == " + old + " }.rolledOverTo.id", equalTo((int) created));
    }

    @Test
    void aRolloverIntoAYearThatHasACatalogIsAConflictNamingIt() {
        long old = createCatalog(M, 2080);
        createProposal(M, old, proposal("ÆLD", "EFFICIENCY", "Digital post til borgerne", 2080, -1, -1, -1, -1));
        long existing = createCatalog(M, 2081);
        assertProblem(as(Users.financeOfficer(M)).post(rollover(old)).then(), 409, "conflict")
                .body("existingCatalog.id", equalTo((int) existing))
                .body("existingCatalog.budgetYear", equalTo(2081))
                .body("existingCatalog.href", equalTo(base(M) + "/catalogs/" + existing));
        as(Users.financeOfficer(M)).get(rollover(old)).then().statusCode(200)
                .body("existingCatalog.id", equalTo((int) existing))
                .body("carriedCount", equalTo(1));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + existing + "/proposals").then().body("items", hasSize(0));
    }

    @Test
    void anotherMunicipalitysCatalogCannotBeRolledOverOrPreviewed() {
        long old = createCatalog(M, 2090);
        createProposal(M, old, proposal("ÆLD", "EFFICIENCY", "Færre kommunale biler", 2090, -1, -1, -1, -1));
        assertProblem(as(Users.financeOfficer(OTHER)).post(rollover(old)).then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer(OTHER)).get(rollover(old)).then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer(OTHER)).post(base(OTHER) + "/catalogs/" + old + "/rollover").then(), 404,
                "not-found");
        assertProblem(as(Users.politician(M, "Venstre")).post(rollover(old)).then(), 403, "forbidden");
        assertProblem(as(Users.programOwner(M)).get(rollover(old)).then(), 403, "forbidden");
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs").then().body("budgetYear", not(hasItem(2091)));
    }

    @Test
    void chosenIdsAreCheckedEveryOneAndNothingIsWrittenWhenOneIsWrong() {
        int year = 2095;
        long old = createCatalog(M, year);
        long kept = createProposal(M, old, proposal("ÆLD", "EFFICIENCY", "Nyt bookingsystem", year, -1, -1, -1, -1));
        long withdrawn = createProposal(M, old, proposal("SKO", "EFFICIENCY", "Samlæsning af hold", year, -1, -1, -1, -1));
        advance(M, withdrawn, "WITHDRAW");
        long adopted = createProposal(M, old, proposal("TEK", "EFFICIENCY", "Færre vejlys om natten", year, -1, -1, -1, -1));
        advance(M, adopted, "SUBMIT", "QUALIFY", "PRESENT", "ADOPT");
        long elsewhere = createProposal(M, createCatalog(M, year + 2),
                proposal("ÆLD", "EFFICIENCY", "Andet katalog", year + 2, -1, -1, -1, -1));

        assertProblem(as(Users.financeOfficer(M)).body(Map.of("proposalIds", List.of(kept, 987_654_321L, elsewhere,
                adopted, withdrawn))).post(rollover(old)).then(), 422, "business-rule")
                .body("rule", equalTo("rollover-proposals"))
                .body("errors", hasSize(4))
                .body("errors.message", hasItem("987654321 is not a proposal of catalog " + old))
                .body("errors.message", hasItem(elsewhere + " is not a proposal of catalog " + old))
                .body("errors.message", hasItem(startsWith(adopted + " (TEK-01) cannot be carried: ADOPTED")))
                .body("errors.message", hasItem(startsWith(withdrawn + " (SKO-01) cannot be carried: WITHDRAWN")));
        assertProblem(as(Users.financeOfficer(M)).get(rollover(old) + "?proposalIds=" + kept + ",987654321").then(), 422,
                "business-rule").body("errors", hasSize(1));
        assertProblem(as(Users.financeOfficer(M)).get(rollover(old) + "?proposalIds=abc").then(), 400, "validation")
                .body("errors.field", hasItem("proposalIds"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("title", " ")).post(rollover(old)).then(), 400, "validation")
                .body("errors.field", hasItem("title"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("proposalIds", List.of("x"))).post(rollover(old)).then(),
                400, "validation");
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs").then().body("budgetYear", not(hasItem(year + 1)));

        JsonPath result = as(Users.financeOfficer(M)).body(Map.of("proposalIds", List.of(kept, withdrawn),
                "includeWithdrawn", true, "title", "Udvalgte forslag")).post(rollover(old)).then().statusCode(201)
                .extract().jsonPath();
        assertEquals("Udvalgte forslag", result.getString("catalog.title"));
        assertEquals(List.of(kept, withdrawn), result.getList("carried.fromId", Long.class).stream().sorted().toList());
    }

    private static Map<String, Object> carriedFrom(JsonPath plan, long fromId) {
        return plan.getMap("carried.find { it.fromId == " + fromId + " }");
    }

    private static Map<String, Object> notCarried(JsonPath plan, long id) {
        return plan.getMap("notCarried.find { it.id == " + id + " }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> karens(Map<String, Object> carried) {
        return (Map<String, Object>) carried.get("karensperiode");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> amounts(Map<String, Object> carried) {
        return ((List<Map<String, Object>>) carried.get("netChange")).stream().map(y -> (Integer) y.get("amount")).toList();
    }
}
