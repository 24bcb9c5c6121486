package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.get;
import static dk.raaderum.ideabank.support.Ideas.published;
import static dk.raaderum.ideabank.support.Ideas.submitted;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;

/** KL's curation: the queue, publishing with corrections, rejecting, families that keep every credit, links. */
@QuarkusTest
class CurationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String kl(long id, String action) {
        return "/api/v1/kl/ideas/" + id + "/" + action;
    }

    private static JsonNode lastEvent(String topic, long id) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(topic, r -> r.key().equals(String.valueOf(id)),
                1, WAIT);
        return JSON.readTree(records.get(records.size() - 1).value());
    }

    /** The first event of the idea whose data passes {@code test}, waiting for it. */
    private static JsonNode eventWhere(String topic, long id, Predicate<JsonNode> test) throws Exception {
        return JSON.readTree(KafkaTopics.await(topic, r -> r.key().equals(String.valueOf(id)) && test.test(data(r)), 1,
                WAIT).get(0).value()).get("data");
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("data");
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    @Test
    void publishingWithCorrectionsIsRecordedWithWhoAndWhatAndPublished() throws Exception {
        long id = submitted("621", efficiency("Fælles visitationsteam", "aeldre", 2025, 300_000));
        as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/queue").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        as(Tokens.curator()).body(Map.of("areaCode", "handicap-psykiatri", "tags", List.of("Visitation", "tværfagligt"),
                "comment", "Rettet fagområde", "version", 0)).post(kl(id, "publish")).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("area.code", equalTo("handicap-psykiatri"))
                .body("tags", contains("visitation", "tværfagligt"))
                .body("publishedAt", not(nullValue()));
        as(Tokens.finance("621")).get("/api/v1/ideas/" + id + "/history").then()
                .body("action", contains("SUBMITTED", "PUBLISHED"))
                .body("[1].actor", equalTo("KL Kurator"))
                .body("[1].reason", equalTo("Rettet fagområde"))
                .body("[1].changes.field", containsInAnyOrder("areaCode", "tags"));
        // another municipality reads what happened, not who did it
        as(Tokens.finance("101")).get("/api/v1/ideas/" + id + "/history").then().statusCode(200)
                .body("action", contains("SUBMITTED", "PUBLISHED"))
                .body("actor", everyItem(nullValue()))
                .body("[1].reason", equalTo("Rettet fagområde"));
        JsonNode event = lastEvent("idea.published", id);
        assertEquals("handicap-psykiatri", event.get("data").get("area").get("code").asText());
        assertEquals(5, event.get("data").get("area").get("mainAccount").asInt());
        assertEquals("621", event.get("municipality").asText());

        // a later correction is a new version, published again; a type change is held to the type rules
        as(Tokens.curator()).body(Map.of("type", "SAVING")).post(kl(id, "publish")).then().statusCode(422)
                .body("rule", equalTo("saving-consequences"));
        as(Tokens.curator()).body(Map.of("tags", List.of("visitation"))).post(kl(id, "publish")).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        // the event of version 2 follows the one of version 1, with the corrected tags
        JsonNode second = eventWhere("idea.published", id, data -> data.get("version").asInt() == 2);
        assertEquals("[\"visitation\"]", second.get("tags").toString());
    }

    @Test
    void aRejectionCarriesItsReason() throws Exception {
        long id = submitted("621", efficiency("Ingen kaffe til møder", "administration", 2025, 20_000));
        assertProblem(as(Tokens.curator()).body(Map.of("reason", " ")).post(kl(id, "reject")).then(), 400, "validation");
        as(Tokens.curator()).body(Map.of("reason", "For lille til idébanken")).post(kl(id, "reject")).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals("For lille til idébanken", lastEvent("idea.rejected", id).get("data").get("reason").asText());
        assertProblem(get(Tokens.finance("101"), id), 404, "not-found");
        get(Tokens.finance("621"), id).statusCode(200).body("status", equalTo("REJECTED"));
        assertProblem(as(Tokens.curator()).body(Map.of("reason", "igen")).post(kl(id, "reject")).then(), 409,
                "invalid-transition");
    }

    @Test
    void municipalUsersCannotCurate() {
        long id = submitted("621", efficiency("Ikke til kuratering", "administration", 2025, 20_000));
        for (String token : List.of(Tokens.finance("621"), Tokens.politician("621"), Tokens.machine("621"))) {
            assertProblem(as(token).body(Map.of()).post(kl(id, "publish")).then(), 403, "forbidden");
            assertProblem(as(token).get("/api/v1/kl/ideas/queue").then(), 403, "forbidden");
        }
    }

    @Test
    void aMergedDuplicateKeepsItsCreditAndTheMergeCanBeUndone() throws Exception {
        long aarhus = published("751", efficiency("Videobesøg i hjemmeplejen", "aeldre", 2021, 1_000_000));
        long varde = submitted("573", efficiency("Skærmbesøg til borgere i eget hjem", "aeldre", 2023, 600_000));

        as(Tokens.curator()).body(Map.of("intoIdeaId", aarhus, "reason", "Samme idé som Aarhus' videobesøg"))
                .post(kl(varde, "merge")).then().statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("family.primaryIdeaId", equalTo((int) aarhus));
        get(Tokens.finance("101"), aarhus).statusCode(200)
                .body("family.size", equalTo(2))
                .body("family.municipalities.code", contains("751", "573"))
                .body("family.members[0].ideaId", equalTo((int) varde))
                .body("family.members[0].municipality.name", equalTo("Varde"))
                .body("family.members[0].budgetYear", equalTo(2023))
                .body("family.members[0].amounts[1].amount", equalTo(-600_000));
        // Varde is credited: the family is found by Varde's code, and Varde's own idea is no longer a separate hit
        as(Tokens.finance("101")).queryParam("municipality", "573").queryParam("q", "videobesøg").get("/api/v1/ideas")
                .then().body("items.id", hasItem((int) aarhus)).body("items.id", not(hasItem((int) varde)));
        JsonNode merged = lastEvent("idea.merged", varde);
        assertEquals(aarhus, merged.get("data").get("intoIdeaId").asLong());
        // the family's primary is published again, crediting Varde
        eventWhere("idea.published", aarhus, data -> data.get("municipalities").size() == 2
                && "573".equals(data.get("municipalities").get(1).asText()));

        long third = submitted("630", efficiency("Virtuel hjemmepleje via tablet", "aeldre", 2024, 500_000));
        assertProblem(as(Tokens.curator()).body(Map.of("intoIdeaId", varde, "reason", "x")).post(kl(third, "merge"))
                .then(), 422, "business-rule").body("rule", equalTo("merge-into-member"));
        // the primary into its own member, a member into its own primary, an idea into itself
        assertProblem(as(Tokens.curator()).body(Map.of("intoIdeaId", varde, "reason", "x")).post(kl(aarhus, "merge"))
                .then(), 422, "business-rule").body("rule", equalTo("merge-family-primary"));
        assertProblem(as(Tokens.curator()).body(Map.of("intoIdeaId", aarhus, "reason", "x")).post(kl(varde, "merge"))
                .then(), 409, "conflict").body("detail", equalTo("Idea " + varde + " is in the family of idea "
                        + aarhus + " already"));
        assertProblem(as(Tokens.curator()).body(Map.of("intoIdeaId", third, "reason", "x")).post(kl(third, "merge"))
                .then(), 422, "business-rule").body("rule", equalTo("merge-self"));

        as(Tokens.curator()).body(Map.of("reason", "Fejlagtig sammenlægning")).post(kl(varde, "unmerge")).then()
                .statusCode(200).body("status", equalTo("SUBMITTED")).body("family", nullValue());
        get(Tokens.finance("101"), aarhus).body("family", nullValue());
        // the same search as before the undoing no longer credits Varde (nothing kept from before the change)
        as(Tokens.finance("101")).queryParam("municipality", "573").queryParam("q", "videobesøg").get("/api/v1/ideas")
                .then().body("items.id", not(hasItem((int) aarhus)));
        assertEquals(aarhus, lastEvent("idea.merge-undone", varde).get("data").get("intoIdeaId").asLong());
        as(Tokens.finance("573")).get("/api/v1/ideas/" + varde + "/history").then()
                .body("action", contains("SUBMITTED", "MERGED", "MERGE_UNDONE"));
        assertProblem(as(Tokens.curator()).body(Map.of("reason", "x")).post(kl(varde, "unmerge")).then(), 409, "conflict");
    }

    @Test
    void aFamilyOutlivesItsPrimaryIdea() {
        long primary = published("147", efficiency("Fælles ledelse af små børnehuse", "dagtilbud", 2022, 800_000));
        long member = published("159", efficiency("Klyngeledelse i dagtilbud", "dagtilbud", 2023, 900_000));
        as(Tokens.curator()).body(Map.of("intoIdeaId", primary, "reason", "Samme idé")).post(kl(member, "merge")).then()
                .statusCode(200);
        as(Tokens.finance("147")).body(Map.of("reason", "Trukket af kommunen"))
                .post("/api/v1/municipalities/147/ideas/" + primary + "/withdraw").then().statusCode(200);
        get(Tokens.finance("101"), member).statusCode(200).body("status", equalTo("PUBLISHED")).body("family", nullValue());
    }

    @Test
    void linksAreTypedAndShownOnBothIdeas() throws Exception {
        long whole = published("183", efficiency("Digital forvaltning", "it-digitalisering", 2022, 2_000_000));
        long part = published("183", efficiency("Digital post", "it-digitalisering", 2022, 300_000));
        long linkId = as(Tokens.curator()).body(Map.of("toIdeaId", whole, "type", "PART_OF", "comment", "Et delprojekt"))
                .post(kl(part, "links")).then().statusCode(201).body("label", equalTo("part of"))
                .extract().jsonPath().getLong("id");
        get(Tokens.finance("101"), part).body("links[0].label", equalTo("part of")).body("links[0].ideaId", equalTo((int) whole));
        get(Tokens.finance("101"), whole).body("links[0].label", equalTo("has part")).body("links[0].ideaId", equalTo((int) part));
        assertProblem(as(Tokens.curator()).body(Map.of("toIdeaId", whole, "type", "PART_OF")).post(kl(part, "links"))
                .then(), 409, "conflict");
        assertProblem(as(Tokens.curator()).body(Map.of("toIdeaId", part, "type", "SIMILAR_TO")).post(kl(part, "links"))
                .then(), 422, "business-rule").body("rule", equalTo("link-self"));
        assertEquals("PART_OF", lastEvent("idea.linked", part).get("data").get("linkType").asText());

        as(Tokens.curator()).queryParam("reason", "Ikke et delprojekt").delete(kl(part, "links/" + linkId)).then()
                .statusCode(204);
        get(Tokens.finance("101"), whole).body("links", equalTo(List.of()));
        lastEvent("idea.unlinked", part);
        assertProblem(as(Tokens.curator()).queryParam("reason", "x").delete(kl(part, "links/" + linkId)).then(), 404,
                "not-found");
    }
}
