package dk.raaderum.deploy.kubernetes;

import static dk.raaderum.deploy.kubernetes.Kustomization.list;
import static dk.raaderum.deploy.kubernetes.Kustomization.map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** One rendered overlay: the raw documents and their typed models. */
record Rendered(String overlay, List<Map<String, Object>> documents, List<HasMetadata> resources) {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Strimzi's kinds, read into Strimzi's own model (io.strimzi:api). */
    static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of("Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    static Rendered of(Path manifests, String overlay) {
        List<Map<String, Object>> documents = Kustomization.render(manifests.resolve("overlays").resolve(overlay));
        List<HasMetadata> resources = documents.stream().map(Rendered::typed).toList();
        return new Rendered(overlay, documents, resources);
    }

    private static HasMetadata typed(Map<String, Object> document) {
        Class<? extends HasMetadata> strimzi = STRIMZI.get(document.get("kind"));
        if (strimzi != null && String.valueOf(document.get("apiVersion")).startsWith("kafka.strimzi.io/")) {
            return SERIALIZATION.convertValue(document, strimzi);
        }
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(document));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(overlay + ": no " + type.getSimpleName() + " " + name));
    }

    /** The raw document of a custom resource without a published model (CloudNativePG, Keycloak). */
    List<Map<String, Object>> documents(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    Container container(String deployment) {
        Deployment resource = named(Deployment.class, deployment);
        List<Container> containers = resource.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new IllegalStateException(deployment + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** A value at a dotted path of a raw document ({@code spec.db.host}), or null. */
    static Object at(Map<String, Object> document, String path) {
        Object value = document;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map)) {
                return null;
            }
            value = map(value).get(key);
        }
        return value;
    }

    static String text(Map<String, Object> document, String path) {
        Object value = at(document, path);
        return value == null ? null : value.toString();
    }

    static Map<String, Object> mapAt(Map<String, Object> document, String path) {
        return map(at(document, path));
    }

    static List<Object> listAt(Map<String, Object> document, String path) {
        return list(at(document, path));
    }
}
