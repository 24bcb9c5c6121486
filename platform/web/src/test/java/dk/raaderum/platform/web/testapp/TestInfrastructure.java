package dk.raaderum.platform.web.testapp;

import dk.raaderum.platform.testing.OidcTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The module's one shared test resource set: signed test tokens (no database, no Kafka needed here). */
@QuarkusTestResource(OidcTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
