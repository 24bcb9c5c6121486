package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A policy area of the municipality as the catalog uses it: code (prefix of proposal numbers, e.g. ÆLD), name,
 * main account 0–6 of the municipal chart of accounts, and the committee responsible.
 */
@Entity
@Table(name = "catalog_area")
public class CatalogArea {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_id")
    public Catalog catalog;

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "main_account", nullable = false)
    public int mainAccount;

    @Column(nullable = false, length = 200)
    public String committee;

    /** The next proposal number of the area (ÆLD-01, ÆLD-02, …); taken under a row lock. */
    @Column(name = "next_number", nullable = false)
    public int nextNumber = 1;

    @Version
    public long version;

    public String takeNumber() {
        String number = number(code, nextNumber);
        nextNumber++;
        return number;
    }

    /** The n-th proposal number of an area: ÆLD-01, ÆLD-02, …, ÆLD-100. */
    public static String number(String areaCode, int n) {
        return String.format("%s-%02d", areaCode, n);
    }
}
