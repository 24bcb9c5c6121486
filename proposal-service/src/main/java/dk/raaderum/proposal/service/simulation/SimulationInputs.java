package dk.raaderum.proposal.service.simulation;

import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.repository.InputsRevisionRepository;
import dk.raaderum.proposal.service.AreaRegisterCopy;
import dk.raaderum.proposal.service.TargetReadModel;
import dk.raaderum.proposal.service.TargetReadModel.AllocationAt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;

/**
 * What a simulation reads besides its catalog and the catalog's proposals (those are {@code CatalogSnapshots}'), kept
 * in memory between simulations: the targets at the catalog's price level, the register of policy areas, and what
 * {@link BudgetChecks} reads (the economic policy, the covering agreement and the adjustments). They change seldom
 * (an event from target-service, an agreement recorded); simulations come in bursts while a budget is negotiated.
 * <p>
 * Every read asks the database for the municipality's inputs revision ({@link InputsRevisionRepository}: one
 * primary-key read), which a trigger raises in the transaction of every change of these rows, and reuses what it keeps
 * only when it was read at that revision; otherwise it reads them again (five queries, more where an agreement
 * covers the year). The revision is read before the rows, so what is kept is never older than the revision it is kept
 * under: a simulation always reflects every committed change, from any instance of the service. Inside a transaction
 * (a budget agreement being recorded, a scenario saved) the rows are read and not kept: that transaction may have
 * changed them, uncommitted.
 * Hits and misses are metrics ({@code cache_gets_total{cache="simulation-inputs"}}).
 */
@ApplicationScoped
public class SimulationInputs {

    /** Inputs kept at most: a few budget years and price levels for each of the 98 municipalities. */
    static final int MAX_KEPT = 1_000;

    /** The inputs of a catalog's simulation. */
    public record Inputs(List<AllocationAt> targets, AreaRegisterCopy.Lookup register, BudgetChecks.Read checks) {
    }

    private record Key(String municipality, int budgetYear, int priceLevelYear) {
    }

    private record Kept(long revision, Inputs inputs) {
    }

    private final InputsRevisionRepository revisions;
    private final TargetReadModel targets;
    private final AreaRegisterCopy register;
    private final BudgetChecks checks;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<Key, Kept> kept;

    public SimulationInputs(InputsRevisionRepository revisions, TargetReadModel targets, AreaRegisterCopy register,
            BudgetChecks checks, TransactionSynchronizationRegistry transactions, MeterRegistry registry) {
        this.revisions = revisions;
        this.targets = targets;
        this.register = register;
        this.checks = checks;
        this.transactions = transactions;
        this.kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, kept, "simulation-inputs");
    }

    /** The catalog's inputs as committed now (or as the current transaction sees them). */
    public Inputs of(Catalog catalog) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return read(catalog);
        }
        Key key = new Key(catalog.municipality, catalog.budgetYear, catalog.priceLevelYear);
        long revision = revisions.current(catalog.municipality);
        Kept found = kept.getIfPresent(key);
        if (found != null && found.revision() == revision) {
            return found.inputs();
        }
        Inputs inputs = read(catalog);
        kept.asMap().merge(key, new Kept(revision, inputs), (held, read) -> read.revision() >= held.revision() ? read : held);
        return inputs;
    }

    private Inputs read(Catalog catalog) {
        return new Inputs(targets.atPriceLevel(catalog.municipality, catalog.budgetYear, catalog.priceLevelYear),
                register.lookup(catalog.municipality), checks.read(catalog));
    }
}
