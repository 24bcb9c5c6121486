package dk.raaderum.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * The fields a typed model did not know. fabric8's and Strimzi's models keep unknown YAML keys in
 * {@code additionalProperties} instead of failing, so a misspelt field ({@code readinesProbe}) parses; this walk
 * finds every such key, which makes the typed parse a check of the schema's field names.
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model", "io.strimzi.api");

    private final List<String> found = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        UnknownFields walk = new UnknownFields();
        walk.visit(model, model.getClass().getSimpleName());
        return walk.found;
    }

    private void visit(Object value, String path) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> values) {
            values.forEach((key, item) -> visit(item, path + "." + key));
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                visit(item, path + "[" + index++ + "]");
            }
        } else if (isModel(value)) {
            visitModel(value, path);
        }
    }

    private static boolean isModel(Object value) {
        String name = value.getClass().getName();
        return !(value instanceof GenericKubernetesResource) && !value.getClass().isEnum()
                && MODEL_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private void visitModel(Object model, String path) {
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    found.add(path + ": " + unknown.keySet());
                }
            } else {
                visit(value, path + "." + getter.getName().substring(3));
            }
        }
    }

    private static Object invoke(Method getter, Object model) {
        try {
            return getter.invoke(model);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
