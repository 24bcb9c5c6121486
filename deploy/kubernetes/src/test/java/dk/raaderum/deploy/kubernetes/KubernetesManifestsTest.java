package dk.raaderum.deploy.kubernetes;

import static dk.raaderum.deploy.kubernetes.Rendered.at;
import static dk.raaderum.deploy.kubernetes.Rendered.listAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.infra.JavaLauncher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Both overlays, rendered without a cluster (Kustomization), checked against what the applications actually read:
 * their configuration files, docs/events.md, the realm file and docker-compose.yml.
 */
class KubernetesManifestsTest {

    static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path MANIFESTS = REPOSITORY.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("proposal-service", "target-service", "followup-service",
            "idea-bank-service");
    static final List<String> APPLICATIONS = Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList();
    static final String KAFKA = "raaderum-kafka";
    static final String INGRESS_CONTROLLER = "namespace ingress-nginx";
    static final String KEYCLOAK_PODS = "pods {app.kubernetes.io/managed-by=keycloak-operator}";

    /** The Quarkus health endpoints (quarkus-smallrye-health under the default non-application root /q). */
    static final Map<String, String> PROBES = Map.of("startup", "/q/health/started", "readiness", "/q/health/ready",
            "liveness", "/q/health/live");

    /*
     * Read by the applications although their files do not name them. QUARKUS_OIDC_TOKEN_ISSUER: quarkus-oidc, the
     * public issuer when the server URL is the in-cluster one. JAVA_MAX_MEM_RATIO, GC_CONTAINER_OPTIONS: run-java.sh
     * of the image (Dockerfile.jvm); MALLOC_ARENA_MAX: glibc's malloc under the JVM. KAFKA_*: Quarkus hands every kafka.* property, also as KAFKA_* variable, to the
     * Kafka clients (default-kafka-broker: the channels, the dead-letter producer, the probe and the re-drive).
     * RAADERUM_GATEWAY_TRUSTED_PROXIES: GatewayConfig.trustedProxies.
     */
    static final String TOKEN_ISSUER = "QUARKUS_OIDC_TOKEN_ISSUER";
    static final Set<String> RUN_JAVA = Set.of("JAVA_MAX_MEM_RATIO", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    /** The local run's collector and native heap trim (LocalStack.APP_JVM_OPTIONS, JavaLauncher.nativeHeapTrim). */
    static final String LOCAL_RUN_GC = JavaLauncher.SERIAL_GC + " " + String.join(" ", JavaLauncher.NATIVE_HEAP_TRIM);
    static final Set<String> KAFKA_SECURITY = Set.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION");
    static final String GATEWAY_TRUSTED_PROXIES = "RAADERUM_GATEWAY_TRUSTED_PROXIES";

    /** Fields the operators need, for the kinds whose schema is not published as a Java model. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "Cluster", List.of("spec.instances", "spec.storage.size", "spec.bootstrap.initdb.database",
                    "spec.bootstrap.initdb.owner", "spec.bootstrap.initdb.secret.name"),
            "Database", List.of("spec.name", "spec.owner", "spec.cluster.name"),
            "ScheduledBackup", List.of("spec.schedule", "spec.cluster.name"),
            "Keycloak", List.of("spec.instances", "spec.db.vendor", "spec.db.host", "spec.db.database",
                    "spec.db.usernameSecret.name", "spec.db.passwordSecret.name", "spec.hostname.hostname"),
            "KeycloakRealmImport", List.of("spec.keycloakCRName", "spec.realm.realm"));

    private static Rendered render(String overlay) {
        return Rendered.of(MANIFESTS, overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyManifestParsesIntoItsTypedModelWithoutUnknownFields(String overlay) {
        Rendered rendered = render(overlay);
        List<String> problems = new ArrayList<>();
        for (HasMetadata resource : rendered.resources()) {
            String name = resource.getKind() + " " + resource.getMetadata().getName();
            if (resource instanceof GenericKubernetesResource) {
                List<String> required = REQUIRED.get(resource.getKind());
                if (required == null) {
                    problems.add(name + ": no typed model and no required fields known (" + resource.getApiVersion()
                            + ")");
                    continue;
                }
                Map<String, Object> document = rendered.documents().get(rendered.resources().indexOf(resource));
                required.stream().filter(path -> at(document, path) == null)
                        .forEach(path -> problems.add(name + ": " + path + " missing"));
            } else {
                UnknownFields.in(resource).forEach(unknown -> problems.add(name + ": unknown field " + unknown));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(5, rendered.all(Deployment.class).size());
        Set<String> names = new TreeSet<>();
        rendered.resources().stream().map(resource -> resource.getKind() + " " + resource.getMetadata().getName())
                .filter(name -> !names.add(name))
                .forEach(name -> problems.add(name + " twice (the second would overwrite the first)"));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void deploymentsProbeTheQuarkusHealthEndpointsOnTheApplicationsPort(String overlay) {
        Rendered rendered = render(overlay);
        for (String application : APPLICATIONS) {
            AppConfig config = AppConfig.of(REPOSITORY, application);
            assertFalse(config.properties().containsKey("quarkus.http.non-application-root-path")
                    || config.properties().containsKey("quarkus.smallrye-health.root-path"), application
                    + " moved the health endpoints; the probes assume /q/health");
            Container container = rendered.container(application);
            assertEquals(1, container.getPorts().size(), application);
            assertEquals(config.httpPort(), container.getPorts().get(0).getContainerPort(), application + " port");
            String portName = container.getPorts().get(0).getName();
            assertProbe(application, "startup", container.getStartupProbe(), portName);
            assertProbe(application, "readiness", container.getReadinessProbe(), portName);
            assertProbe(application, "liveness", container.getLivenessProbe(), portName);
            Service service = rendered.named(Service.class, application);
            assertEquals(config.httpPort(), service.getSpec().getPorts().get(0).getPort(), application + " service");
            assertEquals(portName, service.getSpec().getPorts().get(0).getTargetPort().getStrVal(), application);
        }
    }

    private static void assertProbe(String application, String kind, Probe probe, String portName) {
        assertNotNull(probe, application + " has no " + kind + " probe");
        assertEquals(PROBES.get(kind), probe.getHttpGet().getPath(), application + " " + kind);
        assertEquals(portName, probe.getHttpGet().getPort().getStrVal(), application + " " + kind + " port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void deploymentsSetOnlyEnvironmentTheApplicationsReadAndEveryRequiredOne(String overlay) {
        Rendered rendered = render(overlay);
        for (String application : APPLICATIONS) {
            AppConfig config = AppConfig.of(REPOSITORY, application);
            Set<String> set = rendered.container(application).getEnv().stream().map(EnvVar::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> unread = new TreeSet<>(set);
            unread.removeAll(readBy(config));
            assertEquals(Set.of(), unread, application + " is given variables it never reads");
            Set<String> missing = new TreeSet<>(requiredBy(config));
            missing.removeAll(set);
            assertEquals(Set.of(), missing, application + " lacks variables production needs");
        }
    }

    private static Set<String> readBy(AppConfig config) {
        Set<String> read = new TreeSet<>(config.environmentNamesInFiles());
        if (config.properties().containsKey("quarkus.oidc.token.audience")) {
            read.add(TOKEN_ISSUER);
        }
        String dockerfile = AppConfig.read(REPOSITORY.resolve(config.name()).resolve(
                "src/main/docker/Dockerfile.jvm"));
        if (dockerfile.contains("run-java.sh")) {
            read.addAll(RUN_JAVA);
        }
        if (config.messaging()) {
            read.addAll(KAFKA_SECURITY);
        }
        String gatewayConfig = AppConfig.read(REPOSITORY.resolve(
                "gateway/src/main/java/dk/raaderum/gateway/config/GatewayConfig.java"));
        if (config.name().equals("gateway") && gatewayConfig.contains("@WithName(\"trusted-proxies\")")) {
            read.add(GATEWAY_TRUSTED_PROXIES);
        }
        return read;
    }

    /** The config files' own requirements, and Kafka's security since the only listener wants SCRAM over TLS. */
    private static Set<String> requiredBy(AppConfig config) {
        Set<String> required = new TreeSet<>(config.requiredEnvironment());
        required.add(TOKEN_ISSUER);
        if (config.messaging()) {
            required.addAll(KAFKA_SECURITY);
        }
        return required;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void environmentPointsAtTheInfrastructureTheManifestsDeclare(String overlay) {
        Rendered rendered = render(overlay);
        Map<String, String> config = rendered.named(ConfigMap.class, "raaderum-config").getData();
        Map<String, Object> keycloak = rendered.documents("Keycloak").get(0);
        String realm = (String) at(rendered.documents("KeycloakRealmImport").get(0), "spec.realm.realm");
        assertEquals(at(keycloak, "spec.hostname.hostname") + "/realms/" + realm, config.get("oidc-token-issuer"));
        assertEquals("http://" + Rendered.text(keycloak, "metadata.name") + "-service:"
                + at(keycloak, "spec.http.httpPort") + "/realms/" + realm, config.get("oidc-auth-server-url"));
        GenericKafkaListener listener = rendered.named(Kafka.class, KAFKA).getSpec().getKafka().getListeners().get(0);
        assertEquals(KAFKA + "-kafka-bootstrap:" + listener.getPort(), config.get("kafka-bootstrap-servers"));
        assertTrue(listener.isTls() && "scram-sha-512".equals(listener.getAuth().getType()), "SCRAM over TLS");
        for (String service : SERVICES) {
            Map<String, EnvVar> env = environment(rendered, service);
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL").getValue(), service);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").getValue(), service);
            assertEquals(service, env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName(),
                    service + ": the Secret Strimzi writes for the KafkaUser " + service);
            assertEquals(KAFKA + "-cluster-ca-cert", mountedSecret(rendered, service,
                    env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").getValue()), service + " truststore");
            assertDatabase(rendered, service, env);
        }
        Map<String, EnvVar> gateway = environment(rendered, "gateway");
        for (String service : SERVICES) {
            String variable = "RAADERUM_GATEWAY_SERVICES_" + AppConfig.environmentName(service) + "_URL";
            assertEquals("http://" + service + ":" + rendered.named(Service.class, service).getSpec().getPorts()
                    .get(0).getPort(), gateway.get(variable).getValue(), variable);
        }
    }

    private static Map<String, EnvVar> environment(Rendered rendered, String application) {
        return rendered.container(application).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, variable -> variable));
    }

