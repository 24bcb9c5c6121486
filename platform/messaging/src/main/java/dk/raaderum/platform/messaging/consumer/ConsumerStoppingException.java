package dk.raaderum.platform.messaging.consumer;

/**
 * The application stops while an event waits for a transient failure to pass. The event is neither processed nor
 * dead-lettered: its offset is not committed, so it is read again after the restart.
 */
public class ConsumerStoppingException extends RuntimeException {

    public ConsumerStoppingException(String message, Throwable cause) {
        super(message, cause);
    }
}
