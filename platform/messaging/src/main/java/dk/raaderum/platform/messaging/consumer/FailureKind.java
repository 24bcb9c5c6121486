package dk.raaderum.platform.messaging.consumer;

/** How a consumer treats a failed attempt at an event. */
public enum FailureKind {

    /** The database or a lock is away for now: retry without limit (capped backoff), never dead-letter. */
    TRANSIENT,
    /** The event can never be applied: dead-letter at once. */
    POISON,
    /** Anything else: a bounded number of attempts, then the dead-letter topic. */
    OTHER
}
