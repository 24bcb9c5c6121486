package dk.raaderum.deploy.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of kustomize the manifests use, so a test can render an overlay without the kustomize binary:
 * <ul>
 * <li>{@code resources}: YAML files (several documents each) and directories with their own kustomization.yaml;</li>
 * <li>{@code patches} with {@code path}: strategic merge by kind and metadata.name. Maps merge; {@code null} removes a
 * key; a top-level {@code $patch: delete} removes the resource; lists of built-in kinds (core, apps, autoscaling,
 * policy, *.k8s.io) whose items have a {@code name} merge by name (containers, env, volumes), every other list is
 * replaced (as kustomize does for custom resources, which carry no merge keys);</li>
 * <li>{@code images}: name → newName/newTag on containers;</li>
 * <li>{@code namespace}: set on every resource but the Namespace itself.</li>
 * </ul>
 * Anything else in a kustomization.yaml fails the rendering, so the subset cannot silently grow.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "images");
    private static final ObjectMapper YAML = new YAMLMapper();

    private Kustomization() {
    }

    /** The rendered resources of the kustomization in {@code dir}, in order. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = readAll(dir.resolve("kustomization.yaml")).get(0);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + key
                        + "', which this renderer does not implement (supported: " + SUPPORTED + ")");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) entry).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            for (Map<String, Object> document : readAll(dir.resolve((String) map(patch).get("path")))) {
                apply(resources, document);
            }
        }
        for (Object image : list(kustomization.get("images"))) {
            setImage(resources, map(image));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            resources.stream().filter(resource -> !"Namespace".equals(resource.get("kind")))
                    .forEach(resource -> map(resource.get("metadata")).put("namespace", namespace));
        }
        return resources;
    }

    /** Every document of a YAML file, as maps (empty documents skipped). */
    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            Iterator<Map<String, Object>> values = YAML.readValues(parser, new TypeReference<Map<String, Object>>() {
            });
            while (values.hasNext()) {
                Map<String, Object> document = values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return documents;
    }

    private static void apply(List<Map<String, Object>> resources, Map<String, Object> patch) {
        Object kind = patch.get("kind");
        Object name = map(patch.get("metadata")).get("name");
        List<Map<String, Object>> targets = resources.stream()
                .filter(resource -> kind.equals(resource.get("kind"))
                        && name.equals(map(resource.get("metadata")).get("name")))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalStateException("A patch must match exactly one resource: " + kind + " " + name
                    + " matches " + targets.size());
        }
        if ("delete".equals(patch.get("$patch"))) {
            resources.remove(targets.get(0));
        } else {
            merge(targets.get(0), patch, builtIn((String) patch.get("apiVersion")));
        }
    }

    private static boolean builtIn(String apiVersion) {
        return !apiVersion.contains("/") || !apiVersion.substring(0, apiVersion.indexOf('/')).contains(".")
                || apiVersion.substring(0, apiVersion.indexOf('/')).endsWith(".k8s.io");
    }

    private static void merge(Map<String, Object> target, Map<String, Object> patch, boolean builtIn) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (current instanceof Map && value instanceof Map) {
                merge(map(current), map(value), builtIn);
            } else if (builtIn && current instanceof List && value instanceof List && namedItems(value)) {
                mergeByName(list(current), list(value));
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean namedItems(Object items) {
        return list(items).stream().allMatch(item -> item instanceof Map && map(item).containsKey("name"));
    }

    private static void mergeByName(List<Object> current, List<Object> patch) {
        for (Object item : patch) {
            Object name = map(item).get("name");
            current.stream().filter(existing -> existing instanceof Map && name.equals(map(existing).get("name")))
                    .findFirst()
                    .ifPresentOrElse(existing -> merge(map(existing), map(item), true), () -> current.add(item));
        }
    }

    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image) {
        for (Map<String, Object> resource : resources) {
            Object template = map(resource.get("spec")).get("template");
            if (template == null) {
                continue;
            }
            for (Object container : list(map(map(template).get("spec")).get("containers"))) {
                String reference = (String) map(container).get("image");
                int colon = reference.lastIndexOf(':');
                String name = colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
                String tag = colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : "latest";
                if (name.equals(image.get("name"))) {
                    map(container).put("image", image.getOrDefault("newName", name) + ":"
                            + image.getOrDefault("newTag", tag));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? new ArrayList<>() : (List<Object>) value;
    }
}
