package dk.raaderum.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.devstack.App;
import dk.raaderum.platform.events.Events;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml and docker-compose.demo.yml cannot run here (no Docker engine), so they are checked statically:
 * they parse; every service has an image, a healthcheck, a restart policy and a memory limit; only the gateway and
 * Keycloak are published; every secret is a variable compose requires (from .env); Keycloak runs in production mode
 * with the production realm; Kafka's topics are the event catalog's; the demo overlay adds the demo realm and data.
 */
class DockerComposeTest {

    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak");
    private static final Set<String> PUBLISHED = Set.of("gateway", "keycloak");
    private static final String BIND = "${RAADERUM_BIND_ADDRESS:-127.0.0.1}:";
    /** ${NAME:?message}: compose refuses to start without NAME. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(PASSWORD|SECRET).*");
    private static final Pattern CREDENTIAL_KEY = Pattern.compile(".*(PASSWORD|SECRET|USER).*");
    /** The credentials of the developer setup this file once had. */
    private static final Set<String> WELL_KNOWN = Set.of("raaderum", "admin", "postgres");
    private static final String COMPLETED = "service_completed_successfully";
    private static final String KEYCLOAK_IMPORT = "/opt/keycloak/data/import";
    private static final String PRODUCTION_REALM = "deploy/kubernetes/base/keycloak/realm-import.yaml";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Repo.root().resolve(file))) {
            Map<String, Object> document = new Yaml(new LoaderOptions()).load(reader);
            assertFalse(document.containsKey("name"), "top-level name: is rejected by docker-compose 1.x");
            return (Map<String, Map<String, Object>>) document.get("services");
        }
    }

    private static Map<String, Map<String, Object>> services() throws IOException {
        return services("docker-compose.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Map<String, Object> env = (Map<String, Object>) service.get("environment");
        return env == null ? Map.of() : env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> dependencies(Map<String, Object> service) {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        return dependsOn == null ? Map.of() : dependsOn;
    }

    /** Services another one waits for to complete: jobs that run once (topics, realm file). */
    private static Set<String> oneShots(Map<String, Map<String, Object>> services) {
        Set<String> oneShots = new TreeSet<>();
        services.values().forEach(service -> dependencies(service).forEach((dependency, condition) -> {
            if (COMPLETED.equals(condition.get("condition"))) {
                oneShots.add(dependency);
            }
        }));
        return oneShots;
    }

    /** The variable a value requires, or null when the value is not exactly ${NAME:?message}. */
    private static String requiredVariable(Object value) {
        Matcher matcher = REQUIRED.matcher(String.valueOf(value));
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String databasePasswordVariable(String database) {
        return database.toUpperCase() + "_DB_PASSWORD";
    }

    private static List<?> ports(Map<String, Object> service) {
        List<?> ports = (List<?>) service.get("ports");
        return ports == null ? List.of() : ports;
    }

    @Test
    void everyServiceHasImageHealthcheckRestartPolicyAndMemoryLimit() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : INFRASTRUCTURE) {
            assertTrue(services.containsKey(name), name);
        }
        for (App app : App.ALL) {
            assertTrue(services.containsKey(app.name()), app.name());
        }
        Set<String> oneShots = oneShots(services);
        assertEquals(Set.of("kafka-init", "realm-init"), oneShots);
        services.forEach((name, service) -> {
            assertNotNull(service.get("image"), name + " has an image");
            assertNotNull(service.get("mem_limit"), name + " has a memory limit");
            if (oneShots.contains(name)) {
                // unless-stopped would run a finished job again and again
                assertEquals("on-failure", service.get("restart"), name + " runs once, again only when it failed");
            } else {
                assertEquals("unless-stopped", service.get("restart"), name + " restarts");
                Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
                assertNotNull(healthcheck, name + " has a healthcheck");
                assertNotNull(healthcheck.get("test"), name + " healthcheck has a test");
            }
        });
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> published = new TreeSet<>();
        services.forEach((name, service) -> {
            if (!ports(service).isEmpty()) {
                published.add(name);
            }
        });
        assertEquals(new TreeSet<>(PUBLISHED), published, "published on the host");
        assertEquals(List.of(BIND + App.GATEWAY.defaultPort() + ":" + App.GATEWAY.defaultPort()),
                ports(services.get("gateway")));
        assertEquals(List.of(BIND + "8180:8180"), ports(services.get("keycloak")));
    }

    @Test
    void everySecretIsAVariableComposeRequires() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> required = new TreeSet<>();
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (CREDENTIAL_KEY.matcher(key).matches()) {
                assertFalse(WELL_KNOWN.contains(String.valueOf(value)), name + " " + key + ": a well-known credential");
            }
            if (SECRET_KEY.matcher(key).matches()) {
                String variable = requiredVariable(value);
                assertNotNull(variable, name + " " + key + " must be ${VARIABLE:?message}, not " + value);
                required.add(variable);
            }
        }));
        assertTrue(required.contains("POSTGRES_PASSWORD"), "PostgreSQL's superuser password");
        assertTrue(required.contains("KEYCLOAK_ADMIN_PASSWORD"), "Keycloak's bootstrap administrator");
    }

    @Test
    void everyRequiredVariableIsExplainedInEnvExampleAndEnvIsNotInGit() throws IOException {
        String compose = Files.readString(Repo.root().resolve("docker-compose.yml"));
        List<String> example = Files.readAllLines(Repo.root().resolve(".env.example"));
        Matcher matcher = REQUIRED.matcher(compose);
        int count = 0;
        while (matcher.find()) {
            String variable = matcher.group(1);
            count++;
            assertTrue(example.stream().anyMatch(line -> line.startsWith(variable + "=")), variable + " in .env.example");
        }
        assertTrue(count >= 10, "required variables found: " + count);
        example.stream().filter(line -> line.matches("[A-Z_]*PASSWORD=.*"))
                .forEach(line -> assertTrue(line.endsWith("="), ".env.example leaves passwords empty (compose refuses to "
                        + "start with them so): " + line));
        List<String> ignored = Files.readAllLines(Repo.root().resolve(".gitignore"));
        assertTrue(ignored.contains(".env"), ".env is in .gitignore");
    }

    @Test
    void applicationsGetDatabaseKafkaAndOidcFromTheEnvironment() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> postgres = environment(services.get("postgres"));
        for (App app : App.ALL) {
            Map<String, Object> service = services.get(app.name());
            Map<String, Object> env = environment(service);
            assertEquals(Integer.toString(app.defaultPort()), String.valueOf(env.get("QUARKUS_HTTP_PORT")), app.name());
            assertEquals("http://keycloak:8180/realms/raaderum", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), app.name());
            String issuer = String.valueOf(env.get("QUARKUS_OIDC_TOKEN_ISSUER"));
            assertTrue(issuer.endsWith("/realms/raaderum") && "RAADERUM_KEYCLOAK_URL".equals(
                    requiredVariable(issuer.substring(0, issuer.length() - "/realms/raaderum".length()))), issuer);
            if (app.database() != null) {
                assertEquals("jdbc:postgresql://postgres:5432/" + app.database(), env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        app.name());
                assertEquals(app.database(), env.get("QUARKUS_DATASOURCE_USERNAME"), app.name() + ": its own role");
                String password = databasePasswordVariable(app.database());
                assertEquals(password, requiredVariable(env.get("QUARKUS_DATASOURCE_PASSWORD")), app.name());
                assertEquals(password, requiredVariable(postgres.get(password)), "postgres creates the role with it");
                assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), app.name());
            } else {
                for (App upstream : App.ALL) {
                    if (upstream != App.GATEWAY) {
                        String key = "RAADERUM_GATEWAY_SERVICES_" + upstream.name().toUpperCase().replace('-', '_') + "_URL";
                        assertEquals("http://" + upstream.name() + ":" + upstream.defaultPort(), env.get(key), key);
                    }
                }
                assertEquals("RAADERUM_FRONTEND_URL", requiredVariable(env.get("QUARKUS_HTTP_CORS_ORIGINS")));
            }
            assertTrue(String.valueOf(service.get("healthcheck")).contains(":" + app.defaultPort() + "/q/health/ready"),
                    app.name() + " healthcheck asks its readiness");
        }
    }

    @Test
    void dependenciesWaitForHealthyServicesAndFinishedJobs() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> oneShots = oneShots(services);
        for (App app : App.ALL) {
            Map<String, Map<String, String>> dependsOn = dependencies(services.get(app.name()));
            assertFalse(dependsOn.isEmpty(), app.name());
            dependsOn.forEach((dependency, condition) -> {
                assertTrue(services.containsKey(dependency), dependency);
                assertEquals(oneShots.contains(dependency) ? COMPLETED : "service_healthy", condition.get("condition"),
                        app.name() + " -> " + dependency);
            });
            assertTrue(dependsOn.containsKey("keycloak"), app.name() + " waits for keycloak");
            if (app.database() != null) {
                assertTrue(dependsOn.containsKey("kafka-init"), app.name() + " waits for the topics");
            }
        }
        assertEquals(Map.of("condition", "service_healthy"), dependencies(services.get("kafka-init")).get("kafka"));
        assertEquals(Map.of("condition", COMPLETED), dependencies(services.get("keycloak")).get("realm-init"));
    }

    @Test
    void everyDatabaseIsCreatedWithItsOwnRoleAndPassword() throws IOException {
        String init = Files.readString(Repo.root().resolve("deploy/postgres/init-databases.sh"));
        Set<String> databases = new TreeSet<>(Set.of("keycloak"));
        App.ALL.stream().filter(app -> app.database() != null).forEach(app -> databases.add(app.database()));
        for (String database : databases) {
            assertTrue(init.contains("\ndatabase " + database + " \"$" + databasePasswordVariable(database) + "\"\n"),
                    database);
        }
        assertTrue(init.contains("create role :\"name\" login password :'password';"), init);
        assertTrue(init.contains("create database :\"name\" owner :\"name\";"), init);
        assertTrue(String.valueOf(services().get("postgres").get("volumes"))
                .contains("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRunsInProductionModeWithTheProductionRealmOnItsOwnDatabase() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> keycloak = services.get("keycloak");
        List<String> command = (List<String>) keycloak.get("command");
        assertEquals("start", command.get(0), "production mode");
        assertFalse(command.contains("start-dev"));
        assertTrue(command.contains("--import-realm"));
        Map<String, Object> env = environment(keycloak);
        assertEquals("RAADERUM_KEYCLOAK_URL", requiredVariable(env.get("KC_HOSTNAME")));
        assertEquals("xforwarded", env.get("KC_PROXY_HEADERS"));
        assertEquals("true", env.get("KC_HEALTH_ENABLED"));
        assertEquals("postgres", env.get("KC_DB"));
        assertEquals("jdbc:postgresql://postgres:5432/keycloak", env.get("KC_DB_URL"));
        assertEquals("keycloak", env.get("KC_DB_USERNAME"));
        assertEquals(databasePasswordVariable("keycloak"), requiredVariable(env.get("KC_DB_PASSWORD")));

        // the realm Keycloak imports: the production realm of deploy/kubernetes, never the demo realm
        String volumes = String.valueOf(keycloak.get("volumes"));
        assertEquals("[keycloak-import:" + KEYCLOAK_IMPORT + ":ro]", volumes);
        Map<String, Object> realmInit = services.get("realm-init");
        assertTrue(String.valueOf(realmInit.get("volumes")).contains("./" + PRODUCTION_REALM + ":"));
        assertTrue(String.valueOf(realmInit.get("volumes")).contains("keycloak-import:/import"));
        assertTrue(String.valueOf(realmInit.get("command")).contains("'.spec.realm"));
        assertFalse(Files.readString(Repo.root().resolve("docker-compose.yml")).contains("deploy/keycloak/"),
                "the demo realm belongs to docker-compose.demo.yml");
        try (Reader reader = Files.newBufferedReader(Repo.root().resolve(PRODUCTION_REALM))) {
            Map<String, Object> realm = (Map<String, Object>) ((Map<String, Object>) new Yaml(new LoaderOptions())
                    .<Map<String, Object>>load(reader).get("spec")).get("realm");
            assertNull(realm.get("users"), "no demo users");
            for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
                assertEquals(Boolean.FALSE, client.get("directAccessGrantsEnabled"), "no password grant");
            }
        }
    }

    @Test
    void kafkaDeclaresEveryTopicAndDeadLetterTopicAndCreatesNoOtherByItself() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertEquals("false", environment(services.get("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        assertTrue(ports(services.get("kafka")).isEmpty(), "Kafka is not published");
        Set<String> catalog = new TreeSet<>();
        Events.ALL.forEach(type -> {
            catalog.add(type.topic());
            catalog.add(type.deadLetterTopic());
        });
        Map<String, Object> init = services.get("kafka-init");
        Set<String> declared = new TreeSet<>(Arrays.asList(
                String.valueOf(environment(init).get("TOPICS")).trim().split("\\s+")));
        assertEquals(catalog, declared, "kafka-init's TOPICS: every topic of docs/events.md and its .dlq");
        String command = String.valueOf(init.get("command"));
        assertTrue(command.contains("for topic in $$TOPICS;"), command);
        assertTrue(command.contains("kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic "
                + "\"$$topic\""), command);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoOverlayAddsTheDemoRealmAndTheDemoData() throws IOException {
        Map<String, Map<String, Object>> demo = services("docker-compose.demo.yml");
        // compose merges volumes by target: the demo realm replaces the production realm's import volume
        assertEquals(List.of("./deploy/keycloak:" + KEYCLOAK_IMPORT + ":ro"), demo.get("keycloak").get("volumes"));
        try (var files = Files.list(Repo.root().resolve("deploy/keycloak"))) {
            assertEquals(List.of("raaderum-realm.json"), files.map(file -> file.getFileName().toString()).toList(),
                    "Keycloak imports every file of the folder");
        }
        for (App app : App.ALL) {
            if (app.database() == null) {
                continue;
            }
            String service = app.name().replace("-service", "");
            String key = "RAADERUM_" + service.replace('-', '_').toUpperCase() + "_DEMO_DATA_ENABLED";
            assertEquals("true", environment(demo.get(app.name())).get(key), app.name() + " " + key);
            assertTrue(Files.readString(Repo.root().resolve(app.name()).resolve("src/main/resources/application.properties"))
                    .contains("raaderum." + service + ".demo-data.enabled"), app.name() + " reads " + key);
            assertEquals(List.of("127.0.0.1:" + app.defaultPort() + ":" + app.defaultPort()), demo.get(app.name())
                    .get("ports"), app.name() + ": for debugging, on this machine only");
        }
        assertFalse(demo.containsKey("kafka") || demo.containsKey("postgres"), "Kafka and PostgreSQL stay unpublished");
        Set<String> base = services().keySet();
        assertTrue(base.containsAll(demo.keySet()), "the overlay only changes services of the base file");
    }
}
