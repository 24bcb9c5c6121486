package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One version of a municipality's economic policy (økonomisk politik): from its first budget year, at a price level,
 * the key figures with their bounds per year (the room to create, cash holdings, a service buffer, long-term debt, any
 * other named figure). Versions are numbered 1, 2, … per municipality; a version is a DRAFT until the council adopts
 * it, and an adopted version never changes: a change is a new version, drafted from the last adopted one.
 */
@Entity
@Table(name = "economic_policy")
public class EconomicPolicy extends Audited {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    /** 1, 2, … per municipality ({@code version} of {@code economic-policy.adopted}). */
    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    /** The adopted version this draft started from; null for the first. */
    @Column(name = "based_on")
    public Integer basedOn;

    @Column(name = "first_budget_year", nullable = false)
    public int firstBudgetYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    /** The key figures as JSON (a list of {@link KeyFigure}). */
    @Column(name = "key_figures", nullable = false, columnDefinition = "text")
    public String keyFigures;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public PolicyStatus status = PolicyStatus.DRAFT;

    /** The decision that adopted it, e.g. "Byrådet 19. juni 2026, pkt. 7". */
    @Column(name = "decision_reference", length = 300)
    public String decisionReference;

    @Column(name = "adopted_at")
    public Instant adoptedAt;

    @Column(name = "adopted_by", length = 200)
    public String adoptedBy;

    /** Thrown when a version that is not a draft would be changed or adopted. */
    public static class Fixed extends RuntimeException {

        public Fixed(String detail) {
            super(detail, null, false, false);
        }
    }

    public List<Integer> years() {
        return Horizon.of(firstBudgetYear);
    }

    public boolean isAdopted() {
        return status == PolicyStatus.ADOPTED;
    }

    /** Replaces the content of a draft; an adopted version never changes ({@link Fixed}). */
    public void replace(int firstBudgetYear, int priceLevelYear, String keyFigures, String by, Instant at) {
        requireDraft("changed; draft a new version from it");
        this.firstBudgetYear = firstBudgetYear;
        this.priceLevelYear = priceLevelYear;
        this.keyFigures = keyFigures;
        changed(by, at);
    }

    /** DRAFT → ADOPTED: who recorded the council's decision, when, and which decision. */
    public void adopt(String decisionReference, String by, Instant at) {
        requireDraft("adopted again");
        status = PolicyStatus.ADOPTED;
        this.decisionReference = decisionReference;
        adoptedBy = by;
        adoptedAt = at;
        changed(by, at);
    }

    /** {@link Fixed} unless this version is a draft; {@code what} completes "cannot be …". */
    public void requireDraft(String what) {
        if (isAdopted()) {
            throw new Fixed("Version " + policyVersion + " of the economic policy was adopted (" + decisionReference
                    + ") and cannot be " + what);
        }
    }
}
