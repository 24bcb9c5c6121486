package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1;
import dk.raaderum.platform.events.target.BudgetAdjustmentsChangedV1.Line;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.proposal.domain.BudgetAdjustmentCopy;
import dk.raaderum.proposal.repository.BudgetAdjustmentRepository;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The technical budget adjustment lines of each municipality's budget year, kept from target-service's
 * {@code budget-adjustments.changed} (the whole set per revision; the highest revision wins). A committee's frame in
 * a multi-year agreement grows by the compensated lines of its areas ({@link #compensated}).
 */
@ApplicationScoped
public class BudgetAdjustmentReadModel {

    private static final Logger LOG = Logger.getLogger(BudgetAdjustmentReadModel.class);
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {
    };

    private final BudgetAdjustmentRepository adjustments;
    private final PriceIndexReadModel priceIndexes;
    private final JsonText json;
    private final Clock clock;

    public BudgetAdjustmentReadModel(BudgetAdjustmentRepository adjustments, PriceIndexReadModel priceIndexes,
            JsonText json, Clock clock) {
        this.adjustments = adjustments;
        this.priceIndexes = priceIndexes;
        this.json = json;
        this.clock = clock;
    }

    /** Applies one event; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent<BudgetAdjustmentsChangedV1> event) {
        BudgetAdjustmentsChangedV1 changed = event.payload();
        String municipality = event.municipality();
        if (municipality == null || !Municipalities.exists(municipality)
                || !municipality.equals(changed.municipalityCode()) || changed.lines() == null) {
            throw new PoisonMessageException("budget-adjustments.changed names municipality "
                    + changed.municipalityCode() + " but is sent for " + municipality + " (or has no lines)", null);
        }
        BudgetAdjustmentCopy copy = adjustments.forBudgetYear(municipality, changed.budgetYear()).orElse(null);
        if (copy != null && !copy.isReplacedBy(changed.revision())) {
            LOG.infof("budget-adjustments.changed of %s %d revision %d ignored: revision %d is held", municipality,
                    changed.budgetYear(), changed.revision(), copy.revision);
            return;
        }
        boolean first = copy == null;
        if (first) {
            copy = new BudgetAdjustmentCopy();
            copy.municipality = municipality;
            copy.budgetYear = changed.budgetYear();
        }
        copy.revision = changed.revision();
        copy.priceLevelYear = changed.priceLevelYear();
        copy.lines = json.write(changed.lines());
        copy.changedAt = changed.changedAt() == null ? event.time() : changed.changedAt();
        copy.receivedAt = clock.instant();
        if (first) {
            adjustments.persist(copy);
        }
    }

    /**
     * Area → year → the sum of the compensated lines of the municipality's budget year, at {@code level}'s prices
     * (converted with the municipality's price index as targets are; 422 {@code price-level-missing}). Empty when no
     * lines have arrived.
     */
    public Map<String, Map<Integer, Long>> compensated(String municipality, int budgetYear, int level) {
        BudgetAdjustmentCopy copy = adjustments.forBudgetYear(municipality, budgetYear).orElse(null);
        if (copy == null) {
            return Map.of();
        }
        PriceIndex index = copy.priceLevelYear == level ? null : priceIndexes.effective(municipality);
        Map<String, Map<Integer, Long>> byArea = new HashMap<>();
        for (Line line : json.read(copy.lines, LINES)) {
            if (!line.compensated() || line.area() == null || line.amounts() == null) {
                continue;
            }
            for (YearAmount amount : line.amounts()) {
                long value = index == null ? amount.amount()
                        : TargetReadModel.convert(index, amount.amount(), copy.priceLevelYear, level);
                byArea.computeIfAbsent(line.area().code(), code -> new TreeMap<>()).merge(amount.year(), value,
                        Math::addExact);
            }
        }
        return byArea;
    }
}
