package dk.raaderum.followup;

import static dk.raaderum.platform.testing.ServiceChecks.assertEverySuccessDescribed;
import static dk.raaderum.platform.testing.ServiceChecks.assertHealthyWithDatabaseAndKafka;
import static dk.raaderum.platform.testing.ServiceChecks.assertOpenApiAndOutboxMetrics;
import static dk.raaderum.platform.testing.ServiceChecks.assertTenantGuarded;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** The application starts against real PostgreSQL and Kafka, is healthy and guards its API. */
@QuarkusTest
class FollowupServiceSmokeTest {

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
        assertOpenApiAndOutboxMetrics("followup-service");
    }

    @Test
    void servesItsOwnMunicipalityAndGuardsOthers() {
        assertTenantGuarded("initiatives");
    }
}
