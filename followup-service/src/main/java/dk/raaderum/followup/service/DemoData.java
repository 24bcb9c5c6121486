package dk.raaderum.followup.service;

import dk.raaderum.followup.config.FollowupConfig;
import dk.raaderum.followup.domain.DecisionKind;
import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.repository.InitiativeRepository;
import dk.raaderum.followup.service.DecisionModels.DecisionInput;
import dk.raaderum.followup.service.InitiativeModels.AreaInput;
import dk.raaderum.followup.service.InitiativeModels.InitiativeInput;
import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.followup.service.ReportModels.ReportInput;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.ResponsibleBody;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;

import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Demo data for the local run ({@code raaderum.followup.demo-data.enabled}): a few initiatives of Aarhus (751) with
 * reports and decisions, so the open data shows something in the style of "Aarhus i Tal", and one Varde (573)
 * initiative owned by {@code varde-owner} whose last year's report is missing (it turns overdue). The years follow
 * the clock: catalogs of two and one years ago. Loaded once, when Aarhus has no initiatives. Adopted proposals from
 * proposal-service's demo arrive by themselves through proposal.adopted.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String AARHUS = "751";
    private static final String VARDE = "573";

    private final FollowupConfig config;
    private final InitiativeRepository initiatives;
    private final InitiativeService register;
    private final ReportService reports;
    private final DecisionService decisions;
    private final Clock clock;

    public DemoData(FollowupConfig config, InitiativeRepository initiatives, InitiativeService register,
            ReportService reports, DecisionService decisions, Clock clock) {
        this.config = config;
        this.initiatives = initiatives;
        this.register = register;
        this.reports = reports;
        this.decisions = decisions;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.demoData().enabled()) {
            load();
        }
    }

    /** Loads the demo data unless Aarhus has initiatives already. */
    public void load() {
        if (initiatives.count("municipality", AARHUS) > 0) {
            LOG.info("Demo data: Aarhus has initiatives already; nothing loaded");
            return;
        }
        int thisYear = LocalDate.ofInstant(clock.instant(), config.zone()).getYear();
        int older = thisYear - 2;
        int newer = thisYear - 1;
        Actor aarhus = new Actor("system:followup-demo", "Demodata (økonomi)", AARHUS, null, Set.of(Roles.FINANCE_OFFICER),
                true);

        long dispensers = register.create(aarhus, AARHUS, initiative("Automatiske medicindispensere i hjemmeplejen",
                ProposalType.EFFICIENCY, older, area("MSO", "Sundhed og Omsorg", 5), even(older, 2_000_000),
                "aarhus-owner", "Velfærdsteknologisk enhed")).id();
        report(aarhus, AARHUS, dispensers, older, 1_850_000, EvidenceLevel.PROBABLE,
                "Færre medicinbesøg målt i omsorgssystemet; tidsforbruget er sandsynliggjort ud fra besøgsregistreringer.",
                "Ikke alle borgere kan betjene dispenseren.", "Samme løsning kan bruges i botilbud.");
        report(aarhus, AARHUS, dispensers, newer, 2_100_000, EvidenceLevel.DOCUMENTED,
                "Regnskabet viser lavere timeforbrug svarende til gevinsten.", null, null);
        decisions.decide(aarhus, AARHUS, dispensers, new DecisionInput(DecisionKind.SHARE, "Gevinsten er realiseret to år i"
                + " træk og kan bruges af andre kommuner.", null, null, null, null, null, null, null), Optional.empty());

        long purchasing = register.create(aarhus, AARHUS, initiative("Fælles indkøbsaftale på kontorartikler",
                ProposalType.EFFICIENCY, older, area("MBA", "Borgmesterens Afdeling", 6), even(older, 500_000),
                null, "Indkøb og Udbud")).id();
        report(aarhus, AARHUS, purchasing, older, 320_000, EvidenceLevel.ESTIMATE,
                "Aftalen kom i gang et halvt år forsinket.", "Decentrale indkøb uden om aftalen.", null);
        report(aarhus, AARHUS, purchasing, newer, 280_000, EvidenceLevel.PROBABLE,
                "Forbruget uden om aftalen er faldet, men priserne steg.", "Prisstigninger.", null);
        decisions.decide(aarhus, AARHUS, purchasing, new DecisionInput(DecisionKind.ADJUST,
                "Forventningen nedjusteres til det realistiske niveau.", null,
                List.of(new YearAmountInput(thisYear, 300_000L), new YearAmountInput(older + 3, 300_000L)), null,
                ResponsibleBody.FINANCE_COMMITTEE, null, "ØU " + thisYear + "-03-14 pkt. 7", null),
                Optional.empty());

        long daycare = register.create(aarhus, AARHUS, initiative("Sammenlægning af dagtilbudsledelser",
                ProposalType.SAVING, newer, area("MBU", "Børn og Unge", 3), even(newer, 1_500_000), null,
                "Dagtilbudschef")).id();
        report(aarhus, AARHUS, daycare, newer, 1_500_000, EvidenceLevel.DOCUMENTED,
                "Lønbudgettet til ledelse er reduceret som besluttet.", null, "Erfaringerne deles med skoleområdet.");

        Actor varde = new Actor("system:followup-demo", "Demodata (økonomi)", VARDE, null, Set.of(Roles.FINANCE_OFFICER),
                true);
        register.create(varde, VARDE, initiative("Fælles kørselsplanlægning i hjemmeplejen", ProposalType.EFFICIENCY,
                newer, area("ÆLD", "Ældreområdet", 5), even(newer, 800_000), "varde-owner", "Ældrechef"));
        LOG.infof("Demo data: 3 Aarhus initiatives with reports and decisions, 1 Varde initiative for varde-owner");
    }

    private void report(Actor actor, String municipality, long id, int year, long realised, EvidenceLevel evidence,
            String narrative, String barriers, String opportunities) {
        reports.report(actor, "followup-demo", municipality, id, new ReportInput(year, null, realised, evidence, narrative,
                barriers, opportunities, null, null));
    }

    private static InitiativeInput initiative(String title, ProposalType type, int catalogYear, AreaInput area,
            List<YearAmountInput> expected, String owner, String ownerName) {
        return new InitiativeInput(title, null, type, catalogYear, catalogYear, area, expected, null, null, owner, ownerName,
                "Budgetforlig " + catalogYear + " (demodata)");
    }

    private static AreaInput area(String code, String name, int mainAccount) {
        return new AreaInput(code, name, mainAccount, null);
    }

    /** The same gain in each of the four budget years. */
    private static List<YearAmountInput> even(int from, long amount) {
        List<YearAmountInput> years = new ArrayList<>();
        for (int year = from; year < from + 4; year++) {
            years.add(new YearAmountInput(year, amount));
        }
        return years;
    }
}
