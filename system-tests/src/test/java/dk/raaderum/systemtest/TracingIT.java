package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.devstack.App;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One trace across the event hop: a budget agreement through the gateway, started with the caller's own traceparent,
 * reaches proposal-service over HTTP, leaves it as outbox rows relayed to Kafka (the CloudEvent carries the trace
 * context), and is processed by target-service and followup-service; a presentation's event is processed by
 * idea-bank-service, whose own event (written to its outbox by that processing) is published in the same trace. Every
 * application exports its spans to an OTLP receiver, and the spans of each trace form one connected tree under the
 * caller's span. A request answered with a problem (a forged token at the gateway, a missing catalog) is traced without
 * the exception it ended with: spans carry no events.
 */
class TracingIT {

    private static final String VARDE = "/api/v1/municipalities/573";
    /**
     * Varde's catalogs of 2060 and 2021 are this test's: no other system test uses them, and none counts Varde's
     * catalogs (LocalPlatformIT counts Ringsted's demo catalogs). The shared proposal's year is one the idea bank takes
     * (2019–2030).
     */
    private static final int YEAR = 2060;
    private static final int SHARED_YEAR = 2021;
    private static final Duration SOON = Duration.ofSeconds(60);

    private static String gateway;
    private static String finance;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        finance = SharedStack.keycloak().passwordToken("varde-finance");
    }

    private static RequestSpecification asFinance() {
        return given().baseUri(gateway).auth().oauth2(finance).contentType(ContentType.JSON);
    }

    @Test
    void aBudgetAgreementIsOneTraceThroughTheGatewayProposalTargetAndFollowupService() throws IOException {
        Presented presented = presentedSaving(YEAR, new Trace(), false);
        long proposal = presented.proposal();
        Trace trace = new Trace();

        trace.on(asFinance()).body(Map.of("adoptedProposalIds", List.of(proposal), "comment", "Budgetforlig " + YEAR))
                .post(VARDE + "/catalogs/" + presented.catalog() + "/adoption").then().statusCode(200)
                .body("adopted", contains((int) proposal));

        // the event itself carries the trace: the CloudEvents distributed-tracing extension
        ConsumerRecord<String, String> adopted = Redeliver.find("proposal.adopted",
                record -> record.key().equals(String.valueOf(proposal)) && record.value().contains(trace.id),
                "of proposal " + proposal + " in trace " + trace.id);
        JsonNode event = new ObjectMapper().readTree(adopted.value());
        assertTrue(event.path("traceparent").asText().startsWith("00-" + trace.id + "-"), event.toString());

        await().atMost(SOON).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = trace.spans();
            assertServices(spans, Set.of("gateway", "proposal-service", "target-service", "followup-service"));
            assertProcessed(spans, "target-service", "dk.raaderum.proposal.adopted.v1");
            assertProcessed(spans, "followup-service", "dk.raaderum.proposal.adopted.v1");
            assertConnected(spans, trace.callerSpan);
        });
        assertGatewayLogged(trace.id);
        trace.print();
    }

    @Test
    void anEventAConsumerWritesContinuesTheTraceOfTheEventItProcessed() {
        Trace presentation = new Trace();
        presentedSaving(SHARED_YEAR, presentation, true);

        // proposal-service -> proposal.presented -> idea-bank-service takes the shared proposal in as a submitted idea,
        // whose idea.submitted event (its own outbox) is published in the same trace, under the consumer's span
        await().atMost(SOON).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = presentation.spans();
            assertServices(spans, Set.of("gateway", "proposal-service", "idea-bank-service"));
            OtlpReceiver.ReceivedSpan processed = assertProcessed(spans, "idea-bank-service",
                    "dk.raaderum.proposal.presented.v1");
            assertTrue(spans.stream().anyMatch(span -> span.service().equals("idea-bank-service")
                    && span.kind().equals("SPAN_KIND_PRODUCER") && span.name().equals("idea.submitted publish")
                    && span.parentSpanId().equals(processed.spanId())),
                    "idea-bank-service published no idea.submitted under its processing span: " + spans);
            assertConnected(spans, presentation.callerSpan);
        });
        presentation.print();
    }

    @Test
    void aRejectedRequestIsTracedWithoutTheExceptionItEndedWith() {
        Trace forged = new Trace();
        forged.on(given().baseUri(gateway).auth().oauth2(finance.substring(0, finance.lastIndexOf('.') + 1) + "AAAA"))
                .get(VARDE + "/catalogs").then().statusCode(401);
        Trace missing = new Trace();
        missing.on(asFinance()).get(VARDE + "/catalogs/999999999").then().statusCode(404);

        // a span holds an exception event's exception until it is exported: a flood of bad requests must not (events off)
        await().atMost(SOON).untilAsserted(() -> {
            assertAnsweredWithoutEvents(forged.spans(), "gateway", 401);
            assertAnsweredWithoutEvents(missing.spans(), "proposal-service", 404);
        });
    }

    /** A trace the test starts: its own traceparent on a request, the spans the receiver got for it. */
    private static final class Trace {

        final String id = HexFormat.of().formatHex(random(16));
        final String callerSpan = HexFormat.of().formatHex(random(8));

        Trace() {
            SharedStack.traces().watch(id);
        }

        RequestSpecification on(RequestSpecification request) {
            return request.header("traceparent", "00-" + id + "-" + callerSpan + "-01");
        }

        List<OtlpReceiver.ReceivedSpan> spans() {
            return SharedStack.traces().spans(id);
        }

        void print() {
            spans().forEach(span -> System.out.printf("[trace %s] %-18s %-9s %s <- %s%n", id, span.service(),
                    span.kind().replace("SPAN_KIND_", ""), span.name(), span.parentSpanId()));
        }
    }

    private static void assertServices(List<OtlpReceiver.ReceivedSpan> spans, Set<String> expected) {
        Set<String> services = spans.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
        assertTrue(services.containsAll(expected), "services in the trace: " + services + "; spans: " + spans
                + "; receiver: " + SharedStack.traces().status());
    }

    /** The consumer's processing span of the event type, in the service that consumed it. */
    private static OtlpReceiver.ReceivedSpan assertProcessed(List<OtlpReceiver.ReceivedSpan> spans, String service,
            String eventType) {
        return spans.stream().filter(span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_CONSUMER")
                && span.name().equals(eventType + " process")).findFirst()
                .orElseThrow(() -> new AssertionError(service + " processed no " + eventType + ": " + spans));
    }

    /** The service's server span answered the status and carries no event. */
    private static void assertAnsweredWithoutEvents(List<OtlpReceiver.ReceivedSpan> spans, String service, long status) {
        OtlpReceiver.ReceivedSpan answered = spans.stream().filter(span -> span.service().equals(service)
                && span.kind().equals("SPAN_KIND_SERVER") && span.httpStatus() == status).findFirst()
                .orElseThrow(() -> new AssertionError(service + " recorded no server span answering " + status + ": "
                        + spans));
        assertEquals(0, answered.events(), "events of " + answered);
    }

    /** Every span's parent is the caller's span or another span of the trace: one tree, no orphan. */
    private static void assertConnected(List<OtlpReceiver.ReceivedSpan> spans, String callerSpan) {
        Set<String> ids = spans.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        List<OtlpReceiver.ReceivedSpan> orphans = spans.stream()
                .filter(span -> !span.parentSpanId().equals(callerSpan) && !ids.contains(span.parentSpanId())).toList();
        assertEquals(List.of(), orphans, "spans whose parent is not in the trace");
    }

    /** The gateway's access log line (a JSON log line in production form) names the trace. */
    private static void assertGatewayLogged(String traceId) throws IOException {
        List<String> lines = Files.readAllLines(SharedStack.stack().logOf(App.GATEWAY.name()));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"traceId\":\"" + traceId + "\"")),
                "no JSON log line of the gateway names trace " + traceId);
    }

    /** A catalog with one proposal, shared with the idea bank or not, presented to the council in the given trace. */
    private record Presented(long catalog, long proposal) {
    }

    private static Presented presentedSaving(int year, Trace presentation, boolean shared) {
        long catalog = asFinance().body(Map.of("budgetYear", year, "title", "Sporbarhed " + year, "areas", List.of(Map.of(
                "code", "ÆLD", "name", "Ældreområdet", "mainAccount", 5, "committee", "Social- og Sundhedsudvalget"))))
                .post(VARDE + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Map<String, Object>> years = List.of(Map.of("year", year, "amount", -400_000),
                Map.of("year", year + 1, "amount", -400_000), Map.of("year", year + 2, "amount", -400_000),
                Map.of("year", year + 3, "amount", -400_000));
        long proposal = asFinance().body(Map.of("title", "Samlet indkøb af inkontinensprodukter",
                "description", "Fælles udbud af inkontinensprodukter i Varde Kommune.", "type", "EFFICIENCY",
                "classificationRationale", "Samme service til lavere pris", "areaCode", "ÆLD",
                "origin", Map.of("kind", "ADMINISTRATION"), "operatingChange", years, "uncertainty", "LOW",
                "programOwner", "varde-owner", "shareWithIdeaBank", shared))
                .post(VARDE + "/catalogs/" + catalog + "/proposals").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        for (String action : List.of("SUBMIT", "QUALIFY", "PRESENT")) {
            RequestSpecification request = action.equals("PRESENT") ? presentation.on(asFinance()) : asFinance();
            request.body(Map.of("action", action)).post(VARDE + "/proposals/" + proposal + "/transitions").then()
                    .statusCode(200);
        }
        return new Presented(catalog, proposal);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
