package dk.raaderum.proposal.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A municipality's catalog of råderum proposals for one budget year and its three projection years, with the
 * municipality's policy areas. Amounts of its proposals are at the prices of {@link #priceLevelYear}.
 */
@Entity
public class Catalog {

    /** A budget covers the budget year and three projection years (overslagsår). */
    public static final int HORIZON_YEARS = 4;
    /** 422 rule: a year given for the catalog (amounts, measures, area budgets) is one of its years, once. */
    public static final String RULE_CATALOG_YEARS = "catalog-years";
    /** 422 rule: an area code given for the catalog is one of its areas. */
    public static final String RULE_UNKNOWN_AREA = "unknown-area";

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CatalogStatus status = CatalogStatus.OPEN;

    /** Years a presented-but-not-adopted proposal may not be presented again; 0 disables the rule. */
    @Column(name = "karens_years", nullable = false)
    public int karensYears = 1;

    /** In the order they were added (the export, the summary and a rollover list them so). */
    @OneToMany(mappedBy = "catalog", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<CatalogArea> areas = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "adopted_at")
    public Instant adoptedAt;

    /** The catalog this one was rolled over from (next year's catalog made from it), or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rolled_over_from_id")
    public Catalog rolledOverFrom;

    /**
     * The multi-year agreement covering the budget year, or null: set when the catalog is made (from the agreement,
     * POST …/agreements/{id}/catalogs, or otherwise) or when the agreement is recorded after it.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    /** The assumptions (borrowing, instalments) stated with the budget agreement; empty before adoption. */
    @ElementCollection
    @CollectionTable(name = "catalog_adoption_assumption", joinColumns = @JoinColumn(name = "catalog_id"))
    @OrderBy("year")
    public List<AdoptionAssumption> adoptionAssumptions = new ArrayList<>();

    /** The budget agreement's check as the adoption answered it (JSON); null before adoption and for older ones. */
    @Column(name = "agreed_check", columnDefinition = "text")
    public String agreedCheck;

    @Version
    public long version;

    /** The budget year and the three projection years. */
    public List<Integer> years() {
        return years(budgetYear);
    }

    /** The budget year and the three projection years of a catalog for {@code budgetYear}. */
    public static List<Integer> years(int budgetYear) {
        return IntStream.range(budgetYear, budgetYear + HORIZON_YEARS).boxed().toList();
    }

    public Optional<CatalogArea> area(String code) {
        return areas.stream().filter(area -> area.code.equals(code)).findFirst();
    }
}
