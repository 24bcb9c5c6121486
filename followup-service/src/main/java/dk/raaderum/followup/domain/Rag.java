package dk.raaderum.followup.domain;

/** Red/amber/green status of a realisation ratio against the municipality's thresholds. */
public enum Rag {
    GREEN, AMBER, RED
}
