package dk.raaderum.platform.events.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** The deciding body was added to v1: payloads with it round-trip, and payloads written before still read. */
class InitiativeDecidedV1Test {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aPayloadWithTheDecidingBodyRoundTrips() throws Exception {
        InitiativeDecidedV1 decided = new InitiativeDecidedV1(7, "TERMINATE", "Lukning af filial", "EFFICIENCY", 2027,
                new PolicyAreaRef("KUL", "Kultur", 3, "Kulturudvalget"), List.of(new YearAmount(2027, 600_000)),
                List.of(), List.of(new YearAmount(2027, 600_000)), List.of(), null, "Opgivet", null,
                Instant.parse("2027-03-14T10:00:00Z"), 42L, "STANDING_COMMITTEE", "Kulturudvalget", "KU 2027-03-14 pkt. 7");
        InitiativeDecidedV1 read = JSON.readValue(JSON.writeValueAsString(decided), InitiativeDecidedV1.class);
        assertEquals(decided, read);
        assertEquals("KU 2027-03-14 pkt. 7", read.decisionReference());
    }

    @Test
    void aPayloadWrittenBeforeTheDecidingBodyReadsWithoutOne() throws Exception {
        String before = """
                {"initiativeId":7,"decision":"SHARE","title":"Genbrug","type":"EFFICIENCY","catalogYear":2027,
                 "area":{"code":"ÆLD","name":"Ældre","mainAccount":5,"committee":null},"expected":[],"realised":[],
                 "unrealisedRemainder":[],"scaleUpAreas":[],"evidenceLevel":"PROBABLE","reason":null,
                 "narrative":"Virker","decidedAt":"2027-03-14T10:00:00Z","proposalId":null}""";
        InitiativeDecidedV1 read = JSON.readValue(before, InitiativeDecidedV1.class);
        assertEquals("SHARE", read.decision());
        assertEquals("Virker", read.narrative());
        assertNull(read.decidingBody());
        assertNull(read.decidingBodyName());
        assertNull(read.decisionReference());
    }
}
