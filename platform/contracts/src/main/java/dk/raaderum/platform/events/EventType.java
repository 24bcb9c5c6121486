package dk.raaderum.platform.events;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned event type: the topic it travels on, its CloudEvents {@code type} and the record its
 * {@code data} deserialises into. A breaking change to a payload is a new type ({@code .v2}) on the same topic,
 * published alongside the old one until every consumer has moved.
 */
public record EventType<T>(String topic, String type, Class<T> payloadType) {

    private static final Pattern VERSIONED = Pattern.compile("^dk\\.raaderum\\.[a-z0-9.-]+\\.v(\\d+)$");

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadType, "payloadType");
        if (type == null || !VERSIONED.matcher(type).matches()) {
            throw new IllegalArgumentException("An event type looks like dk.raaderum.<aggregate>.<event>.v<N>: " + type);
        }
    }

    public int version() {
        Matcher matcher = VERSIONED.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalStateException(type);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The dead-letter topic of the topic: where consumers put what they cannot process. */
    public String deadLetterTopic() {
        return Topics.deadLetter(topic);
    }
}
