package dk.raaderum.target.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy area (fagområde / bevillingsområde) of a base budget: the municipality's own code (the same codes as its
 * proposal catalogs, e.g. ÆLD), name, main account 0–6, the responsible committee, and the budget per year.
 */
@Entity
@Table(name = "budget_area")
public class BudgetArea {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "budget_id")
    public BaseBudget budget;

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "main_account", nullable = false)
    public int mainAccount;

    @Column(nullable = false, length = 200)
    public String committee;

    /** Order of the areas as imported. */
    @Column(nullable = false)
    public int position;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "budget_area_year", joinColumns = @JoinColumn(name = "budget_area_id"))
    @OrderBy("year")
    @BatchSize(size = 100)
    public List<AreaYear> years = new ArrayList<>();

    @Version
    public long version;

    public long amount(int year) {
        return years.stream().filter(y -> y.year == year).mapToLong(y -> y.amount).findFirst().orElse(0L);
    }
}
