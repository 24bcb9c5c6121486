package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static dk.raaderum.proposal.support.Api.years;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A proposal's content history, corrections after presentation, and what changed in a catalog since one last looked. */
@QuarkusTest
class ProposalHistoryTest {

    private static final String M = "157";
    private static final String OTHER = "167";
    private static final AtomicInteger YEAR = new AtomicInteger(2060);
    private static final String REASON = "Beløbet i andet år var tastet med et nul for meget";

    private static Map<String, Object> efficiency(int year, String title) {
        return proposal("ÆLD", "EFFICIENCY", title, year, -100_000, -200_000, -200_000, -200_000);
    }

    private static String path(long id) {
        return base(M) + "/proposals/" + id;
    }

    private static long version(long id) {
        return as(Users.financeOfficer(M)).get(path(id)).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    private static JsonPath history(String token, long id, String query) {
        return as(token).get(path(id) + "/history" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The change of one field in a history entry's changes, as {from, to}. */
    private static List<String> change(JsonPath history, int entry, String field) {
        Map<String, String> change = history.getMap("items[" + entry + "].changes.find { it.field == '" + field + "' }");
        return change == null ? null : java.util.Arrays.asList(change.get("from"), change.get("to"));
    }

    @Test
    void editsAreKeptWithWhoWhenAndEveryFieldsOldAndNewValueNewestFirst() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        Map<String, Object> body = efficiency(year, "Videobesøg");
        long id = createProposal(M, catalog, body);

        body.put("title", "Videobesøg i hjemmeplejen");
        body.put("operatingChange", years(year, -100_000, -250_000, -200_000, -200_000));
        body.put("uncertainty", "HIGH");
        body.put("staffChange", List.of(Map.of("year", year, "fte", -1.5)));
        body.put("version", version(id));
        as(Users.financeOfficer(M)).body(body).put(path(id)).then().statusCode(200);
        body.put("version", version(id));
        as(Users.financeOfficer(M)).body(body).put(path(id)).then().statusCode(200);

        JsonPath history = history(Users.financeOfficer(M), id, "");
        assertEquals(2, history.getInt("total"), "the PUT that changed nothing recorded nothing");
        assertEquals("EDIT", history.getString("items[0].kind"));
        assertEquals("Finans " + M, history.getString("items[0].actor"));
        assertEquals(UUID.nameUUIDFromBytes(("fo-" + M).getBytes()).toString(), history.getString("items[0].actorId"),
                "the token subject");
        assertEquals("finance-officer", history.getString("items[0].role"));
        assertEquals("DRAFT", history.getString("items[0].status"));
        assertEquals(4, history.getList("items[0].changes").size());
        assertEquals(List.of("Videobesøg", "Videobesøg i hjemmeplejen"), change(history, 0, "title"));
        assertEquals(List.of("-200000", "-250000"), change(history, 0, "years." + (year + 1) + ".netChange"));
        assertEquals(java.util.Arrays.asList(null, "-1.5"), change(history, 0, "years." + year + ".fteChange"));
        assertEquals(List.of("MEDIUM", "HIGH"), change(history, 0, "uncertainty"));
        assertEquals("CREATED", history.getString("items[1].kind"));
        assertEquals("Oprettet", history.getString("items[1].comment"));
        assertEquals(java.util.Arrays.asList(null, "Videobesøg"), change(history, 1, "title"));
        assertEquals(java.util.Arrays.asList(null, "-100000"), change(history, 1, "years." + year + ".netChange"));

        advance(M, id, "SUBMIT");
        JsonPath newest = history(Users.financeOfficer(M), id, "?page=0&size=1");
        assertEquals(3, newest.getInt("total"));
        assertEquals(1, newest.getList("items").size());
        assertEquals("TRANSITION", newest.getString("items[0].kind"));
        assertEquals("DRAFT", newest.getString("items[0].from"));
        assertEquals("SUBMITTED", newest.getString("items[0].to"));
        assertEquals("CREATED", history(Users.financeOfficer(M), id, "?page=2&size=1").getString("items[0].kind"));
    }

    @Test
    void aFinanceOfficerCorrectsAPresentedProposalWithAReasonThatEveryoneSees() throws IOException {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        Map<String, Object> body = efficiency(year, "Færre kørselstimer");
        long id = presented(M, catalog, body);
        body.put("operatingChange", years(year, -100_000, -2_000_000, -200_000, -200_000));
        String venstre = Users.politician(M, "Venstre");

        body.put("version", version(id));
        assertProblem(as(Users.financeOfficer(M)).body(body).put(path(id)).then(), 422, "correction-reason-required")
                .body("errors[0].field", equalTo("correctionReason"));
        body.put("correctionReason", REASON);
        assertProblem(as(venstre).body(body).put(path(id)).then(), 403, "forbidden");
        body.remove("version");
        assertProblem(as(Users.financeOfficer(M)).body(body).put(path(id)).then(), 428, "precondition-required");
        as(Users.financeOfficer(M)).get(path(id)).then().body("years[1].netChange", equalTo(-200_000))
                .body("corrections", hasSize(0));

        as(Users.financeOfficer(M)).header("If-Match", "\"" + version(id) + "\"").body(body).put(path(id)).then()
                .statusCode(200)
                .body("status", equalTo("PRESENTED"))
                .body("years[1].netChange", equalTo(-2_000_000));
        as(venstre).get(path(id)).then().statusCode(200)
                .body("corrections", hasSize(1))
                .body("corrections[0].by", equalTo("Finans " + M))
                .body("corrections[0].reason", equalTo(REASON))
                .body("corrections[0].fields", equalTo(List.of("years." + (year + 1) + ".netChange")));

        JsonPath history = history(venstre, id, "");
        assertEquals("CORRECTION", history.getString("items[0].kind"));
        assertEquals(REASON, history.getString("items[0].comment"));
        assertEquals("PRESENTED", history.getString("items[0].status"));
        assertEquals(List.of("-200000", "-2000000"), change(history, 0, "years." + (year + 1) + ".netChange"));

        List<ConsumerRecord<String, String>> events = KafkaTopics.await("proposal.corrected",
                r -> String.valueOf(id).equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        JsonNode event = new ObjectMapper().readTree(events.get(0).value());
        assertEquals("dk.raaderum.proposal.corrected.v1", event.get("type").asText());
        assertEquals("PRESENTED", event.get("data").get("fromStatus").asText());
        assertEquals("PRESENTED", event.get("data").get("toStatus").asText());
        assertEquals(REASON, event.get("data").get("comment").asText());
        assertEquals(-2_000_000, event.get("data").get("netChange").get(1).get("amount").asLong());

        adopt(M, catalog, List.of(id)).statusCode(200);
        body.put("version", version(id));
        assertProblem(as(Users.financeOfficer(M)).body(body).put(path(id)).then(), 409, "invalid-transition");
    }

    @Test
    void aPresentedProposalIsCorrectedWhileTheCatalogIsLockedButDraftsAreNotEdited() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        Map<String, Object> presentedBody = efficiency(year, "Låst men rettet");
        long id = presented(M, catalog, presentedBody);
        Map<String, Object> draftBody = efficiency(year, "Låst kladde");
        long draft = createProposal(M, catalog, draftBody);
        as(Users.financeOfficer(M)).post(base(M) + "/catalogs/" + catalog + "/lock").then().statusCode(200);

        draftBody.put("title", "Ændret under forhandlingerne");
        draftBody.put("version", version(draft));
        assertProblem(as(Users.financeOfficer(M)).body(draftBody).put(path(draft)).then(), 409, "catalog-closed");
        presentedBody.put("serviceConsequences", "Borgerne får videobesøg i stedet for besøg");
        presentedBody.put("correctionReason", "Konsekvenserne manglede i det fremlagte forslag");
        presentedBody.put("version", version(id));
        as(Users.financeOfficer(M)).body(presentedBody).put(path(id)).then().statusCode(200)
                .body("corrections[0].fields", equalTo(List.of("serviceConsequences")));
    }

    @Test
    void theHistoryIsReadByWhoeverMayReadTheProposal() {
        int year = YEAR.addAndGet(2);
        long id = createProposal(M, createCatalog(M, year), efficiency(year, "Fælles indkøb"));
        history(Users.financeOfficer(M), id, "");
        assertProblem(as(Users.politician(M, "Venstre")).get(path(id) + "/history").then(), 404, "not-found");
        assertProblem(as(Users.klCurator()).get(path(id) + "/history").then(), 404, "not-found");
        assertProblem(as(Users.financeOfficer(OTHER)).get(path(id) + "/history").then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer(OTHER)).get(base(OTHER) + "/proposals/" + id + "/history").then(), 404,
                "not-found");

        advance(M, id, "SUBMIT", "QUALIFY", "PRESENT");
        assertEquals("TRANSITION", history(Users.politician(M, "Venstre"), id, "").getString("items[0].kind"));
        assertEquals("PRESENTED", history(Users.klCurator(), id, "").getString("items[0].to"));
    }

    @Test
    void aPoliticianSeesWhatChangedSinceTheyLastLooked() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        String changes = base(M) + "/catalogs/" + catalog + "/changes";
        String seen = base(M) + "/catalogs/" + catalog + "/seen";
        Map<String, Object> corrected = efficiency(year, "Digital post");
        long a = presented(M, catalog, corrected);
        long b = presented(M, catalog, efficiency(year, "Fælles vagtplan"));
        Map<String, Object> draft = efficiency(year, "Endnu ikke fremlagt");
        long c = createProposal(M, catalog, draft);
        String venstre = Users.politician(M, "Venstre");

        String seenAt = as(venstre).post(seen).then().statusCode(200).body("catalogId", equalTo((int) catalog))
                .extract().jsonPath().getString("seenAt");
        as(venstre).get(changes).then().statusCode(200).body("proposals", hasSize(0));

        corrected.put("operatingChange", years(year, -150_000, -200_000, -200_000, -200_000));
        corrected.put("correctionReason", REASON);
        corrected.put("version", version(a));
        as(Users.financeOfficer(M)).body(corrected).put(path(a)).then().statusCode(200);
        draft.put("title", "Stadig ikke fremlagt");
        draft.put("version", version(c));
        as(Users.financeOfficer(M)).body(draft).put(path(c)).then().statusCode(200);

        JsonPath mine = as(venstre).get(changes).then().statusCode(200).extract().jsonPath();
        assertEquals(Instant.parse(seenAt), Instant.parse(mine.getString("since")));
        assertEquals(Instant.parse(seenAt), Instant.parse(mine.getString("lastSeenAt")));
        assertEquals(List.of((int) a), mine.getList("proposals.id"), "b is unchanged, c is a draft politicians cannot see");
        assertEquals(List.of("CORRECTION"), mine.getList("proposals[0].kinds"));
        assertEquals(List.of("years." + year + ".netChange"), mine.getList("proposals[0].fields"));

        JsonPath finance = as(Users.financeOfficer(M)).queryParam("since", seenAt).get(changes).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of((int) c, (int) a), finance.getList("proposals.id"), "latest change first");
        JsonPath everything = as(Users.financeOfficer(M)).get(changes).then().statusCode(200).extract().jsonPath();
        assertNull(everything.get("since"), "never marked: since the beginning");
        assertEquals(3, everything.getList("proposals").size());
        assertTrue(everything.getList("proposals.id").contains((int) b));

