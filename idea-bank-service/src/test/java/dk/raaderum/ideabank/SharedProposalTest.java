package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.get;
import static dk.raaderum.ideabank.support.Ideas.own;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Proposals a municipality shares arrive through the proposal events on the real topics, once, in any order. */
@QuarkusTest
class SharedProposalTest {

    private static final String M = "657";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The municipality's idea from the proposal, when there is one. */
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

    /** Sends a proposal that is not shared and waits for it to be processed: what was sent before is processed too. */
    private static void awaitQuiet() {
        long marker = ProposalEvents.newProposalId();
        ProposalEvents.proposal(marker, M, 2026).presented();
        awaitIdea(marker, "sourceStatus", "PRESENTED");
    }

    @Test
    void aSharedPresentedProposalBecomesASubmissionAndFollowsItsCatalog() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).at("2026-09-01T10:00:00Z").presented();
        JsonPath idea = awaitIdea(proposal, "sourceStatus", "PRESENTED");
        assertEquals("SUBMITTED", idea.getString("status"));
        assertEquals("SHARED_PROPOSAL", idea.getString("origin"));
        assertEquals("aeldre", idea.getString("area.code"));
        assertEquals("ÆLD-" + proposal % 100, idea.getString("number"));
        assertEquals(List.of(-500_000, -1_000_000, -1_000_000, -1_000_000), idea.getList("amounts.amount"));
        assertEquals(-2.5f, idea.getFloat("fteChange"));
        assertEquals("Samme hjælp med færre kørselstimer.", idea.getString("classificationRationale"));

        ProposalEvents.proposal(proposal, M, 2026).title("Videobesøg i hjemmeplejen, udvidet").at("2026-10-08T12:00:00Z")
                .adopted();
        idea = awaitIdea(proposal, "sourceStatus", "ADOPTED");
        assertEquals("Videobesøg i hjemmeplejen, udvidet", idea.getString("title"), "still in the queue: the newer text");
        long id = idea.getLong("id");
        as(Tokens.finance(M)).get("/api/v1/ideas/" + id + "/history").then()
                .body("action", contains("SHARED", "SOURCE_STATUS", "UPDATED", "SOURCE_STATUS"));
        assertEquals(1, KafkaTopics.await("idea.submitted", r -> r.key().equals(String.valueOf(id)), 1, WAIT).size());
    }

    /** Walk 5: a catalog of 2032 was accepted, and its shared proposals were dropped here (B19 … B30 only). */
    @Test
    void aProposalOfAnyBudgetYearACatalogMayHaveIsTaken() {
        for (int budgetYear : List.of(2000, 2032, 2100)) {
            long proposal = ProposalEvents.newProposalId();
            ProposalEvents.proposal(proposal, M, budgetYear).presented();
            JsonPath idea = awaitIdea(proposal, "sourceStatus", "PRESENTED");
            assertEquals(budgetYear, idea.getInt("budgetYear"));
            int id = idea.getInt("id");
            as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + id + "/publish").then().statusCode(200);
            await().atMost(WAIT).until(() -> as(Tokens.finance(M)).queryParam("budgetYear", budgetYear)
                    .queryParam("size", 100).get("/api/v1/ideas").then().statusCode(200).extract().jsonPath()
                    .getList("items.id", Integer.class).contains(id));
        }
    }

    @Test
    void anOlderEventThatArrivesLaterChangesNothing() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).title("Ny titel ved vedtagelsen").at("2026-10-08T12:00:00Z").adopted();
        awaitIdea(proposal, "sourceStatus", "ADOPTED");
        ProposalEvents.proposal(proposal, M, 2026).title("Gammel titel").at("2026-09-01T10:00:00Z").presented();
        awaitQuiet();
        JsonPath idea = ideaOf(proposal).orElseThrow();
        assertEquals("ADOPTED", idea.getString("sourceStatus"));
        assertEquals("Ny titel ved vedtagelsen", idea.getString("title"));
    }

    @Test
    void aProposalThatIsNotSharedStaysOut() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2026).shared(false).presented();
        awaitQuiet();
        assertTrue(ideaOf(proposal).isEmpty());
    }

    @Test
    void withdrawingOrUnsharingWithdrawsTheIdeaAndSharingAgainBringsItBack() {
        long withdrawn = ProposalEvents.newProposalId();
        ProposalEvents.proposal(withdrawn, M, 2026).at("2026-09-01T10:00:00Z").presented();
        long id = awaitIdea(withdrawn, "sourceStatus", "PRESENTED").getLong("id");
        ProposalEvents.proposal(withdrawn, M, 2026).at("2026-09-02T10:00:00Z").withdrawn();
        awaitIdea(withdrawn, "status", "WITHDRAWN");
        ConsumerRecord<String, String> event = KafkaTopics.await("idea.withdrawn", r -> r.key().equals(String.valueOf(id)),
                1, WAIT).get(0);
        assertTrue(event.value().contains("\"by\":\"SOURCE\""), event.value());

        long unshared = ProposalEvents.newProposalId();
        ProposalEvents.proposal(unshared, M, 2026).at("2026-09-01T10:00:00Z").presented();
        long published = awaitIdea(unshared, "sourceStatus", "PRESENTED").getLong("id");
        as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + published + "/publish").then().statusCode(200);
        ProposalEvents.proposal(unshared, M, 2026).shared(false).at("2026-10-01T10:00:00Z").sharingChanged("PRESENTED");
        awaitIdea(unshared, "status", "WITHDRAWN");

        ProposalEvents.proposal(unshared, M, 2026).at("2026-10-02T10:00:00Z").sharingChanged("PRESENTED");
        JsonPath back = awaitIdea(unshared, "status", "SUBMITTED");
        assertEquals(published, back.getLong("id"), "the same idea, back in the queue");
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAPoisonedOneIsDeadLettered() {
        long proposal = ProposalEvents.newProposalId();
        String json = ProposalEvents.proposal(proposal, M, 2026).presented();
        KafkaTopics.send("proposal.presented", Long.toString(proposal), json);
        long withoutMunicipality = ProposalEvents.newProposalId();
        ProposalEvents.proposal(withoutMunicipality, null, 2026).presented();
        KafkaTopics.send("proposal.presented", "garbage-" + proposal, "{not json");
        awaitQuiet();

        long id = ideaOf(proposal).orElseThrow().getLong("id");
        as(Tokens.finance(M)).get("/api/v1/ideas/" + id + "/history").then().body("action", contains("SHARED",
                "SOURCE_STATUS"));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await("proposal.presented.dlq",
                r -> r.key().equals(Long.toString(withoutMunicipality)) || r.key().equals("garbage-" + proposal), 2, WAIT);
        assertEquals(2, dead.size());
        assertTrue(KafkaTopics.header(dead.get(0), "dead-letter-reason") != null);
    }

    @Test
    void aProposalOutsideTheIdeaBanksYearsIsLeftOut() {
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, M, 2101).presented();
        awaitQuiet();
        assertTrue(ideaOf(proposal).isEmpty());
    }
}
