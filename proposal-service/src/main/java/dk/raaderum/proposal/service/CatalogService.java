package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.AgreementRepository;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.service.CatalogModels.AreaInput;
import dk.raaderum.proposal.service.CatalogModels.CatalogRef;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.CatalogModels.CreateCatalog;
import dk.raaderum.proposal.service.CatalogModels.UpdateCatalog;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Catalogs: create, read, change, add areas, lock for negotiations and reopen; each change is catalog.changed. */
@ApplicationScoped
public class CatalogService {

    /** 422 rule: a catalog names each area code once. */
    public static final String RULE_UNIQUE_AREA_CODES = "unique-area-codes";

    private final CatalogRepository catalogs;
    private final ProposalAccess access;
    private final ProposalEvents events;
    private final AreaRegisterCopy register;
    private final BudgetAgreementCheck agreementCheck;
    private final AgreementRepository agreements;
    private final Clock clock;

    public CatalogService(CatalogRepository catalogs, ProposalAccess access, ProposalEvents events,
            AreaRegisterCopy register, BudgetAgreementCheck agreementCheck, AgreementRepository agreements,
            Clock clock) {
        this.agreementCheck = agreementCheck;
        this.agreements = agreements;
        this.catalogs = catalogs;
        this.access = access;
        this.events = events;
        this.register = register;
        this.clock = clock;
    }

    public List<CatalogView> list(String municipality) {
        AreaRegisterCopy.Lookup lookup = register.lookup(municipality);
        List<Catalog> all = catalogs.listByMunicipality(municipality);
        Map<Long, Catalog> successors = new HashMap<>();
        all.stream().filter(c -> c.rolledOverFrom != null).forEach(c -> successors.put(c.rolledOverFrom.id, c));
        return all.stream().map(c -> view(c, lookup, successors.get(c.id))).toList();
    }

    /** The catalog; an adopted one with its budget agreement's check ({@link BudgetAgreementCheck#ofAdopted}). */
    public Optional<CatalogView> get(String municipality, long id) {
        return catalogs.findInMunicipality(municipality, id).map(c -> {
            CatalogView view = view(c, register.lookup(municipality));
            return c.status == CatalogStatus.ADOPTED ? view.withCheck(agreementCheck.ofAdopted(c)) : view;
        });
    }

    /** The catalog with what the register of policy areas has to say about its areas, and its rollover links. */
    private CatalogView view(Catalog catalog, AreaRegisterCopy.Lookup lookup) {
        return view(catalog, lookup, catalogs.successorOf(catalog.id).orElse(null));
    }

    private static CatalogView view(Catalog catalog, AreaRegisterCopy.Lookup lookup, Catalog rolledOverTo) {
        return ProposalViews.catalog(catalog, lookup.warnings(catalog.areas.stream().map(a -> a.code).toList()),
                rolledOverTo);
    }

    /**
     * A new catalog; its area codes must be active areas of the municipality's register when proposal-service has it
     * (422 {@code area-not-in-register}), see {@link AreaRegisterCopy#requireRegistered}.
     *
     * @param policyAreaRevision the register revision the caller knows (target-service's answer), or null
     */
    @Transactional
    public CatalogView create(Actor actor, String municipality, CreateCatalog request, Long policyAreaRevision) {
        return create(actor, municipality, request, policyAreaRevision, null);
    }

    /** A new catalog as {@link #create(Actor, String, CreateCatalog, Long)}, rolled over from {@code source} if given. */
    CatalogView create(Actor actor, String municipality, CreateCatalog request, Long policyAreaRevision,
            Catalog source) {
        access.requireFinanceOfficer(actor, "create catalogs");
        requireNoCatalogFor(municipality, request.budgetYear());
        Catalog catalog = new Catalog();
        catalog.municipality = municipality;
        catalog.budgetYear = request.budgetYear();
        catalog.priceLevelYear = request.priceLevelYear() == null ? request.budgetYear() : request.priceLevelYear();
        catalog.title = request.title();
        catalog.karensYears = request.karensperiodeYears() == null ? 1 : request.karensperiodeYears();
        catalog.createdAt = clock.instant();
        catalog.createdBy = actor.name();
        catalog.rolledOverFrom = source;
        catalog.agreement = agreements.covering(municipality, request.budgetYear()).orElse(null);
        Set<String> codes = new HashSet<>();
        for (AreaInput input : request.areas()) {
            if (!codes.add(input.code())) {
                throw ProblemException.ruleViolation(RULE_UNIQUE_AREA_CODES,
                        "Area code " + input.code() + " is given twice");
            }
        }
        AreaRegisterCopy.Lookup lookup = register.lookup(municipality);
        List<String> given = request.areas().stream().map(AreaInput::code).toList();
        List<Warning> warnings = register.requireRegistered(lookup, municipality, given,
                java.util.stream.IntStream.range(0, given.size()).mapToObj(i -> "areas[" + i + "].code").toList(),
                policyAreaRevision);
        request.areas().forEach(input -> addArea(catalog, input, lookup));
        catalogs.persist(catalog);
        catalogs.flush();
        events.catalogChanged(catalog, catalog.createdAt);
        return ProposalViews.catalog(catalog, warnings, null);
    }

