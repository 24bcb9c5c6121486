package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.proposal.support.IdeaBankEvents;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** "Use this idea" in proposal-service: the idea bank's request becomes a draft, or a refusal, never half a proposal. */
@QuarkusTest
class IdeaCopyTest {

    private static final String M = "630";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath answer(EventType topic, IdeaCopyRequestedV1 request, int expected) {
        List<ConsumerRecord<String, String>> answers = KafkaTopics.await(topic.name, r -> r.value().contains(
                request.requestId().toString()), expected, WAIT);
        assertEquals(expected, answers.size());
        return JsonPath.from(answers.get(answers.size() - 1).value());
    }

    private enum EventType {
        DRAFTED(Events.PROPOSAL_DRAFTED_FROM_IDEA.topic()), REFUSED(Events.IDEA_COPY_REFUSED.topic());

        final String name;

        EventType(String name) {
            this.name = name;
        }
    }

    private static int proposals(long catalog) {
        return as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    @Test
    void aRequestBecomesADraftWithTheIdeasContentOnTheCatalogsYears() {
        long idea = IdeaBankEvents.newIdeaId();
        IdeaBankEvents.published(idea, Instant.now());
        long catalog = createCatalog(M, 2061);
        IdeaCopyRequestedV1 request = IdeaBankEvents.request(idea, catalog, "ÆLD", "EFFICIENCY", null);
        String sent = IdeaBankEvents.send(request, M);

        JsonPath drafted = answer(EventType.DRAFTED, request, 1);
        assertEquals(M, drafted.getString("municipality"));
        long id = drafted.getLong("data.proposalId");
        assertEquals(String.valueOf(id), drafted.getString("subject"));
        assertEquals(idea, drafted.getLong("data.ideaId"));
        assertEquals("ÆLD-01", drafted.getString("data.number"));
        JsonPath proposal = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("DRAFT", proposal.getString("status"));
        assertEquals(IdeaBankEvents.TITLE, proposal.getString("title"));
        assertEquals("IDEA_BANK", proposal.getString("origin.kind"));
        assertEquals(idea, proposal.getLong("origin.ideaId"));
        assertEquals("Vagtplanen lægges digitalt.\n\nPlanlægningen flyttes til et fælles system.",
                proposal.getString("description"));
        assertEquals(List.of(2061, 2062, 2063, 2064), proposal.getList("years.year"));
        assertEquals(List.of(-400_000, -800_000, -800_000, -800_000), proposal.getList("years.netChange"));
        assertEquals("Økonomimedarbejder Test", proposal.getString("createdBy"));

        KafkaTopics.send(Events.IDEA_COPY_REQUESTED.topic(), request.requestId().toString(), sent);
        IdeaBankEvents.send(request, M);
        assertEquals(id, answer(EventType.DRAFTED, request, 2).getLong("data.proposalId"), "the same draft, answered again");
        assertEquals(1, proposals(catalog));

        IdeaCopyRequestedV1 again = IdeaBankEvents.request(idea, catalog, "SKO", "EFFICIENCY", null);
        IdeaBankEvents.send(again, M);
        JsonPath refused = answer(EventType.REFUSED, again, 1);
        assertEquals("ALREADY_COPIED", refused.getString("data.reason"));
        assertEquals(id, refused.getLong("data.proposalId"));
        assertEquals(1, proposals(catalog));
    }

    @Test
    void anIdeasAmountsArePlRegulatedToTheCatalogsPricesOrSaidToBeAtTheIdeas() {
        long idea = IdeaBankEvents.newIdeaId();
        IdeaBankEvents.published(idea, Instant.now());
        // KL's default index: 2025 121.1098, 2028 129.7862;
        // -400,000 × 129.7862 / 121.1098 = -428,656.31... → -428,656
        long catalog = createCatalog(M, 2028);
        IdeaCopyRequestedV1 request = IdeaBankEvents.request(idea, catalog, "ÆLD", "EFFICIENCY", null);
        IdeaBankEvents.send(request, M);
        long id = answer(EventType.DRAFTED, request, 1).getLong("data.proposalId");
        JsonPath proposal = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().statusCode(200)
                .extract().jsonPath();
        long first = PriceIndex.klDefault().convert(-400_000, 2025, 2028);
        long full = PriceIndex.klDefault().convert(-800_000, 2025, 2028);
        assertEquals(-428_656, first);
        assertEquals(List.of((int) first, (int) full, (int) full, (int) full), proposal.getList("years.netChange"));
        assertEquals(1, transitionsSaying(id, "PL-reguleret fra 2025- til 2028-priser"));

        // the catalog of 2061 is at prices the index does not reach: the amounts stay the idea's, and the draft says so
        long idea2 = IdeaBankEvents.newIdeaId();
        IdeaBankEvents.published(idea2, Instant.now());
        IdeaCopyRequestedV1 far = IdeaBankEvents.request(idea2, createCatalog(M, 2067), "ÆLD", "EFFICIENCY", null);
        IdeaBankEvents.send(far, M);
        long farId = answer(EventType.DRAFTED, far, 1).getLong("data.proposalId");
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + farId).then().statusCode(200)
                .body("years.netChange", contains(-400_000, -800_000, -800_000, -800_000));
        assertEquals(1, transitionsSaying(farId, "står i idéens 2025-priser"));
    }

