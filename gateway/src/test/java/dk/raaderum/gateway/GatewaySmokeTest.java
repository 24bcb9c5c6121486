package dk.raaderum.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The gateway starts and is healthy. */
@QuarkusTest
class GatewaySmokeTest {

    @Test
    void startsHealthy() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Råderum API"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
