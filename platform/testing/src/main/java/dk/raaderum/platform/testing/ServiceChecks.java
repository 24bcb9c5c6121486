package dk.raaderum.platform.testing;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every service promises once it is up, checked the same way in each: healthy against its real database and
 * Kafka, an API description and metrics, and municipal resources guarded by the caller's {@code municipality} claim.
 */
public final class ServiceChecks {

    /** platform/messaging's health check: Kafka's state and the consumers/outbox, reported but always UP. */
    public static final String MESSAGING_CHECK = "Messaging";

    private ServiceChecks() {
    }

    /** Readiness reports the database and Kafka checks UP; liveness is UP. */
    public static void assertHealthyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", MESSAGING_CHECK));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The OpenAPI document carries the service's title; metrics include the outbox gauges. */
    public static void assertOpenApiAndOutboxMetrics(String service) {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Råderum " + service));
        given().get("/q/metrics").then().statusCode(200).body(containsString("raaderum_outbox_pending"));
    }

    /**
     * A finance officer of Varde (573) reads {@code /api/v1/municipalities/573/<resource>}, is refused Aarhus's (751)
     * with 403 {@code wrong-municipality}, and nobody gets in without a token (401).
     */
    public static void assertTenantGuarded(String resource) {
        String varde = TestTokens.user("varde-finance").roles("finance-officer").municipality("573").token();
        given().auth().oauth2(varde).get("/api/v1/municipalities/573/" + resource).then().statusCode(200);
        assertProblem(given().auth().oauth2(varde).get("/api/v1/municipalities/751/" + resource).then(), 403,
                "wrong-municipality");
        assertProblem(given().get("/api/v1/municipalities/573/" + resource).then(), 401, "unauthenticated");
    }

    /**
     * Every successful answer (200/201) of every operation in the API description says what it carries: a media type,
     * and for JSON a schema, so that clients can be generated from it.
     */
    @SuppressWarnings("unchecked")
    public static void assertEverySuccessDescribed() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath().getMap("paths");
        List<String> undescribed = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !(operation.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            for (String code : List.of("200", "201")) {
                if (responses.get(code) instanceof Map<?, ?> response) {
                    Object content = response.get("content");
                    if (!(content instanceof Map<?, ?> media) || media.isEmpty()) {
                        undescribed.add(method.toUpperCase() + " " + path + " " + code + ": no content");
                    } else {
                        media.forEach((type, description) -> {
                            if (type.toString().contains("json") && (!(description instanceof Map<?, ?> json)
                                    || json.get("schema") == null)) {
                                undescribed.add(method.toUpperCase() + " " + path + " " + code + ": " + type
                                        + " without schema");
                            }
                        });
                    }
                }
            }
        }));
        assertEquals(List.of(), undescribed, "successful answers the API description leaves undescribed");
    }
}
