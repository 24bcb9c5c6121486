package dk.raaderum.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one application reads, from its own configuration files: its application.properties and the shared defaults
 * of platform/web (every application) and platform/messaging (the applications that depend on it).
 */
record AppConfig(String name, Map<String, String> properties, List<Path> files, boolean messaging) {

    /** Settings that point at infrastructure: the files give them for %dev only, so production must set each. */
    private static final List<String> INFRASTRUCTURE = List.of("quarkus.datasource.", "quarkus.oidc.", "kafka.");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z0-9-]+)\\.topic");

    static AppConfig of(Path repository, String name) {
        boolean messaging = read(repository.resolve(name).resolve("pom.xml")).contains("raaderum-platform-messaging");
        List<Path> files = new ArrayList<>();
        files.add(repository.resolve(name).resolve("src/main/resources/application.properties"));
        files.add(repository.resolve("platform/web/src/main/resources/META-INF/microprofile-config.properties"));
        if (messaging) {
            files.add(repository.resolve(
                    "platform/messaging/src/main/resources/META-INF/microprofile-config.properties"));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path file : files) {
            properties.putAll(load(file));
        }
        return new AppConfig(name, properties, files, messaging);
    }

    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /** The environment variable MicroProfile Config maps onto a property name. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every environment variable the files name: each property (any profile) and each ${VARIABLE} reference. */
    Set<String> environmentNamesInFiles() {
        Set<String> names = new TreeSet<>();
        properties.forEach((key, value) -> {
            names.add(environmentName(withoutProfile(key)));
            references(value, names);
        });
        return names;
    }

    /**
     * What production must set: the ${VARIABLE} references without a default, and the infrastructure settings the
     * files give for %dev only.
     */
    Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        properties.values().forEach(value -> references(value, required));
        properties.keySet().stream().filter(key -> key.startsWith("%dev."))
                .map(AppConfig::withoutProfile)
                .filter(key -> INFRASTRUCTURE.stream().anyMatch(key::startsWith))
                .filter(key -> !properties.containsKey(key) && !properties.containsKey("%prod." + key))
                .forEach(key -> required.add(environmentName(key)));
        return required;
    }

    /** channel → topic of every incoming channel. */
    Map<String, String> incomingTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher matcher = INCOMING_TOPIC.matcher(key);
            if (matcher.matches()) {
                topics.put(matcher.group(1), value);
            }
        });
        return topics;
    }

    String deadLetterTopic(String channel) {
        return properties.get("mp.messaging.incoming." + channel + ".dead-letter-queue.topic");
    }

    /** The consumer group of a channel: its own group.id, else Quarkus' default, the application name. */
    String consumerGroup(String channel) {
        return properties.getOrDefault("mp.messaging.incoming." + channel + ".group.id",
                properties.get("quarkus.application.name"));
    }

    private static void references(String value, Set<String> into) {
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
