package dk.raaderum.proposal.service;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.ChangeKind;
import dk.raaderum.proposal.domain.FieldChange;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalChange;
import dk.raaderum.proposal.repository.ChangeRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Writes a proposal's content history ({@link ProposalChange}); called only by {@link ProposalService}'s write path. */
@ApplicationScoped
class ChangeLog {

    /** The role a change is recorded under: the first of these the actor has. */
    private static final List<String> ROLES = List.of(FINANCE_OFFICER, POLITICIAN, MUNICIPAL_SYSTEM, PROGRAM_OWNER,
            KL_CURATOR);

    private final ChangeRepository changes;

    ChangeLog(ChangeRepository changes) {
        this.changes = changes;
    }

    /** Records a change unless it changed nothing; returns whether it recorded one. */
    boolean record(Proposal proposal, ChangeKind kind, List<FieldChange> fields, Actor actor, Instant at, String comment) {
        if (fields.isEmpty() && kind != ChangeKind.CREATED) {
            return false;
        }
        ProposalChange change = new ProposalChange();
        change.proposalId = proposal.id;
        change.catalogId = proposal.catalog.id;
        change.kind = kind;
        change.status = proposal.status;
        change.actorId = actor.id();
        change.actorName = actor.name();
        change.actorRole = ROLES.stream().filter(actor::hasRole).findFirst().orElse(null);
        change.at = at;
        change.comment = comment;
        change.fields.addAll(fields);
        changes.persist(change);
        return true;
    }
}
