package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A municipality's catalog as proposal-service's {@code catalog.changed} tells (the newest by its time wins): whose it
 * is, whether it takes new proposals, and its areas. "Use this idea" is refused at once when it cannot be met.
 */
@Entity
@Table(name = "catalog_ref")
public class CatalogRef {

    /** Why a copy into the catalog cannot be made; null when it can. */
    public enum Refusal {
        /** The catalog is another municipality's. */
        OTHER_MUNICIPALITY,
        /** Locked for the negotiations, or adopted. */
        NOT_OPEN,
        /** The catalog has no such area. */
        UNKNOWN_AREA
    }

    public static final String OPEN = "OPEN";

    @Id
    @Column(name = "catalog_id")
    public long catalogId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(nullable = false, length = 20)
    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes", nullable = false, columnDefinition = "text[]")
    public String[] areaCodes;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Takes the news unless it is older than what is known. */
    public void apply(String newMunicipality, int year, String newStatus, List<String> areas, Instant at) {
        if (changedAt != null && at.isBefore(changedAt)) {
            return;
        }
        municipality = newMunicipality;
        budgetYear = year;
        status = newStatus;
        areaCodes = areas.toArray(String[]::new);
        changedAt = at;
    }

    /** Whether the municipality may have a draft in the area of this catalog now. */
    public Refusal refusal(String forMunicipality, String areaCode) {
        if (!municipality.equals(forMunicipality)) {
            return Refusal.OTHER_MUNICIPALITY;
        }
        if (!OPEN.equals(status)) {
            return Refusal.NOT_OPEN;
        }
        return Arrays.asList(areaCodes).contains(areaCode) ? null : Refusal.UNKNOWN_AREA;
    }
}
