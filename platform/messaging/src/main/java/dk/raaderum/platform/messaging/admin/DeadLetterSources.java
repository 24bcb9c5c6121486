package dk.raaderum.platform.messaging.admin;

import dk.raaderum.platform.messaging.config.IncomingChannels;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter topics of this service, read from its channel configuration
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), by original topic.
 */
@ApplicationScoped
public class DeadLetterSources {

    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");

    private final Map<String, DeadLetterSource> byTopic;

    public DeadLetterSources(Config config) {
        this.byTopic = read(config);
    }

    public Optional<DeadLetterSource> forTopic(String topic) {
        return Optional.ofNullable(byTopic.get(topic));
    }

    public Map<String, DeadLetterSource> all() {
        return byTopic;
    }

    private static Map<String, DeadLetterSource> read(Config config) {
        Map<String, String> deadLetterTopics = new TreeMap<>();
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = DLQ_TOPIC.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            String channel = matcher.group(1);
            String topic = IncomingChannels.topicOf(config, channel);
            deadLetterTopics.put(topic, config.getValue(name, String.class));
            groups.computeIfAbsent(topic, t -> new TreeSet<>()).add(groupOf(config, channel));
        }
        Map<String, DeadLetterSource> sources = new TreeMap<>();
        deadLetterTopics.forEach((topic, dlq) -> sources.put(topic, new DeadLetterSource(topic, dlq,
                Set.copyOf(groups.get(topic)))));
        return Map.copyOf(sources);
    }

    /** The channel's consumer group: its own group.id, the connector's, or (Quarkus' default) the application name. */
    private static String groupOf(Config config, String channel) {
        return IncomingChannels.property(config, channel, "group.id")
                .or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class))
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
    }
}
