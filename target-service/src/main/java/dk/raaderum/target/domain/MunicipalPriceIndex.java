package dk.raaderum.target.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The years a municipality has entered in its own price index (pris- og lønindeks); they override the platform's
 * default (KL's PL for service expenses) year by year. Exists once the municipality has edited its index.
 */
@Entity
@Table(name = "price_index")
public class MunicipalPriceIndex {

    @Id
    @Column(length = 3)
    public String municipality;

    /** The municipality's own years and their indices. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "price_index_year", joinColumns = @JoinColumn(name = "municipality"))
    @MapKeyColumn(name = "year")
    @Column(name = "index_value", nullable = false, precision = 13, scale = 6)
    public Map<Integer, BigDecimal> years = new TreeMap<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_by_id", nullable = false, length = 200)
    public String updatedById;

    @Version
    public long version;
}
