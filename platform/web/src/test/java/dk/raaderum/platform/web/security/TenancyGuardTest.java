package dk.raaderum.platform.web.security;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The municipality in the path must be the caller's, except where an endpoint lets a named role cross. */
@QuarkusTest
class TenancyGuardTest {

    private static final String VARDE = "/api/v1/municipalities/573/notes";
    private static final String HALSNAES = "/api/v1/municipalities/260/notes";

    private static String vardeFinanceOfficer() {
        return TestTokens.user("varde-fo").roles("finance-officer").municipality("573").token();
    }

    @Test
    void ownMunicipalityIsServed() {
        given().auth().oauth2(vardeFinanceOfficer()).get(VARDE).then().statusCode(200)
                .body("municipality", equalTo("573"))
                .body("caller", equalTo("varde-fo"));
    }

    @Test
    void anotherMunicipalityIs403() {
        assertProblem(given().auth().oauth2(vardeFinanceOfficer()).get(HALSNAES).then(), 403, "wrong-municipality")
                .body("municipality", equalTo("260"))
                .body("detail", equalTo("Your token is for municipality 573; this resource belongs to municipality 260"));
    }

    @Test
    void anotherMunicipalityIs403ForWritesToo() {
        assertProblem(given().auth().oauth2(vardeFinanceOfficer()).contentType("application/json")
                .body("{\"title\": \"x\", \"amount\": 1}").post(HALSNAES).then(), 403, "wrong-municipality");
    }

    @Test
    void tokenWithoutMunicipalityIs403() {
        String noClaim = TestTokens.user("nobody").roles("finance-officer").token();
        assertProblem(given().auth().oauth2(noClaim).get(VARDE).then(), 403, "wrong-municipality");
    }

    @Test
    void unknownMunicipalityIs404() {
        assertProblem(given().auth().oauth2(vardeFinanceOfficer()).get("/api/v1/municipalities/999/notes").then(), 404,
                "unknown-municipality")
                .body("municipality", equalTo("999"));
    }

    @Test
    void noTokenIs401WithChallenge() {
        assertProblem(given().get(VARDE).then(), 401, "unauthenticated")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"raaderum\""));
    }

    @Test
    void forgedTokenIs401() {
        String forged = TestTokens.user("varde-fo").roles("finance-officer").municipality("573").signedByStranger().token();
        assertProblem(given().auth().oauth2(forged).get(VARDE).then(), 401, "unauthenticated");
    }

    @Test
    void expiredTokenIs401() {
        String expired = TestTokens.user("varde-fo").roles("finance-officer").municipality("573").expired().token();
        assertProblem(given().auth().oauth2(expired).get(VARDE).then(), 401, "unauthenticated");
    }

    @Test
    void missingRoleIs403() {
        String politician = TestTokens.user("varde-pol").roles("politician").municipality("573").token();
        assertProblem(given().auth().oauth2(politician).contentType("application/json")
                .body("{\"title\": \"x\", \"amount\": 1}").post(VARDE).then(), 403, "forbidden");
    }

    @Test
    void klCuratorCrossesOnlyWhereTheEndpointAllowsIt() {
        String curator = TestTokens.user("kl-curator").roles("kl-curator").token();
        given().auth().oauth2(curator).get(HALSNAES + "/shared").then().statusCode(200)
                .body("municipality", equalTo("260"));
        assertProblem(given().auth().oauth2(curator).get(HALSNAES).then(), 403, "wrong-municipality");
    }

    @Test
    void crossMunicipalityEndpointStillHoldsOtherRolesToTheirMunicipality() {
        assertProblem(given().auth().oauth2(vardeFinanceOfficer()).get(HALSNAES + "/shared").then(), 403,
                "wrong-municipality");
    }

    @Test
    void machineClientIsBoundToItsMunicipality() {
        String varde = TestTokens.client("varde-budget-system").roles("municipal-system").municipality("573").token();
        given().auth().oauth2(varde).get(VARDE).then().statusCode(200).body("machine", equalTo(true));
        assertProblem(given().auth().oauth2(varde).get(HALSNAES).then(), 403, "wrong-municipality");
    }

    @Test
    void publicEndpointNeedsNoTokenButAValidMunicipality() {
        given().get(HALSNAES + "/public").then().statusCode(200).body("municipality", equalTo("260"));
        assertProblem(given().get("/api/v1/municipalities/000/notes/public").then(), 404, "unknown-municipality");
    }

    @Test
    void endpointWithoutSecurityAnnotationIsDenied() {
        given().auth().oauth2(vardeFinanceOfficer()).get("/api/v1/unannotated").then().statusCode(403);
        given().get("/api/v1/unannotated").then().statusCode(401);
    }
}
