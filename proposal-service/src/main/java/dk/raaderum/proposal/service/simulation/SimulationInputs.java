package dk.raaderum.proposal.service.simulation;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.CatalogRepository.Heading;
import dk.raaderum.proposal.repository.InputsRevisionRepository;
import dk.raaderum.proposal.service.AreaRegisterCopy;
import dk.raaderum.proposal.service.TargetReadModel;
import dk.raaderum.proposal.service.TargetReadModel.AllocationAt;
import dk.raaderum.proposal.service.VersionedCache;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a simulation reads besides the catalog's proposals (those are {@code CatalogSnapshots}'), kept in memory between
 * simulations: the catalog's heading and areas ({@link SimulatedCatalog}), the targets at the catalog's price level,
 * the register of policy areas, and what {@link BudgetChecks} reads (the economic policy, the covering agreement and
 * the adjustments). They change seldom (an event from target-service, an agreement recorded, an area added or renamed);
 * simulations come in bursts while a budget is negotiated.
 * <p>
 * Every read asks the database for the municipality's inputs revision ({@link InputsRevisionRepository}: one
 * primary-key read), which a trigger raises in the transaction of every change of these rows, and reuses what it keeps
 * only when it was read at that revision; otherwise it reads them again, in a transaction of its own (the catalog's
 * heading and its areas, then five queries, more where an agreement covers the year). The revision is read before the
 * rows, so what is kept is never older than the revision it is kept under: a simulation always reflects every committed
 * change, from any instance of the service. Inside a transaction (a budget agreement being recorded, a scenario
 * saved) the rows are read and not kept: that transaction may have changed them, uncommitted.
 * Hits and misses are metrics ({@code cache_gets_total{cache="simulation-inputs"}} and
 * {@code cache="simulation-catalogs"}; a hit is a kept value used, {@link VersionedCache}).
 */
@ApplicationScoped
public class SimulationInputs {

    /** The metrics' names of what is kept ({@code cache_gets_total{cache=...}}). */
    public static final String INPUTS_CACHE = "simulation-inputs";
    public static final String CATALOGS_CACHE = "simulation-catalogs";
    /** Inputs kept at most: a few budget years and price levels for each of the 98 municipalities. */
    static final int MAX_KEPT = 1_000;

    /** The inputs of a catalog's simulation. */
    public record Inputs(List<AllocationAt> targets, AreaRegisterCopy.Lookup register, BudgetChecks.Read checks) {
    }

    /** A catalog's heading and areas as of an inputs revision ({@link #IN_TRANSACTION}: read in a transaction). */
    public record CatalogAt(SimulatedCatalog catalog, long revision) {
    }

    /** The revision of what a transaction reads: its own view, never kept. */
    static final long IN_TRANSACTION = -1;

    private record Key(String municipality, int budgetYear, int priceLevelYear) {
    }

    /** Something read at an inputs revision. */
    private interface AtRevision {
        long revision();
    }

    private record Kept(long revision, Inputs inputs) implements AtRevision {
    }

    private record KeptCatalog(long revision, SimulatedCatalog catalog) implements AtRevision {
    }

    private final CatalogRepository catalogs;
    private final InputsRevisionRepository revisions;
    private final TargetReadModel targets;
    private final AreaRegisterCopy register;
    private final BudgetChecks checks;
    private final TransactionSynchronizationRegistry transactions;
    private final VersionedCache<Key, Kept> kept;
    private final VersionedCache<Long, KeptCatalog> keptCatalogs;

    public SimulationInputs(CatalogRepository catalogs, InputsRevisionRepository revisions, TargetReadModel targets,
            AreaRegisterCopy register, BudgetChecks checks, TransactionSynchronizationRegistry transactions,
            MeterRegistry registry) {
        this.catalogs = catalogs;
        this.revisions = revisions;
        this.targets = targets;
        this.register = register;
        this.checks = checks;
        this.transactions = transactions;
        this.kept = new VersionedCache<>(Caffeine.newBuilder().maximumSize(MAX_KEPT), INPUTS_CACHE, registry);
        this.keptCatalogs = new VersionedCache<>(Caffeine.newBuilder().maximumSize(MAX_KEPT), CATALOGS_CACHE, registry);
    }

    /**
     * The municipality's catalog as committed now (or as the current transaction sees it), with the inputs revision it
     * was read at; 404 when the municipality has no such catalog.
     */
    public CatalogAt catalog(String municipality, long catalogId) {
        if (inTransaction()) {
            return new CatalogAt(load(municipality, catalogId), IN_TRANSACTION);
        }
        long revision = revisions.current(municipality);
        KeptCatalog found = keptCatalogs.lookup(catalogId, k -> k.revision() == revision
                && k.catalog().municipality().equals(municipality));
        if (found != null) {
            return new CatalogAt(found.catalog(), revision);
        }
        SimulatedCatalog catalog = fresh(() -> load(municipality, catalogId));
        keptCatalogs.keep(catalogId, new KeptCatalog(revision, catalog), SimulationInputs::newer);
        return new CatalogAt(catalog, revision);
    }

    /** The inputs of a catalog read by {@link #catalog}, at the same revision. */
    public Inputs of(CatalogAt at) {
        return at.revision() == IN_TRANSACTION ? read(at.catalog()) : inputs(at.catalog(), at.revision());
    }

    /** The catalog's inputs as committed now (or as the current transaction sees them). */
    public Inputs of(SimulatedCatalog catalog) {
        return inTransaction() ? read(catalog) : inputs(catalog, revisions.current(catalog.municipality()));
    }

    private Inputs inputs(SimulatedCatalog catalog, long revision) {
        Key key = new Key(catalog.municipality(), catalog.budgetYear(), catalog.priceLevelYear());
        Kept found = kept.lookup(key, k -> k.revision() == revision);
        if (found != null) {
            return found.inputs();
        }
        Inputs inputs = fresh(() -> read(catalog));
        kept.keep(key, new Kept(revision, inputs), SimulationInputs::newer);
        return inputs;
    }

    /** Of two requests that read at once, the one that read at the later revision is kept. */
    private static <T extends AtRevision> T newer(T held, T read) {
        return read.revision() >= held.revision() ? read : held;
    }

    /**
     * Reads what will be kept in a transaction of its own, so in a session of its own: outside a transaction a request's
     * session hands back the rows an earlier part of the request loaded (a list of scenarios simulates each in turn) as
     * they were then, and they would be kept under the newer revision.
     */
    private static <T> T fresh(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private SimulatedCatalog load(String municipality, long catalogId) {
        Heading heading = catalogs.heading(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        return SimulatedCatalog.of(heading, catalogs.areaRows(catalogId));
    }

    private Inputs read(SimulatedCatalog catalog) {
        return new Inputs(targets.atPriceLevel(catalog.municipality(), catalog.budgetYear(), catalog.priceLevelYear()),
                register.lookup(catalog.municipality()), checks.read(catalog));
    }
}
