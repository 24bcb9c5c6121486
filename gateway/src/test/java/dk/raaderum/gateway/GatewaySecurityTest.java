package dk.raaderum.gateway;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Tokens are checked at the edge; the open data stays public; browsers get CORS answers; callers are limited. */
@QuarkusTest
class GatewaySecurityTest {

    @Test
    void noTokenIsAnEarly401Problem() {
        assertProblem(given().get("/api/v1/municipalities/573/catalogs").then(), 401, "unauthenticated")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"raaderum\""));
    }

    @Test
    void forgedAndExpiredTokensAre401() {
        String forged = TestTokens.user("x").roles("finance-officer").municipality("573").signedByStranger().token();
        assertProblem(given().auth().oauth2(forged).get("/api/v1/municipalities/573/catalogs").then(), 401,
                "unauthenticated");
        String expired = TestTokens.user("x").roles("finance-officer").municipality("573").expired().token();
        assertProblem(given().auth().oauth2(expired).get("/api/v1/ideas").then(), 401, "unauthenticated");
    }

    @Test
    void aTokenTheGatewayRemembersStopsWorkingWhenItExpires() throws InterruptedException {
        String shortLived = TestTokens.user("short").roles("finance-officer").municipality("573").expiresIn(3).token();
        given().auth().oauth2(shortLived).get("/api/v1/municipalities/573/catalogs").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/municipalities/573/catalogs").then().statusCode(200);
        Thread.sleep(4_000);
        assertProblem(given().auth().oauth2(shortLived).get("/api/v1/municipalities/573/catalogs").then(), 401,
                "unauthenticated");
    }

    @Test
    void openDataIsPublicAndLimitedPerAddress() {
        given().get("/api/v1/open-data/realised-gains").then().statusCode(200)
                .body("service", equalTo("followup-service"))
                .body("headers.authorization", nullValue());
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 40 && limited == 0; i++) {
            var response = given().get("/api/v1/open-data/realised-gains").then();
            if (response.extract().statusCode() == 429) {
                limited++;
                assertProblem(response, 429, "rate-limited");
                retryAfter = response.extract().header("Retry-After");
            }
        }
        assertTrue(limited > 0, "anonymous callers are limited (burst 20 in the test profile)");
        assertTrue(Integer.parseInt(retryAfter) >= 1, "Retry-After " + retryAfter);
    }

    /**
     * A flood of tokens that fail verification (burst 10 in the test profile) is answered 429 without checking each,
     * while a token the gateway already verified keeps working; once the bucket refills, tokens are checked again.
     */
    /** The flood's own address, behind the trusted proxy the test client stands in for. */
    private static final String FLOODER = "203.0.113.77";

    @Test
    void tokensThatFailVerificationAreLimitedPerAddress() {
        String good = TestTokens.user("steady").roles("finance-officer").municipality("573").token();
        given().auth().oauth2(good).get("/api/v1/municipalities/573/catalogs").then().statusCode(200);
        String forged = TestTokens.user("x").roles("finance-officer").municipality("573").expired().token();
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            var response = given().header("X-Forwarded-For", FLOODER).auth().oauth2(forged)
                    .get("/api/v1/municipalities/573/catalogs").then();
            if (response.extract().statusCode() == 429) {
                limited++;
                assertProblem(response, 429, "rate-limited").header("Retry-After", notNullValue())
                        .body("detail", containsString("token that is not valid"));
            } else {
                assertProblem(response, 401, "unauthenticated");
            }
        }
        assertTrue(limited > 0, "40 failed verifications at once pass a burst of 10");
        given().header("X-Forwarded-For", FLOODER).auth().oauth2(good).get("/api/v1/municipalities/573/catalogs")
                .then().statusCode(200);
        // another address is not limited by the flood (the other tests' bad tokens come from the client's own)
        assertProblem(given().header("X-Forwarded-For", "203.0.113.78").auth().oauth2(forged)
                .get("/api/v1/municipalities/573/catalogs").then(), 401, "unauthenticated");
        // 600/min refills one every 100 ms: a 429 (nothing taken) until then, then the token is checked again
        await().atMost(Duration.ofSeconds(5)).until(() -> given().header("X-Forwarded-For", FLOODER).auth()
                .oauth2(forged).get("/api/v1/municipalities/573/catalogs").then().extract().statusCode() == 401);
    }

    @Test
    void aCallerWithATokenIsLimitedPerSubject() {
        FakeUpstreams.start("idea-bank-service"); // not started by default; run alone, this class found it down
        String busy = TestTokens.user("busy-system").roles("municipal-system").municipality("573").token();
        boolean limited = false;
        for (int i = 0; i < 200 && !limited; i++) {
            limited = given().auth().oauth2(busy).get("/api/v1/ideas").then().extract().statusCode() == 429;
        }
        assertTrue(limited, "1200/min with a burst of 20: 200 requests at once exceed it");
        String other = TestTokens.user("quiet-system").roles("municipal-system").municipality("573").token();
        given().auth().oauth2(other).get("/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void preflightIsAnsweredAtTheGatewayForListedOriginsOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/api/v1/municipalities/573/catalogs/1").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        var evil = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/municipalities/573/catalogs").then().extract();
        assertTrue(evil.header("Access-Control-Allow-Origin") == null
                || !evil.header("Access-Control-Allow-Origin").equals("https://evil.example"), "not an allowed origin");
    }
}
