package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;

/** Real tokens from the raaderum realm of a running Keycloak. */
final class Keycloak {

    static final String DEMO_PASSWORD = "raaderum";

    private final String issuer;

    Keycloak(String issuer) {
        this.issuer = issuer;
    }

    /** Resource-owner password grant with the CLI client, as the README shows. */
    String passwordToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "raaderum-cli")
                .formParam("username", username).formParam("password", DEMO_PASSWORD)
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Client-credentials grant of a machine client. */
    String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
