package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.InitiativeSource;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.followup.domain.InitiativeYear;
import dk.raaderum.followup.domain.InvestmentApplication;
import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.followup.repository.AuditRepository;
import dk.raaderum.followup.repository.InitiativeFilter;
import dk.raaderum.followup.repository.InitiativeRepository.Totals;
import dk.raaderum.followup.repository.InitiativeRepository;
import dk.raaderum.followup.service.InitiativeModels.AuditView;
import dk.raaderum.followup.service.InitiativeModels.InitiativeInput;
import dk.raaderum.followup.service.InitiativeModels.InitiativeSummary;
import dk.raaderum.followup.service.InitiativeModels.InitiativeView;
import dk.raaderum.followup.service.InitiativeModels.OwnerAssigned;
import dk.raaderum.followup.service.InitiativeModels.OwnerAssignment;
import dk.raaderum.followup.service.InitiativeModels.OwnerAssignments;
import dk.raaderum.followup.service.InitiativeModels.OwnerInput;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** The benefit register: initiatives from adopted proposals or the API, their owners and audit trail. */
@ApplicationScoped
public class InitiativeService {

    /** 422 rule: each year is given once. */
    public static final String RULE_DUPLICATE_YEAR = "duplicate-year";
    /** 422 rule: an EXPANSION spends room and has no gains to follow up. */
    public static final String RULE_EXPANSION_NOT_FOLLOWED_UP = "expansion-not-followed-up";
    /** 422 rule: an initiative in the benefit register expects a gain in some year. */
    public static final String RULE_NO_EXPECTED_GAIN = "no-expected-gain";
    /** 422 rule: gains are followed up from the budget year and the nine years after it. */
    public static final String RULE_YEAR_OUTSIDE_HORIZON = "year-outside-horizon";

    private static final Logger LOG = Logger.getLogger(InitiativeService.class);
    private static final Pattern USERNAME = Pattern.compile(InitiativeModels.USERNAME);
    /** 422 rule: an owner assignment gives a username or a name. */
    public static final String RULE_OWNER_REQUIRED = "owner-required";
    /** 422 rule: a bulk owner assignment has bad items (listed in errors); nothing was assigned. */
    public static final String RULE_OWNER_ASSIGNMENTS = "owner-assignments-invalid";
    private static final String OWNER_MISSING = "give a username (a user who reports) or a name (a person without a login)";
    /** How far after its budget year an initiative may expect gains. */
    static final int HORIZON_YEARS = 10;

    private final InitiativeRepository initiatives;
    private final AuditRepository auditEntries;
    private final SettingsService settings;
    private final SlotPlanning planning;
    private final AuditTrail audit;
    private final PriceIndexReadModel priceIndexes;
    private final Clock clock;

