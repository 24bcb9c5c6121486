package dk.raaderum.proposal.service.demo;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.service.CatalogModels.Adoption;
import dk.raaderum.proposal.service.CatalogModels.AreaInput;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.CatalogModels.CreateCatalog;
import dk.raaderum.proposal.service.CatalogService;
import dk.raaderum.proposal.service.ProposalModels.Action;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalModels.TransitionInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;
import dk.raaderum.proposal.service.ProposalProblems;
import dk.raaderum.proposal.service.ProposalService;
import dk.raaderum.proposal.service.ProposalWorkflow;

import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Demo data for the local run (raaderum.proposal.demo-data.enabled): Ringsted (329) gets its 2026 catalog, adopted,
 * and a 2027 catalog of about 200 proposals over ten areas in every status; Varde (573) a smaller 2027 catalog.
 * Some 2027 proposals repeat rejected 2026 ones (by lineage or near-identical text), so the karensperiode shows.
 * Everything goes through the services, so the events (and target-service's and followup-service's reactions) are
 * real. Deterministic: the same seed gives the same catalogs.
 */
@ApplicationScoped
public class DemoCatalogs {

    private static final Logger LOG = Logger.getLogger(DemoCatalogs.class);

    static final List<AreaInput> AREAS = List.of(
            new AreaInput("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget"),
            new AreaInput("SUN", "Sundhed", 4, "Social- og Sundhedsudvalget"),
            new AreaInput("SOC", "Socialområdet", 5, "Social- og Sundhedsudvalget"),
            new AreaInput("DAG", "Dagtilbud", 5, "Børne- og Skoleudvalget"),
            new AreaInput("SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget"),
            new AreaInput("BOR", "Børn og familie", 5, "Børne- og Skoleudvalget"),
            new AreaInput("BES", "Beskæftigelse", 5, "Beskæftigelsesudvalget"),
            new AreaInput("KUL", "Kultur og fritid", 3, "Kultur- og Fritidsudvalget"),
            new AreaInput("TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget"),
            new AreaInput("ADM", "Administration", 6, "Økonomiudvalget"));

    private static final int REJECTED_2026 = 5;

    private static final String[] PARTIES = { "Venstre", "Socialdemokratiet", "Det Konservative Folkeparti",
            "Socialistisk Folkeparti", "Dansk Folkeparti", "Enhedslisten", "Radikale Venstre" };

    private final CatalogRepository catalogs;
    private final CatalogService catalogService;
    private final ProposalService proposals;
    private final ProposalWorkflow workflow;
    private final boolean enabled;

    public DemoCatalogs(CatalogRepository catalogs, CatalogService catalogService, ProposalService proposals,
            ProposalWorkflow workflow, ProposalConfig config) {
        this.catalogs = catalogs;
        this.catalogService = catalogService;
        this.proposals = proposals;
        this.workflow = workflow;
        this.enabled = config.demoData().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        if (catalogs.listByMunicipality("329").isEmpty()) {
            ringsted();
        }
        if (catalogs.listByMunicipality("573").isEmpty()) {
            varde();
        }
        LOG.infof("Demo catalogs ready (%.1f s)", (System.nanoTime() - started) / 1e9);
    }

    private void ringsted() {
        Actor finance = Actor.system("proposal-service demo data", "329", Roles.FINANCE_OFFICER);
        Random random = new Random(329);
        CatalogView previous = catalogService.create(finance, "329",
                new CreateCatalog(2026, 2026, "Råderumskatalog 2026–2029", 1, AREAS), null);
        List<ProposalView> earlier = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            earlier.add(write(finance, "329", previous, random, i, null, null));
        }
        // The council adopted all but five; those five come back in 2027 and meet the karensperiode.
        List<Long> adopt = new ArrayList<>();
        List<ProposalView> rejected = new ArrayList<>();
        for (ProposalView p : earlier) {
            move(finance, "329", p, Action.SUBMIT, Action.QUALIFY, Action.PRESENT);
            if (rejected.size() < REJECTED_2026 && p.type() != ProposalType.EXPANSION) {
                rejected.add(p);
            } else {
                adopt.add(p.id());
            }
        }
        workflow.adopt(finance, "329", previous.id(), new Adoption(adopt, "Budgetforlig 2026, indgået 3. oktober 2025"),
                Optional.empty());

