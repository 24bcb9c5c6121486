package dk.raaderum.platform.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed access tokens shaped like the raaderum realm's (realm_access.roles, municipality, preferred_username,
 * audience raaderum-api), for tests that switch user per request. The application under test verifies them with
 * the public key {@link OidcTestResource} configures, through the real Quarkus OIDC token validation.
 *
 * <pre>
 * given().auth().oauth2(TestTokens.user("varde-fo").roles("finance-officer").municipality("573").token())
 * </pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.raaderum.test/realms/raaderum";
    public static final String AUDIENCE = "raaderum-api";

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private List<String> roles = List.of();
    private long expiresInSeconds = 3600;
    private PrivateKey signingKey = KEYS.getPrivate();

    private TestTokens(String username) {
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString());
        claims.put("preferred_username", username);
        claims.put("azp", "raaderum-cli");
    }

    public static TestTokens user(String username) {
        return new TestTokens(username);
    }

    /** A machine client's service account ({@code service-account-<clientId>}). */
    public static TestTokens client(String clientId) {
        TestTokens tokens = new TestTokens("service-account-" + clientId);
        tokens.claims.put("azp", clientId);
        return tokens;
    }

    public TestTokens roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public TestTokens municipality(String code) {
        claims.put("municipality", code);
        return this;
    }

    public TestTokens name(String name) {
        claims.put("name", name);
        return this;
    }

    public TestTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** Valid for this many seconds from now. */
    public TestTokens expiresIn(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    public TestTokens expired() {
        this.expiresInSeconds = -600;
        return this;
    }

    /** Signed with a key the application does not trust. */
    public TestTokens signedByStranger() {
        this.signingKey = STRANGER.getPrivate();
        return this;
    }

    public String token() {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(ISSUER);
        jwt.setAudience(AUDIENCE);
        jwt.setGeneratedJwtId();
        jwt.setIssuedAtToNow();
        long now = System.currentTimeMillis() / 1000;
        jwt.setClaim("exp", now + expiresInSeconds);
        jwt.setClaim("typ", "Bearer");
        claims.forEach(jwt::setClaim);
        jwt.setClaim("realm_access", Map.of("roles", roles));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(signingKey);
        jws.setKeyIdHeaderValue("raaderum-test");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key, Base64 X.509 as {@code quarkus.oidc.public-key} wants it. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
