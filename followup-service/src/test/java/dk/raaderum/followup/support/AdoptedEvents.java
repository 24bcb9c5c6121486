package dk.raaderum.followup.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** proposal.adopted CloudEvents as proposal-service writes them, sent to the real topic. */
public final class AdoptedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AtomicLong IDS = new AtomicLong(
            System.currentTimeMillis() % 1_000_000_000L * 100);

    private AdoptedEvents() {
    }

    /** A proposal id no other test uses. */
    public static long newProposalId() {
        return IDS.incrementAndGet();
    }

    /** A proposal of {@code type} adopted with a yearly netChange from {@code budgetYear} (negative creates room). */
    public static Builder proposal(long proposalId, String municipality, String type, int budgetYear, long... netChange) {
        return new Builder(proposalId, municipality, type, budgetYear, netChange);
    }

    public static final class Builder {
        private final ObjectNode data = JSON.createObjectNode();
        private final String municipality;
        private final long proposalId;
        private String eventId = UUID.randomUUID().toString();

        private Builder(long proposalId, String municipality, String type, int budgetYear, long[] netChange) {
            this.proposalId = proposalId;
            this.municipality = municipality;
            data.put("proposalId", proposalId);
            data.put("number", "ÆLD-" + (proposalId % 100));
            data.put("title", "Forslag " + proposalId);
            data.put("type", type);
            data.put("catalogId", 9000 + budgetYear);
            data.put("budgetYear", budgetYear);
            data.put("priceLevelYear", budgetYear);
            ObjectNode area = data.putObject("area");
            area.put("code", "ÆLD");
            area.put("name", "Ældreområdet");
            area.put("mainAccount", 5);
            area.put("committee", "Social- og Sundhedsudvalget");
            data.set("netChange", years(budgetYear, netChange));
            data.putArray("investmentCost");
            data.putArray("gains");
            data.putNull("programOwner");
            ObjectNode origin = data.putObject("origin");
            origin.put("kind", "ADMINISTRATION");
            data.put("shareWithIdeaBank", false);
            data.put("uncertainty", "MEDIUM");
            data.put("adoptedAt", budgetYear - 1 + "-10-08T12:00:00Z");
        }

        public Builder title(String title) {
            data.put("title", title);
            return this;
        }

        public Builder owner(String programOwner) {
            data.put("programOwner", programOwner);
            return this;
        }

        public Builder eventId(String id) {
            this.eventId = id;
            return this;
        }

        /** INVESTMENT: cost and gains per year from the budget year (netChange = cost − gains is set from them). */
        public Builder investment(long[] cost, long[] gains) {
            int first = data.get("budgetYear").asInt();
            data.set("investmentCost", years(first, cost));
            data.set("gains", years(first, gains));
            long[] net = new long[cost.length];
            for (int i = 0; i < cost.length; i++) {
                net[i] = cost[i] - gains[i];
            }
            data.set("netChange", years(first, net));
            return this;
        }

        public String eventId() {
            return eventId;
        }

        public String json() {
            ObjectNode event = JSON.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", eventId);
            event.put("source", "/raaderum/proposal-service");
            event.put("type", Events.PROPOSAL_ADOPTED.type());
            event.put("subject", Long.toString(proposalId));
            event.put("time", "2026-10-08T12:00:00.123456Z");
            event.put("datacontenttype", "application/json");
            if (municipality != null) {
                event.put("municipality", municipality);
            }
            event.set("data", data);
            return event.toString();
        }

        /** Sends it to proposal.adopted, keyed by the proposal id; returns the event id. */
        public String send() {
            KafkaTopics.send(Events.PROPOSAL_ADOPTED.topic(), Long.toString(proposalId), json());
            return eventId;
        }
    }

    private static ArrayNode years(int first, long[] amounts) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < amounts.length; i++) {
            ObjectNode year = array.addObject();
            year.put("year", first + i);
            year.put("amount", amounts[i]);
        }
        return array;
    }
}