    @Transactional
    public CatalogView update(Actor actor, String municipality, long id, UpdateCatalog request, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change catalogs");
        Catalog catalog = find(municipality, id);
        EntityTags.requireUnchanged(ifMatch, request.version(), catalog.version);
        requireStatus(catalog, CatalogStatus.OPEN, "changed");
        catalog.title = request.title();
        if (request.priceLevelYear() != null) {
            catalog.priceLevelYear = request.priceLevelYear();
        }
        if (request.karensperiodeYears() != null) {
            catalog.karensYears = request.karensperiodeYears();
        }
        catalogs.flush();
        events.catalogChanged(catalog, clock.instant());
        return view(catalog, register.lookup(municipality));
    }

    /** A new area of an open catalog, checked against the register as {@link #create} does. */
    @Transactional
    public CatalogView addArea(Actor actor, String municipality, long id, AreaInput input, Long policyAreaRevision) {
        access.requireFinanceOfficer(actor, "change catalogs");
        Catalog catalog = find(municipality, id);
        requireStatus(catalog, CatalogStatus.OPEN, "given new areas");
        if (catalog.area(input.code()).isPresent()) {
            throw ProblemException.conflict("The catalog already has area " + input.code());
        }
        AreaRegisterCopy.Lookup lookup = register.lookup(municipality);
        List<Warning> warnings = register.requireRegistered(lookup, municipality, List.of(input.code()),
                List.of("code"), policyAreaRevision);
        addArea(catalog, input, lookup);
        catalogs.flush();
        events.catalogChanged(catalog, clock.instant());
        return ProposalViews.catalog(catalog, warnings, catalogs.successorOf(catalog.id).orElse(null));
    }

    /** OPEN → LOCKED: the negotiations start; no new proposals, no edits. */
    @Transactional
    public CatalogView lock(Actor actor, String municipality, long id) {
        return move(actor, municipality, id, CatalogStatus.OPEN, CatalogStatus.LOCKED);
    }

    /** LOCKED → OPEN. */
    @Transactional
    public CatalogView reopen(Actor actor, String municipality, long id) {
        return move(actor, municipality, id, CatalogStatus.LOCKED, CatalogStatus.OPEN);
    }

    private CatalogView move(Actor actor, String municipality, long id, CatalogStatus from, CatalogStatus to) {
        access.requireFinanceOfficer(actor, "lock and reopen catalogs");
        Catalog catalog = find(municipality, id);
        if (catalog.status != from) {
            throw new ProblemException(ProposalProblems.CATALOG_CLOSED, "The catalog is " + catalog.status
                    + "; only a catalog that is " + from + " can become " + to);
        }
        catalog.status = to;
        catalogs.flush();
        events.catalogChanged(catalog, clock.instant());
        return view(catalog, register.lookup(municipality));
    }

    /** 409 naming the municipality's catalog for the budget year (id and href), if it has one. */
    void requireNoCatalogFor(String municipality, int budgetYear) {
        existingFor(municipality, budgetYear).ifPresent(existing -> {
            throw ProblemException.conflict("Municipality " + municipality + " already has a catalog for " + budgetYear
                    + ": " + existing.href()).with("existingCatalog", existing);
        });
    }

    /** The municipality's catalog for the budget year, if it has one. */
    Optional<CatalogRef> existingFor(String municipality, int budgetYear) {
        return catalogs.findForYear(municipality, budgetYear).map(ProposalViews::ref);
    }

    /** The catalog's path in the API. */
    static String href(String municipality, long id) {
        return "/api/v1/municipalities/" + municipality + "/catalogs/" + id;
    }

    Catalog find(String municipality, long id) {
        return catalogs.findInMunicipality(municipality, id).orElseThrow(() -> ProblemException.notFound("Catalog", id));
    }

    static void requireStatus(Catalog catalog, CatalogStatus required, String what) {
        if (catalog.status != required) {
            throw new ProblemException(ProposalProblems.CATALOG_CLOSED, "Catalog " + catalog.budgetYear + " is "
                    + catalog.status + " and cannot be " + what + " (it must be " + required + ")");
        }
    }

    /** The area as given, named as the register names it (renames reach open catalogs through the register's events). */
    private static void addArea(Catalog catalog, AreaInput input, AreaRegisterCopy.Lookup lookup) {
        CatalogArea area = new CatalogArea();
        area.catalog = catalog;
        area.code = input.code();
        area.name = lookup.name(input.code(), input.name());
        area.mainAccount = input.mainAccount();
        area.committee = input.committee();
        catalog.areas.add(area);
    }
}
