package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.get;
import static dk.raaderum.ideabank.support.Ideas.published;
import static dk.raaderum.ideabank.support.Ideas.submitted;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.repository.CatalogRefRepository;
import dk.raaderum.ideabank.support.LoopEvents;
import dk.raaderum.ideabank.support.ProposalEvents;
import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The idea loop in the idea bank: "use this idea" requests and their outcome, proposals from ideas followed through
 * the proposal events, and follow-up reports as evidence; all through the real topics.
 */
@QuarkusTest
class IdeaLoopTest {

    private static final String SOURCE = "766";
    private static final String COPIER = "630";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CatalogRefRepository catalogRefs;

    /** Whether the idea bank has the news of the catalog (proposal-service's catalog.changed). */
    private boolean catalogKnown(long catalogId) {
        return QuarkusTransaction.requiringNew().call(() -> catalogRefs.findByIdOptional(catalogId).isPresent());
    }

    private static String copies(String municipality) {
        return "/api/v1/municipalities/" + municipality + "/idea-copies";
    }

    private static JsonPath requestCopy(long ideaId, long catalogId) {
        return as(Tokens.finance(COPIER)).body(Map.of("ideaId", ideaId, "catalogId", catalogId, "areaCode", "ÆLD"))
                .post(copies(COPIER)).then().statusCode(202).header("Location", containsString(copies(COPIER)))
                .body("status", equalTo("PENDING")).extract().jsonPath();
    }

    private static JsonPath awaitOutcome(String href, String status) {
        return await().atMost(WAIT).until(() -> as(Tokens.finance(COPIER)).get(href).then().statusCode(200).extract()
                .jsonPath(), outcome -> status.equals(outcome.getString("status")));
    }

    private static JsonPath awaitEvidence(long ideaId, String field, Object value) {
        return await().atMost(WAIT).until(() -> get(Tokens.finance(COPIER), ideaId).statusCode(200).extract().jsonPath(),
                idea -> value.equals(idea.get("evidence." + field)));
    }

    @Test
    void useThisIdeaSendsTheIdeaAndTheAnswerBecomesTheOutcome() {
        long idea = published(SOURCE, efficiency("Digital vagtplan i hjemmeplejen", "aeldre", 2025, 800_000));
        long catalog = 900_001;
        JsonPath request = requestCopy(idea, catalog);
        UUID id = UUID.fromString(request.getString("id"));

        ConsumerRecord<String, String> sent = KafkaTopics.await(Events.IDEA_COPY_REQUESTED.topic(),
                r -> r.key().equals(id.toString()), 1, WAIT).get(0);
        JsonPath event = JsonPath.from(sent.value());
        assertEquals(COPIER, event.getString("municipality"));
        assertEquals(idea, event.getLong("data.ideaId"));
        assertEquals("Digital vagtplan i hjemmeplejen", event.getString("data.title"));
        assertEquals(List.of(-400_000, -800_000, -800_000, -800_000), event.getList("data.amounts.amount"));

        as(Tokens.finance(COPIER)).body(Map.of("ideaId", idea, "catalogId", catalog, "areaCode", "ÆLD"))
                .post(copies(COPIER)).then().statusCode(409).body("type", containsString("already-copied"))
                .body("existingRequest", equalTo(id.toString()));

        long proposal = ProposalEvents.newProposalId();
        LoopEvents.drafted(id, idea, COPIER, catalog, proposal, "ÆLD-07");
        JsonPath outcome = awaitOutcome(request.getString("href"), "COMPLETED");
        assertEquals(proposal, outcome.getLong("proposal.id"));
        assertEquals("ÆLD-07", outcome.getString("proposal.number"));
        assertEquals("/api/v1/municipalities/" + COPIER + "/proposals/" + proposal, outcome.getString("proposal.href"));
        LoopEvents.drafted(id, idea, COPIER, catalog, -proposal, "ÆLD-08");
        JsonPath evidence = awaitEvidence(idea, "copiedBy", 1);
        assertEquals("COPY", evidence.getString("evidence.municipalities[0].via"));
        assertEquals("COPIED", evidence.getString("evidence.municipalities[0].status"));
        assertEquals(proposal, awaitOutcome(request.getString("href"), "COMPLETED").getLong("proposal.id"),
                "a repeated answer changes nothing");

        ProposalEvents.proposal(proposal, COPIER, 2027).fromIdea(idea).catalog(catalog).at(Instant.now().toString())
                .withdrawn();
        awaitOutcome(request.getString("href"), "PROPOSAL_WITHDRAWN");
        requestCopy(idea, catalog);
    }

