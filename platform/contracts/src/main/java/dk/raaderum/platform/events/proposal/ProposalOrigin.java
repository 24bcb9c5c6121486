package dk.raaderum.platform.events.proposal;

/**
 * Where a proposal came from.
 *
 * @param kind ADMINISTRATION, POLITICAL_PARTY, STAFF, CITIZEN, BUSINESS, IDEA_BANK or OTHER_MUNICIPALITY
 * @param party the party, for POLITICAL_PARTY
 * @param ideaId the idea bank idea, for IDEA_BANK
 * @param municipalityCode the municipality it was borrowed from, for OTHER_MUNICIPALITY
 */
public record ProposalOrigin(String kind, String party, Long ideaId, String municipalityCode) {
}
