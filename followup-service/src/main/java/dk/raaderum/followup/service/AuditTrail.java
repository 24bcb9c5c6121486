package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.AuditEntry;
import dk.raaderum.followup.repository.AuditRepository;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Writes the audit trails of initiatives and investment pools, in the caller's transaction. */
@ApplicationScoped
public class AuditTrail {

    private final AuditRepository entries;

    public AuditTrail(AuditRepository entries) {
        this.entries = entries;
    }

    public void record(long initiativeId, AuditAction action, Actor actor, Instant at, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.initiativeId = initiativeId;
        entry.action = action;
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.at = at;
        entry.detail = detail;
        entries.persist(entry);
    }

    /** A line of an investment pool's trail; {@code applicationId} when it is about one application. */
    public void recordPool(long poolId, Long applicationId, AuditAction action, Actor actor, Instant at, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.poolId = poolId;
        entry.applicationId = applicationId;
        entry.action = action;
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.at = at;
        entry.detail = detail;
        entries.persist(entry);
    }
}