    @Test
    void aRefusalIsAProblemSayingWhichAndTheIdeaCanBeAskedForAgain() {
        long idea = published(SOURCE, efficiency("Fælles indkøb af hjælpemidler", "aeldre", 2025, 300_000));
        long catalog = 900_002;
        JsonPath request = requestCopy(idea, catalog);
        LoopEvents.refused(UUID.fromString(request.getString("id")), idea, COPIER, catalog,
                IdeaCopyAnsweredV1.CATALOG_NOT_OPEN, "Budgetkataloget 2027 er låst og tager ikke imod nye forslag");
        JsonPath outcome = awaitOutcome(request.getString("href"), "FAILED");
        assertEquals(409, outcome.getInt("problem.status"));
        assertTrue(outcome.getString("problem.type").endsWith("/catalog-closed"));
        assertEquals("CATALOG_NOT_OPEN", outcome.getString("problem.reason"));
        assertTrue(outcome.getString("problem.detail").contains("låst"));
        requestCopy(idea, catalog);
        as(Tokens.finance(COPIER)).queryParam("ideaId", idea).get(copies(COPIER)).then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void badCopyRequestsAreClearProblems() {
        long waiting = submitted(SOURCE, efficiency("Ny rehabilitering i ældreplejen", "aeldre", 2025, 300_000));
        as(Tokens.curator()).get("/api/v1/ideas/" + waiting).then().statusCode(200);
        as(Tokens.finance(COPIER)).body(Map.of("ideaId", waiting, "catalogId", 1, "areaCode", "ÆLD"))
                .post(copies(COPIER)).then().statusCode(404);
        as(Tokens.finance(SOURCE)).body(Map.of("ideaId", waiting, "catalogId", 1, "areaCode", "ÆLD"))
                .post(copies(SOURCE)).then().statusCode(409).body("type", containsString("idea-not-published"));
        long idea = published(SOURCE, efficiency("Samkørsel af kørselsordninger", "aeldre", 2025, 300_000));
        as(Tokens.finance(COPIER)).body(Map.of("ideaId", idea, "catalogId", 1, "areaCode", "ÆLD"))
                .post(copies(SOURCE)).then().statusCode(403);
        as(Tokens.politician(COPIER)).body(Map.of("ideaId", idea, "catalogId", 1, "areaCode", "ÆLD"))
                .post(copies(COPIER)).then().statusCode(403);
        as(Tokens.finance(COPIER)).body(Map.of("ideaId", idea, "areaCode", "ÆLD")).post(copies(COPIER)).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(containsString("catalogId")));
        as(Tokens.finance(COPIER)).get(copies(COPIER) + "/not-a-uuid").then().statusCode(404);
        as(Tokens.finance(COPIER)).get(copies(COPIER) + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void proposalsFromAnIdeaAreCountedPerMunicipalityOnce() {
        long sharedProposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(sharedProposal, SOURCE, 2026).title("Nattevagt med akustisk tilsyn").adopted();
        long idea = await().atMost(WAIT).until(() -> as(Tokens.finance(SOURCE)).queryParam("size", 200)
                .get("/api/v1/municipalities/" + SOURCE + "/ideas").then().extract().jsonPath()
                .<Integer>getList("items.findAll { it.sourceProposalId == " + sharedProposal + " }.id"),
                ids -> !ids.isEmpty()).get(0);
        as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + idea + "/publish").then().statusCode(200);
        awaitEvidence(idea, "adoptionCount", 1);

        long copy = ProposalEvents.newProposalId();
        ProposalEvents.proposal(copy, COPIER, 2027).fromIdea(idea).at("2027-09-01T10:00:00Z").presented();
        awaitEvidence(idea, "presentedBy", 2);
        String adopted = ProposalEvents.proposal(copy, COPIER, 2027).fromIdea(idea).at("2027-10-01T10:00:00Z").adopted();
        KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), Long.toString(copy), adopted);
        JsonPath evidence = awaitEvidence(idea, "adoptionCount", 2);
        assertEquals(1, evidence.getInt("evidence.copiedBy"));
        assertEquals(List.of(SOURCE, COPIER), evidence.getList("evidence.municipalities.municipality.code"));
        assertEquals(List.of("SHARED", "ORIGIN"), evidence.getList("evidence.municipalities.via"));

