package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * That a municipality has a register of policy areas, and its revision: 1 for the first area, + 1 for every change.
 * Once a municipality has one, base budgets and allocations may only use its active codes.
 */
@Entity
@Table(name = "policy_area_register")
public class PolicyAreaRegister {

    @Id
    @Column(length = 3)
    public String municipality;

    @Column(nullable = false)
    public long revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    /** Counts one change of the register. */
    public void changed(String by, Instant at) {
        revision++;
        changedBy = by;
        changedAt = at;
    }
}
