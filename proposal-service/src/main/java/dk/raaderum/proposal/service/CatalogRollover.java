package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.Visibility;
import dk.raaderum.proposal.service.CatalogModels.AreaInput;
import dk.raaderum.proposal.service.CatalogModels.AreaView;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.CatalogModels.CreateCatalog;
import dk.raaderum.proposal.service.ProposalModels.PredecessorView;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;
import dk.raaderum.proposal.service.RolloverModels.CarriedProposal;
import dk.raaderum.proposal.service.RolloverModels.KarensFlag;
import dk.raaderum.proposal.service.RolloverModels.LeftOutArea;
import dk.raaderum.proposal.service.RolloverModels.NotCarried;
import dk.raaderum.proposal.service.RolloverModels.NotCarriedReason;
import dk.raaderum.proposal.service.RolloverModels.RolloverPreview;
import dk.raaderum.proposal.service.RolloverModels.RolloverRequest;
import dk.raaderum.proposal.service.RolloverModels.RolloverResult;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The next budget year's catalog made from an existing one (rollover): its areas and settings (price level,
 * karensperiode), and the proposals not adopted carried over as DRAFT successors ({@link RolloverDraft}: predecessor
 * = the old proposal, amounts moved one year on), numbered per area in the old order, each flagged when the
 * {@link Karensperiode} forbids presenting it in the new year. ADOPTED proposals never carry; WITHDRAWN ones only when
 * asked. The catalog and every successor are created as creating them one by one would ({@link CatalogService},
 * {@link ProposalService}: same checks, history, events), in one transaction. The preview is the same plan, unwritten.
 */
@ApplicationScoped
public class CatalogRollover {

    /** 422 rule: a chosen proposal id is not a proposal of the catalog, or cannot be carried. */
    public static final String RULE = "rollover-proposals";
    /** Warning: the register of policy areas has retired areas of the catalog; the rollover leaves them out. */
    public static final String AREA_RETIRED = "area-retired";

    private static final Logger LOG = Logger.getLogger(CatalogRollover.class);

    private final CatalogService catalogs;
    private final ProposalService proposalService;
    private final ProposalRepository proposals;
    private final ProposalAccess access;
    private final Karensperiode karensperiode;
    private final AreaRegisterCopy register;

    public CatalogRollover(CatalogService catalogs, ProposalService proposalService, ProposalRepository proposals,
            ProposalAccess access, Karensperiode karensperiode, AreaRegisterCopy register) {
        this.catalogs = catalogs;
        this.proposalService = proposalService;
        this.proposals = proposals;
        this.access = access;
        this.karensperiode = karensperiode;
        this.register = register;
    }

    /** What {@link #rollover} would do with the same choices; writes nothing. */
    @Transactional
    public RolloverPreview preview(Actor actor, String municipality, long catalogId, RolloverRequest request) {
        access.requireFinanceOfficer(actor, "roll catalogs over");
        Catalog from = catalogs.find(municipality, catalogId);
        Plan plan = plan(from, request);
        List<CarriedProposal> carried = plan.carried().stream().map(carry -> carry.view(null, carry.number())).toList();
        return new RolloverPreview(from.id, from.budgetYear, plan.budgetYear(), plan.years(), plan.title(),
                from.priceLevelYear, from.karensYears, plan.areas().kept().stream()
                        .sorted(Comparator.comparing(AreaInput::code, ProposalViews.DANISH))
                        .map(a -> new AreaView(a.code(), a.name(), a.mainAccount(), a.committee())).toList(),
                catalogs.existingFor(municipality, plan.budgetYear()).orElse(null), carried.size(), plan.blocked(),
                carried, plan.notCarried(), plan.leftOutAreas(), plan.warnings());
    }

    /**
     * Creates the next year's catalog and its carried proposals (one transaction; 409 when the year has a catalog).
     * Each successor is written as POST …/proposals writes one (some ten statements), so a large catalog gets a longer
     * transaction timeout than the default 60 s.
     */
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public RolloverResult rollover(Actor actor, String municipality, long catalogId, RolloverRequest request) {
        return rolloverInCallersTransaction(actor, municipality, catalogId, request);
    }

