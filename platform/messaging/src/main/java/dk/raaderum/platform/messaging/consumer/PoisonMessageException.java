package dk.raaderum.platform.messaging.consumer;

/**
 * A record that can never be processed (not a CloudEvent, an unknown type, a payload that does not fit): it goes
 * to the dead-letter topic at once, without retries.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