        CatalogView current = catalogService.create(finance, "329",
                new CreateCatalog(2027, 2027, "Råderumskatalog 2027–2030", 1, AREAS), null);
        List<ProposalView> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ProposalView repeated = i < rejected.size() ? rejected.get(i) : null;
            written.add(write(finance, "329", current, random, 60 + i, repeated, i % 2 == 0 ? repeated : null));
        }
        for (int i = 0; i < written.size(); i++) {
            ProposalView p = written.get(i);
            if (i < rejected.size()) {
                move(finance, "329", p, Action.SUBMIT, Action.QUALIFY); // karensperiode candidates: present to see 409
                continue;
            }
            int roll = random.nextInt(100);
            if (roll < 10) {
                continue; // DRAFT
            }
            if (roll < 20) {
                move(finance, "329", p, Action.SUBMIT);
            } else if (roll < 35) {
                move(finance, "329", p, Action.SUBMIT, Action.QUALIFY);
            } else if (roll < 38) {
                move(finance, "329", p, Action.SUBMIT, Action.WITHDRAW);
            } else {
                move(finance, "329", p, Action.SUBMIT, Action.QUALIFY, Action.PRESENT);
            }
        }
    }

    private void varde() {
        Actor finance = Actor.system("proposal-service demo data", "573", Roles.FINANCE_OFFICER);
        Random random = new Random(573);
        CatalogView catalog = catalogService.create(finance, "573",
                new CreateCatalog(2027, 2027, "Effektiviseringskatalog 2027–2030", 1, AREAS), null);
        for (int i = 0; i < 40; i++) {
            ProposalView p = write(finance, "573", catalog, random, i, null, null);
            if (i % 4 != 3) {
                move(finance, "573", p, Action.SUBMIT, Action.QUALIFY, Action.PRESENT);
            }
        }
    }

    private ProposalView write(Actor finance, String municipality, CatalogView catalog, Random random, int index,
            ProposalView repeat, ProposalView predecessor) {
        DemoTemplates.Template template = repeat != null ? DemoTemplates.byTitle(repeat.title())
                : DemoTemplates.ALL.get(index % DemoTemplates.ALL.size());
        String title = repeat != null || index < DemoTemplates.ALL.size() ? template.title()
                : template.title() + " – " + DemoTemplates.VARIANTS[index / DemoTemplates.ALL.size() % DemoTemplates.VARIANTS.length];
        List<Integer> years = catalog.years();
        double scale = 0.2 + random.nextDouble() * 0.6;
        Amounts amounts = amounts(template, catalog.years(), scale);
        OriginInput origin = origin(random, municipality);
        List<FteInput> staff = template.type() == ProposalType.SAVING
                ? List.of(new FteInput(years.get(1), BigDecimal.valueOf(-(1 + random.nextInt(4)), 0)))
                : List.of();
        Uncertainty uncertainty = template.type() == ProposalType.INVESTMENT ? Uncertainty.HIGH
                : Uncertainty.values()[random.nextInt(3)];
        ProposalInput input = new ProposalInput(title, template.description(), template.type(), template.rationale(),
                template.area(), origin, amounts.operating(), amounts.cost(), amounts.gains(), staff,
                template.type() == ProposalType.SAVING ? template.consequences() : null, uncertainty,
                LocalDate.of(years.get(0), 1 + random.nextInt(6), 1), "Chef for " + template.area().toLowerCase(), 
                predecessor == null ? null : predecessor.id(), random.nextInt(100) < 20, null);
        Actor author = origin.kind() == OriginKind.POLITICAL_PARTY
                ? new Actor("demo-" + origin.party(), origin.party() + " (byrådsgruppe)", municipality, origin.party(),
                        java.util.Set.of(Roles.POLITICIAN), false)
                : finance;
        return proposals.create(author, municipality, catalog.id(), input);
    }

    private record Amounts(List<YearAmountInput> operating, List<YearAmountInput> cost, List<YearAmountInput> gains) {
    }

    /** A template's amounts at the scale: phased in over the first year, an investment's gains after its cost. */
    private static Amounts amounts(DemoTemplates.Template template, List<Integer> years, double scale) {
        List<YearAmountInput> operating = null;
        List<YearAmountInput> cost = null;
        List<YearAmountInput> gains = null;
        switch (template.type()) {
            case SAVING, EFFICIENCY -> {
                operating = new ArrayList<>();
                long full = round(template.fullYear() * scale);
                for (int i = 0; i < years.size(); i++) {
                    long phased = i == 0 ? full / 2 : full;
                    operating.add(new YearAmountInput(years.get(i), -phased));
                }
            }
            case EXPANSION -> {
                operating = new ArrayList<>();
                long full = round(template.fullYear() * scale);
                for (int year : years) {
                    operating.add(new YearAmountInput(year, full));
                }
            }
            case INVESTMENT -> {
                cost = new ArrayList<>();
                gains = new ArrayList<>();
                long investment = round(template.fullYear() * scale * 2.5);
                long gain = round(template.fullYear() * scale);
                for (int i = 0; i < years.size(); i++) {
                    cost.add(new YearAmountInput(years.get(i), i == 0 ? investment * 2 / 3 : i == 1 ? investment / 3 : 0));
                    gains.add(new YearAmountInput(years.get(i), i == 0 ? 0 : gain * Math.min(i, 2) / 2 + (i == 3 ? gain / 4 : 0)));
                }
            }
        }
        return new Amounts(operating, cost, gains);
    }

    private static OriginInput origin(Random random, String municipality) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return new OriginInput(OriginKind.ADMINISTRATION, null, null, null);
        }
        if (roll < 75) {
            return new OriginInput(OriginKind.POLITICAL_PARTY, PARTIES[random.nextInt(PARTIES.length)], null, null);
        }
        if (roll < 87) {
            return new OriginInput(OriginKind.STAFF, null, null, null);
        }
        if (roll < 92) {
            return new OriginInput(OriginKind.CITIZEN, null, null, null);
        }
        if (roll < 95) {
            return new OriginInput(OriginKind.BUSINESS, null, null, null);
        }
        // idea-bank origins come from "use this idea" (the idea bank's copy requests), never made up here
        return new OriginInput(OriginKind.OTHER_MUNICIPALITY, null, null, "573".equals(municipality) ? "329" : "573");
    }

    /** Takes the steps in order; a proposal the karensperiode holds back stays qualified, as the administration would. */
    private void move(Actor finance, String municipality, ProposalView proposal, Action... actions) {
        for (Action action : actions) {
            try {
                workflow.move(finance, municipality, proposal.id(), new TransitionInput(action, null, null, null),
                        Optional.empty());
            } catch (ProblemException e) {
                if (e.type() == ProposalProblems.KARENSPERIODE) {
                    return;
                }
                throw e;
            }
        }
    }

    /** Rounds to whole thousands of kroner, as catalogs do. */
    private static long round(double kroner) {
        return Math.round(kroner / 1000) * 1000;
    }
}
