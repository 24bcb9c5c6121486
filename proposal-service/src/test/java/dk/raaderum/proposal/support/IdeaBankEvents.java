package dk.raaderum.proposal.support;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.events.idea.IdeaDecidedV1;
import dk.raaderum.platform.events.idea.IdeaPublishedV1;
import dk.raaderum.platform.testing.TestEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The idea bank's events as it writes them, sent to the real topics. */
public final class IdeaBankEvents {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100 + 3);
    public static final String TITLE = "Digital vagtplan i hjemmeplejen";

    private IdeaBankEvents() {
    }

    public static long newIdeaId() {
        return IDS.incrementAndGet();
    }

    /** An EFFICIENCY idea of Hedensted's B2025 budget stating 2025 and 2026 only. */
    public static void published(long ideaId, Instant at) {
        TestEvents.send(Events.IDEA_PUBLISHED, Long.toString(ideaId), "766", new IdeaPublishedV1(ideaId, 3, TITLE,
                "Vagtplanen lægges digitalt.", "Planlægningen flyttes til et fælles system.", "EFFICIENCY",
                "Samme hjælp med færre planlægningstimer", false, new PolicyAreaRef("aeldre", "Ældre", 5, null),
                List.of("planlægning"), "766", 2025, 2025, List.of(new YearAmount(2025, -400_000),
                        new YearAmount(2026, -800_000)), new BigDecimal("-1.5"), null, null, null, null, null, null,
                List.of("766"), at), at);
    }

    public static void withdrawn(long ideaId, Instant at) {
        TestEvents.send(Events.IDEA_WITHDRAWN, Long.toString(ideaId), "766", new IdeaDecidedV1(ideaId, TITLE, "766",
                "PUBLISHED", "MUNICIPALITY", "Trukket tilbage", at), at);
    }

    /** A request of the published idea into the catalog's area, as {@link #published} describes the idea. */
    public static IdeaCopyRequestedV1 request(long ideaId, long catalogId, String areaCode, String type, Long cost) {
        return new IdeaCopyRequestedV1(UUID.randomUUID(), ideaId, 3, catalogId, areaCode, TITLE,
                "Vagtplanen lægges digitalt.", "Planlægningen flyttes til et fælles system.", type,
                "Samme hjælp med færre planlægningstimer", false, null, "766", 2025, 2025,
                List.of(new YearAmount(2025, -400_000), new YearAmount(2026, -800_000)), new BigDecimal("-1.5"), cost,
                "Økonomimedarbejder Test", "finance-test", Instant.now());
    }

    /** Sends the request as the municipality's; returns the JSON sent. */
    public static String send(IdeaCopyRequestedV1 request, String municipality) {
        return TestEvents.send(Events.IDEA_COPY_REQUESTED, request.requestId().toString(), municipality, request,
                request.requestedAt());
    }
}
