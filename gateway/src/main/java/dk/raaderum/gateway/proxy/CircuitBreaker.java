package dk.raaderum.gateway.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per upstream: after {@code threshold} consecutive failures the breaker opens and requests get a 503 at once; after
 * {@code openFor} one trial request is let through (half-open): success closes the breaker, failure opens it again.
 */
final class CircuitBreaker {

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** May a request go to the upstream now? */
    synchronized boolean allow() {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && clock.instant().isAfter(openUntil)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
            trialInFlight = false;
        }
    }

    /**
     * The request ended without telling anything about the upstream (the caller's body was too large, or the caller
     * broke off): nothing is counted, and a trial request in flight makes room for the next one.
     */
    synchronized void abandoned() {
        trialInFlight = false;
    }

    synchronized State state() {
        return state;
    }

    /** Seconds until a trial request is allowed again (for Retry-After). */
    synchronized long retryAfterSeconds() {
        long seconds = Duration.between(clock.instant(), openUntil).toSeconds();
        return Math.max(1, seconds + 1);
    }
}
