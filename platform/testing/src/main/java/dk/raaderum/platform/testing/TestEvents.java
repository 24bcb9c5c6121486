package dk.raaderum.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dk.raaderum.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * Another service's events as it writes them: a contract payload in a CloudEvents envelope (docs/events.md), sent to
 * the type's real topic keyed by the aggregate id.
 */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestEvents() {
    }

    /** The envelope of the payload with a new event id; {@code municipality} may be null (cross-municipal). */
    public static String envelope(EventType<?> type, String key, String municipality, Object payload, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/raaderum/test");
        event.put("type", type.type());
        event.put("subject", key);
        event.put("time", at.toString());
        event.put("datacontenttype", "application/json");
        if (municipality != null) {
            event.put("municipality", municipality);
        }
        event.set("data", JSON.valueToTree(payload));
        return event.toString();
    }

    /** Sends the payload's event to the type's topic; returns the JSON sent (to send it again: a redelivery). */
    public static String send(EventType<?> type, String key, String municipality, Object payload, Instant at) {
        String json = envelope(type, key, municipality, payload, at);
        KafkaTopics.send(type.topic(), key, json);
        return json;
    }
}
