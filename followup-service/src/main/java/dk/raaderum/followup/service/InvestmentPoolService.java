package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.followup.repository.AuditRepository;
import dk.raaderum.followup.repository.InvestmentApplicationRepository;
import dk.raaderum.followup.repository.InvestmentPoolRepository;
import dk.raaderum.followup.service.InitiativeModels.AuditView;
import dk.raaderum.followup.service.PoolModels.PoolInput;
import dk.raaderum.followup.service.PoolModels.PoolView;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.text.KronerText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Investment pools of multi-year agreements (Næstved: 2 mio. kr. in 2021, 10 mio. kr. a year from 2022): created and
 * changed by finance officers, read with their figures per year, audited.
 */
@ApplicationScoped
public class InvestmentPoolService {

    private final InvestmentPoolRepository pools;
    private final InvestmentApplicationRepository applications;
    private final AuditRepository auditEntries;
    private final AuditTrail audit;
    private final Clock clock;

    public InvestmentPoolService(InvestmentPoolRepository pools, InvestmentApplicationRepository applications,
            AuditRepository auditEntries, AuditTrail audit, Clock clock) {
        this.pools = pools;
        this.applications = applications;
        this.auditEntries = auditEntries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PoolView create(Actor actor, String municipality, PoolInput input) {
        SortedMap<Integer, Long> amounts = PoolRules.byYear("years", input.years());
        Instant now = clock.instant();
        InvestmentPool pool = new InvestmentPool();
        pool.municipality = municipality;
        pool.createdAt = now;
        pool.createdBy = actor.name();
        describe(pool, input, actor, now);
        pool.changeAmounts(amounts);
        pools.persist(pool);
        pools.flush();
        audit.recordPool(pool.id, null, AuditAction.POOL_CREATED, actor, now, "Pulje oprettet: " + summary(pool));
        return view(pool);
    }

    /**
     * New name, reference, description and amounts. A year's amount may not go below what is granted in it (nor may
     * such a year be left out): rule pool-below-granted. The pool's row is locked, as a grant locks it.
     */
    @Transactional
    public PoolView change(Actor actor, String municipality, long id, PoolInput input, Optional<Long> ifMatch) {
        InvestmentPool pool = pools.lockInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Investment pool", id));
        EntityTags.requireUnchanged(ifMatch, input.version(), pool.version);
        SortedMap<Integer, Long> amounts = PoolRules.byYear("years", input.years());
        Map<Integer, Long> above = pool.grantedAbove(amounts);
        if (!above.isEmpty()) {
            Map<Integer, String> messages = new HashMap<>();
            above.forEach((year, granted) -> messages.put(year, year + " has " + KronerText.format(granted) + " granted"));
            List<FieldError> errors = PoolRules.errorsFor("years", input.years(), messages);
            if (errors.isEmpty()) {
                above.forEach((year, granted) -> errors.add(new FieldError("years", year + " has "
                        + KronerText.format(granted) + " granted and cannot be left out")));
            }
            throw ProblemException.ruleViolation(PoolRules.RULE_POOL_BELOW_GRANTED, "A year's amount cannot go below"
                    + " what is granted in it: " + above, errors)
                    .with("granted", PoolRules.yearAmounts(above));
        }
        String before = summary(pool);
        Instant now = clock.instant();
        describe(pool, input, actor, now);
        pool.changeAmounts(amounts);
        pools.flush();
        audit.recordPool(pool.id, null, AuditAction.POOL_CHANGED, actor, now, "Pulje ændret: " + before + " → "
                + summary(pool));
        return view(pool);
    }

    public Optional<PoolView> get(String municipality, long id) {
        return pools.findInMunicipality(municipality, id).map(this::view);
    }

    public PageOf<PoolView> list(String municipality, int page, int size) {
        return pools.ofMunicipality(municipality, page, size).map(this::view);
    }

    public PageOf<AuditView> history(String municipality, long id, int page, int size) {
        InvestmentPool pool = find(municipality, id);
        return auditEntries.poolTrail(pool.id, page, size).map(InitiativeViews::audit);
    }

    InvestmentPool find(String municipality, long id) {
        return pools.findInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Investment pool", id));
    }

    PoolView view(InvestmentPool pool) {
        return PoolViews.pool(pool, pools.expectedGainsOfGrants(pool.id), pools.realisedGainsOfGrants(pool.id),
                applications.countsByStatus(pool.id));
    }

    private static void describe(InvestmentPool pool, PoolInput input, Actor actor, Instant now) {
        pool.name = input.name().strip();
        pool.decisionReference = input.decisionReference().strip();
        pool.description = Texts.blankToNull(input.description());
        pool.updatedAt = now;
        pool.updatedBy = actor.name();
    }

    private static String summary(InvestmentPool pool) {
        StringBuilder text = new StringBuilder("\"").append(pool.name).append("\" (").append(pool.decisionReference)
                .append(')');
        pool.years.forEach(y -> text.append("; ").append(y.year).append(": ").append(KronerText.format(y.amount)));
        return text.toString();
    }
}
