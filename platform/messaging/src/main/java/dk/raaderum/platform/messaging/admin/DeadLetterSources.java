package dk.raaderum.platform.messaging.admin;

import dk.raaderum.platform.messaging.config.IncomingChannels;
import dk.raaderum.platform.messaging.consumer.PlatformFailureStrategy;

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
 * The dead-letter topics of this service, by original topic: those of its Kafka channels that dead-letter what they
 * give up on ({@link PlatformFailureStrategy}, or SmallRye's {@code dead-letter-queue}), each the channel's
 * {@code dead-letter-queue.topic} or else its topic's ({@link IncomingChannels#deadLetterTopicOf}), the rule the
 * failure strategy writes by.
 */
@ApplicationScoped
public class DeadLetterSources {

    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");
    private static final String KAFKA = "smallrye-kafka";
    private static final Set<String> DEAD_LETTERING = Set.of(PlatformFailureStrategy.NAME, "dead-letter-queue");

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
            Matcher matcher = CONNECTOR.matcher(name);
            if (!matcher.matches() || !KAFKA.equals(config.getValue(name, String.class))
                    || !DEAD_LETTERING.contains(failureStrategyOf(config, matcher.group(1)))) {
                continue;
            }
            String channel = matcher.group(1);
            String topic = IncomingChannels.topicOf(config, channel);
            deadLetterTopics.put(topic, IncomingChannels.deadLetterTopicOf(config, channel));
            groups.computeIfAbsent(topic, t -> new TreeSet<>()).add(groupOf(config, channel));
        }
        Map<String, DeadLetterSource> sources = new TreeMap<>();
        deadLetterTopics.forEach((topic, dlq) -> sources.put(topic, new DeadLetterSource(topic, dlq,
                Set.copyOf(groups.get(topic)))));
        return Map.copyOf(sources);
    }

    /** The channel's failure strategy: its own, else the connector's (SmallRye's default: fail). */
    private static String failureStrategyOf(Config config, String channel) {
        return IncomingChannels.property(config, channel, "failure-strategy")
                .or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka.failure-strategy", String.class))
                .orElse("fail");
    }

    /** The channel's consumer group: its own group.id, the connector's, or (Quarkus' default) the application name. */
    private static String groupOf(Config config, String channel) {
        return IncomingChannels.property(config, channel, "group.id")
                .or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class))
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
    }
}
