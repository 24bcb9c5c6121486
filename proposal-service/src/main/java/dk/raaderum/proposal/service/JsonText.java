package dk.raaderum.proposal.service;

import dk.raaderum.platform.messaging.consumer.PoisonMessageException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A part kept as JSON text in a {@code text} column, read whole: a read model's part as the event carries it (the
 * economic policy's key figures, the budget adjustment lines), and an adopted catalog's check as the adoption answered.
 */
@ApplicationScoped
public class JsonText {

    private final ObjectMapper json;

    public JsonText(ObjectMapper json) {
        this.json = json;
    }

    /** The value as JSON; an event part that cannot be written is poison (dead-lettered), never a thing of ours. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("An event part that cannot be stored as JSON", e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read as " + type.getType(), e);
        }
    }
}
