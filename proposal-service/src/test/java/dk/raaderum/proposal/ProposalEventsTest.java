package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The events on the real topics: right key, envelope and content. */
@QuarkusTest
class ProposalEventsTest {

    private static final String M = "163";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode only(String topic, long aggregateId) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(topic, r -> String.valueOf(aggregateId).equals(r.key()),
                1, WAIT);
        assertEquals(1, records.size(), topic + " has the event of " + aggregateId);
        assertEquals("application/cloudevents+json; charset=UTF-8", KafkaTopics.header(records.get(0), "content-type"));
        return json(records.get(0));
    }

    @Test
    void submittingAndPresentingEmitTheirEvents() {
        int year = 2047;
        long catalog = createCatalog(M, year);
        long id = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Videobesøg", year, -1, -2, -2, -2));
        advance(M, id, "SUBMIT", "QUALIFY", "PRESENT");

        JsonNode submitted = only("proposal.submitted", id);
        assertEquals("dk.raaderum.proposal.submitted.v1", submitted.get("type").asText());
        assertEquals("/raaderum/proposal-service", submitted.get("source").asText());
        assertEquals(String.valueOf(id), submitted.get("subject").asText());
        assertEquals(M, submitted.get("municipality").asText());
        assertEquals("DRAFT", submitted.get("data").get("fromStatus").asText());
        assertEquals("SUBMITTED", submitted.get("data").get("toStatus").asText());
        assertEquals("ÆLD-01", submitted.get("data").get("number").asText());
        assertEquals("Social- og Sundhedsudvalget", submitted.get("data").get("area").get("committee").asText());

        JsonNode presented = only("proposal.presented", id);
        assertEquals("QUALIFIED", presented.get("data").get("fromStatus").asText());
        assertEquals(-2, presented.get("data").get("netChange").get(3).get("amount").asLong());
    }

    @Test
    void theBudgetAgreementEmitsAdoptedRejectedAndCatalogAdopted() {
        int year = 2051;
        long catalog = createCatalog(M, year);
        Map<String, Object> investmentBody = investment("TEK", "LED-gadelys", year, new long[] { 1_000_000, 500_000, 0, 0 },
                new long[] { 0, 600_000, 700_000, 700_000 });
        investmentBody.put("programOwner", "Vejchef Hansen");
        investmentBody.put("shareWithIdeaBank", true);
        investmentBody.put("origin", Map.of("kind", "POLITICAL_PARTY", "party", "Venstre"));
        long adopted = presented(M, catalog, investmentBody);
        long rejected = presented(M, catalog, proposal("SKO", "SAVING", "Større klasser", year, -1, -1, -1, -1));
        long withdrawn = createProposal(M, catalog, proposal("DAG", "EFFICIENCY", "Fælles ledelse", year, -1, -1, -1, -1));
        advance(M, withdrawn, "SUBMIT", "WITHDRAW");
        adopt(M, catalog, List.of(adopted)).statusCode(200);

        JsonNode event = only("proposal.adopted", adopted);
        assertEquals("dk.raaderum.proposal.adopted.v1", event.get("type").asText());
        JsonNode data = event.get("data");
        assertEquals(catalog, data.get("catalogId").asLong());
        assertEquals(year, data.get("budgetYear").asInt());
        assertEquals(year, data.get("priceLevelYear").asInt());
        assertEquals("INVESTMENT", data.get("type").asText());
        assertEquals("TEK", data.get("area").get("code").asText());
        assertEquals("Teknik og miljø", data.get("area").get("name").asText());
        assertEquals(2, data.get("area").get("mainAccount").asInt());
        assertEquals("Teknik- og Miljøudvalget", data.get("area").get("committee").asText());
        assertEquals(List.of(1_000_000L, -100_000L, -700_000L, -700_000L), amounts(data.get("netChange")));
        assertEquals(List.of(1_000_000L, 500_000L, 0L, 0L), amounts(data.get("investmentCost")));
        assertEquals(List.of(0L, 600_000L, 700_000L, 700_000L), amounts(data.get("gains")));
        assertEquals("Vejchef Hansen", data.get("programOwner").asText());
        assertEquals("POLITICAL_PARTY", data.get("origin").get("kind").asText());
        assertEquals("Venstre", data.get("origin").get("party").asText());
        assertTrue(data.get("shareWithIdeaBank").asBoolean());
        assertEquals("HIGH", data.get("uncertainty").asText());

        JsonNode rejection = only("proposal.rejected", rejected);
        assertEquals("PRESENTED", rejection.get("data").get("fromStatus").asText());
        assertEquals("Budgetforlig", rejection.get("data").get("comment").asText());

        assertEquals("SUBMITTED", only("proposal.withdrawn", withdrawn).get("data").get("fromStatus").asText());

        JsonNode agreement = only("catalog.adopted", catalog);
        assertEquals(List.of(adopted), longs(agreement.get("data").get("adoptedProposalIds")));
        assertEquals(List.of(rejected), longs(agreement.get("data").get("rejectedProposalIds")));
        assertEquals(List.of(1_000_000L, -100_000L, -700_000L, -700_000L), amounts(agreement.get("data").get("netChange")));
    }

    @Test
    void presentedEventCarriesWhatTheIdeaBankNeeds() {
        int year = 2055;
        long catalog = createCatalog(M, year);
        Map<String, Object> body = proposal("ÆLD", "SAVING", "Rengøring hver tredje uge", year, -1, -2, -2, -2);
        body.put("description", "Praktisk hjælp til rengøring ændres fra hver anden til hver tredje uge.");
        body.put("serviceConsequences", "Borgere får gjort rent sjældnere.");
        body.put("staffChange", List.of(Map.of("year", year + 1, "fte", -1.5)));
        body.put("shareWithIdeaBank", true);
        long id = presented(M, catalog, body);

        JsonNode data = only("proposal.presented", id).get("data");
        assertEquals("Praktisk hjælp til rengøring ændres fra hver anden til hver tredje uge.",
                data.get("description").asText());
        assertEquals("Begrundelse for typen SAVING", data.get("classificationRationale").asText());
        assertEquals("Borgere får gjort rent sjældnere.", data.get("serviceConsequences").asText());
        assertEquals(year, data.get("priceLevelYear").asInt());
        assertTrue(data.get("shareWithIdeaBank").asBoolean());
        assertEquals("ADMINISTRATION", data.get("origin").get("kind").asText());
        assertEquals(year + 1, data.get("staffChange").get(0).get("year").asInt());
        assertEquals(-1.5, data.get("staffChange").get(0).get("fte").asDouble());
        assertEquals("MEDIUM", data.get("uncertainty").asText());
        assertEquals(0, data.get("investmentCost").size());
    }

    @Test
    void aCorrectionThatLeavesSharingOutKeepsTheProposalShared() {
        int year = 2058;
        Map<String, Object> body = proposal("DAG", "EFFICIENCY", "Fælles indkøb af legeredskaber", year, -1, -1, -1, -1);
        body.put("shareWithIdeaBank", true);
        long id = presented(M, createCatalog(M, year), body);
        String path = base(M) + "/proposals/" + id;
        Map<String, Object> corrected = proposal("DAG", "EFFICIENCY", "Fælles indkøb af legeredskaber", year, -2, -1, -1,
                -1);
        corrected.put("correctionReason", "Beløbet i første år var forkert");
        long read = as(Users.financeOfficer(M)).get(path).then().extract().jsonPath().getLong("version");
        as(Users.financeOfficer(M)).header("If-Match", "\"" + read + "\"").body(corrected).put(path).then()
                .statusCode(200).body("shareWithIdeaBank", equalTo(true));
        corrected.put("shareWithIdeaBank", false);
        as(Users.financeOfficer(M)).header("If-Match", "\"" + (read + 1) + "\"").body(corrected).put(path).then()
                .statusCode(200).body("shareWithIdeaBank", equalTo(false));
    }

    @Test
    void sharingCanBeTurnedOffAfterPresentationAndIsPublished() {
        int year = 2057;
        long catalog = createCatalog(M, year);
        Map<String, Object> body = proposal("DAG", "EFFICIENCY", "Fælles ledelse af små børnehuse", year, -1, -1, -1, -1);
        body.put("shareWithIdeaBank", true);
        long id = presented(M, catalog, body);
        String sharing = base(M) + "/proposals/" + id + "/sharing";

        as(Users.politician(M, "Venstre")).body(Map.of("shareWithIdeaBank", false)).put(sharing).then().statusCode(403);
        long read = as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().statusCode(200).extract()
                .jsonPath().getLong("version");
        long unchanged = as(Users.financeOfficer(M)).body(Map.of("shareWithIdeaBank", true, "version", read)).put(sharing)
                .then().statusCode(200).extract().jsonPath().getLong("version");
        long version = as(Users.financeOfficer(M)).body(Map.of("shareWithIdeaBank", false, "version", unchanged))
                .put(sharing).then()
                .statusCode(200).body("shareWithIdeaBank", equalTo(false)).body("status", equalTo("PRESENTED"))
                .extract().jsonPath().getLong("version");
        as(Users.financeOfficer(M)).header("If-Match", "\"" + (version - 1) + "\"")
                .body(Map.of("shareWithIdeaBank", true)).put(sharing).then().statusCode(412);

        JsonNode event = only("proposal.sharing-changed", id);
        assertEquals("dk.raaderum.proposal.sharing-changed.v1", event.get("type").asText());
        assertFalse(event.get("data").get("shareWithIdeaBank").asBoolean());
        assertEquals("PRESENTED", event.get("data").get("fromStatus").asText());
        assertEquals("PRESENTED", event.get("data").get("toStatus").asText());
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id + "/transitions").then().statusCode(200)
                .body("comment", hasItem("Ikke længere delt med idébanken"));
    }

    @Test
    void aRefusedAgreementEmitsNothing() {
        int year = 2053;
        long catalog = createCatalog(M, year);
        long a = presented(M, catalog, proposal("ÆLD", "EFFICIENCY", "Står", year, -1, -1, -1, -1));
        long draft = createProposal(M, catalog, proposal("ÆLD", "EFFICIENCY", "Kladde", year, -1, -1, -1, -1));
        adopt(M, catalog, List.of(a, draft)).statusCode(422);
        // later events of the same aggregate land on the same partition, in order
        advance(M, a, "WITHDRAW");
        only("proposal.withdrawn", a);
        assertTrue(KafkaTopics.collect("proposal.adopted", r -> String.valueOf(a).equals(r.key()), Duration.ofSeconds(2))
                .isEmpty(), "the refused agreement adopted nothing");
        assertTrue(KafkaTopics.collect("catalog.adopted", r -> String.valueOf(catalog).equals(r.key()), Duration.ofSeconds(2))
                .isEmpty(), "nor the catalog");
    }

    private static List<Long> amounts(JsonNode years) {
        return java.util.stream.StreamSupport.stream(years.spliterator(), false).map(y -> y.get("amount").asLong()).toList();
    }

    private static List<Long> longs(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
    }
}