        as(venstre).body(Map.of("seenAt", mine.getString("until"))).post(seen).then().statusCode(200)
                .body("seenAt", equalTo(mine.getString("until")));
        as(venstre).get(changes).then().statusCode(200).body("proposals", hasSize(0));

        as(Users.financeOfficer(M)).post(seen).then().statusCode(200);
        advance(M, c, "SUBMIT");
        as(Users.financeOfficer(M)).get(changes).then().statusCode(200)
                .body("proposals.id", equalTo(List.of((int) c)))
                .body("proposals[0].kinds", equalTo(List.of("TRANSITION")))
                .body("proposals[0].fields", equalTo(List.of("status")))
                .body("proposals[0].status", equalTo("SUBMITTED"));
    }

    @Test
    void theOpenApiDescribesHistoryChangesAndTheCorrectionProblem() {
        JsonPath api = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        String proposalPath = "paths.'/api/v1/municipalities/{municipalityCode}/proposals/{proposalId}'";
        String catalogPath = "paths.'/api/v1/municipalities/{municipalityCode}/catalogs/{catalogId}";
        assertEquals("The proposal's timeline, newest first",
                api.getString("paths.'/api/v1/municipalities/{municipalityCode}/proposals/{proposalId}/history'.get.summary"));
        assertTrue(api.getMap(proposalPath + ".put.responses.'422'.content.'application/problem+json'.examples")
                .containsKey("correction-reason-required"));
        assertTrue(api.getMap(proposalPath + ".put.responses").containsKey("428"));
        assertTrue(api.getMap(catalogPath + "/changes'.get.responses").containsKey("400"));
        assertTrue(api.getMap(catalogPath + "/seen'.post.responses").containsKey("200"));
    }

    @Test
    void changesAndSeenRefuseBadTimesAndOtherMunicipalities() {
        long catalog = createCatalog(M, YEAR.addAndGet(2));
        String url = base(M) + "/catalogs/" + catalog;
        assertProblem(as(Users.financeOfficer(M)).queryParam("since", "i går").get(url + "/changes").then(), 400,
                "validation").body("errors[0].field", equalTo("since"));
        for (String beyond : new String[] { "-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z" }) {
            assertProblem(as(Users.financeOfficer(M)).queryParam("since", beyond).get(url + "/changes").then(), 400,
                    "validation").body("errors[0].field", equalTo("since"));
        }
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("seenAt", "-5000-01-01T00:00:00Z")).post(url + "/seen")
                .then(), 400, "validation").body("errors[0].field", equalTo("seenAt"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("seenAt", "2999-01-01T00:00:00Z")).post(url + "/seen").then(),
                400, "validation");
        assertProblem(as(Users.financeOfficer(OTHER)).get(url + "/changes").then(), 403, "wrong-municipality");
        assertProblem(as(Users.financeOfficer(OTHER)).get(base(OTHER) + "/catalogs/" + catalog + "/changes").then(), 404,
                "not-found");
        as(Users.financeOfficer(M)).get(url + "/changes").then().statusCode(200).body("lastSeenAt", nullValue());
    }
}