    /**
     * {@link #rollover} in the caller's transaction, for a caller that does more in the same one (a catalog made from a
     * multi-year agreement); the caller sets the longer timeout at its entry.
     */
    public RolloverResult rolloverInCallersTransaction(Actor actor, String municipality, long catalogId,
            RolloverRequest request) {
        access.requireFinanceOfficer(actor, "roll catalogs over");
        long started = System.nanoTime();
        Catalog from = catalogs.find(municipality, catalogId);
        catalogs.requireNoCatalogFor(municipality, from.budgetYear + 1);
        Plan plan = plan(from, request);
        long planned = System.nanoTime();
        CatalogView created = catalogs.create(actor, municipality, new CreateCatalog(plan.budgetYear(),
                from.priceLevelYear, plan.title(), from.karensYears, plan.areas().kept()), null, from);
        List<CarriedProposal> carried = new ArrayList<>(plan.carried().size());
        for (Carry carry : plan.carried()) {
            Proposal successor = proposalService.write(actor, municipality, created.id(), carry.input(),
                    "Overført fra " + carry.from().number + " i budget " + from.budgetYear);
            carried.add(carry.view(successor.id, successor.number));
        }
        LOG.infof("Catalog %d (%s, budget %d) rolled over into catalog %d (budget %d) by %s: %d proposals carried,"
                + " %d held back by the karensperiode, %d not carried; planned in %d ms, written in %d ms", from.id,
                municipality, from.budgetYear, created.id(), created.budgetYear(), actor.id(), carried.size(),
                plan.blocked(), plan.notCarried().size(), (planned - started) / 1_000_000,
                (System.nanoTime() - planned) / 1_000_000);
        return new RolloverResult(from.id, from.budgetYear, created, carried.size(), plan.blocked(), carried,
                plan.notCarried(), plan.leftOutAreas(), plan.warnings());
    }

    /** Which proposals carry and how, which do not and why; 422 for chosen ids that are unknown or cannot carry. */
    private Plan plan(Catalog from, RolloverRequest request) {
        RolloverRequest options = request == null ? RolloverRequest.DEFAULTS : request;
        int budgetYear = from.budgetYear + 1;
        List<Integer> years = years(budgetYear, from.years().size());
        List<Proposal> all = proposals.withYears(from.id, Visibility.all()).stream()
                .sorted(Comparator.comparing((Proposal p) -> p.areaCode).thenComparing(p -> p.number.length())
                        .thenComparing(p -> p.number))
                .toList();
        Set<Long> chosen = options.proposalIds() == null ? null : new LinkedHashSet<>(options.proposalIds());
        AreaPlan areas = areas(from);
        Map<String, Integer> numbers = new HashMap<>();
        List<Carry> carried = new ArrayList<>();
        List<NotCarried> notCarried = new ArrayList<>();
        for (Proposal p : all) {
            NotCarried refused = refusal(p, chosen, options.withdrawnToo(), areas.leftOut());
            if (refused == null) {
                try {
                    carried.add(carry(p, years, from.karensYears, numbers));
                } catch (ProblemException broken) {
                    Object rule = broken.properties().get("rule");
                    refused = notCarried(p, NotCarriedReason.BREAKS_RULE, rule == null ? null : rule.toString(),
                            broken.getMessage());
                }
            }
            if (refused != null) {
                notCarried.add(refused);
            }
        }
        requireCarryable(from, all, chosen, notCarried);
        String title = options.title() == null ? nextTitle(from) : options.title().strip();
        List<LeftOutArea> leftOutAreas = leftOutAreas(areas, notCarried);
        return new Plan(budgetYear, years, title, areas, carried, notCarried, leftOutAreas,
                warnings(budgetYear, leftOutAreas));
    }

