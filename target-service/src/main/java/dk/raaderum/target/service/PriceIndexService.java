package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevel;
import dk.raaderum.platform.events.target.PriceIndexChangedV1;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.MunicipalPriceIndex;
import dk.raaderum.target.domain.PriceIndexSource;
import dk.raaderum.target.messaging.PriceIndexEvents;
import dk.raaderum.target.repository.PriceIndexRepository;
import dk.raaderum.target.service.PriceIndexModels.Conversion;
import dk.raaderum.target.service.PriceIndexModels.PriceIndexInput;
import dk.raaderum.target.service.PriceIndexModels.PriceIndexView;
import dk.raaderum.target.service.PriceIndexModels.YearIndexView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipality's price index (PL-regulering). target-service owns it because it owns the technical budget (base
 * budgets at a price level) and the targets that everything else is measured against. The effective index is the
 * platform's default (KL's PL for service expenses) overlaid with the municipality's own years; every change publishes
 * {@code price-index.changed} (the whole effective series) and recomputes coverage at the new index, in one transaction.
 */
@ApplicationScoped
public class PriceIndexService {

    private static final Logger LOG = Logger.getLogger(PriceIndexService.class);

    private final PriceIndexRepository indices;
    private final PriceLevels priceLevels;
    private final PriceIndexEvents events;
    private final CoverageProjector projector;
    private final TargetAccess access;
    private final Clock clock;

    public PriceIndexService(PriceIndexRepository indices, PriceLevels priceLevels, PriceIndexEvents events,
            CoverageProjector projector, TargetAccess access, Clock clock) {
        this.indices = indices;
        this.priceLevels = priceLevels;
        this.events = events;
        this.projector = projector;
        this.access = access;
        this.clock = clock;
    }

    public PriceIndexView get(String municipality) {
        return view(municipality, indices.findById(municipality));
    }

    @Transactional
    public PriceIndexView replace(Actor actor, String municipality, PriceIndexInput input, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "edit the price index");
        MunicipalPriceIndex own = indices.findById(municipality);
        EntityTags.requireUnchanged(ifMatch, input.version(), version(own));
        return store(actor, municipality, own, PriceIndexRows.fromJson(input.years()));
    }

    @Transactional
    public PriceIndexView importCsv(Actor actor, String municipality, String csv, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "import the price index");
        MunicipalPriceIndex own = indices.findById(municipality);
        EntityTags.requireIfMatch(ifMatch, version(own));
        return store(actor, municipality, own, PriceIndexRows.fromCsv(csv));
    }

    /** {@code amount} at {@code from}'s prices, at {@code to}'s; 422 {@code price-level-missing} naming a missing year. */
    public Conversion convert(String municipality, long amount, int from, int to) {
        PriceIndex index = priceLevels.effective(municipality);
        long converted = PriceLevels.convert(index, amount, from, to);
        BigDecimal factor = from == to ? BigDecimal.ONE : index.factor(from, to);
        return new Conversion(amount, from, to, factor, converted, PriceLevel.of(to, from));
    }

    private PriceIndexView store(Actor actor, String municipality, MunicipalPriceIndex own, Map<Integer, BigDecimal> years) {
        if (own == null) {
            own = new MunicipalPriceIndex();
            own.municipality = municipality;
        }
        own.years.clear();
        own.years.putAll(years);
        own.updatedAt = clock.instant();
        own.updatedBy = actor.name();
        own.updatedById = actor.id();
        if (!indices.isPersistent(own)) {
            indices.persist(own);
        }
        indices.flush();
        PriceIndexView view = view(municipality, own);
        events.changed(new PriceIndexChangedV1(municipality, view.version(), view.years().stream()
                .map(y -> new PriceIndexChangedV1.YearIndex(y.year(), y.index(), y.source().name())).toList(),
                own.updatedAt));
        List<Integer> budgetYears = indices.coveredBudgetYears(municipality);
        budgetYears.forEach(budgetYear -> projector.refresh(municipality, budgetYear, null));
        LOG.infof("Price index of %s changed by %s: %d own years, version %d; coverage recomputed for %s",
                municipality, actor.id(), years.size(), view.version(), budgetYears);
        return view;
    }

    /** 0 until the municipality edits its index, then the row's version + 1. */
    private static long version(MunicipalPriceIndex own) {
        return own == null ? 0 : own.version + 1;
    }

    private static PriceIndexView view(String municipality, MunicipalPriceIndex own) {
        Map<Integer, BigDecimal> ownYears = own == null ? Map.of() : own.years;
        PriceIndex effective = PriceIndex.klDefault().overlaidWith(ownYears);
        List<YearIndexView> years = new ArrayList<>();
        effective.indices().forEach((year, index) -> {
            BigDecimal previous = effective.indices().get(year - 1);
            BigDecimal change = previous == null ? null : index.subtract(previous).multiply(BigDecimal.valueOf(100))
                    .divide(previous, 2, RoundingMode.HALF_EVEN);
            years.add(new YearIndexView(year, index, change,
                    ownYears.containsKey(year) ? PriceIndexSource.MUNICIPALITY : PriceIndexSource.DEFAULT));
        });
        return new PriceIndexView(municipality, version(own), PriceIndex.DEFAULT_SOURCE, years,
                own == null ? null : own.updatedAt, own == null ? null : own.updatedBy);
    }
}
