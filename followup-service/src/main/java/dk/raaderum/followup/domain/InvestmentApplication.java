package dk.raaderum.followup.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A committee's application to an investment pool with a business case: investment cost and expected gains per year,
 * the payback it states (which must follow from the amounts, {@link BusinessCase}), uncertainty and owner.
 */
@Entity
@Table(name = "investment_application")
public class InvestmentApplication {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "pool_id", nullable = false)
    public long poolId;

    @Column(nullable = false, length = 3)
    public String municipality;

    /** The applying committee, e.g. "Social- og Sundhedsudvalget". */
    @Column(nullable = false, length = 200)
    public String committee;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "area_name", nullable = false, length = 200)
    public String areaName;

    @Column(name = "area_main_account", nullable = false)
    public int areaMainAccount;

    @Column(name = "area_committee", length = 200)
    public String areaCommittee;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "investment_application_year", joinColumns = @JoinColumn(name = "application_id"))
    @OrderBy("year")
    public List<ApplicationYear> years = new ArrayList<>();

    @Column(name = "payback_years", nullable = false)
    public int paybackYears;

    /** LOW, MEDIUM or HIGH, as a proposal's uncertainty. */
    @Column(nullable = false, length = 10)
    public String uncertainty;

    /** The program owner as people name them, or a login (then the initiative's owner login). */
    @Column(nullable = false, length = 200)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ApplicationStatus status = ApplicationStatus.SUBMITTED;

    /** The follow-up initiative a grant created. */
    @Column(name = "initiative_id")
    public Long initiativeId;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 200)
    public String submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;

    /** Investment cost per year (years with a cost only). */
    public Map<Integer, Long> costs() {
        Map<Integer, Long> costs = new TreeMap<>();
        years.stream().filter(y -> y.investmentCost > 0).forEach(y -> costs.put(y.year, y.investmentCost));
        return costs;
    }

    /** Expected gain per year (years with a gain only). */
    public Map<Integer, Long> gains() {
        Map<Integer, Long> gains = new TreeMap<>();
        years.stream().filter(y -> y.expectedGain > 0).forEach(y -> gains.put(y.year, y.expectedGain));
        return gains;
    }

    /** The first year with an investment cost: year 1 of the payback and the budget year of the initiative. */
    public int firstCostYear() {
        return years.stream().filter(y -> y.investmentCost > 0).mapToInt(y -> y.year).min().orElseThrow();
    }

    /** A decision changes the status; GRANT links the initiative it created. */
    public void decided(PoolDecisionKind kind, Long createdInitiative, Instant at) {
        status = kind.outcome();
        initiativeId = createdInitiative;
        decidedAt = at;
    }
}
