package dk.raaderum.ideabank.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** proposal-service's events as it writes them (v1 with the fields for the idea bank), sent to the real topics. */
public final class ProposalEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private ProposalEvents() {
    }

    public static long newProposalId() {
        return IDS.incrementAndGet();
    }

    /** A proposal of the municipality's catalog of {@code budgetYear}: EFFICIENCY, ÆLD, four years of room. */
    public static Builder proposal(long proposalId, String municipality, int budgetYear) {
        return new Builder(proposalId, municipality, budgetYear);
    }

    public static final class Builder {
        private final ObjectNode data = JSON.createObjectNode();
        private final long proposalId;
        private final String municipality;
        private Instant time = Instant.parse("2026-09-01T10:00:00Z");

        private Builder(long proposalId, String municipality, int budgetYear) {
            this.proposalId = proposalId;
            this.municipality = municipality;
            data.put("proposalId", proposalId);
            data.put("number", "ÆLD-" + proposalId % 100);
            data.put("title", "Videobesøg i hjemmeplejen");
            data.put("type", "EFFICIENCY");
            data.put("catalogId", 42);
            data.put("budgetYear", budgetYear);
            ObjectNode area = data.putObject("area");
            area.put("code", "ÆLD");
            area.put("name", "Ældreområdet");
            area.put("mainAccount", 5);
            area.put("committee", "Social- og Sundhedsudvalget");
            ArrayNode net = data.putArray("netChange");
            for (int i = 0; i < 4; i++) {
                net.addObject().put("year", budgetYear + i).put("amount", -500_000 * (i == 0 ? 1 : 2));
            }
            data.put("priceLevelYear", budgetYear);
            data.putObject("origin").put("kind", "ADMINISTRATION");
            data.put("shareWithIdeaBank", true);
            data.put("description", "Udvalgte besøg til medicinpåmindelse erstattes af videobesøg.");
            data.put("classificationRationale", "Samme hjælp med færre kørselstimer.");
            data.putNull("serviceConsequences");
            data.putArray("investmentCost");
            data.putArray("gains");
            data.putArray("staffChange").addObject().put("year", budgetYear + 3).put("fte", -2.5);
            data.put("uncertainty", "MEDIUM");
        }

        public Builder shared(boolean shared) {
            data.put("shareWithIdeaBank", shared);
            return this;
        }

        /** A proposal with origin IDEA_BANK naming the idea. */
        public Builder fromIdea(long ideaId) {
            data.putObject("origin").put("kind", "IDEA_BANK").put("ideaId", ideaId);
            data.put("shareWithIdeaBank", false);
            return this;
        }

        public Builder catalog(long catalogId) {
            data.put("catalogId", catalogId);
            return this;
        }

        public Builder title(String title) {
            data.put("title", title);
            return this;
        }

        /** The four years' net change (negative creates room). */
        public Builder netChange(long... amounts) {
            ArrayNode net = data.putArray("netChange");
            for (int i = 0; i < amounts.length; i++) {
                net.addObject().put("year", data.get("budgetYear").asInt() + i).put("amount", amounts[i]);
            }
            return this;
        }

        public Builder at(String instant) {
            time = Instant.parse(instant);
            return this;
        }

        private String envelope(EventType<?> type, String status, String from) {
            data.put("toStatus", status);
            data.put("fromStatus", from);
            data.put("changedAt", time.toString());
            data.put("adoptedAt", time.toString());
            ObjectNode event = JSON.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", UUID.randomUUID().toString());
            event.put("source", "/raaderum/proposal-service");
            event.put("type", type.type());
            event.put("subject", Long.toString(proposalId));
            event.put("time", time.toString());
            event.put("datacontenttype", "application/json");
            if (municipality != null) {
                event.put("municipality", municipality);
            }
            ObjectNode payload = data.deepCopy();
            if (type == Events.PROPOSAL_ADOPTED) {
                payload.remove(java.util.List.of("toStatus", "fromStatus", "changedAt", "comment", "staffChange"));
                payload.set("staffChange", data.get("staffChange"));
                payload.put("programOwner", "Ældrechef");
            } else {
                payload.remove("adoptedAt");
            }
            event.set("data", payload);
            return event.toString();
        }

        /** Sends the event to its topic, keyed by the proposal id; returns the JSON sent. */
        public String send(EventType<?> type, String status, String from) {
            String json = envelope(type, status, from);
            KafkaTopics.send(type.topic(), Long.toString(proposalId), json);
            return json;
        }

        public String presented() {
            return send(Events.PROPOSAL_PRESENTED, "PRESENTED", "QUALIFIED");
        }

        public String adopted() {
            return send(Events.PROPOSAL_ADOPTED, "ADOPTED", "PRESENTED");
        }

        public String withdrawn() {
            return send(Events.PROPOSAL_WITHDRAWN, "WITHDRAWN", "PRESENTED");
        }

        /** A finance officer's correction of the presented proposal, with its reason (the event's comment). */
        public String corrected(String reason) {
            data.put("comment", reason);
            return send(Events.PROPOSAL_CORRECTED, "PRESENTED", "PRESENTED");
        }

        public String sharingChanged(String status) {
            return send(Events.PROPOSAL_SHARING_CHANGED, status, status);
        }
    }
}