    /**
     * The new catalog's areas: the old catalog's, named as the register names them now, without those the register
     * has retired or (when the municipality has a register) does not have: those would be refused as new catalog areas
     * (422 area-not-in-register), so the rollover leaves them out and does not carry their proposals.
     */
    private AreaPlan areas(Catalog from) {
        AreaRegisterCopy.Lookup lookup = register.lookup(from.municipality);
        Map<String, NotCarriedReason> leftOut = new LinkedHashMap<>();
        for (String code : lookup.outside(from.areas.stream().map(a -> a.code).toList())) {
            leftOut.put(code, lookup.byCode().containsKey(code) ? NotCarriedReason.AREA_RETIRED
                    : NotCarriedReason.AREA_NOT_IN_REGISTER);
        }
        List<AreaInput> kept = from.areas.stream().filter(a -> !leftOut.containsKey(a.code))
                .map(a -> new AreaInput(a.code, lookup.name(a.code, a.name), a.mainAccount, a.committee)).toList();
        Map<String, String> names = new HashMap<>();
        from.areas.forEach(a -> names.put(a.code, lookup.name(a.code, a.name)));
        return new AreaPlan(kept, leftOut, names);
    }

    private static List<LeftOutArea> leftOutAreas(AreaPlan areas, List<NotCarried> notCarried) {
        Map<String, Long> counts = notCarried.stream().filter(n -> areas.leftOut().containsKey(n.areaCode())
                && n.reason() == areas.leftOut().get(n.areaCode()))
                .collect(Collectors.groupingBy(NotCarried::areaCode, Collectors.counting()));
        return areas.leftOut().entrySet().stream().sorted(Map.Entry.comparingByKey(ProposalViews.DANISH))
                .map(e -> new LeftOutArea(e.getKey(), areas.names().get(e.getKey()), e.getValue(),
                        counts.getOrDefault(e.getKey(), 0L).intValue()))
                .toList();
    }

    /** One warning per kind of left-out area, naming the codes and what the rollover does with their proposals. */
    private static List<Warning> warnings(int budgetYear, List<LeftOutArea> leftOut) {
        List<Warning> warnings = new ArrayList<>();
        warning(budgetYear, leftOut, NotCarriedReason.AREA_RETIRED, AREA_RETIRED, "Retired in the municipality's"
                + " register of policy areas").ifPresent(warnings::add);
        warning(budgetYear, leftOut, NotCarriedReason.AREA_NOT_IN_REGISTER, AreaRegisterCopy.AREA_NOT_IN_REGISTER,
                "Not in the municipality's register of policy areas").ifPresent(warnings::add);
        return warnings;
    }

    private static Optional<Warning> warning(int budgetYear, List<LeftOutArea> leftOut, NotCarriedReason reason,
            String code, String what) {
        List<LeftOutArea> areas = leftOut.stream().filter(a -> a.reason() == reason).toList();
        if (areas.isEmpty()) {
            return Optional.empty();
        }
        int proposals = areas.stream().mapToInt(LeftOutArea::proposalsNotCarried).sum();
        return Optional.of(new Warning(code, what + ": " + areas.stream().map(LeftOutArea::code)
                .collect(Collectors.joining(", ")) + ". The rollover leaves " + (areas.size() == 1 ? "this area" :
                        "these areas") + " out of the " + budgetYear + " catalog and does not carry " + (areas.size() == 1
                        ? "its " : "their ") + proposals + " proposal(s) (notCarried, reason " + reason + ")"));
    }

    /** Why the status, the area or the caller's choice keeps the proposal back, or null. */
    private static NotCarried refusal(Proposal p, Set<Long> chosen, boolean withdrawnToo,
            Map<String, NotCarriedReason> leftOut) {
        if (!p.status.carriesOver(withdrawnToo)) {
            return p.status == ProposalStatus.ADOPTED
                    ? notCarried(p, NotCarriedReason.ADOPTED, null, "Adopted: the proposal is in the budget")
                    : notCarried(p, NotCarriedReason.WITHDRAWN, null, "Withdrawn (includeWithdrawn carries it)");
        }
        NotCarriedReason area = leftOut.get(p.areaCode);
        if (area != null) {
            return notCarried(p, area, null, "Area " + p.areaCode + (area == NotCarriedReason.AREA_RETIRED
                    ? " is retired in" : " is not in") + " the register of policy areas: the new catalog leaves it out");
        }
        if (chosen != null && !chosen.contains(p.id)) {
            return notCarried(p, NotCarriedReason.NOT_CHOSEN, null, "Not among the chosen proposalIds");
        }
        return null;
    }

