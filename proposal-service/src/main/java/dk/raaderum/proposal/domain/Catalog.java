package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A municipality's catalog of råderum proposals for one budget year. */
@Entity
public class Catalog {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CatalogStatus status = CatalogStatus.OPEN;

    @Version
    public long version;
}
