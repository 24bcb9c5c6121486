package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitInitiative;
import static dk.raaderum.followup.support.Api.awaitSlotStatus;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.governed;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.reportBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.followup.support.AdoptedEvents;
import dk.raaderum.followup.support.TestClock;
import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole flow: proposal.adopted on the real topic → initiatives → a report by the owner → a slot overdue when the
 * clock passes its due date → decisions → the dashboard's sums, with every event on its real topic.
 */
@QuarkusTest
class BenefitFlowTest {

    private static final String M = "329";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fromAdoptionThroughReportsOverdueAndDecisionsToTheDashboard() throws Exception {
        // Adopted with budget 2027 in Ringsted: an efficiency owned by ringsted-owner, an investment and an expansion.
        long efficiencyProposal = AdoptedEvents.newProposalId();
        long investmentProposal = AdoptedEvents.newProposalId();
        long expansionProposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(efficiencyProposal, M, "EFFICIENCY", 2027, -1_000_000, -1_000_000, -1_000_000, -1_000_000)
                .title("Fælles kørselsplanlægning").owner("ringsted-owner").send();
        AdoptedEvents.proposal(investmentProposal, M, "INVESTMENT", 2027)
                .investment(new long[] { 500_000, 0, 0, 0 }, new long[] { 100_000, 400_000, 400_000, 400_000 })
                .title("Sensorer i plejeboliger").owner("ringsted-owner-2").send();
        AdoptedEvents.proposal(expansionProposal, M, "EXPANSION", 2027, 300_000, 300_000, 300_000, 300_000).send();
        long efficiency = awaitInitiative(M, efficiencyProposal);
        long investment = awaitInitiative(M, investmentProposal);
        as(Tokens.finance(M)).queryParam("proposalId", expansionProposal).get(base(M) + "/initiatives").then()
                .body("total", equalTo(0));

        // The owner reports 2027: 900,000 of 1,000,000, made probable → 90 % GREEN.
        as(Tokens.owner("ringsted-owner", M)).body(reportBody(2027, 900_000, "PROBABLE"))
                .post(initiative(M, efficiency) + "/reports").then().statusCode(201)
                .body("ratio", equalTo(0.9f))
                .body("status", equalTo("GREEN"))
                .body("reportVersion", equalTo(1));
        JsonNode reported = payload(KafkaTopics.await(Events.BENEFIT_REPORTED.topic(),
                r -> Long.toString(efficiency).equals(r.key()), 1, WAIT).get(0));
        assertEquals(2027, reported.get("year").asInt());
        assertEquals(1_000_000, reported.get("expected").asLong());
        assertEquals(900_000, reported.get("realised").asLong());
        assertEquals(0, new BigDecimal("0.9").compareTo(reported.get("ratio").decimalValue()));
        assertEquals("PROBABLE", reported.get("evidenceLevel").asText());
        assertEquals("GREEN", reported.get("status").asText());
        assertEquals(efficiencyProposal, reported.get("proposalId").asLong(), "the idea bank ties reports to ideas by it");

        // 2 April 2029: the 2028 reports (due 1 April 2029) are overdue.
        clock.setDay(LocalDate.of(2029, 4, 2));
        awaitSlotStatus(M, efficiency, "2028", "OVERDUE");
        awaitSlotStatus(M, investment, "2028", "OVERDUE");
        JsonNode overdue = payload(KafkaTopics.await(Events.REPORT_OVERDUE.topic(),
                r -> Long.toString(efficiency).equals(r.key()), 1, WAIT).get(0));
        assertEquals("2028", overdue.get("period").asText());
        assertEquals("2029-04-01", overdue.get("dueDate").asText());
        assertEquals("ringsted-owner", overdue.get("ownerId").asText());
        as(Tokens.finance(M)).get(base(M) + "/followup/overdue").then().statusCode(200)
                .body("items.initiativeId", hasItem((int) efficiency))
                .body("items.find { it.initiativeId == " + efficiency + " }.daysOverdue", equalTo(1));
        as(Tokens.owner("ringsted-owner", M)).queryParam("owner", "ringsted-owner").get(base(M) + "/followup/overdue").then()
                .statusCode(200).body("items.initiativeId", contains((int) efficiency));

        // A late report of 2028 by a finance officer; the overdue mark stays on record.
        as(Tokens.finance(M)).body(reportBody(2028, 500_000, "ESTIMATE")).post(initiative(M, efficiency) + "/reports")
                .then().statusCode(201).body("status", equalTo("RED"));

        // Decisions: the investment is terminated, the efficiency adjusted, scaled up and shared.
        as(Tokens.finance(M)).body(governed(Map.of("decision", "TERMINATE", "reason", "Sensorerne virker ikke efter hensigten")))
                .post(initiative(M, investment) + "/decisions").then().statusCode(201)
                .body("budgetRisk", equalTo(1_200_000));
        JsonNode terminated = payload(KafkaTopics.await(Events.INITIATIVE_TERMINATED.topic(),
                r -> Long.toString(investment).equals(r.key()), 1, WAIT).get(0));
        assertEquals("TERMINATE", terminated.get("decision").asText());
        assertEquals("[{\"year\":2027,\"amount\":0},{\"year\":2028,\"amount\":400000},{\"year\":2029,\"amount\":400000},"
                + "{\"year\":2030,\"amount\":400000}]", terminated.get("unrealisedRemainder").toString());

        as(Tokens.finance(M)).body(governed(Map.of("decision", "ADJUST", "reason", "Fuld effekt først fra 2030",
                "expected", List.of(Map.of("year", 2029, "amount", 600_000)))))
                .post(initiative(M, efficiency) + "/decisions").then().statusCode(201);
        as(Tokens.finance(M)).body(governed(Map.of("decision", "SCALE_UP", "scaleUpAreas", List.of("Sygeplejen",
                "Handicapområdet"))))
                .post(initiative(M, efficiency) + "/decisions").then().statusCode(201);
        as(Tokens.politician(M)).body(Map.of("decision", "SHARE")).post(initiative(M, efficiency) + "/decisions").then()
                .statusCode(201);
        JsonNode scaled = payload(KafkaTopics.await(Events.INITIATIVE_SCALED_UP.topic(),
                r -> Long.toString(efficiency).equals(r.key()), 1, WAIT).get(0));
        assertEquals("[\"Sygeplejen\",\"Handicapområdet\"]", scaled.get("scaleUpAreas").toString());
        JsonNode shared = payload(KafkaTopics.await(Events.INITIATIVE_SHARED.topic(),
                r -> Long.toString(efficiency).equals(r.key()), 1, WAIT).get(0));
        assertEquals("ESTIMATE", shared.get("evidenceLevel").asText(), "the weakest evidence of the reports");
        assertEquals("[{\"year\":2027,\"amount\":900000},{\"year\":2028,\"amount\":500000}]", shared.get("realised").toString());
        assertEquals("[{\"year\":2027,\"amount\":1000000},{\"year\":2028,\"amount\":1000000},{\"year\":2029,\"amount\":600000},"
                + "{\"year\":2030,\"amount\":1000000}]", shared.get("expected").toString());
        assertEquals("Målt i fagsystemet for 2028", shared.get("narrative").asText());

        // Dashboard 2028: efficiency reported 500,000 of 1,000,000 (RED); investment terminated, nothing realised.
        // At 2028 prices (the default level), with KL's default index: the catalog's 2027 amounts × 129.7862 /
        // 126.9924 (1,000,000 → 1,022,000; 400,000 → 408,800); the report is at 2028 prices already.
        as(Tokens.finance(M)).queryParam("year", 2028).get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("priceLevel.year", equalTo(2028))
                .body("totals.initiatives", equalTo(2))
                .body("totals.adoptedGains", equalTo(1_022_000 + 408_800))
                .body("totals.investmentCosts", equalTo(0))
                .body("totals.adoptedNet", equalTo(1_022_000 + 408_800))
                .body("totals.expected", equalTo(1_022_000 + 408_800))
                .body("totals.expectedReported", equalTo(1_022_000))
                .body("totals.realised", equalTo(500_000))
                .body("totals.realisationRate", equalTo(0.4892f))
                .body("totals.gainsAtRisk", equalTo(522_000 + 408_800))
                .body("totals.red", equalTo(1))
                .body("totals.noReportDue", equalTo(1))
                .body("underperformers.initiativeId", contains((int) efficiency));
        // Dashboard 2029: the adjustment shows the gap to the budget at once. At the catalog's 2027 prices:
        as(Tokens.finance(M)).queryParam("year", 2029).queryParam("priceLevelYear", 2027)
                .get(base(M) + "/followup/dashboard").then().statusCode(200)
                .body("totals.adoptedNet", equalTo(1_400_000))
                .body("totals.expected", equalTo(1_000_000))
                .body("totals.gainsAtRisk", equalTo(400_000 + 400_000))
                .body("totals.pending", equalTo(1))
                .body("byType.key", containsInAnyOrder("EFFICIENCY", "INVESTMENT"));
        as(Tokens.finance(M)).get(initiative(M, efficiency) + "/history").then().statusCode(200)
                .body("items.action", contains("DECIDED", "DECIDED", "DECIDED", "REPORTED", "REPORT_OVERDUE", "REPORTED",
                        "REGISTERED"));
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) throws Exception {
        JsonNode event = JSON.readTree(record.value());
        assertEquals(M, event.get("municipality").asText());
        assertEquals(record.key(), event.get("subject").asText());
        return event.get("data");
    }
}
