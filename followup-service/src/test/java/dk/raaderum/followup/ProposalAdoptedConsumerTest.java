package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitInitiative;
import static dk.raaderum.followup.support.Api.base;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.followup.support.AdoptedEvents;
import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** proposal.adopted on the real topic → initiatives in the register, once each. */
@QuarkusTest
class ProposalAdoptedConsumerTest {

    private static final String M = "260";

    @Test
    void adoptedProposalBecomesAnActiveInitiativeWithExpectedGainsAndSlots() {
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(proposal, M, "EFFICIENCY", 2027, -400_000, -800_000, -800_000, -800_000)
                .title("Videobesøg i hjemmeplejen").owner("halsnaes-owner").send();

        long id = awaitInitiative(M, proposal);
        as(Tokens.finance(M)).get(base(M) + "/initiatives/" + id).then().statusCode(200)
                .body("source", equalTo("CATALOG"))
                .body("proposalId", equalTo(proposal))
                .body("catalogYear", equalTo(2027))
                .body("priceLevelYear", equalTo(2027))
                .body("area.code", equalTo("ÆLD"))
                .body("area.mainAccount", equalTo(5))
                .body("type", equalTo("EFFICIENCY"))
                .body("title", equalTo("Videobesøg i hjemmeplejen"))
                .body("owner.username", equalTo("halsnaes-owner"))
                .body("status", equalTo("ACTIVE"))
                .body("years.year", contains(2027, 2028, 2029, 2030))
                .body("years.adopted", contains(400_000, 800_000, 800_000, 800_000))
                .body("years.expected", contains(400_000, 800_000, 800_000, 800_000))
                .body("slots.period", contains("2027", "2028", "2029", "2030"))
                .body("slots.dueDate", contains("2028-04-01", "2029-04-01", "2030-04-01", "2031-04-01"))
                .body("slots.status", contains("PENDING", "PENDING", "PENDING", "PENDING"))
                .body("totals.adopted", equalTo(2_800_000));
    }

    @Test
    void duplicateDeliveryAndRepublicationCreateOneInitiative() {
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.Builder event = AdoptedEvents.proposal(proposal, M, "SAVING", 2027, -100_000, -100_000);
        event.send();
        event.send();
        // proposal-service publishing the same adoption again under a new event id
        AdoptedEvents.proposal(proposal, M, "SAVING", 2027, -100_000, -100_000).send();
        long marker = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(marker, M, "SAVING", 2027, -1_000).send();

        awaitInitiative(M, marker);
        as(Tokens.finance(M)).queryParam("proposalId", proposal).get(base(M) + "/initiatives").then().statusCode(200)
                .body("total", equalTo(1));
        long id = awaitInitiative(M, proposal);
        as(Tokens.finance(M)).get(base(M) + "/initiatives/" + id + "/history").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("REGISTERED"));
        assertTrue(KafkaTopics.collect("proposal.adopted.dlq", r -> Long.toString(proposal).equals(r.key()),
                Duration.ofSeconds(1)).isEmpty(), "the republication is skipped, not refused by the unique key");
    }

    @Test
    void expansionIsNotRegistered() {
        long expansion = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(expansion, M, "EXPANSION", 2027, 250_000, 250_000).send();
        long marker = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(marker, M, "EFFICIENCY", 2027, -1_000).send();

        awaitInitiative(M, marker);
        as(Tokens.finance(M)).queryParam("proposalId", expansion).get(base(M) + "/initiatives").then().statusCode(200)
                .body("total", equalTo(0));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.collect("proposal.adopted.dlq",
                r -> Long.toString(expansion).equals(r.key()), Duration.ofSeconds(1));
        assertTrue(dead.isEmpty(), "an expansion is skipped, not dead-lettered");
    }

    @Test
    void investmentExpectsNetRoomAndKeepsItsGainAndCostProfile() {
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(proposal, M, "INVESTMENT", 2027)
                .investment(new long[] { 1_000_000, 0, 0, 0 }, new long[] { 200_000, 600_000, 600_000, 600_000 })
                .send();

        long id = awaitInitiative(M, proposal);
        as(Tokens.finance(M)).get(base(M) + "/initiatives/" + id).then().statusCode(200)
                .body("type", equalTo("INVESTMENT"))
                .body("years.expected", contains(-800_000, 600_000, 600_000, 600_000))
                .body("years.investmentCost", contains(1_000_000, 0, 0, 0))
                .body("years.gain", contains(200_000, 600_000, 600_000, 600_000))
                // the investment year creates no room: nothing to report on
                .body("slots.period", contains("2028", "2029", "2030"));
    }

    @Test
    void freeTextProgramOwnerIsKeptAsNameWithoutLogin() {
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(proposal, M, "EFFICIENCY", 2027, -50_000).owner("Ældrechef Jens Hansen").send();

        long id = awaitInitiative(M, proposal);
        as(Tokens.finance(M)).get(base(M) + "/initiatives/" + id).then().statusCode(200)
                .body("owner.username", nullValue())
                .body("owner.name", equalTo("Ældrechef Jens Hansen"));
    }

    @Test
    void eventWithoutMunicipalityIsDeadLettered() {
        long proposal = AdoptedEvents.newProposalId();
        AdoptedEvents.proposal(proposal, null, "EFFICIENCY", 2027, -50_000).send();

        ConsumerRecord<String, String> dead = KafkaTopics.await("proposal.adopted.dlq",
                r -> Long.toString(proposal).equals(r.key()), 1, WAIT).get(0);
        assertTrue(KafkaTopics.header(dead, "dead-letter-reason").contains("no valid municipality"),
                KafkaTopics.header(dead, "dead-letter-reason"));
        assertEquals("proposal.adopted", KafkaTopics.header(dead, "dead-letter-topic"));
    }
}
