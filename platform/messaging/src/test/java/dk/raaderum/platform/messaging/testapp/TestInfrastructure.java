package dk.raaderum.platform.messaging.testapp;

import dk.raaderum.platform.testing.KafkaResource;
import dk.raaderum.platform.testing.OidcTestResource;
import dk.raaderum.platform.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The module's one shared test resource set: real PostgreSQL (behind a proxy, so a test can cut the database off:
 * {@code PostgresResource.outage()}), real Kafka, signed test tokens.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.PROXIED, value = "true"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
