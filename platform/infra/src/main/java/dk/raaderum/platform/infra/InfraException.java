package dk.raaderum.platform.infra;

/**
 * A problem starting or stopping local infrastructure, with a message meant for a person at a terminal
 * (what went wrong and what to do), not a stack trace.
 */
public class InfraException extends RuntimeException {

    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
