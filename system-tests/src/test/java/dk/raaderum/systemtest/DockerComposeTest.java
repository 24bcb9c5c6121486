package dk.raaderum.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.devstack.App;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked statically: it parses, and every
 * service has an image, a healthcheck, its ports and the configuration it needs, with the same ports and databases
 * as the local launcher.
 */
class DockerComposeTest {

    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Path compose = Repo.root().resolve("docker-compose.yml");
        try (Reader reader = Files.newBufferedReader(compose)) {
            Map<String, Object> document = new Yaml(new LoaderOptions()).load(reader);
            assertFalse(document.containsKey("name"), "top-level name: is rejected by docker-compose 1.x");
            return (Map<String, Map<String, Object>>) document.get("services");
        }
    }

    @Test
    void everyServiceHasImageHealthcheckAndPorts() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : INFRASTRUCTURE) {
            assertTrue(services.containsKey(name), name);
        }
        for (App app : App.ALL) {
            assertTrue(services.containsKey(app.name()), app.name());
        }
        services.forEach((name, service) -> {
            assertNotNull(service.get("image"), name + " has an image");
            Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
            assertNotNull(healthcheck, name + " has a healthcheck");
            assertNotNull(healthcheck.get("test"), name + " healthcheck has a test");
            assertFalse(((List<?>) service.get("ports")).isEmpty(), name + " publishes a port");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void applicationsGetDatabaseKafkaAndOidcFromTheEnvironment() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (App app : App.ALL) {
            Map<String, Object> service = services.get(app.name());
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertEquals(Integer.toString(app.defaultPort()), String.valueOf(env.get("QUARKUS_HTTP_PORT")), app.name());
            assertEquals(List.of(app.defaultPort() + ":" + app.defaultPort()), service.get("ports"), app.name());
            assertEquals("http://keycloak:8180/realms/raaderum", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), app.name());
            assertEquals("http://localhost:8180/realms/raaderum", env.get("QUARKUS_OIDC_TOKEN_ISSUER"), app.name());
            if (app.database() != null) {
                assertEquals("jdbc:postgresql://postgres:5432/" + app.database(), env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        app.name());
                assertNotNull(env.get("QUARKUS_DATASOURCE_USERNAME"), app.name());
                assertNotNull(env.get("QUARKUS_DATASOURCE_PASSWORD"), app.name());
                assertEquals("kafka:19092", env.get("KAFKA_BOOTSTRAP_SERVERS"), app.name());
            } else {
                for (App upstream : App.ALL) {
                    if (upstream != App.GATEWAY) {
                        String key = "RAADERUM_GATEWAY_SERVICES_" + upstream.name().toUpperCase().replace('-', '_') + "_URL";
                        assertEquals("http://" + upstream.name() + ":" + upstream.defaultPort(), env.get(key), key);
                    }
                }
            }
            assertTrue(String.valueOf(service.get("healthcheck")).contains(":" + app.defaultPort() + "/q/health/ready"),
                    app.name() + " healthcheck asks its readiness");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitForHealthyServices() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (App app : App.ALL) {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(app.name())
                    .get("depends_on");
            assertNotNull(dependsOn, app.name());
            dependsOn.forEach((dependency, condition) -> {
                assertTrue(services.containsKey(dependency), dependency);
                assertEquals("service_healthy", condition.get("condition"), app.name() + " -> " + dependency);
            });
            assertTrue(dependsOn.containsKey("keycloak"), app.name() + " waits for keycloak");
        }
    }

    @Test
    void everyDatabaseIsCreated() throws IOException {
        String init = Files.readString(Repo.root().resolve("deploy/postgres/init-databases.sql"));
        for (App app : App.ALL) {
            if (app.database() != null) {
                assertTrue(init.contains("create database " + app.database() + ";"), app.database());
            }
        }
    }
}
