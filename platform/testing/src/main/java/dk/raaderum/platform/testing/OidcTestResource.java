package dk.raaderum.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: the application verifies bearer tokens with the public key of {@link TestTokens}
 * (issuer and audience checked as in production), so tests use real signed JWTs without a Keycloak server.
 * System tests use a real Keycloak instead ({@code KeycloakResource}).
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
