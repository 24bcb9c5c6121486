package dk.raaderum.platform.web.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;


/** A deprecated operation announces it in every answer, in the API description and in its headers, from one source. */
@QuarkusTest
class DeprecationsTest {

    private static final String OLD = "/api/v1/municipalities/573/old-notes";

    private static RequestSpecification asVarde() {
        return given().auth().oauth2(TestTokens.user("varde-fo").roles("finance-officer").municipality("573").token());
    }

    @Test
    void aDeprecatedOperationSendsDeprecationAndSunset() {
        asVarde().get(OLD).then().statusCode(200)
                .header("Deprecation", equalTo("@1796083200")) // 2026-12-01T00:00:00Z
                .header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"));
    }

    @Test
    void anOperationThatStaysSendsNeither() {
        asVarde().get(OLD + "/current").then().statusCode(200)
                .header("Deprecation", nullValue()).header("Sunset", nullValue());
    }

    @Test
    void theApiDescriptionSaysTheSame() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'" + OLD.replace("573", "{municipalityCode}") + "'.get.deprecated", equalTo(true))
                .body("paths.'" + OLD.replace("573", "{municipalityCode}") + "'.get.x-sunset", equalTo("2027-06-30"))
                .body("paths.'" + OLD.replace("573", "{municipalityCode}") + "/current'.get.deprecated", nullValue());
    }
}