    private static String mountedSecret(Rendered rendered, String service, String file) {
        Container container = rendered.container(service);
        String mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": nothing mounted at " + file))
                .getName();
        return rendered.named(Deployment.class, service).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getName().equals(mount)).findFirst().orElseThrow().getSecret()
                .getSecretName();
    }

    /** The JDBC URL names the cluster's read-write service and a database the cluster has; the role's Secret. */
    private static void assertDatabase(Rendered rendered, String service, Map<String, EnvVar> env) {
        Map<String, Object> cluster = rendered.documents("Cluster").get(0);
        Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z0-9]+)")
                .matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue());
        assertTrue(url.matches(), service + " JDBC URL");
        assertEquals(Rendered.text(cluster, "metadata.name") + "-rw", url.group(1), service);
        String database = url.group(2);
        Set<String> databases = rendered.documents("Database").stream()
                .map(document -> (String) at(document, "spec.name")).collect(Collectors.toCollection(TreeSet::new));
        databases.add((String) at(cluster, "spec.bootstrap.initdb.database"));
        assertTrue(databases.contains(database), service + ": the cluster has no database " + database);
        String secret = "raaderum-db-" + database;
        assertEquals(secret, env.get("QUARKUS_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getName());
        assertEquals(secret, env.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void imagesAreTheApplicationsOwnAtTheProjectVersion(String overlay) {
        Rendered rendered = render(overlay);
        String version = projectVersion();
        String compose = AppConfig.read(REPOSITORY.resolve("docker-compose.yml"));
        for (String application : APPLICATIONS) {
            String image = rendered.container(application).getImage();
            assertTrue(image.endsWith("/" + application + ":" + version), application + ": " + image);
            String base = Kustomization.readAll(MANIFESTS.resolve("base/apps/" + application + ".yaml")).get(0)
                    .toString();
            String composeImage = "raaderum/" + application + ":" + version;
            assertTrue(compose.contains("image: " + composeImage) && base.contains("image=" + composeImage),
                    application + ": base and docker-compose.yml name the image " + composeImage);
        }
    }

    private static String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>raaderum-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(AppConfig.read(REPOSITORY.resolve("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicOfTheEventCatalogAndItsDeadLetterTopicHasAKafkaTopic(String overlay) {
        Rendered rendered = render(overlay);
        EventCatalog catalog = EventCatalog.read(REPOSITORY);
        Set<String> expected = new TreeSet<>();
        catalog.topics().forEach(topic -> {
            expected.add(topic);
            expected.add(EventCatalog.deadLetterTopic(topic));
        });
        for (String service : SERVICES) {
            AppConfig config = AppConfig.of(REPOSITORY, service);
            config.incomingTopics().forEach((channel, topic) -> {
                assertTrue(catalog.topics().contains(topic), service + " reads " + topic + ", not in docs/events.md");
                assertEquals(EventCatalog.deadLetterTopic(topic), config.deadLetterTopic(channel), service);
            });
        }
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic topic : rendered.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            declared.add(name);
            assertEquals(KAFKA, topic.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            assertEquals(3, topic.getSpec().getReplicas(), name + " replicas");
            assertEquals(2, ((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue(), name);
            assertTrue(topic.getSpec().getPartitions() >= 1, name);
        }
        assertEquals(expected, declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceWritesOnlyItsOwnTopicsAndTheDeadLetterTopicsOfWhatItConsumes(String overlay) {
        Rendered rendered = render(overlay);
        EventCatalog catalog = EventCatalog.read(REPOSITORY);
        assertEquals(Set.copyOf(SERVICES), rendered.all(KafkaUser.class).stream()
                .map(user -> user.getMetadata().getName()).collect(Collectors.toSet()));
        for (String service : SERVICES) {
            AppConfig config = AppConfig.of(REPOSITORY, service);
            KafkaUser user = rendered.named(KafkaUser.class, service);
            assertEquals(KAFKA, user.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType(), service);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> writes = new TreeSet<>(catalog.producedBy(service));
            config.incomingTopics().keySet().forEach(channel -> writes.add(config.deadLetterTopic(channel)));
            assertEquals(writes, topics(acls, AclOperation.WRITE), service + " may write");
            Set<String> reads = new TreeSet<>(config.incomingTopics().values());
            config.incomingTopics().keySet().forEach(channel -> reads.add(config.deadLetterTopic(channel)));
            assertEquals(reads, topics(acls, AclOperation.READ), service + " may read");
            Set<String> groups = new TreeSet<>();
            config.incomingTopics().keySet().forEach(channel -> groups.add(config.consumerGroup(channel)));
            groups.add(config.properties().get("quarkus.application.name") + ".dead-letter-redrive");
            assertEquals(groups, groups(acls), service + " consumer groups");
        }
    }

    private static Set<String> topics(List<AclRule> acls, AclOperation operation) {
        Set<String> topics = new TreeSet<>();
        for (AclRule acl : acls) {
            if (acl.getResource() instanceof AclRuleTopicResource topic && acl.getOperations().contains(operation)) {
                assertEquals(AclResourcePatternType.LITERAL, topic.getPatternType(), topic.getName());
                topics.add(topic.getName());
            }
        }
        return topics;
    }

    private static Set<String> groups(List<AclRule> acls) {
        return acls.stream().filter(acl -> acl.getResource() instanceof AclRuleGroupResource)
                .filter(acl -> acl.getOperations().contains(AclOperation.READ))
                .map(acl -> ((AclRuleGroupResource) acl.getResource()).getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayIsReachableFromOutsideAndEachStoreOnlyFromItsUsers(String overlay) {
        Rendered rendered = render(overlay);
        assertTrue(rendered.all(NetworkPolicy.class).stream().anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector()
                .getMatchLabels()) && policy.getSpec().getPolicyTypes().equals(List.of("Ingress"))
                && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty())),
                "a default-deny policy for the whole namespace");
        String gateway = pods(rendered, "gateway");
        assertEquals(Set.of(INGRESS_CONTROLLER), admitted(rendered, labels(rendered, "gateway")), "gateway");
        for (String service : SERVICES) {
            assertEquals(Set.of(gateway), admitted(rendered, labels(rendered, service)), service);
        }
        Set<String> services = SERVICES.stream().map(service -> pods(rendered, service)).collect(Collectors.toSet());
        Set<String> postgres = new TreeSet<>(services);
        postgres.addAll(Set.of(KEYCLOAK_PODS, "pods {cnpg.io/cluster=raaderum-postgres}", "namespace cnpg-system"));
        assertEquals(postgres, admitted(rendered, Map.of("cnpg.io/cluster", "raaderum-postgres")), "PostgreSQL");
        assertEquals(Set.of(INGRESS_CONTROLLER, "pods {app.kubernetes.io/part-of=raaderum}", KEYCLOAK_PODS),
                admitted(rendered, Map.of("app.kubernetes.io/managed-by", "keycloak-operator")), "Keycloak");
        for (GenericKafkaListener listener : rendered.named(Kafka.class, KAFKA).getSpec().getKafka().getListeners()) {
            assertEquals(services, listener.getNetworkPolicyPeers().stream().map(KubernetesManifestsTest::peer)
                    .collect(Collectors.toSet()), "Kafka listener " + listener.getName());
        }
        assertTrue(labels(rendered, "gateway").containsKey("app.kubernetes.io/part-of")
                && SERVICES.stream().allMatch(service -> labels(rendered, service).containsKey(
                        "app.kubernetes.io/part-of")), "the applications reach Keycloak by their part-of label");
    }

    private static boolean isEmpty(Map<String, String> labels) {
        return labels == null || labels.isEmpty();
    }

    private static Map<String, String> labels(Rendered rendered, String application) {
        return rendered.named(Deployment.class, application).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static String pods(Rendered rendered, String application) {
        return "pods {app.kubernetes.io/name=" + labels(rendered, application).get("app.kubernetes.io/name") + "}";
    }

    /** Every peer some policy admits to pods with these labels. */
    private static Set<String> admitted(Rendered rendered, Map<String, String> podLabels) {
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            boolean selects = isEmpty(selector) || podLabels.entrySet().containsAll(selector.entrySet());
            if (!selects || policy.getSpec().getIngress() == null) {
                continue;
            }
            policy.getSpec().getIngress().forEach(rule -> rule.getFrom().forEach(from -> peers.add(peer(from))));
        }
        return peers;
    }

    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getNamespaceSelector() != null) {
            return "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        }
        return "pods " + new java.util.TreeMap<>(peer.getPodSelector().getMatchLabels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDeploymentHasAnAutoscalerADisruptionBudgetAndTheMeasuredMemory(String overlay) {
        Rendered rendered = render(overlay);
        int partitions = rendered.all(KafkaTopic.class).stream().mapToInt(t -> t.getSpec().getPartitions()).min()
                .orElseThrow();
        for (String application : APPLICATIONS) {
            Map<String, String> labels = rendered.named(Deployment.class, application).getSpec().getTemplate()
                    .getMetadata().getLabels();
            HorizontalPodAutoscaler autoscaler = rendered.named(HorizontalPodAutoscaler.class, application);
            assertEquals(application, autoscaler.getSpec().getScaleTargetRef().getName());
            if (SERVICES.contains(application)) {
                assertTrue(autoscaler.getSpec().getMaxReplicas() <= partitions, application
                        + ": a consumer beyond the partition count idles (README: How far it scales)");
            }
            PodDisruptionBudget budget = rendered.named(PodDisruptionBudget.class, application);
            assertTrue(labels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
            Container container = rendered.container(application);
            Map<String, EnvVar> env = environment(rendered, application);
            long limit = container.getResources().getLimits().get("memory").getNumericalAmount().longValue();
            long request = container.getResources().getRequests().get("memory").getNumericalAmount().longValue();
            long heap = limit * Integer.parseInt(env.get("JAVA_MAX_MEM_RATIO").getValue()) / 100;
            assertEquals(384L << 20, heap, application + ": the heap of the measured local run (-Xmx384m)");
            assertTrue(request >= 440L * 1000 * 1000, application + ": the request covers the measured 440 MB");
            assertEquals(LOCAL_RUN_GC, env.get("GC_CONTAINER_OPTIONS").getValue(), application + ": as on the local run");
            assertEquals("2", env.get("MALLOC_ARENA_MAX").getValue(), application + ": as on the local run");
        }
        List<String> composeGc = AppConfig.read(REPOSITORY.resolve("docker-compose.yml")).lines()
                .filter(line -> line.contains("GC_CONTAINER_OPTIONS:")).map(String::strip).toList();
        assertEquals(List.of("GC_CONTAINER_OPTIONS: " + LOCAL_RUN_GC, "GC_CONTAINER_OPTIONS: " + LOCAL_RUN_GC), composeGc,
                "docker-compose.yml: the services' and the gateway's JVM as on the local run");
    }

    @Test
    void productionBacksUpPostgresWithCredentialsFromASecret() {
        Rendered rendered = render("production");
        Map<String, Object> cluster = rendered.documents("Cluster").get(0);
        assertNotNull(at(cluster, "spec.backup.barmanObjectStore.destinationPath"), "backup destination");
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            Map<String, Object> reference = Rendered.mapAt(cluster, "spec.backup.barmanObjectStore.s3Credentials."
                    + key);
            assertEquals(Set.of("name", "key"), reference.keySet(), key + " is a Secret reference");
        }
        assertTrue(rendered.documents("ScheduledBackup").stream().anyMatch(backup -> Rendered.text(cluster,
                "metadata.name").equals(at(backup, "spec.cluster.name"))), "a ScheduledBackup of the cluster");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void renderedOverlayContainsNoDemoCredentials(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        String text = new ObjectMapper().writeValueAsString(rendered.documents());
        JsonNode realmFile = new ObjectMapper().readTree(REPOSITORY.resolve("deploy/keycloak/raaderum-realm.json")
                .toFile());
        Set<String> roles = new TreeSet<>();
        realmFile.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        List<String> problems = new ArrayList<>();
        realmFile.path("users").forEach(user -> {
            String name = user.path("username").asText();
            if (!roles.contains(name) && text.contains(name)) {
                problems.add("demo user " + name);
            }
        });
        realmFile.path("clients").forEach(client -> {
            if (client.has("secret") && text.contains(client.path("secret").asText())) {
                problems.add("demo client secret of " + client.path("clientId").asText());
            }
        });
        rendered.documents("KeycloakRealmImport").forEach(realm -> {
            if (at(realm, "spec.realm.users") != null) {
                problems.add("the realm import has users");
            }
        });
        for (String forbidden : List.of("\"directAccessGrantsEnabled\":true", "KC_BOOTSTRAP_ADMIN", "admin/admin",
                "start-dev")) {
            if (text.contains(forbidden)) {
                problems.add(forbidden);
            }
        }
        rendered.documents().stream().filter(document -> "Secret".equals(document.get("kind")))
                .forEach(secret -> problems.add("a Secret in git: " + Rendered.text(secret, "metadata.name")));
        literalSecrets(rendered.documents(), "", problems);
        assertEquals(List.of(), problems);
    }

    /** A key or variable named like a password, secret or JAAS line must come from a Secret, never be written. */
    private static void literalSecrets(Object value, String path, List<String> problems) {
        if (value instanceof Map<?, ?> values) {
            Object name = values.get("name");
            if (name instanceof String variable && values.get("value") instanceof String literal
                    && secretLike(variable)) {
                problems.add(path + " " + variable + " = " + literal);
            }
            values.forEach((key, item) -> {
                if (item instanceof String literal && secretLike(key.toString()) && !literal.isEmpty()) {
                    problems.add(path + "." + key + " = " + literal);
                }
                literalSecrets(item, path + "." + key, problems);
            });
        } else if (value instanceof List<?> items) {
            items.forEach(item -> literalSecrets(item, path + "[]", problems));
        }
    }

    private static boolean secretLike(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return (lower.contains("password") || lower.contains("secret") || lower.contains("jaas"))
                && !lower.endsWith("secretname") && !lower.contains("secretkeyref");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRealmKeepsWhatTheApplicationsExpectWithoutThePasswordGrant(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        Map<String, Object> realm = Rendered.mapAt(rendered.documents("KeycloakRealmImport").get(0), "spec.realm");
        JsonNode realmFile = new ObjectMapper().readTree(REPOSITORY.resolve("deploy/keycloak/raaderum-realm.json")
                .toFile());
        assertEquals(realmFile.path("realm").asText(), realm.get("realm"));
        Set<String> roles = new TreeSet<>();
        realmFile.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertEquals(roles, listAt(realm, "roles.realm").stream().map(role -> Rendered.text(Kustomization.map(role), "name"))
                .collect(Collectors.toCollection(TreeSet::new)));
        assertFalse(listAt(realm, "clients").isEmpty());
        for (Object client : listAt(realm, "clients")) {
            Map<String, Object> values = Kustomization.map(client);
            assertEquals(Boolean.FALSE, values.get("directAccessGrantsEnabled"), values.get("clientId") + "");
            List<Object> mappers = Kustomization.list(values.get("protocolMappers"));
            assertTrue(mappers.stream().anyMatch(mapper -> "raaderum-api".equals(
                    mapperConfig(mapper).get("included.custom.audience"))), "audience raaderum-api");
            assertTrue(mappers.stream().anyMatch(mapper -> "municipality".equals(
                    mapperConfig(mapper).get("claim.name"))), "the municipality claim");
        }
        assertTrue(String.valueOf(realm.get("components")).contains("municipality"), "user profile: municipality");
    }

    private static Map<String, Object> mapperConfig(Object mapper) {
        return Kustomization.map(Kustomization.map(mapper).get("config"));
    }
}
