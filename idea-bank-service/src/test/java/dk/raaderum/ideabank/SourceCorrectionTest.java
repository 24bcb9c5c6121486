package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.get;
import static dk.raaderum.ideabank.support.Ideas.own;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.support.ProposalEvents;
import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * proposal.corrected on the real topic: a finance officer's correction of a shared proposal after it was presented
 * reaches the idea bank once, in any order with the other proposal events, and never silently overwrites KL's text.
 */
@QuarkusTest
class SourceCorrectionTest {

    private static final String M = "791";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REASON = "Beløbene for 2028 og 2029 var byttet om";

    private static Optional<JsonPath> ideaOf(long proposalId) {
        JsonPath page = as(Tokens.finance(M)).queryParam("size", 200).get(own(M)).then().statusCode(200).extract()
                .jsonPath();
        List<Integer> ids = page.getList("items.findAll { it.sourceProposalId == " + proposalId + " }.id");
        return ids.isEmpty() ? Optional.empty() : Optional.of(get(Tokens.finance(M), ids.get(0)).extract().jsonPath());
    }

    private static JsonPath awaitIdea(long proposalId, String field, Object value) {
        return await().atMost(WAIT).until(() -> ideaOf(proposalId),
                idea -> idea.isPresent() && value.equals(idea.get().get(field))).get();
    }

    /** A correction of an unshared proposal, processed after everything sent before it on the topic's partition. */
    private static void awaitCorrectionsProcessed() {
        long marker = ProposalEvents.newProposalId();
        ProposalEvents.proposal(marker, M, 2026).at("2026-09-01T10:00:00Z").presented();
        awaitIdea(marker, "sourceStatus", "PRESENTED");
        ProposalEvents.proposal(marker, M, 2026).title("Markør rettet").at("2026-09-20T10:00:00Z").corrected("markør");
        awaitIdea(marker, "title", "Markør rettet");
    }

    private static List<String> history(long id) {
        return as(Tokens.curator()).get("/api/v1/ideas/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("action");
    }

    @Test
    void aCorrectionReplacesTheContentOfASubmissionWaitingInTheQueue() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).at("2026-09-01T10:00:00Z").presented();
        long id = awaitIdea(proposal, "sourceStatus", "PRESENTED").getLong("id");

