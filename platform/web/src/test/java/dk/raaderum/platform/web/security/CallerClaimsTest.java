package dk.raaderum.platform.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What {@link Caller} reads from a token: the same with Quarkus OIDC's principal as with any other JWT principal. */
class CallerClaimsTest {

    private static final Function<JwtClaims, Principal> OIDC = claims -> new OidcJwtCallerPrincipal(claims,
            new AccessTokenCredential("raw"));
    private static final Function<JwtClaims, Principal> ANY_JWT = DefaultJWTCallerPrincipal::new;

    private static JwtClaims politician() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("5d1c7a52-0f4e-4c57-9d7e-0b6a1f2f3a10");
        claims.setClaim("preferred_username", "varde-pol");
        claims.setClaim("name", "Birgitte Ærø");
        claims.setClaim(Caller.MUNICIPALITY_CLAIM, "573");
        claims.setClaim(Caller.PARTY_CLAIM, "Venstre");
        return claims;
    }

    private static Caller caller(Principal principal) {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole("politician")
                .build();
        return new Caller(identity);
    }

    @Test
    void theClaimsOfAnOidcTokenAreReadAsFromAnyJwt() {
        for (Function<JwtClaims, Principal> principal : List.of(OIDC, ANY_JWT)) {
            Caller caller = caller(principal.apply(politician()));
            assertEquals(Optional.of("573"), caller.municipality());
            assertEquals(Optional.of("Venstre"), caller.party());
            assertEquals("Birgitte Ærø", caller.displayName());
            assertEquals("varde-pol", caller.username());
            Actor actor = caller.actor();
            assertEquals("5d1c7a52-0f4e-4c57-9d7e-0b6a1f2f3a10", actor.id());
            assertEquals("573", actor.municipality());
            assertEquals("Venstre", actor.party());
        }
    }

    @Test
    void aMissingClaimIsEmptyAndANumericMunicipalityIsItsCode() {
        for (Function<JwtClaims, Principal> principal : List.of(OIDC, ANY_JWT)) {
            JwtClaims claims = new JwtClaims();
            claims.setSubject("service-account-esdh");
            claims.setClaim("preferred_username", "service-account-esdh");
            claims.setClaim(Caller.MUNICIPALITY_CLAIM, 101L);
            Caller caller = caller(principal.apply(claims));
            assertEquals(Optional.of("101"), caller.municipality());
            assertFalse(caller.party().isPresent());
            assertFalse(caller.claim("name").isPresent());
            assertEquals("service-account-esdh", caller.displayName());
        }
    }
}
