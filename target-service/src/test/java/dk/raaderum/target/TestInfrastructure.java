package dk.raaderum.target;

import dk.raaderum.platform.testing.KafkaResource;
import dk.raaderum.platform.testing.OidcTestResource;
import dk.raaderum.platform.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The module's one shared test resource set: real PostgreSQL, real Kafka, signed test tokens. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
