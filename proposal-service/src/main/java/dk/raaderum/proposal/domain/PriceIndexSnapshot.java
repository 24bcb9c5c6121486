package dk.raaderum.proposal.domain;

import dk.raaderum.platform.messaging.priceindex.PriceIndexSnapshotBase;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A municipality's effective price index as target-service last published it ({@code price-index.changed}); the
 * mapping and rules are the platform's ({@link PriceIndexSnapshotBase}).
 */
@Entity
@Table(name = "price_index_snapshot")
public class PriceIndexSnapshot extends PriceIndexSnapshotBase {
}
