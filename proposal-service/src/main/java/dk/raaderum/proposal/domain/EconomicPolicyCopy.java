package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A municipality's economic policy as target-service last published it ({@code economic-policy.adopted}); the key
 * figures are kept as the event's JSON. A newer version replaces it ({@link #isNewerThanHeld}).
 */
@Entity
@Table(name = "economic_policy_copy")
public class EconomicPolicyCopy {

    @Id
    @Column(length = 3)
    public String municipality;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "first_budget_year", nullable = false)
    public int firstBudgetYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(name = "key_figures", nullable = false, columnDefinition = "text")
    public String keyFigures;

    @Column(name = "decision_reference", length = 500)
    public String decisionReference;

    @Column(name = "adopted_by", length = 200)
    public String adoptedBy;

    @Column(name = "adopted_at", nullable = false)
    public Instant adoptedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Whether a policy of {@code version} replaces this copy (a higher version wins; a repeat or older one does not). */
    public boolean isReplacedBy(int version) {
        return version > policyVersion;
    }
}
