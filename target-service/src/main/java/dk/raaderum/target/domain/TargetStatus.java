package dk.raaderum.target.domain;

/**
 * DRAFT while the finance department prepares the target and tries allocation keys; ADOPTED once the political
 * decision is made. Only adopted targets leave the service: their allocation rounds are published
 * ({@code target.allocated}), count in coverage and in KL's aggregated figures.
 */
public enum TargetStatus {
    DRAFT, ADOPTED
}
