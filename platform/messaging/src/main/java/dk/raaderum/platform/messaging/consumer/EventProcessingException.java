package dk.raaderum.platform.messaging.consumer;

/** A handler kept failing for one event; after the last attempt the event goes to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
