package dk.raaderum.platform.web.security;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bearer token is verified once and then remembered, with its roles and claims, until it expires. */
@QuarkusTest
class RememberedBearerTokensTest {

    private static final String VARDE = "/api/v1/municipalities/573/notes";
    /** The counter's sample line; an exemplar (trace and span id) may follow the value. */
    private static final Pattern VERIFIED = Pattern.compile("(?m)^raaderum_security_tokens_verified_total(?:\\{[^}]*})? (\\S+)");

    private static double verified() {
        Matcher matcher = VERIFIED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void theSameTokenIsVerifiedOnceAndServesItsCallerEveryTime() {
        String token = TestTokens.user("varde-remembered").roles("finance-officer").municipality("573")
                .claim("jti", "remembered-1").token();
        double before = verified();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(VARDE).then().statusCode(200)
                    .body("municipality", equalTo("573"))
                    .body("caller", equalTo("varde-remembered"));
        }
        assertEquals(before + 1, verified(), "verified by OIDC the first time only");
        assertProblem(given().auth().oauth2(token).get("/api/v1/municipalities/260/notes").then(), 403,
                "wrong-municipality");
    }

    @Test
    void aRememberedTokenKeepsItsRoles() {
        String politician = TestTokens.user("varde-pol-remembered").roles("politician").municipality("573")
                .claim("jti", "remembered-2").token();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(politician).get(VARDE).then().statusCode(200);
            assertProblem(given().auth().oauth2(politician).contentType("application/json")
                    .body("{\"title\": \"x\", \"amount\": 1}").post(VARDE).then(), 403, "forbidden");
        }
    }

    /** Remembered for 300 s at most, so a token still served long after its 2 s lifetime fails the wait. */
    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String shortLived = TestTokens.user("varde-short").roles("finance-officer").municipality("573").expiresIn(2)
                .claim("jti", "remembered-3").token();
        given().auth().oauth2(shortLived).get(VARDE).then().statusCode(200);
        given().auth().oauth2(shortLived).get(VARDE).then().statusCode(200);
        await("the expired token refused").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(shortLived).get(VARDE).statusCode() == 401);
        assertProblem(given().auth().oauth2(shortLived).get(VARDE).then(), 401, "unauthenticated");
    }
}