    /** The successor's content, checked by the rules of proposals (a ProblemException names the rule it breaks). */
    private Carry carry(Proposal p, List<Integer> years, int karensYears, Map<String, Integer> numbers) {
        ProposalInput input = RolloverDraft.of(p, years);
        List<ProposalYear> moved = proposalService.checked(p.municipality, years, input, null);
        KarensFlag karens = karens(p, years.get(0), karensYears);
        int n = numbers.merge(p.areaCode, 1, Integer::sum);
        return new Carry(p, input, moved, CatalogArea.number(p.areaCode, n), karens);
    }

    private static NotCarried notCarried(Proposal p, NotCarriedReason reason, String rule, String detail) {
        return new NotCarried(p.id, p.number, p.title, p.areaCode, p.status, reason, rule, detail);
    }

    /** 422 naming every chosen id that is not a proposal of the catalog or that cannot be carried, and why. */
    private static void requireCarryable(Catalog from, List<Proposal> all, Set<Long> chosen, List<NotCarried> notCarried) {
        if (chosen == null) {
            return;
        }
        Set<Long> known = all.stream().map(p -> p.id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        chosen.stream().filter(id -> !known.contains(id)).forEach(id -> errors.add(new FieldError("proposalIds",
                id + " is not a proposal of catalog " + from.id)));
        notCarried.stream().filter(n -> chosen.contains(n.id())).forEach(n -> errors.add(new FieldError("proposalIds",
                n.id() + " (" + n.number() + ") cannot be carried: " + n.reason() + (n.rule() == null ? "" : " " + n.rule()))));
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE, errors.size() + " of the chosen proposals cannot be carried from"
                    + " catalog " + from.id + " (budget " + from.budgetYear + ")", errors);
        }
    }

    /** The karensperiode as it will judge the successor: same text, area and lineage, one budget year on. */
    private KarensFlag karens(Proposal p, int budgetYear, int karensYears) {
        return karensperiode.check(new Karensperiode.Subject(p.municipality, p.areaCode, budgetYear, karensYears, p.title,
                p.description, null, p.id))
                .map(hit -> new KarensFlag(true, hit.untilYear(), hit.match(), new PredecessorView(hit.earlier().id,
                        hit.earlier().number, hit.earlier().budgetYear, hit.earlier().title)))
                .orElse(KarensFlag.CLEAR);
    }

    private static List<Integer> years(int budgetYear, int count) {
        List<Integer> years = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            years.add(budgetYear + i);
        }
        return years;
    }

    /** The old title with its years moved one on ("… 2027–2030" → "… 2028–2031"), else the new year added. */
    static String nextTitle(Catalog from) {
        String title = from.title;
        List<Integer> years = from.years();
        for (int i = years.size() - 1; i >= 0; i--) {
            title = title.replace(Integer.toString(years.get(i)), Integer.toString(years.get(i) + 1));
        }
        if (title.equals(from.title)) {
            title = title + " " + (from.budgetYear + 1);
        }
        return title.length() <= 200 ? title : title.substring(0, 200);
    }

    private record Plan(int budgetYear, List<Integer> years, String title, AreaPlan areas, List<Carry> carried,
            List<NotCarried> notCarried, List<LeftOutArea> leftOutAreas, List<Warning> warnings) {

        int blocked() {
            return (int) carried.stream().filter(carry -> carry.karens().blocked()).count();
        }
    }

    /** The new catalog's areas, the old ones it leaves out and why, and every old area's current name. */
    private record AreaPlan(List<AreaInput> kept, Map<String, NotCarriedReason> leftOut, Map<String, String> names) {
    }

    /** One proposal to carry: the old one, the successor's content and years, its number and karensperiode flag. */
    private record Carry(Proposal from, ProposalInput input, List<ProposalYear> years, String number, KarensFlag karens) {

        CarriedProposal view(Long id, String successorNumber) {
            List<YearAmountView> net = new ArrayList<>(years.size());
            long total = 0;
            for (ProposalYear year : years) {
                net.add(new YearAmountView(year.year, year.netChange));
                total = Math.addExact(total, year.netChange);
            }
            return new CarriedProposal(from.id, from.number, from.status, id, successorNumber, input.title(),
                    input.areaCode(), input.type(), net, total, karens);
        }
    }
}
