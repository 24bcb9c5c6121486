package dk.raaderum.target.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Read model of {@code catalog.adopted}: the budget agreement of a catalog, with the ids of the proposals it adopted.
 * Coverage uses it to tell which adopted proposals have not arrived yet (the events travel on different topics).
 */
@Entity
@Table(name = "catalog_adoption")
public class CatalogAdoption {

    /** proposal-service's catalog id. */
    @Id
    @Column(name = "catalog_id")
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "adopted_at", nullable = false)
    public Instant adoptedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_adoption_proposal", joinColumns = @JoinColumn(name = "catalog_id"))
    @Column(name = "proposal_id", nullable = false)
    @BatchSize(size = 20)
    public List<Long> adoptedProposalIds = new ArrayList<>();

    @Column(name = "rejected_count", nullable = false)
    public int rejectedCount;

    @Version
    public long version;
}
