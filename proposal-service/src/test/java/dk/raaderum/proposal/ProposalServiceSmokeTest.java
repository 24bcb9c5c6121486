package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ServiceChecks.assertEverySuccessDescribed;
import static dk.raaderum.platform.testing.ServiceChecks.assertHealthyWithDatabaseAndKafka;
import static dk.raaderum.platform.testing.ServiceChecks.assertOpenApiAndOutboxMetrics;
import static dk.raaderum.platform.testing.ServiceChecks.assertTenantGuarded;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The application starts against real PostgreSQL and Kafka, is healthy and guards its API. */
@QuarkusTest
class ProposalServiceSmokeTest {

    @Test
    void startsHealthyWithDatabaseAndKafka() {
        assertHealthyWithDatabaseAndKafka();
    }

    @Test
    void describesEverySuccessfulAnswer() {
        assertEverySuccessDescribed();
    }

    @Test
    void publishesOpenApiAndMetrics() {
        assertOpenApiAndOutboxMetrics("proposal-service");
    }

    @Test
    void servesItsOwnMunicipalityAndGuardsOthers() {
        assertTenantGuarded("catalogs");
    }
}