    public InitiativeService(InitiativeRepository initiatives, AuditRepository auditEntries, SettingsService settings,
            SlotPlanning planning, AuditTrail audit, PriceIndexReadModel priceIndexes, Clock clock) {
        this.initiatives = initiatives;
        this.priceIndexes = priceIndexes;
        this.auditEntries = auditEntries;
        this.settings = settings;
        this.planning = planning;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers an adopted proposal (event proposal.adopted), once: a proposal that is already an initiative is
     * skipped, whatever the event id. An EXPANSION spends room and creates no gains, so it is not registered.
     * The expected gain of a year is the room it created, −netChange; for an INVESTMENT that is gains − investment
     * cost (what the budget took out), and the gain/cost profile is kept beside it.
     *
     * @return the new initiative's id, empty when nothing was registered
     */
    @Transactional
    public Optional<Long> registerAdopted(String municipality, ProposalAdoptedV1 adopted, Instant eventTime) {
        if (!Municipalities.exists(municipality)) {
            throw new IllegalArgumentException("proposal.adopted for proposal " + adopted.proposalId()
                    + " has no valid municipality: " + municipality);
        }
        ProposalType type = ProposalType.valueOf(Objects.requireNonNull(adopted.type(), "type"));
        if (!type.createsRoom()) {
            LOG.infof("Proposal %d (%s, %s) is an EXPANSION: it creates no gains and is not registered for follow-up",
                    adopted.proposalId(), adopted.number(), municipality);
            return Optional.empty();
        }
        Optional<Initiative> existing = initiatives.findByProposal(adopted.proposalId());
        if (existing.isPresent()) {
            LOG.infof("Proposal %d is initiative %d already; adoption event ignored", adopted.proposalId(),
                    existing.get().id);
            return Optional.empty();
        }
        PolicyAreaRef area = Objects.requireNonNull(adopted.area(), "area");
        Initiative initiative = new Initiative();
        initiative.municipality = municipality;
        initiative.source = InitiativeSource.CATALOG;
        initiative.proposalId = adopted.proposalId();
        initiative.proposalNumber = truncate(adopted.number(), 20);
        initiative.catalogId = adopted.catalogId();
        initiative.catalogYear = adopted.budgetYear();
        initiative.priceLevelYear = adopted.priceLevelYear();
        initiative.areaCode = truncate(area.code(), 10);
        initiative.areaName = truncate(area.name() == null ? area.code() : area.name(), 200);
        initiative.areaMainAccount = area.mainAccount();
        initiative.areaCommittee = truncate(area.committee(), 200);
        initiative.type = type;
        initiative.title = truncate(adopted.title(), 300);
        initiative.uncertainty = adopted.uncertainty();
        ownerFromText(initiative, adopted.programOwner());
        initiative.adoptedAt = adopted.adoptedAt() != null ? adopted.adoptedAt()
                : eventTime != null ? eventTime : clock.instant();
        initiative.years.addAll(adoptedYears(type, adopted));
        Actor system = Actor.system("followup-service", municipality);
        register(initiative, system, "Registreret fra vedtaget forslag " + Objects.toString(adopted.number(), "uden nummer")
                + " (budget " + adopted.budgetYear() + ", forslag-id " + adopted.proposalId() + ")");
        return Optional.of(initiative.id);
    }

    /**
     * The owner as a proposal or application states it: always kept as the owner's name; when it looks like a login
     * (letters, digits, {@code . _ @ -}, no spaces) it is the owner login too.
     */
    private static void ownerFromText(Initiative initiative, String text) {
        String owner = text == null ? null : text.strip();
        initiative.ownerName = owner == null || owner.isEmpty() ? null : truncate(owner, 200);
        initiative.ownerUsername = owner != null && owner.length() <= 200 && USERNAME.matcher(owner).matches() ? owner : null;
    }

    /**
     * A granted application to an investment pool becomes an INVESTMENT initiative (source INVESTMENT_POOL) whose
     * planned gains are the business case's expected gains: the pool paid the investment cost, so what the budget
     * counts on from it (adopted = expected) is the gain of each year; realised gains are reported like any other.
     * Its budget (catalog) year and price level are the first year with an investment cost.
     *
     * @return the new initiative's id
     */
    @Transactional
    public long registerGranted(Actor actor, InvestmentPool pool, InvestmentApplication application,
            String decisionReference) {
        Initiative initiative = new Initiative();
        initiative.municipality = application.municipality;
        initiative.source = InitiativeSource.INVESTMENT_POOL;
        initiative.catalogYear = application.firstCostYear();
        initiative.priceLevelYear = initiative.catalogYear;
        initiative.areaCode = application.areaCode;
        initiative.areaName = application.areaName;
        initiative.areaMainAccount = application.areaMainAccount;
        initiative.areaCommittee = application.areaCommittee;
        initiative.type = ProposalType.INVESTMENT;
        initiative.title = application.title;
        initiative.description = application.description;
        initiative.uncertainty = application.uncertainty;
        ownerFromText(initiative, application.owner);
        initiative.decisionReference = truncate(decisionReference, 500);
        initiative.adoptedAt = clock.instant();
        application.gains().forEach((year, gain) -> initiative.years.add(new InitiativeYear(year, gain, gain, null, null)));
        register(initiative, actor, "Bevilget af investeringspuljen \"" + pool.name + "\" (pulje " + pool.id
                + ", ansøgning " + application.id + " fra " + application.committee + "; " + decisionReference + ")");
        return initiative.id;
    }

    /** An initiative decided outside a catalog. */
    @Transactional
    public InitiativeView create(Actor actor, String municipality, InitiativeInput input) {
        if (!input.type().createsRoom()) {
            throw ProblemException.ruleViolation(RULE_EXPANSION_NOT_FOLLOWED_UP,
                    "An EXPANSION spends room and has no gains "
                    + "to follow up; register savings, efficiency or investment initiatives");
        }
        Initiative initiative = new Initiative();
        initiative.municipality = municipality;
        initiative.source = InitiativeSource.MANUAL;
        initiative.catalogYear = input.catalogYear();
        initiative.priceLevelYear = input.priceLevelYear() == null ? input.catalogYear() : input.priceLevelYear();
        initiative.areaCode = input.area().code().strip();
        initiative.areaName = input.area().name().strip();
        initiative.areaMainAccount = input.area().mainAccount();
        initiative.areaCommittee = input.area().committee();
        initiative.type = input.type();
        initiative.title = input.title().strip();
        initiative.description = input.description();
        initiative.ownerUsername = input.ownerUsername();
        initiative.ownerName = input.ownerName();
        initiative.decisionReference = input.decisionReference();
        initiative.adoptedAt = clock.instant();
        initiative.years.addAll(manualYears(input));
        register(initiative, actor, "Registreret manuelt" + (input.decisionReference() == null ? ""
                : " (" + input.decisionReference() + ")"));
        return view(initiative);
    }

    public Optional<InitiativeView> get(String municipality, long id) {
        return initiatives.findInMunicipality(municipality, id)
                .map(this::view);
    }

    public PageOf<InitiativeSummary> list(String municipality, InitiativeFilter filter, int page, int size) {
        PageOf<Initiative> found = initiatives.search(municipality, filter, page, size);
        Map<Long, Totals> totals = initiatives.totals(found.items().stream().map(i -> i.id).toList());
        var thresholds = settings.thresholds(municipality);
        PriceIndex index = priceIndexes.effective(municipality);
        return found.map(i -> InitiativeViews.summary(i, totals.get(i.id), thresholds, index));
    }

    /** The initiative as answered: ratios at its price level with its municipality's index. */
    private InitiativeView view(Initiative initiative) {
        return InitiativeViews.initiative(initiative, settings.thresholds(initiative.municipality),
                priceIndexes.effective(initiative.municipality));
    }

    /** The "needs an owner" list: active initiatives without an owner login, newest catalog year first. */
    public PageOf<InitiativeSummary> needsOwner(String municipality, Integer catalogYear, String areaCode, int page,
            int size) {
        return list(municipality, InitiativeFilter.needsOwner(catalogYear, areaCode), page, size);
    }

    /** A finance officer assigns the program owner: a login who reports, or a named person without one. */
    @Transactional
    public InitiativeView changeOwner(Actor actor, String municipality, long id, OwnerInput input, Optional<Long> ifMatch) {
        Initiative initiative = lock(municipality, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), initiative.version);
        if (Texts.isBlank(input.username()) && Texts.isBlank(input.name())) {
            throw ProblemException.ruleViolation(RULE_OWNER_REQUIRED, "The owner is a user (username, the login that"
                    + " reports) or a named person without a login (name): give at least one",
                    List.of(new FieldError("username", OWNER_MISSING)));
        }
        assignOwner(actor, initiative, input.username(), input.name(), clock.instant());
        initiatives.flush();
        return view(initiative);
    }

