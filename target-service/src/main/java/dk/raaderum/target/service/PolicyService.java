package dk.raaderum.target.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.BasisSource;
import dk.raaderum.target.domain.EconomicPolicy;
import dk.raaderum.target.domain.FigureUnit;
import dk.raaderum.target.domain.KeyFigure;
import dk.raaderum.target.domain.KeyFigure.YearFigure;
import dk.raaderum.target.domain.KeyFigureRules;
import dk.raaderum.target.messaging.EconomicPolicyEvents;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.repository.EconomicPolicyRepository;
import dk.raaderum.target.service.PolicyModels.DraftInput;
import dk.raaderum.target.service.PolicyModels.FigureChange;
import dk.raaderum.target.service.PolicyModels.FigureYear;
import dk.raaderum.target.service.PolicyModels.History;
import dk.raaderum.target.service.PolicyModels.HistoryEntry;
import dk.raaderum.target.service.PolicyModels.KeyFigureInput;
import dk.raaderum.target.service.PolicyModels.KeyFigureView;
import dk.raaderum.target.service.PolicyModels.PolicyAdoption;
import dk.raaderum.target.service.PolicyModels.PolicyInput;
import dk.raaderum.target.service.PolicyModels.PolicyView;
import dk.raaderum.target.service.PolicyModels.YearValueInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The economic policy per municipality, versioned like a target: a draft (the first, or one started from the last
 * adopted version) is changed until the council adopts it; adoption fixes it for good and publishes
 * {@code economic-policy.adopted} in the same transaction.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);
    private static final TypeReference<List<KeyFigure>> FIGURES = new TypeReference<>() {
    };

    private final EconomicPolicyRepository policies;
    private final BaseBudgetRepository budgets;
    private final PriceLevels priceLevels;
    private final EconomicPolicyEvents events;
    private final TargetAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public PolicyService(EconomicPolicyRepository policies, BaseBudgetRepository budgets, PriceLevels priceLevels,
            EconomicPolicyEvents events, TargetAccess access, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.budgets = budgets;
        this.priceLevels = priceLevels;
        this.events = events;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    public PageOf<PolicyView> list(String municipality, int page, int size) {
        Integer current = policies.current(municipality).map(p -> p.policyVersion).orElse(null);
        List<PolicyView> items = policies.page(municipality, page, size).stream().map(p -> view(p, current)).toList();
        return new PageOf<>(items, page, size, policies.countFor(municipality));
    }

    public Optional<PolicyView> get(String municipality, int policyVersion) {
        return policies.findVersion(municipality, policyVersion).map(this::view);
    }

    public Optional<PolicyView> current(String municipality) {
        return policies.current(municipality).map(p -> view(p, p.policyVersion));
    }

    /** The adopted versions, oldest first, each with what changed from the one adopted before it. */
    public History history(String municipality) {
        List<HistoryEntry> entries = new ArrayList<>();
        List<KeyFigure> before = List.of();
        for (EconomicPolicy policy : policies.adopted(municipality)) {
            List<KeyFigure> figures = read(policy.keyFigures);
            List<FigureChange> changes = KeyFigureRules.changes(before, figures).entrySet().stream()
                    .map(e -> new FigureChange(e.getKey(), e.getValue())).toList();
            entries.add(new HistoryEntry(policy.policyVersion, policy.firstBudgetYear, policy.priceLevelYear,
                    policy.decisionReference, policy.adoptedAt, policy.adoptedBy, changes));
            before = figures;
        }
        return new History(municipality, entries.isEmpty() ? null : entries.get(entries.size() - 1).policyVersion(),
                entries);
    }

    /**
     * A new draft version: the first, or one started from the last adopted version (what the request leaves out is
     * taken from it). One draft at a time (409 {@code policy-draft-exists}).
     */
    @Transactional
    public PolicyView createDraft(Actor actor, String municipality, DraftInput input) {
        access.requireFinanceOfficer(actor, "draft the economic policy");
        policies.lockMunicipality(municipality);
        policies.draft(municipality).ifPresent(draft -> {
            throw new ProblemException(TargetProblems.POLICY_DRAFT_EXISTS, "Version " + draft.policyVersion
                    + " of the economic policy is a draft already: change it (PUT …/economic-policies/"
                    + draft.policyVersion + ") or adopt it", Map.of("draftVersion", draft.policyVersion), List.of());
        });
        Optional<EconomicPolicy> current = policies.current(municipality);
        Integer first = input.firstBudgetYear() != null ? input.firstBudgetYear()
                : current.map(p -> p.firstBudgetYear).orElse(null);
        Integer level = input.priceLevelYear() != null ? input.priceLevelYear()
                : current.map(p -> p.priceLevelYear).orElse(null);
        List<KeyFigure> figures = input.keyFigures() != null ? figures(input.keyFigures())
                : current.map(p -> inherited(read(p.keyFigures))).orElse(null);
        requireComplete(first, level, figures);
        EconomicPolicy policy = new EconomicPolicy();
        policy.municipality = municipality;
        policy.policyVersion = policies.highestVersion(municipality) + 1;
        policy.basedOn = current.map(p -> p.policyVersion).orElse(null);
        policy.firstBudgetYear = first;
        policy.priceLevelYear = level;
        policy.keyFigures = write(prepared(municipality, first, level, figures));
        Instant now = clock.instant();
        policy.created(actor.name(), now);
        policies.persist(policy);
        policies.flush();
        LOG.infof("Economic policy of %s: version %d drafted by %s (from version %s)", municipality,
                policy.policyVersion, actor.name(), policy.basedOn);
        return view(policy);
    }

    /** Replaces the content of a draft (If-Match or {@code version}; 428 without). */
    @Transactional
    public PolicyView update(Actor actor, String municipality, int policyVersion, PolicyInput input,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change the economic policy");
        EconomicPolicy policy = find(municipality, policyVersion);
        EntityTags.requireUnchanged(ifMatch, input.version(), policy.version);
        try {
            policy.requireDraft("changed; draft a new version from it");
        } catch (EconomicPolicy.Fixed fixed) {
            throw adopted(fixed);
        }
        String figures = write(prepared(municipality, input.firstBudgetYear(), input.priceLevelYear(),
                figures(input.keyFigures())));
        policy.replace(input.firstBudgetYear(), input.priceLevelYear(), figures, actor.name(), clock.instant());
        policies.flush();
        return view(policy);
    }

    /** DRAFT → ADOPTED: fixed for good, the municipality's current policy, published as economic-policy.adopted. */
    @Transactional
    public PolicyView adopt(Actor actor, String municipality, int policyVersion, PolicyAdoption adoption,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "adopt the economic policy");
        EconomicPolicy policy = find(municipality, policyVersion);
        EntityTags.checkUnchanged(ifMatch, adoption.version(), policy.version);
        try {
            policy.adopt(adoption.decisionReference().strip(), actor.name(), clock.instant());
        } catch (EconomicPolicy.Fixed fixed) {
            throw adopted(fixed);
        }
        policies.flush();
        events.adopted(policy, read(policy.keyFigures));
        LOG.infof("Economic policy of %s: version %d adopted (%s), recorded by %s", municipality, policyVersion,
                policy.decisionReference, actor.name());
        return view(policy, policy.policyVersion);
    }

    private EconomicPolicy find(String municipality, int policyVersion) {
        return policies.findVersion(municipality, policyVersion)
                .orElseThrow(() -> ProblemException.notFound("Economic policy version", policyVersion));
    }

    private static ProblemException adopted(EconomicPolicy.Fixed fixed) {
        return new ProblemException(TargetProblems.POLICY_ADOPTED, fixed.getMessage());
    }

    private static void requireComplete(Integer first, Integer level, List<KeyFigure> figures) {
        List<FieldError> errors = new ArrayList<>();
        if (first == null) {
            errors.add(new FieldError("firstBudgetYear", "the first version of the policy states its first budget year"));
        }
        if (level == null) {
            errors.add(new FieldError("priceLevelYear", "the first version of the policy states its price level"));
        }
        if (figures == null) {
            errors.add(new FieldError("keyFigures", "the first version of the policy states its key figures"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(PolicyModels.RULE_POLICY_INCOMPLETE, "The municipality has no adopted"
                    + " economic policy to start from: " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    /**
     * The figures as stored: a PERCENT figure without a basis gets the base budget's operating total per year (at the
     * policy's price level); then every rule is checked (422 naming the first broken rule, every breach in
     * {@code errors}), and the values are normalised.
     */
    private List<KeyFigure> prepared(String municipality, int first, int level, List<KeyFigure> figures) {
        List<YearFigure> operatingTotal = operatingTotal(municipality, first, level);
        List<KeyFigure> withBasis = figures.stream().map(f -> f.unit() == FigureUnit.PERCENT
                && !f.hasBasis() && !operatingTotal.isEmpty()
                        ? new KeyFigure(f.key(), f.name(), f.kind(), f.unit(), f.boundType(), f.bounds(), f.baseline(),
                                operatingTotal, BasisSource.BASE_BUDGET)
                        : f)
                .toList();
        TargetProblems.requireNone(KeyFigureRules.check(first, withBasis));
        return withBasis.stream().map(KeyFigureRules::normalised).toList();
    }

    /** The base budget's total operating budget per year at the policy's price level; empty without a budget. */
    private List<YearFigure> operatingTotal(String municipality, int first, int level) {
        return budgets.findFor(municipality, first).map(budget -> {
            PriceIndex index = budget.priceLevelYear == level ? null : priceLevels.effective(municipality);
            return budget.totals().entrySet().stream().map(e -> new YearFigure(e.getKey(), BigDecimal.valueOf(
                    index == null ? e.getValue() : PriceLevels.convert(index, e.getValue(), budget.priceLevelYear, level))))
                    .toList();
        }).orElse(List.of());
    }

    /** Figures copied into a new draft: a basis taken from the base budget is taken again (the years may move). */
    private static List<KeyFigure> inherited(List<KeyFigure> figures) {
        return figures.stream().map(f -> f.basisSource() == BasisSource.BASE_BUDGET
                ? new KeyFigure(f.key(), f.name(), f.kind(), f.unit(), f.boundType(), f.bounds(), f.baseline(), List.of(),
                        null)
                : f).toList();
    }

    private static List<KeyFigure> figures(List<KeyFigureInput> input) {
        return input.stream().map(f -> new KeyFigure(f.key(), f.name().strip(), f.kind(), f.unit(), f.boundType(),
                values(f.bounds()), values(f.baseline()), values(f.basis()),
                f.basis() == null || f.basis().isEmpty() ? null : BasisSource.GIVEN)).toList();
    }

    private static List<YearFigure> values(List<YearValueInput> values) {
        return values == null ? List.of() : values.stream().map(v -> new YearFigure(v.year(), v.value())).toList();
    }

    private PolicyView view(EconomicPolicy policy) {
        return view(policy, policies.current(policy.municipality).map(p -> p.policyVersion).orElse(null));
    }

    private PolicyView view(EconomicPolicy policy, Integer currentVersion) {
        List<KeyFigureView> figures = read(policy.keyFigures).stream().map(f -> new KeyFigureView(f.key(), f.name(),
                f.kind(), f.unit(), f.boundType(), f.basisSource(), policy.years().stream()
                        .map(year -> new FigureYear(year, KeyFigure.valueOf(f.bounds(), year),
                                KeyFigure.valueOf(f.baseline(), year), KeyFigure.valueOf(f.basis(), year),
                                KeyFigureRules.boundAmount(f, year)))
                        .toList()))
                .toList();
        return new PolicyView(policy.municipality, policy.policyVersion, policy.status,
                currentVersion != null && currentVersion == policy.policyVersion, policy.basedOn, policy.firstBudgetYear,
                policy.years(), policy.priceLevelYear, figures, policy.decisionReference, policy.adoptedAt,
                policy.adoptedBy, policy.createdAt, policy.createdBy, policy.updatedAt, policy.updatedBy,
                policy.version);
    }

    private String write(List<KeyFigure> figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Key figures could not be written as JSON", e);
        }
    }

    private List<KeyFigure> read(String text) {
        try {
            return json.readValue(text, FIGURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored key figures could not be read", e);
        }
    }
}
