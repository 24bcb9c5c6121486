package dk.raaderum.systemtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies made from the merged API description's schemas: a sample that follows the schema (examples where
 * given), and variants that break it one way each — a field of the wrong type, a number beyond any bound, a fraction
 * for a whole number, a huge or unstorable string (NUL, a lone surrogate), a required field left out, a field no
 * schema knows. Every variant is one a server must refuse.
 */
final class FuzzInputs {

    /** A named body (raw JSON text, so it can hold what a JSON library would not write). */
    record Variant(String what, String json) {
    }

    private final Map<String, Object> schemas;

    FuzzInputs(Map<String, Object> components) {
        this.schemas = components;
    }

    /** The variants of a body of this schema, at most {@code limit}. */
    List<Variant> variants(Map<String, Object> schema, int limit) {
        Map<String, Object> resolved = resolve(schema);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("an unknown field", json(with(sample(resolved), "feltDerIkkeFindes", 1))));
        if (!"object".equals(type(resolved))) {
            variants.add(new Variant("a number instead of the body", "42"));
            return variants;
        }
        Map<String, Object> sample = asMap(sample(resolved));
        Map<String, Object> properties = asMap(resolved.getOrDefault("properties", Map.of()));
        for (Object required : (List<?>) resolved.getOrDefault("required", List.of())) {
            Map<String, Object> without = new LinkedHashMap<>(sample);
            without.remove(required.toString());
            variants.add(new Variant("without required " + required, json(without)));
        }
        properties.forEach((name, property) -> {
            for (Map.Entry<String, String> broken : broken(resolve(asMap(property))).entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>(sample);
                body.put(name, new Raw(broken.getValue()));
                variants.add(new Variant(name + ": " + broken.getKey(), json(body)));
            }
        });
        return variants.size() <= limit ? variants : variants.subList(0, limit);
    }

    /** Values that break a property of this schema, by what they are. */
    private static Map<String, String> broken(Map<String, Object> schema) {
        Map<String, String> values = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "integer" -> {
                values.put("a fraction", "1.5");
                values.put("beyond a 64-bit integer", "-99999999999999999999999");
                values.put("1e30", "1e30");
                values.put("text", "\"mange\"");
            }
            case "number" -> {
                values.put("1e400", "1e400");
                values.put("text", "\"mange\"");
            }
            case "boolean" -> values.put("not a boolean", "\"måske\"");
            case "array" -> {
                values.put("not a list", "\"alle\"");
                values.put("a list of the wrong things", "[{\"ukendt\": true}, [1]]");
            }
            case "string" -> {
                values.put("an object", "{\"tekst\": \"nej\"}");
                values.put("NUL", "\"før\\u0000efter\"");
                values.put("a lone surrogate", "\"halv \\ud800 emoji\"");
                values.put("200,000 characters", "\"" + "ø".repeat(200_000) + "\"");
            }
            default -> {
                values.put("a number", "42");
                values.put("a list", "[]");
            }
        }
        return values;
    }

    private Object sample(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        if (resolved.containsKey("example")) {
            return resolved.get("example");
        }
        if (resolved.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (type(resolved)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                asMap(resolved.getOrDefault("properties", Map.of()))
                        .forEach((name, property) -> object.put(name, sample(asMap(property))));
                yield object;
            }
            case "array" -> java.util.Collections.singletonList(sample(asMap(resolved.getOrDefault("items", Map.of()))));
            case "integer" -> resolved.getOrDefault("minimum", 1);
            case "number" -> 1;
            case "boolean" -> false;
            case "string" -> "date".equals(resolved.get("format")) ? "2027-01-01" : "tekst";
            default -> null;
        };
    }

    /** Follows $ref and allOf (as the generator writes a described reference). */
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.get("$ref") instanceof String ref) {
                current = asMap(schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of()));
            } else if (current.get("allOf") instanceof List<?> all && !all.isEmpty() && !current.containsKey("properties")) {
                current = asMap(all.get(0));
            } else {
                return current;
            }
        }
        return current;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(Object::toString).filter(t -> !t.equals("null")).findFirst().orElse("");
        }
        if (type == null && schema.containsKey("properties")) {
            return "object";
        }
        return type == null ? "" : type.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Object with(Object body, String name, Object value) {
        if (body instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(name, value);
            return copy;
        }
        return Map.of(name, value);
    }

    /** JSON text written as it is. */
    private record Raw(String json) {
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(FuzzInputs::json).toList()) + "]";
        }
        return value.toString();
    }
}