    /**
     * Owners of many initiatives in one transaction: all or none. Every bad item (unknown initiative, given twice,
     * stale version, no owner) is listed in one 422; an item without its version makes it 428.
     */
    @Transactional
    public List<OwnerAssigned> assignOwners(Actor actor, String municipality, OwnerAssignments input) {
        List<OwnerAssignment> items = input.assignments();
        if (items.stream().anyMatch(item -> item.version() == null)) {
            throw new ProblemException(ProblemTypes.PRECONDITION_REQUIRED, "Every assignment names the initiative"
                    + " version it changes (version); missing in assignments " + IntStream.range(0, items.size())
                            .filter(i -> items.get(i).version() == null).boxed().toList(), Map.of(), List.of());
        }
        Map<Long, Initiative> found = new HashMap<>();
        initiatives.lockInMunicipality(municipality, items.stream().map(OwnerAssignment::initiativeId).toList())
                .forEach(i -> found.put(i.id, i));
        List<FieldError> errors = assignmentErrors(municipality, items, found);
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_OWNER_ASSIGNMENTS, errors.size() + " of " + items.size()
                    + " assignments cannot be made; none was made", errors);
        }
        Instant now = clock.instant();
        items.forEach(item -> assignOwner(actor, found.get(item.initiativeId()), item.owner().username(),
                item.owner().name(), now));
        initiatives.flush();
        return items.stream().map(item -> found.get(item.initiativeId()))
                .map(i -> new OwnerAssigned(i.id, InitiativeViews.owner(i), i.version)).toList();
    }

    private static List<FieldError> assignmentErrors(String municipality, List<OwnerAssignment> items,
            Map<Long, Initiative> found) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            OwnerAssignment item = items.get(i);
            String at = "assignments[" + i + "]";
            Initiative initiative = found.get(item.initiativeId());
            if (!seen.add(item.initiativeId())) {
                errors.add(new FieldError(at + ".initiativeId", "initiative " + item.initiativeId() + " is given twice"));
            } else if (initiative == null) {
                errors.add(new FieldError(at + ".initiativeId", "no initiative " + item.initiativeId()
                        + " in municipality " + municipality));
            } else if (initiative.version != item.version()) {
                errors.add(new FieldError(at + ".version", "initiative " + initiative.id + " is at version "
                        + initiative.version + ", you read " + item.version() + "; read it again"));
            }
            if (Texts.isBlank(item.owner().username()) && Texts.isBlank(item.owner().name())) {
                errors.add(new FieldError(at + ".owner", OWNER_MISSING));
            }
        }
        return errors;
    }

    /** A login (the name is kept when none is given) or, without a login, a named person. */
    private void assignOwner(Actor actor, Initiative initiative, String username, String name, Instant now) {
        String before = describeOwner(initiative);
        initiative.ownerUsername = Texts.blankToNull(username);
        if (name != null || initiative.ownerUsername == null) {
            initiative.ownerName = Texts.blankToNull(name);
        }
        audit.record(initiative.id, AuditAction.OWNER_CHANGED, actor, now,
                "Programejer: " + before + " → " + describeOwner(initiative));
    }

    private static String describeOwner(Initiative initiative) {
        if (initiative.ownerUsername != null) {
            return initiative.ownerUsername;
        }
        return initiative.ownerName == null ? "(ingen)" : initiative.ownerName + " (uden login)";
    }

    public PageOf<AuditView> history(String municipality, long id, int page, int size) {
        find(municipality, id);
        return auditEntries.trail(id, page, size).map(InitiativeViews::audit);
    }

    Initiative find(String municipality, long id) {
        return initiatives.findInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Initiative", id));
    }

    /** The initiative to change, its row locked until the transaction ends (see InitiativeRepository). */
    Initiative lock(String municipality, long id) {
        return initiatives.lockInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Initiative", id));
    }

    private void register(Initiative initiative, Actor actor, String detail) {
        Instant now = clock.instant();
        initiative.status = InitiativeStatus.ACTIVE;
        initiative.createdAt = now;
        initiative.createdBy = actor.name();
        planning.plan(initiative, settings.rules(initiative.municipality));
        initiative.refreshFigures();
        initiatives.persist(initiative);
        initiatives.flush();
        audit.record(initiative.id, AuditAction.REGISTERED, actor, now, detail);
    }

    private static List<InitiativeYear> adoptedYears(ProposalType type, ProposalAdoptedV1 adopted) {
        Map<Integer, Long> net = amounts(adopted.netChange());
        Map<Integer, Long> cost = amounts(adopted.investmentCost());
        Map<Integer, Long> gains = amounts(adopted.gains());
        Set<Integer> years = new TreeSet<>(net.keySet());
        if (type == ProposalType.INVESTMENT) {
            years.addAll(cost.keySet());
            years.addAll(gains.keySet());
        }
        List<InitiativeYear> result = new ArrayList<>();
        for (int year : years) {
            Long investmentCost = type == ProposalType.INVESTMENT ? cost.getOrDefault(year, 0L) : null;
            Long gain = type == ProposalType.INVESTMENT ? gains.getOrDefault(year, 0L) : null;
            long expected = net.containsKey(year) ? -net.get(year)
                    : (gain == null ? 0 : gain) - (investmentCost == null ? 0 : investmentCost);
            result.add(new InitiativeYear(year, expected, expected, investmentCost, gain));
        }
        return result;
    }

    private static Map<Integer, Long> amounts(List<YearAmount> amounts) {
        Map<Integer, Long> byYear = new TreeMap<>();
        if (amounts != null) {
            amounts.forEach(a -> byYear.merge(a.year(), a.amount(), Math::addExact));
        }
        return byYear;
    }

    /** The years of a MANUAL initiative, with the rules a person can break. */
    private static List<InitiativeYear> manualYears(InitiativeInput input) {
        boolean investment = input.type() == ProposalType.INVESTMENT;
        List<YearAmountInput> expectedGains = input.expectedGains() == null ? List.of() : input.expectedGains();
        List<YearAmountInput> costs = input.investmentCost() == null ? List.of() : input.investmentCost();
        List<YearAmountInput> gains = input.gains() == null ? List.of() : input.gains();
        if (investment && !expectedGains.isEmpty()) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE,
                    "An INVESTMENT gives investmentCost and gains per"
                    + " year (expected = gains − investment cost), not expectedGains");
        }
        if (!investment && (!costs.isEmpty() || !gains.isEmpty())) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE,
                    "investmentCost and gains are for INVESTMENT only;"
                    + " an initiative of type " + input.type() + " gives expectedGains");
        }
        checkYears(input.catalogYear(), "expectedGains", expectedGains);
        checkYears(input.catalogYear(), "investmentCost", costs);
        checkYears(input.catalogYear(), "gains", gains);
        List<InitiativeYear> years = new ArrayList<>();
        if (investment) {
            years.addAll(investmentYears(costs, gains));
        } else {
            expectedGains.stream().sorted((a, b) -> Integer.compare(a.year(), b.year()))
                    .forEach(e -> years.add(new InitiativeYear(e.year(), e.amount(), e.amount(), null, null)));
        }
        if (years.stream().noneMatch(y -> y.expected > 0)) {
            throw ProblemException.ruleViolation(RULE_NO_EXPECTED_GAIN,
                    "An initiative in the benefit register expects a "
                    + "gain (room created, positive) in at least one year");
        }
        return years;
    }

    /**
     * An INVESTMENT's years: cost and gains 0 or more, a cost in at least one year (one without is an efficiency, as in
     * proposal-service), expected = gains − cost.
     */
    private static List<InitiativeYear> investmentYears(List<YearAmountInput> costs, List<YearAmountInput> gains) {
        List<FieldError> negative = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            if (costs.get(i).amount() < 0) {
                negative.add(new FieldError("investmentCost[" + i + "].amount", "must be 0 or more"));
            }
        }
        for (int i = 0; i < gains.size(); i++) {
            if (gains.get(i).amount() < 0) {
                negative.add(new FieldError("gains[" + i + "].amount", "must be 0 or more"));
            }
        }
        if (!negative.isEmpty()) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE,
                    "Investment cost and gains are 0 or more",
                    negative);
        }
        if (costs.stream().noneMatch(c -> c.amount() > 0)) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE,
                    "An INVESTMENT costs something: give"
                    + " investmentCost above 0 kr. in at least one year (without a cost, register it as an EFFICIENCY)",
                    List.of(new FieldError("investmentCost", "above 0 kr. in at least one year")));
        }
        Map<Integer, Long> cost = new TreeMap<>();
        costs.forEach(c -> cost.put(c.year(), c.amount()));
        Map<Integer, Long> gain = new TreeMap<>();
        gains.forEach(g -> gain.put(g.year(), g.amount()));
        Set<Integer> all = new TreeSet<>(cost.keySet());
        all.addAll(gain.keySet());
        List<InitiativeYear> years = new ArrayList<>();
        for (int year : all) {
            long c = cost.getOrDefault(year, 0L);
            long g = gain.getOrDefault(year, 0L);
            years.add(new InitiativeYear(year, g - c, g - c, c, g));
        }
        return years;
    }

    /** Each year once, within [catalogYear, catalogYear + 9]. */
    static void checkYears(int catalogYear, String field, List<YearAmountInput> amounts) {
        Set<Integer> seen = new HashSet<>();
        List<FieldError> duplicates = new ArrayList<>();
        List<FieldError> outside = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            int year = amounts.get(i).year();
            if (!seen.add(year)) {
                duplicates.add(new FieldError(field + "[" + i + "].year", year + " is given twice"));
            }
            if (year < catalogYear || year >= catalogYear + HORIZON_YEARS) {
                outside.add(new FieldError(field + "[" + i + "].year", "must be between " + catalogYear + " and "
                        + (catalogYear + HORIZON_YEARS - 1)));
            }
        }
        if (!duplicates.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_DUPLICATE_YEAR, "Each year may be given once", duplicates);
        }
        if (!outside.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_YEAR_OUTSIDE_HORIZON,
                    "Gains are followed up from the budget year "
                    + catalogYear + " and the " + (HORIZON_YEARS - 1) + " years after it", outside);
        }
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
