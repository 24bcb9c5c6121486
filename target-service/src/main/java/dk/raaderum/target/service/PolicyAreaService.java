package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.BudgetArea;
import dk.raaderum.target.domain.PolicyArea;
import dk.raaderum.target.domain.PolicyAreaRegister;
import dk.raaderum.target.messaging.PolicyAreaEvents;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.PolicyAreaRepository;
import dk.raaderum.target.service.PolicyAreaModels.AreaInput;
import dk.raaderum.target.service.PolicyAreaModels.AreaView;
import dk.raaderum.target.service.PolicyAreaModels.RegisterView;
import dk.raaderum.target.service.PolicyAreaModels.Saved;
import dk.raaderum.target.service.PolicyAreaModels.Seeded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of policy areas per municipality: target-service owns it (it owns the base budget and the targets
 * allocated per area). Every change is one new revision, published with the whole register as
 * {@code policy-area.changed} in the same transaction, so proposal-service can replace its copy.
 */
@ApplicationScoped
public class PolicyAreaService {

    private static final Logger LOG = Logger.getLogger(PolicyAreaService.class);

    private final PolicyAreaRepository areas;
    private final BaseBudgetRepository budgets;
    private final PolicyAreaEvents events;
    private final TargetAccess access;
    private final Clock clock;

    public PolicyAreaService(PolicyAreaRepository areas, BaseBudgetRepository budgets, PolicyAreaEvents events,
            TargetAccess access, Clock clock) {
        this.areas = areas;
        this.budgets = budgets;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** The register (empty, revision 0, when the municipality has none yet). */
    public RegisterView register(String municipality) {
        Optional<PolicyAreaRegister> register = areas.register(municipality);
        return new RegisterView(municipality, register.map(r -> r.revision).orElse(0L),
                areas.forMunicipality(municipality).stream().map(PolicyAreaService::view).toList(),
                register.map(r -> r.changedAt).orElse(null));
    }

    public Optional<AreaView> get(String municipality, String code) {
        return areas.findArea(municipality, code).map(PolicyAreaService::view);
    }

    /** Creates the area (201) or changes it (If-Match or {@code version}; 428 without). */
    @Transactional
    public Saved put(Actor actor, String municipality, String code, AreaInput input, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change the register of policy areas");
        Instant now = clock.instant();
        PolicyAreaRegister register = areas.lockRegister(municipality, actor.name(), now);
        Optional<PolicyArea> existing = areas.findArea(municipality, code);
        boolean active = input.active() == null || input.active();
        String committee = blankToNull(input.committee());
        PolicyArea area;
        if (existing.isPresent()) {
            area = existing.get();
            EntityTags.requireUnchanged(ifMatch, input.version(), area.version);
            if (!area.differsFrom(input.name().strip(), input.mainAccount(), committee, active)) {
                return new Saved(view(area), register.revision, false);
            }
        } else {
            area = newArea(municipality, code, now);
        }
        set(area, actor, input.name().strip(), input.mainAccount(), committee, active, now);
        if (existing.isEmpty()) {
            areas.persist(area);
        }
        publish(register, actor, now);
        LOG.infof("Register of policy areas of %s: %s %s by %s (revision %d)", municipality, code,
                existing.isEmpty() ? "added" : active ? "changed" : "changed, retired", actor.name(), register.revision);
        return new Saved(view(area), register.revision, existing.isEmpty());
    }

    /**
     * Seeds the register from a base budget: every area of the budget whose code is not in the register yet is added
     * with the budget's name, main account and committee; areas already registered are left as they are.
     */
    @Transactional
    public Seeded seed(Actor actor, String municipality, int budgetYear) {
        access.requireFinanceOfficer(actor, "change the register of policy areas");
        List<BudgetArea> source = budgets.findFor(municipality, budgetYear).map(b -> b.areas)
                .orElseThrow(() -> ProblemException.ruleViolation(PolicyAreaModels.RULE_SEED_BUDGET, "Municipality "
                        + municipality + " has no base budget " + budgetYear + " to take the policy areas from"));
        return seedFrom(actor, municipality, source.stream().map(a -> new BudgetRows.Row(a.code, a.name, a.mainAccount,
                a.committee, Map.of())).toList());
    }

    /** Adds the rows' areas that are not registered yet (a budget's, or the demo data's); one revision for all. */
    Seeded seedFrom(Actor actor, String municipality, List<BudgetRows.Row> rows) {
        Instant now = clock.instant();
        PolicyAreaRegister register = areas.lockRegister(municipality, actor.name(), now);
        List<String> added = new ArrayList<>();
        for (BudgetRows.Row row : rows) {
            if (areas.findArea(municipality, row.code()).isEmpty()) {
                PolicyArea area = newArea(municipality, row.code(), now);
                set(area, actor, row.name(), row.mainAccount(), blankToNull(row.committee()), true, now);
                areas.persist(area);
                added.add(row.code());
            }
        }
        if (!added.isEmpty()) {
            publish(register, actor, now);
            LOG.infof("Register of policy areas of %s seeded with %s by %s (revision %d)", municipality, added,
                    actor.name(), register.revision);
        }
        return new Seeded(register(municipality), added);
    }

    private void publish(PolicyAreaRegister register, Actor actor, Instant now) {
        register.changed(actor.name(), now);
        areas.flush();
        events.changed(register, areas.forMunicipality(register.municipality));
    }

    private static PolicyArea newArea(String municipality, String code, Instant now) {
        PolicyArea area = new PolicyArea();
        area.municipality = municipality;
        area.code = code;
        area.createdAt = now;
        return area;
    }

    private static void set(PolicyArea area, Actor actor, String name, int mainAccount, String committee, boolean active,
            Instant now) {
        area.name = name;
        area.mainAccount = mainAccount;
        area.committee = committee;
        area.active = active;
        area.changedAt = now;
        area.changedBy = actor.name();
        area.changedById = actor.id();
    }

    static AreaView view(PolicyArea area) {
        return new AreaView(area.code, area.name, area.mainAccount, area.committee, area.active, area.changedAt,
                area.changedBy, area.version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
