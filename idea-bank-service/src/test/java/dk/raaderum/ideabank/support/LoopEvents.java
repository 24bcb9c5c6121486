package dk.raaderum.ideabank.support;

import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.followup.BenefitReportedV1;
import dk.raaderum.platform.events.followup.InitiativeDecidedV1;
import dk.raaderum.platform.events.proposal.CatalogChangedV1;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.testing.TestEvents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** proposal-service's answers to copy requests and followup-service's events, as they write them, sent to the topics. */
public final class LoopEvents {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100 + 7);

    private LoopEvents() {
    }

    public static long newInitiativeId() {
        return IDS.incrementAndGet();
    }

    private static void send(EventType<?> type, String key, String municipality, Object payload, Instant at) {
        TestEvents.send(type, key, municipality, payload, at);
    }

    public static void drafted(UUID request, long ideaId, String municipality, long catalogId, long proposalId,
            String number) {
        Instant now = Instant.now();
        send(Events.PROPOSAL_DRAFTED_FROM_IDEA, Long.toString(proposalId), municipality, new IdeaCopyAnsweredV1(request,
                ideaId, catalogId, 2027, "ÆLD", proposalId, number, null, null, now), now);
    }

    /** proposal-service's news of a catalog of the municipality with areas ÆLD and SKO. */
    public static void catalog(long catalogId, String municipality, String status, Instant at) {
        send(Events.CATALOG_CHANGED, Long.toString(catalogId), municipality, new CatalogChangedV1(catalogId, 2027, 2027,
                "Råderumskatalog 2027", status, List.of("ÆLD", "SKO"), at), at);
    }

    public static void refused(UUID request, long ideaId, String municipality, long catalogId, String reason,
            String detail) {
        Instant now = Instant.now();
        send(Events.IDEA_COPY_REFUSED, request.toString(), municipality, new IdeaCopyAnsweredV1(request, ideaId,
                catalogId, 2027, "ÆLD", null, null, reason, detail, now), now);
    }

    /** A report of the initiative of the proposal for {@code year}: expected and realised gains. */
    public static void reported(long initiative, long proposalId, String municipality, int year, int version,
            long expected, long realised) {
        Instant at = Instant.parse("2027-12-01T10:00:00Z").plusSeconds(version);
        send(Events.BENEFIT_REPORTED, Long.toString(initiative), municipality, new BenefitReportedV1(initiative,
                "Videobesøg i hjemmeplejen", "ÆLD", 2027, year, Integer.toString(year), version, expected, realised,
                BigDecimal.valueOf(realised).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP),
                "DOCUMENTED", realised >= expected ? "GREEN" : "RED", at, proposalId), at);
    }

    public static void decided(EventType<InitiativeDecidedV1> type, long initiative, Long proposalId,
            String municipality, String title, String reason, String narrative) {
        Instant at = Instant.parse("2028-06-01T10:00:00Z");
        String decision = type == Events.INITIATIVE_SHARED ? "SHARE" : "TERMINATE";
        send(type, Long.toString(initiative), municipality, new InitiativeDecidedV1(initiative, decision, title,
                "EFFICIENCY", 2027, new PolicyAreaRef("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget"),
                List.of(new YearAmount(2027, 400_000), new YearAmount(2028, 800_000)),
                List.of(new YearAmount(2027, 380_000)), List.of(), List.of(), "DOCUMENTED", reason, narrative, at,
                proposalId), at);
    }
}
