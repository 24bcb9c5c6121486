package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A policy area (fagområde / bevillingsområde) in the municipality's register: its own code (e.g. ÆLD, the same
 * code in base budgets, allocations and catalogs), name, main account 0–6 and, optionally, the committee. An area is
 * retired ({@code active} false) rather than deleted: its code stays valid for what was made with it.
 */
@Entity
@Table(name = "policy_area")
public class PolicyArea {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "main_account", nullable = false)
    public int mainAccount;

    @Column(length = 200)
    public String committee;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Column(name = "changed_by_id", nullable = false, length = 200)
    public String changedById;

    @Version
    public long version;

    /** Whether the values differ from the area's; an unchanged PUT is not a new revision. */
    public boolean differsFrom(String name, int mainAccount, String committee, boolean active) {
        return !this.name.equals(name) || this.mainAccount != mainAccount
                || !java.util.Objects.equals(this.committee, committee) || this.active != active;
    }
}