        ProposalEvents.proposal(copy, COPIER, 2027).fromIdea(idea).at("2027-09-15T10:00:00Z").presented();
        as(Tokens.finance(COPIER)).queryParam("minAdoptions", 2).queryParam("q", "akustisk tilsyn")
                .get("/api/v1/ideas").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) idea));
        assertEquals(2, get(Tokens.finance(COPIER), idea).extract().jsonPath().getInt("evidence.adoptionCount"),
                "an older event after the adoption changes nothing");
    }

    @Test
    void realisedGainsAreEvidenceAndMostProvenRewardsConsistencyOverSize() {
        String tag = "bevis-" + System.nanoTime();
        long big = provenIdea("Stor kommunes digitale visitation", tag, List.of(new long[] { 50_000_000, 50_000_000 }));
        long consistent = provenIdea("Hverdagsrehabilitering i fem kommuner", tag, List.of(new long[] { 400_000, 360_000 },
                new long[] { 500_000, 450_000 }, new long[] { 300_000, 280_000 }, new long[] { 200_000, 180_000 },
                new long[] { 600_000, 540_000 }));
        long failing = provenIdea("Robotstøvsugere i plejeboliger", tag, List.of(new long[] { 400_000, 40_000 },
                new long[] { 300_000, 30_000 }));

        JsonPath ranked = as(Tokens.finance(COPIER)).queryParam("tag", tag).queryParam("sort", "most-proven")
                .get("/api/v1/ideas").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) consistent, (int) big, (int) failing), ranked.getList("items.id"));
        as(Tokens.finance(COPIER)).queryParam("tag", tag).queryParam("minRealisationRatio", "0.8").get("/api/v1/ideas")
                .then().statusCode(200).body("total", equalTo(2));
        as(Tokens.finance(COPIER)).queryParam("tag", tag).queryParam("minAdoptions", 5).get("/api/v1/ideas")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) consistent)));
        as(Tokens.finance(COPIER)).queryParam("minRealisationRatio", "x").get("/api/v1/ideas").then().statusCode(400);

        JsonPath evidence = get(Tokens.finance(COPIER), consistent).extract().jsonPath();
        assertEquals(5, evidence.getInt("evidence.realisation.initiatives"));
        assertEquals(2_000_000, evidence.getLong("evidence.realisation.expected"));
        assertEquals(1_810_000, evidence.getLong("evidence.realisation.realised"));
        assertEquals(0.9f, evidence.getFloat("evidence.realisation.medianRatio"));
        assertEquals(0.9f, evidence.getFloat("evidence.realisation.minRatio"));
        assertEquals(0.9333f, evidence.getFloat("evidence.realisation.maxRatio"));
    }

    /** An idea adopted by one municipality per initiative, each reporting {expected, realised} once. */
    private static long provenIdea(String title, String tag, List<long[]> initiatives) {
        Map<String, Object> body = efficiency(title, "aeldre", 2025, 300_000);
        body.put("tags", List.of(tag));
        long idea = published(SOURCE, body);
        String[] adopters = { "101", "147", "151", "153", "155" };
        for (int i = 0; i < initiatives.size(); i++) {
            long proposal = ProposalEvents.newProposalId();
            ProposalEvents.proposal(proposal, adopters[i], 2027).fromIdea(idea).adopted();
            long initiative = LoopEvents.newInitiativeId();
            LoopEvents.reported(initiative, proposal, adopters[i], 2027, 1, initiatives.get(i)[0], 1);
            LoopEvents.reported(initiative, proposal, adopters[i], 2027, 2, initiatives.get(i)[0], initiatives.get(i)[1]);
        }
        awaitEvidence(idea, "realisation.initiatives", initiatives.size());
        return await().atMost(WAIT).until(() -> idea, id -> get(Tokens.finance(COPIER), id).extract().jsonPath()
                .getLong("evidence.realisation.realised") == initiatives.stream().mapToLong(f -> f[1]).sum());
    }

    @Test
    void stoppedAndSharedInitiativesAreShownAndOneFromNoIdeaBecomesASubmission() {
        long idea = published(SOURCE, efficiency("Træning i eget hjem", "aeldre", 2025, 300_000));
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, "573", 2027).fromIdea(idea).adopted();
        awaitEvidence(idea, "adoptionCount", 1);
        long stopped = LoopEvents.newInitiativeId();
        LoopEvents.decided(Events.INITIATIVE_TERMINATED, stopped, proposal, "573", "Træning i eget hjem",
                "Borgerne takkede nej", null);
        JsonPath shown = await().atMost(WAIT).until(() -> get(Tokens.finance(COPIER), idea).extract().jsonPath(),
                i -> !i.getList("evidence.stopped").isEmpty());
        assertEquals("Stoppet i Varde 2028", shown.getString("evidence.stopped[0].text"));
        assertEquals("Borgerne takkede nej", shown.getString("evidence.stopped[0].reason"));

        long shared = LoopEvents.newInitiativeId();
        LoopEvents.decided(Events.INITIATIVE_SHARED, shared, proposal, "573", "Træning i eget hjem", null,
                "Halvdelen af borgerne klarer sig uden hjemmehjælp efter tolv uger.");
        await().atMost(WAIT).until(() -> get(Tokens.finance(COPIER), idea).extract().jsonPath()
                .getList("evidence.narratives.narrative"), n -> n.contains(
                        "Halvdelen af borgerne klarer sig uden hjemmehjælp efter tolv uger."));

        long alone = LoopEvents.newInitiativeId();
        LoopEvents.decided(Events.INITIATIVE_SHARED, alone, null, "573", "Fælles vikarkorps på tværs af plejecentre",
                null, "Vikarudgifterne faldt med en tredjedel.");
        JsonPath queue = await().atMost(WAIT).until(() -> as(Tokens.curator()).queryParam("size", 200)
                .get("/api/v1/municipalities/573/ideas").then().extract().jsonPath(),
                page -> page.getList("items.title").contains("Fælles vikarkorps på tværs af plejecentre"));
        assertEquals("SHARED_INITIATIVE", queue.getString(
                "items.find { it.title == 'Fælles vikarkorps på tværs af plejecentre' }.origin"));
    }

    @Test
    void klSeesUptakePerAreaAndFamilyAndTheYearsSpread() {
        long idea = published(SOURCE, efficiency("Fælles rengøringsteam på skolerne", "skole", 2025, 300_000));
        String[] takers = { "410", "420", "430" };
        for (String municipality : takers) {
            ProposalEvents.proposal(ProposalEvents.newProposalId(), municipality, 2029).fromIdea(idea)
                    .at("2029-10-01T10:00:00Z").adopted();
        }
        ProposalEvents.proposal(ProposalEvents.newProposalId(), "440", 2029).fromIdea(idea).at("2029-09-01T10:00:00Z")
                .presented();
        awaitEvidence(idea, "copiedBy", 4);

        JsonPath spread = as(Tokens.curator()).queryParam("budgetYear", 2029).get("/api/v1/kl/ideas/spread").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> row = spread.getMap("ideas.find { it.ideaId == " + idea + " }");
        assertEquals(4, row.get("municipalities"));
        assertEquals(4, row.get("presented"));
        assertEquals(3, row.get("adopted"));
        assertEquals(List.of("Middelfart", "Assens", "Faaborg-Midtfyn", "Kerteminde"),
                spread.getList("ideas.find { it.ideaId == " + idea + " }.takenUpBy.name"));
        as(Tokens.curator()).queryParam("budgetYear", 2029).get("/api/v1/kl/ideas/spread.xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
        as(Tokens.curator()).get("/api/v1/kl/ideas/spread").then().statusCode(400);

        JsonPath uptake = as(Tokens.curator()).get("/api/v1/kl/ideas/uptake").then().statusCode(200).extract().jsonPath();
        Map<String, Object> school = uptake.getMap("rows.find { it.key == 'skole' }");
        assertTrue((Integer) school.get("takenUp") >= 1 && (Integer) school.get("adopted") >= 1, school.toString());
        assertTrue((Integer) school.get("municipalitiesAdopting") >= 3, school.toString());
        as(Tokens.curator()).queryParam("by", "FAMILY").get("/api/v1/kl/ideas/uptake").then().statusCode(200);
        as(Tokens.curator()).queryParam("by", "COLOUR").get("/api/v1/kl/ideas/uptake").then().statusCode(400);
        as(Tokens.finance(COPIER)).get("/api/v1/kl/ideas/uptake").then().statusCode(403);
    }

    @Test
    void malformedFollowupAndAnswerEventsAreDeadLetteredAndConsumptionGoesOn() {
        String key = "garbage-" + System.nanoTime();
        KafkaTopics.send(Events.BENEFIT_REPORTED.topic(), key, "{\"specversion\":\"1.0\", \"type\":");
        KafkaTopics.send(Events.PROPOSAL_DRAFTED_FROM_IDEA.topic(), key, "[]");
        assertEquals(1, KafkaTopics.await(Events.BENEFIT_REPORTED.deadLetterTopic(), r -> key.equals(r.key()), 1, WAIT)
                .size());
        assertEquals(1, KafkaTopics.await(Events.PROPOSAL_DRAFTED_FROM_IDEA.deadLetterTopic(), r -> key.equals(r.key()),
                1, WAIT).size());
        long idea = published(SOURCE, efficiency("Fælles kørselskontor", "aeldre", 2025, 300_000));
        long proposal = ProposalEvents.newProposalId();
        ProposalEvents.proposal(proposal, "101", 2027).fromIdea(idea).adopted();
        LoopEvents.reported(LoopEvents.newInitiativeId(), proposal, "101", 2027, 1, 100_000, 100_000);
        awaitEvidence(idea, "hasRealisedGains", true);
    }

    @Test
    void aCatalogTheIdeaBankKnowsRefusesACopyAtOnce() {
        long idea = published(SOURCE, efficiency("Fælles vagtcentral for hjemmeplejen", "aeldre", 2025, 300_000));
        long catalog = 900_100 + System.nanoTime() % 1000;
        Instant opened = Instant.parse("2026-09-01T10:00:00Z");
        LoopEvents.catalog(catalog, COPIER, "OPEN", opened);
        LoopEvents.catalog(catalog, COPIER, "LOCKED", opened.plusSeconds(60));
        LoopEvents.catalog(catalog, COPIER, "OPEN", opened.plusSeconds(30));
        Map<String, Object> body = Map.of("ideaId", idea, "catalogId", catalog, "areaCode", "ÆLD");
        // until the idea bank has the news, a request is accepted and left to proposal-service (its outcome says why)
        await().atMost(WAIT).until(() -> as(Tokens.finance(COPIER)).body(body).post(copies(COPIER)).then().extract()
                .jsonPath().getString("type"), type -> type != null && type.endsWith("/catalog-closed"));
        as(Tokens.finance(COPIER)).body(body).post(copies(COPIER)).then().statusCode(409)
                .body("type", containsString("catalog-closed")).body("detail", containsString("LOCKED"));

        long other = catalog + 1;
        LoopEvents.catalog(other, "573", "OPEN", opened);
        long open = catalog + 2;
        LoopEvents.catalog(open, COPIER, "OPEN", opened);
        Map<String, Object> unknownArea = Map.of("ideaId", idea, "catalogId", open, "areaCode", "KUL");
        await().atMost(WAIT).until(() -> as(Tokens.finance(COPIER)).body(unknownArea).post(copies(COPIER)).then()
                .extract().statusCode() == 422);
        as(Tokens.finance(COPIER)).body(unknownArea).post(copies(COPIER)).then().statusCode(422)
                .body("rule", equalTo("unknown-area"));

        // Varde's catalog, known here, is answered as one never heard of: the answer does not tell that the id exists
        await().atMost(WAIT).until(() -> catalogKnown(other));
        Map<String, Object> intoOther = Map.of("ideaId", idea, "catalogId", other, "areaCode", "ÆLD");
        Map<String, Object> intoNone = Map.of("ideaId", idea, "catalogId", catalog + 3, "areaCode", "ÆLD");
        as(Tokens.finance(COPIER)).body(intoOther).post(copies(COPIER)).then().statusCode(202)
                .body("status", equalTo("PENDING"));
        as(Tokens.finance(COPIER)).body(intoNone).post(copies(COPIER)).then().statusCode(202)
                .body("status", equalTo("PENDING"));
        requestCopy(published(SOURCE, efficiency("Fælles vagtcentral, anden udgave", "aeldre", 2025, 300_000)), open);
    }
}
