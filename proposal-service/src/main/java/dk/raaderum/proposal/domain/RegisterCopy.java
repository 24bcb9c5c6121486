package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * That proposal-service has a municipality's register of policy areas (from target-service's
 * {@code policy-area.changed}), and which revision of it.
 */
@Entity
@Table(name = "policy_area_register_copy")
public class RegisterCopy {

    @Id
    @Column(length = 3)
    public String municipality;

    @Column(nullable = false)
    public long revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
