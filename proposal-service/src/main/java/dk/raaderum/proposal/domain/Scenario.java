package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A saved budget simulation: a named selection of proposals plus general measures, owned by one user or shared by a
 * party group. The simulation input is stored as JSON and recomputed when read, so it reflects today's amounts.
 */
@Entity
public class Scenario {

    public enum Owner {
        USER, PARTY
    }

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "catalog_id", nullable = false)
    public Long catalogId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false, length = 10)
    public Owner ownerKind;

    /** The user, for USER scenarios; the creator, for PARTY scenarios. */
    @Column(name = "owner_id", nullable = false, length = 200)
    public String ownerId;

    @Column(length = 100)
    public String party;

    /** The simulation request as JSON. */
    @Column(name = "input", nullable = false, columnDefinition = "text")
    public String input;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Version
    public long version;
}
