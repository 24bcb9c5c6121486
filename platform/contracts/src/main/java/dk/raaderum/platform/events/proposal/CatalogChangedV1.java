package dk.raaderum.platform.events.proposal;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.catalog.changed.v1} on {@code catalog.changed}: a catalog was created, changed (title, price
 * level, a new area) or moved (locked, reopened, adopted). Carries what another service needs to tell whether it may
 * send proposals into it; the newest {@code changedAt} wins. Keyed by the catalog id; the envelope's
 * {@code municipality} is the catalog's.
 *
 * @param status OPEN, LOCKED or ADOPTED
 * @param areaCodes the codes of the catalog's policy areas
 */
public record CatalogChangedV1(
        long catalogId,
        int budgetYear,
        int priceLevelYear,
        String title,
        String status,
        List<String> areaCodes,
        Instant changedAt) {
}
