package dk.raaderum.platform.messaging.config;

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

    /** One property of the channel, if set. */
    public static Optional<String> property(Config config, String channel, String name) {
        return config.getOptionalValue(PREFIX + channel + "." + name, String.class);
    }
}
