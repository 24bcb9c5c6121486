package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Agreement;
import dk.raaderum.proposal.domain.AgreementCommittee;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.FrameBreach;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.AgreementRepository;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.service.AgreementModels.AgreementCatalogRequest;
import dk.raaderum.proposal.service.AgreementModels.AgreementCatalogResult;
import dk.raaderum.proposal.service.AgreementModels.AgreementInput;
import dk.raaderum.proposal.service.AgreementModels.AgreementView;
import dk.raaderum.proposal.service.AgreementModels.CommitteeInput;
import dk.raaderum.proposal.service.AgreementModels.CommitteeView;
import dk.raaderum.proposal.service.AgreementModels.FrameBreachView;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;
import dk.raaderum.proposal.service.RolloverModels.RolloverRequest;
import dk.raaderum.proposal.service.RolloverModels.RolloverResult;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-year agreements: record one (its shape checked by {@link Agreement#check}, its years against the
 * municipality's other agreements), read them, and make the next covered year's catalog from the earlier year's
 * ({@link CatalogRollover}), linked to the agreement. Recording emits agreement.adopted through the outbox.
 */
@ApplicationScoped
public class AgreementService {

    /** 422 rule: the catalog to make from an agreement is for a later year it covers, from the earlier year's catalog. */
    public static final String RULE_CATALOG_YEAR = "agreement-catalog-year";

    private static final Logger LOG = Logger.getLogger(AgreementService.class);

    private final AgreementRepository agreements;
    private final CatalogRepository catalogs;
    private final CatalogRollover rollover;
    private final ProposalAccess access;
    private final ProposalEvents events;
    private final AreaRegisterCopy registers;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, CatalogRepository catalogs, CatalogRollover rollover,
            ProposalAccess access, ProposalEvents events, AreaRegisterCopy registers, Clock clock) {
        this.agreements = agreements;
        this.registers = registers;
        this.catalogs = catalogs;
        this.rollover = rollover;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public List<AgreementView> list(String municipality) {
        return agreements.listByMunicipality(municipality).stream().map(this::view).toList();
    }

    public AgreementView get(String municipality, long id) {
        return view(find(municipality, id));
    }

    /** Records the agreement; 422 when its shape breaks a rule or its years overlap another agreement's. */
    @Transactional
    public AgreementView create(Actor actor, String municipality, AgreementInput input) {
        access.requireFinanceOfficer(actor, "record multi-year agreements");
        Agreement agreement = new Agreement();
        agreement.municipality = municipality;
        agreement.title = input.title();
        agreement.firstYear = input.firstBudgetYear();
        agreement.lastYear = input.lastBudgetYear();
        agreement.priceLevelYear = input.priceLevelYear() == null ? input.firstBudgetYear() : input.priceLevelYear();
        agreement.decisionReference = input.decisionReference();
        agreement.createdAt = clock.instant();
        agreement.createdBy = actor.name();
        for (CommitteeInput committee : input.committees()) {
            agreement.addCommittee(committee.name(), committee.areaCodes(), frames(committee.frames()));
        }
        agreement.check();
        requireRegistered(municipality, input.committees());
        agreements.lockMunicipality(municipality);
        for (Agreement other : agreements.listByMunicipality(municipality)) {
            if (other.overlaps(agreement.firstYear, agreement.lastYear)) {
                throw ProblemException.ruleViolation(Agreement.RULE_OVERLAP, "The municipality's agreement "
                        + other.id + " (" + other.title + ") covers " + other.firstYear + "–" + other.lastYear
                        + ", which overlaps " + agreement.firstYear + "–" + agreement.lastYear,
                        List.of(new FieldError("firstBudgetYear", "overlaps agreement " + other.id)));
            }
        }
        agreements.persist(agreement);
        agreements.flush();
        catalogs.linkToAgreement(agreement); // the catalogs of the covered years made before it
        events.agreementAdopted(agreement);
        LOG.infof("Agreement %d (%s, %d–%d, %d committees) recorded by %s", agreement.id, municipality,
                agreement.firstYear, agreement.lastYear, agreement.committees.size(), actor.id());
        return view(agreement);
    }

    /**
     * The catalog of a later covered year, rolled over from the earlier year's catalog and linked to the agreement (so
     * its simulation shows the committees against their frames), in one transaction with the rollover's timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public AgreementCatalogResult createCatalog(Actor actor, String municipality, long id, AgreementCatalogRequest request) {
        access.requireFinanceOfficer(actor, "make catalogs from agreements");
        Agreement agreement = find(municipality, id);
        int year = request != null && request.budgetYear() != null ? request.budgetYear() : nextYear(agreement);
        if (year <= agreement.firstYear || !agreement.covers(year)) {
            throw ProblemException.ruleViolation(RULE_CATALOG_YEAR, "A catalog is made from agreement " + agreement.id
                    + " for a later year it covers (" + (agreement.firstYear + 1) + "–" + agreement.lastYear + "), not "
                    + year, List.of(new FieldError("budgetYear", year + " is not a later covered year")));
        }
        Catalog source = catalogs.findForYear(municipality, year - 1).orElseThrow(() -> ProblemException.ruleViolation(
                RULE_CATALOG_YEAR, "The catalog of " + year + " starts from the catalog of " + (year - 1)
                        + ", which the municipality does not have", List.of(new FieldError("budgetYear",
                                "no catalog for " + (year - 1)))));
        RolloverRequest choices = request == null || request.rollover() == null ? RolloverRequest.DEFAULTS
                : request.rollover();
        RolloverResult result = rollover.rolloverInCallersTransaction(actor, municipality, source.id, choices);
        Catalog created = catalogs.findById(result.catalog().id());
        created.agreement = agreement;
        if (source.agreement == null && agreement.covers(source.budgetYear)) {
            source.agreement = agreement;
        }
        catalogs.flush();
        CatalogModels.CatalogView linked = ProposalViews.catalog(created, result.catalog().warnings(), null);
        return new AgreementCatalogResult(agreement.id, new RolloverResult(result.fromCatalogId(),
                result.fromBudgetYear(), linked, result.carriedCount(), result.karensBlockedCount(), result.carried(),
                result.notCarried(), result.leftOutAreas(), result.warnings()));
    }

    /**
     * The committees' areas are active areas of the municipality's register of policy areas, as a catalog's are (422
     * {@code area-not-in-register} naming each other code; unchecked while no register has reached this service).
     */
    private void requireRegistered(String municipality, List<CommitteeInput> committees) {
        List<String> codes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < committees.size(); i++) {
            List<String> areaCodes = committees.get(i).areaCodes();
            for (int j = 0; j < areaCodes.size(); j++) {
                codes.add(areaCodes.get(j));
                fields.add("committees[" + i + "].areaCodes[" + j + "]");
            }
        }
        registers.requireRegistered(registers.lookup(municipality), municipality, codes, fields, null);
    }

    /** The first later covered year without a catalog (or the last year, which then answers 409 as a rollover does). */
    private int nextYear(Agreement agreement) {
        for (int year = agreement.firstYear + 1; year <= agreement.lastYear; year++) {
            if (catalogs.findForYear(agreement.municipality, year).isEmpty()) {
                return year;
            }
        }
        return agreement.lastYear;
    }

    Agreement find(String municipality, long id) {
        return agreements.findInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Agreement", id));
    }

    private static Map<Integer, Long> frames(List<YearAmountInput> frames) {
        Map<Integer, Long> byYear = new LinkedHashMap<>();
        for (YearAmountInput frame : frames) {
            if (byYear.put(frame.year(), frame.amount()) != null) {
                throw ProblemException.ruleViolation(Agreement.RULE_FRAMES, "A committee has one frame per year; "
                        + frame.year() + " is given twice");
            }
        }
        return byYear;
    }

    AgreementView view(Agreement a) {
        List<CatalogModels.CatalogRef> covered = catalogs.listByMunicipality(a.municipality).stream()
                .filter(c -> a.covers(c.budgetYear)).sorted(java.util.Comparator.comparingInt(c -> c.budgetYear))
                .map(ProposalViews::ref).toList();
        return new AgreementView(a.id, a.municipality, a.title, a.firstYear, a.lastYear, a.years(), a.priceLevelYear,
                a.decisionReference, a.committees.stream().map(AgreementService::committee).toList(), covered,
                a.breaches.stream().map(AgreementService::breach).toList(), a.createdAt, a.createdBy, a.version);
    }

    private static CommitteeView committee(AgreementCommittee c) {
        return new CommitteeView(c.name, List.copyOf(c.areaCodes), c.frames.stream()
                .map(f -> new YearAmountView(f.year, f.amount)).toList());
    }

    static FrameBreachView breach(FrameBreach b) {
        return new FrameBreachView(b.catalogId, b.committee, b.year, b.spending, b.frame, b.overrun, b.flaggedAt);
    }
}
