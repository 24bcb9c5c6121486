package dk.raaderum.platform.messaging.config;

import dk.raaderum.platform.events.Topics;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/** What the configuration says of an incoming channel ({@code mp.messaging.incoming.<channel>.*}). */
public final class IncomingChannels {

    /** The prefix of every incoming channel's properties. */
    public static final String PREFIX = "mp.messaging.incoming.";

    private IncomingChannels() {
    }

    /** The topic the channel reads: its {@code topic} property, else (SmallRye's rule) the channel's name. */
    public static String topicOf(Config config, String channel) {
        return property(config, channel, "topic").orElse(channel);
    }

    /**
     * Where the channel's failure strategy writes a record it gives up on: its {@code dead-letter-queue.topic}, else
     * the dead-letter topic of the topic it reads.
     */
    public static String deadLetterTopic(Optional<String> configured, String topic) {
        return configured.orElseGet(() -> Topics.deadLetter(topic));
    }

    /** {@link #deadLetterTopic(Optional, String)} of a channel, from the configuration. */
    public static String deadLetterTopicOf(Config config, String channel) {
        return deadLetterTopic(property(config, channel, "dead-letter-queue.topic"), topicOf(config, channel));
    }

    /** One property of the channel, if set. */
    public static Optional<String> property(Config config, String channel, String name) {
        return config.getOptionalValue(PREFIX + channel + "." + name, String.class);
    }
}