        ProposalEvents.proposal(proposal, M, 2026).title("Videobesøg i hjemmeplejen, rettet")
                .netChange(-500_000, -900_000, -1_100_000, -1_000_000).at("2026-09-15T10:00:00Z").corrected(REASON);
        JsonPath idea = awaitIdea(proposal, "title", "Videobesøg i hjemmeplejen, rettet");
        assertEquals("SUBMITTED", idea.getString("status"));
        assertEquals(List.of(-500_000, -900_000, -1_100_000, -1_000_000), idea.getList("amounts.amount"));
        assertNull(idea.get("sourceCorrection"), "nothing waits: the submission took it");
        JsonPath last = as(Tokens.curator()).get("/api/v1/ideas/" + id + "/history").then().extract().jsonPath();
        assertEquals("UPDATED", last.getString("action[-1]"));
        assertEquals("Rettet i budgetkataloget: " + REASON, last.getString("reason[-1]"));
        assertTrue(last.getList("changes[-1].field").containsAll(List.of("title", "amounts")));
    }

    @Test
    void aPresentationThatArrivesAfterTheCorrectionDoesNotUndoIt() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).title("Rettet titel").at("2026-09-15T10:00:00Z").corrected(REASON);
        long id = awaitIdea(proposal, "title", "Rettet titel").getLong("id");
        ProposalEvents.proposal(proposal, M, 2026).title("Gammel titel").at("2026-09-01T10:00:00Z").presented();
        ProposalEvents.proposal(proposal, M, 2026).title("Endnu ældre rettelse").at("2026-09-10T10:00:00Z")
                .corrected("tidligere rettelse");
        awaitCorrectionsProcessed();
        JsonPath idea = ideaOf(proposal).orElseThrow();
        assertEquals("Rettet titel", idea.getString("title"));
        assertEquals("SUBMITTED", idea.getString("status"));
        assertEquals(List.of("SHARED", "SOURCE_STATUS"), history(id), "the older events changed nothing");
    }

    @Test
    void aCorrectionOfAPublishedIdeaWaitsForKlWhoTakesItInOrDismissesIt() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).at("2026-09-01T10:00:00Z").presented();
        long id = awaitIdea(proposal, "sourceStatus", "PRESENTED").getLong("id");
        as(Tokens.curator()).body(Map.of("areaCode", "sundhed", "tags", List.of("velfærdsteknologi")))
                .post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200);

        ProposalEvents.proposal(proposal, M, 2026).title("Videobesøg i hjemmeplejen, rettet")
                .netChange(-500_000, -900_000, -1_100_000, -1_000_000).at("2026-09-15T10:00:00Z").corrected(REASON);
        JsonPath idea = await().atMost(WAIT).until(() -> ideaOf(proposal).orElseThrow(),
                i -> i.get("sourceCorrection") != null);
        assertEquals("PUBLISHED", idea.getString("status"));
        assertEquals("Videobesøg i hjemmeplejen", idea.getString("title"), "KL's text stays until KL decides");
        assertEquals("Rettet i budgetkataloget: " + REASON, idea.getString("sourceCorrection.reason"));
        assertEquals("2026-09-15T10:00:00Z", idea.getString("sourceCorrection.correctedAt"));
        assertEquals(List.of("title", "amounts"), idea.getList("sourceCorrection.changes.field"));
        assertEquals("Videobesøg i hjemmeplejen, rettet", idea.getString("sourceCorrection.changes[0].to"));
        as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/source-corrections").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        as(Tokens.finance(M)).get("/api/v1/kl/ideas/source-corrections").then().statusCode(403);
        as(Tokens.curator()).get("/api/v1/open-data/ideas/" + id).then().statusCode(200)
                .body("sourceCorrection", nullValue());

        as(Tokens.curator()).body(Map.of("acceptSourceCorrection", true, "comment", "Rettelsen taget ind"))
                .post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200)
                .body("title", equalTo("Videobesøg i hjemmeplejen, rettet"))
                .body("amounts.amount", contains(-500_000, -900_000, -1_100_000, -1_000_000))
                .body("area.code", equalTo("sundhed"))
                .body("tags", contains("velfærdsteknologi"))
                .body("sourceCorrection", nullValue());
        as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/source-corrections").then()
                .body("items.id", not(hasItem((int) id)));
        KafkaTopics.await("idea.published", r -> r.key().equals(String.valueOf(id))
                && r.value().contains("Videobesøg i hjemmeplejen, rettet"), 1, WAIT);

        ProposalEvents.proposal(proposal, M, 2026).title("En rettelse KL ikke vil have").at("2026-09-20T10:00:00Z")
                .corrected("Ny titel");
        await().atMost(WAIT).until(() -> ideaOf(proposal).orElseThrow(), i -> i.get("sourceCorrection") != null);
        as(Tokens.curator()).body(Map.of("acceptSourceCorrection", false, "comment", "Titlen er KL's"))
                .post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200)
                .body("title", equalTo("Videobesøg i hjemmeplejen, rettet"))
                .body("sourceCorrection", nullValue());
        assertEquals(List.of("SHARED", "SOURCE_STATUS", "PUBLISHED", "SOURCE_CORRECTED", "CORRECTED", "SOURCE_CORRECTED",
                "SOURCE_CORRECTION_DISMISSED"), history(id));
    }

    @Test
    void aRedeliveredCorrectionIsAppliedOnceAndAPoisonedOneIsDeadLettered() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).at("2026-09-01T10:00:00Z").presented();
        long id = awaitIdea(proposal, "sourceStatus", "PRESENTED").getLong("id");
        as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200);
        String json = ProposalEvents.proposal(proposal, M, 2026).title("Rettet én gang").at("2026-09-15T10:00:00Z")
                .corrected(REASON);
        KafkaTopics.send("proposal.corrected", Long.toString(proposal), json);
        long withoutMunicipality = ProposalEvents.newProposalId();
        ProposalEvents.proposal(withoutMunicipality, null, 2026).corrected(REASON);
        KafkaTopics.send("proposal.corrected", "garbage-" + proposal, "{not json");
        awaitCorrectionsProcessed();

        assertEquals(List.of("SHARED", "SOURCE_STATUS", "PUBLISHED", "SOURCE_CORRECTED"), history(id));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await("proposal.corrected.dlq",
                r -> r.key().equals(Long.toString(withoutMunicipality)) || r.key().equals("garbage-" + proposal), 2, WAIT);
        assertEquals(2, dead.size());
    }
}
