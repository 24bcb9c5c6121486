package dk.raaderum.gateway;

import dk.raaderum.platform.testing.OidcTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The module's one shared test resource set: signed test tokens and stand-ins for the four services. */
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(FakeUpstreams.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
