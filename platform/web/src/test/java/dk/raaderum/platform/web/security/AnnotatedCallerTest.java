package dk.raaderum.platform.web.security;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

import org.junit.jupiter.api.Test;

/**
 * Role and claim tests without a token: {@code @TestSecurity} names the user and roles, {@code @OidcSecurity} the
 * claims, and the platform's Caller and tenancy guard read them exactly as they read a verified access token.
 * (Tests that must prove the token path itself sign real tokens with TestTokens.)
 */
@QuarkusTest
class AnnotatedCallerTest {

    private static final String VARDE = "/api/v1/municipalities/573/notes";
    private static final String HALSNAES = "/api/v1/municipalities/260/notes";

    @Test
    @TestSecurity(user = "varde-fo", roles = Roles.FINANCE_OFFICER)
    @OidcSecurity(claims = @Claim(key = Caller.MUNICIPALITY_CLAIM, value = "573"))
    void municipalityClaimOpensItsOwnMunicipality() {
        given().get(VARDE).then().statusCode(200)
                .body("municipality", equalTo("573"))
                .body("caller", equalTo("varde-fo"));
        assertProblem(given().get(HALSNAES).then(), 403, "wrong-municipality");
    }

    @Test
    @TestSecurity(user = "varde-politician", roles = Roles.POLITICIAN)
    @OidcSecurity(claims = @Claim(key = Caller.MUNICIPALITY_CLAIM, value = "573"))
    void roleDecidesWithinTheMunicipality() {
        given().get(VARDE).then().statusCode(200);
        assertProblem(given().contentType("application/json").body("{\"title\": \"x\", \"amount\": 1}").post(VARDE)
                .then(), 403, "forbidden");
    }

    @Test
    @TestSecurity(user = "kl-curator", roles = Roles.KL_CURATOR)
    void klCuratorCrossesWhereTheEndpointSaysSo() {
        given().get(HALSNAES + "/shared").then().statusCode(200);
        assertProblem(given().get(HALSNAES).then(), 403, "wrong-municipality");
    }
}
