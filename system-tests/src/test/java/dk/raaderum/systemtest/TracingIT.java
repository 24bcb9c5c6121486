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
 * context), and is processed by target-service and followup-service; every application exports its spans to an OTLP
 * receiver, and the spans of all of them form one connected tree under the caller's span.
 */
class TracingIT {

    private static final String RINGSTED = "/api/v1/municipalities/329";
    private static final int YEAR = 2052;
    private static final Duration SOON = Duration.ofSeconds(60);

    private static String gateway;
    private static String finance;

    @BeforeAll
    static void platform() {
        gateway = SharedStack.gateway();
        finance = SharedStack.keycloak().passwordToken("ringsted-finance");
    }

    private static RequestSpecification asFinance() {
        return given().baseUri(gateway).auth().oauth2(finance).contentType(ContentType.JSON);
    }

    @Test
    void aBudgetAgreementIsOneTraceThroughTheGatewayProposalTargetAndFollowupService() throws IOException {
        Presented presented = presentedSaving();
        long proposal = presented.proposal();
        String traceId = HexFormat.of().formatHex(random(16));
        String callerSpan = HexFormat.of().formatHex(random(8));
        SharedStack.traces().watch(traceId);

        asFinance().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("adoptedProposalIds", List.of(proposal), "comment", "Budgetforlig " + YEAR))
                .post(RINGSTED + "/catalogs/" + presented.catalog() + "/adoption").then().statusCode(200)
                .body("adopted", contains((int) proposal));

        // the event itself carries the trace: the CloudEvents distributed-tracing extension
        ConsumerRecord<String, String> adopted = Redeliver.find("proposal.adopted",
                record -> record.key().equals(String.valueOf(proposal)) && record.value().contains(traceId),
                "of proposal " + proposal + " in trace " + traceId);
        JsonNode event = new ObjectMapper().readTree(adopted.value());
        assertTrue(event.path("traceparent").asText().startsWith("00-" + traceId + "-"), event.toString());

        await().atMost(SOON).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = SharedStack.traces().spans(traceId);
            Set<String> services = spans.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
            assertTrue(services.containsAll(Set.of("gateway", "proposal-service", "target-service", "followup-service")),
                    "services in the trace: " + services + "; spans: " + spans + "; receiver: " + SharedStack.traces().status());
            assertProcessed(spans, "target-service");
            assertProcessed(spans, "followup-service");
            assertConnected(spans, callerSpan);
        });
        assertGatewayLogged(traceId);
        SharedStack.traces().spans(traceId).forEach(span -> System.out.printf("[trace %s] %-18s %-20s %s <- %s%n",
                traceId, span.service(), span.kind().replace("SPAN_KIND_", ""), span.name(), span.parentSpanId()));
    }

    /** The consumer's processing span of the adoption event, in the service that consumed it. */
    private static void assertProcessed(List<OtlpReceiver.ReceivedSpan> spans, String service) {
        assertTrue(spans.stream().anyMatch(span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_CONSUMER")
                && span.name().equals("dk.raaderum.proposal.adopted.v1 process")), service + " processed nothing: " + spans);
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

    /** A catalog with one proposal, presented to the council. */
    private record Presented(long catalog, long proposal) {
    }

    private static Presented presentedSaving() {
        long catalog = asFinance().body(Map.of("budgetYear", YEAR, "title", "Sporbarhed " + YEAR, "areas", List.of(Map.of(
                "code", "ÆLD", "name", "Ældreområdet", "mainAccount", 5, "committee", "Social- og Sundhedsudvalget"))))
                .post(RINGSTED + "/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Map<String, Object>> years = List.of(Map.of("year", YEAR, "amount", -400_000),
                Map.of("year", YEAR + 1, "amount", -400_000), Map.of("year", YEAR + 2, "amount", -400_000),
                Map.of("year", YEAR + 3, "amount", -400_000));
        long proposal = asFinance().body(Map.of("title", "Samlet indkøb af inkontinensprodukter",
                "description", "Fælles udbud af inkontinensprodukter i Ringsted Kommune.", "type", "EFFICIENCY",
                "classificationRationale", "Samme service til lavere pris", "areaCode", "ÆLD",
                "origin", Map.of("kind", "ADMINISTRATION"), "operatingChange", years, "uncertainty", "LOW",
                "programOwner", "ringsted-owner"))
                .post(RINGSTED + "/catalogs/" + catalog + "/proposals").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        for (String action : List.of("SUBMIT", "QUALIFY", "PRESENT")) {
            asFinance().body(Map.of("action", action)).post(RINGSTED + "/proposals/" + proposal + "/transitions").then()
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
