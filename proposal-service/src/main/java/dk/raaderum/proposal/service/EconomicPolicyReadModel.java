package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.KeyFigure;
import dk.raaderum.platform.events.target.EconomicPolicyAdoptedV1.YearValue;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.proposal.domain.EconomicPolicyCopy;
import dk.raaderum.proposal.repository.EconomicPolicyRepository;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each municipality's adopted economic policy, kept from target-service's {@code economic-policy.adopted}: the highest
 * version wins, an older or repeated one changes nothing. Read by the simulation's policy check
 * ({@link #atPriceLevel}).
 */
@ApplicationScoped
public class EconomicPolicyReadModel {

    private static final Logger LOG = Logger.getLogger(EconomicPolicyReadModel.class);
    private static final TypeReference<List<KeyFigure>> FIGURES = new TypeReference<>() {
    };

    private final EconomicPolicyRepository policies;
    private final PriceIndexReadModel priceIndexes;
    private final JsonText json;
    private final Clock clock;

    public EconomicPolicyReadModel(EconomicPolicyRepository policies, PriceIndexReadModel priceIndexes,
            JsonText json, Clock clock) {
        this.policies = policies;
        this.priceIndexes = priceIndexes;
        this.json = json;
        this.clock = clock;
    }

    /** Applies one event; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent<EconomicPolicyAdoptedV1> event) {
        EconomicPolicyAdoptedV1 policy = event.payload();
        String municipality = event.municipality();
        if (municipality == null || !Municipalities.exists(municipality)
                || !municipality.equals(policy.municipalityCode()) || policy.keyFigures() == null) {
            throw new PoisonMessageException("economic-policy.adopted names municipality " + policy.municipalityCode()
                    + " but is sent for " + municipality + " (or has no key figures)", null);
        }
        EconomicPolicyCopy copy = policies.findById(municipality);
        if (copy != null && !copy.isReplacedBy(policy.version())) {
            LOG.infof("economic-policy.adopted of %s version %d ignored: version %d is held", municipality,
                    policy.version(), copy.policyVersion);
            return;
        }
        boolean first = copy == null;
        if (first) {
            copy = new EconomicPolicyCopy();
            copy.municipality = municipality;
        }
        copy.policyId = policy.policyId();
        copy.policyVersion = policy.version();
        copy.firstBudgetYear = policy.firstBudgetYear();
        copy.priceLevelYear = policy.priceLevelYear();
        copy.keyFigures = json.write(policy.keyFigures());
        copy.decisionReference = policy.decisionReference();
        copy.adoptedBy = policy.adoptedBy();
        copy.adoptedAt = policy.adoptedAt() == null ? event.time() : policy.adoptedAt();
        copy.receivedAt = clock.instant();
        if (first) {
            policies.persist(copy);
        }
    }

    /** A policy with its kroner at one price level. */
    public record PolicyAt(long policyId, int version, String decisionReference, int priceLevelYear,
            List<KeyFigure> figures) {
    }

    /**
     * The municipality's policy with every kroner value (bounds, baselines, bases) PL-regulated from the policy's price
     * level to {@code level} with the municipality's price index, half even to whole kroner; percent values stay. 422
     * {@code price-level-missing} naming a year the index lacks.
     */
    public Optional<PolicyAt> atPriceLevel(String municipality, int level) {
        EconomicPolicyCopy copy = policies.findById(municipality);
        if (copy == null) {
            return Optional.empty();
        }
        List<KeyFigure> figures = json.read(copy.keyFigures, FIGURES);
        if (copy.priceLevelYear != level) {
            PriceIndex index = priceIndexes.effective(municipality);
            figures = figures.stream().map(f -> convert(f, index, copy.priceLevelYear, level)).toList();
        }
        return Optional.of(new PolicyAt(copy.policyId, copy.policyVersion, copy.decisionReference, copy.priceLevelYear,
                figures));
    }

    private static KeyFigure convert(KeyFigure figure, PriceIndex index, int from, int to) {
        boolean kroner = !EconomicPolicyAdoptedV1.PERCENT.equals(figure.unit());
        return new KeyFigure(figure.key(), figure.name(), figure.kind(), figure.unit(), figure.boundType(),
                kroner ? convert(figure.bounds(), index, from, to) : figure.bounds(),
                kroner ? convert(figure.baseline(), index, from, to) : figure.baseline(),
                convert(figure.basis(), index, from, to));
    }

    private static List<YearValue> convert(List<YearValue> values, PriceIndex index, int from, int to) {
        if (values == null) {
            return null;
        }
        return values.stream().map(v -> v == null || v.value() == null ? v : new YearValue(v.year(), BigDecimal.valueOf(
                TargetReadModel.convert(index, v.value().setScale(0, RoundingMode.HALF_EVEN).longValueExact(), from, to))))
                .toList();
    }
}