    private static int transitionsSaying(long proposal, String text) {
        List<String> comments = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + proposal + "/transitions")
                .then().statusCode(200).extract().jsonPath().getList("comment");
        return (int) comments.stream().filter(c -> c != null && c.contains(text)).count();
    }

    @Test
    void aRequestThatCannotBeMetIsRefusedWithWhyAndMakesNothing() {
        long idea = IdeaBankEvents.newIdeaId();
        IdeaBankEvents.published(idea, Instant.now());
        long locked = createCatalog(M, 2062);
        as(Users.financeOfficer(M)).post(base(M) + "/catalogs/" + locked + "/lock").then().statusCode(200);
        List<ConsumerRecord<String, String>> changed = KafkaTopics.await(Events.CATALOG_CHANGED.topic(),
                r -> String.valueOf(locked).equals(r.key()), 2, WAIT);
        assertEquals(2, changed.size(), "created, locked");
        JsonPath lockedNews = JsonPath.from(changed.get(1).value());
        assertEquals(M, lockedNews.getString("municipality"));
        assertEquals("LOCKED", lockedNews.getString("data.status"));
        assertEquals(List.of("DAG", "SKO", "TEK", "ÆLD"), lockedNews.getList("data.areaCodes"));
        IdeaCopyRequestedV1 intoLocked = IdeaBankEvents.request(idea, locked, "ÆLD", "EFFICIENCY", null);
        IdeaBankEvents.send(intoLocked, M);
        assertEquals("CATALOG_NOT_OPEN", answer(EventType.REFUSED, intoLocked, 1).getString("data.reason"));

        long open = createCatalog(M, 2063);
        IdeaCopyRequestedV1 unknownArea = IdeaBankEvents.request(idea, open, "KUL", "EFFICIENCY", null);
        IdeaBankEvents.send(unknownArea, M);
        assertEquals("AREA_UNKNOWN", answer(EventType.REFUSED, unknownArea, 1).getString("data.reason"));

        IdeaCopyRequestedV1 otherMunicipality = IdeaBankEvents.request(idea, open, "ÆLD", "EFFICIENCY", null);
        IdeaBankEvents.send(otherMunicipality, "573");
        assertEquals("CATALOG_NOT_FOUND", answer(EventType.REFUSED, otherMunicipality, 1).getString("data.reason"));

        IdeaCopyRequestedV1 noCost = IdeaBankEvents.request(idea, open, "ÆLD", "INVESTMENT", null);
        IdeaBankEvents.send(noCost, M);
        JsonPath invalid = answer(EventType.REFUSED, noCost, 1);
        assertEquals("INVALID_CONTENT", invalid.getString("data.reason"));
        assertTrue(invalid.getString("data.detail").contains("investment"), invalid.getString("data.detail"));

        IdeaCopyRequestedV1 investment = IdeaBankEvents.request(idea, open, "ÆLD", "INVESTMENT", 1_000_000L);
        IdeaBankEvents.send(investment, M);
        JsonPath drafted = answer(EventType.DRAFTED, investment, 1);
        JsonPath proposal = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + drafted.getLong("data.proposalId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1_000_000, 0, 0, 0), proposal.getList("years.investmentCost"), "the cost in the first year");
        assertEquals(List.of(1_400_000, 800_000, 800_000, 800_000), proposal.getList("years.gain"));
        assertEquals(List.of(-400_000, -800_000, -800_000, -800_000), proposal.getList("years.netChange"));

        IdeaCopyRequestedV1 inFlight = IdeaBankEvents.request(idea, createCatalog(M, 2064), "ÆLD", "EFFICIENCY", null);
        IdeaBankEvents.withdrawn(idea, inFlight.requestedAt().plusMillis(5));
        await(idea);
        IdeaBankEvents.send(inFlight, M);
        JsonPath refused = answer(EventType.REFUSED, inFlight, 1);
        assertEquals("IDEA_NOT_PUBLISHED", refused.getString("data.reason"));
        assertEquals(0, proposals(inFlight.catalogId()));
    }

    /** Waits until the idea's withdrawal is known: a proposal naming it is refused. */
    private static void await(long idea) {
        long catalog = createCatalog(M, 2065);
        Map<String, Object> body = proposal("ÆLD", "EFFICIENCY", "Fra idébanken", 2065, -1, -2, -2, -2);
        body.put("origin", Map.of("kind", "IDEA_BANK", "ideaId", idea));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> as(Users.financeOfficer(M)).body(body)
                .post(base(M) + "/catalogs/" + catalog + "/proposals").then().extract().statusCode() == 422);
    }

    @Test
    void aProposalsIdeaMustBeAPublishedOne() {
        long catalog = createCatalog(M, 2066);
        Map<String, Object> body = proposal("ÆLD", "EFFICIENCY", "Fra idébanken", 2066, -1, -2, -2, -2);
        body.put("origin", Map.of("kind", "IDEA_BANK", "ideaId", 987_654_321L));
        as(Users.financeOfficer(M)).body(body).post(base(M) + "/catalogs/" + catalog + "/proposals").then()
                .statusCode(422).body("rule", equalTo("idea-not-published"))
                .body("errors[0].field", equalTo("origin.ideaId"));

        long idea = IdeaBankEvents.newIdeaId();
        IdeaBankEvents.published(idea, Instant.now());
        body.put("origin", Map.of("kind", "IDEA_BANK", "ideaId", idea));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> as(Users.financeOfficer(M)).body(body)
                .post(base(M) + "/catalogs/" + catalog + "/proposals").then().extract().statusCode() == 201);
    }

    @Test
    void aMalformedRequestIsDeadLettered() {
        String key = "garbage-" + System.nanoTime();
        KafkaTopics.send(Events.IDEA_COPY_REQUESTED.topic(), key, "{\"specversion\":\"1.0\"");
        assertEquals(1, KafkaTopics.await(Events.IDEA_COPY_REQUESTED.deadLetterTopic(), r -> key.equals(r.key()), 1, WAIT)
                .size());
    }
}
