package dk.raaderum.ideabank.service.demo;

import dk.raaderum.ideabank.config.IdeaBankConfig;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.service.Families;
import dk.raaderum.ideabank.service.IdeaViews;
import dk.raaderum.ideabank.service.IdeaWriter;
import dk.raaderum.ideabank.service.demo.DemoTemplates.Template;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo idea bank for the local run ({@code raaderum.idea-bank.demo-data.enabled}): KL's reviews of B19–B22 across
 * about fifty municipalities, made from {@link DemoTemplates} with amounts scaled per municipality. An idea found in
 * several budgets is a family (KL has merged the copies, so each municipality keeps its credit); half of the ideas that
 * other municipalities wrote in other words are still separate, for curators to find as duplicate candidates; and
 * Varde, Ringsted and Halsnæs have submissions waiting in KL's queue. Deterministic (a fixed seed); loaded once, when
 * the bank holds no imported ideas.
 */
@ApplicationScoped
public class DemoIdeas {

    private static final Logger LOG = Logger.getLogger(DemoIdeas.class);
    private static final List<String> MUNICIPALITIES = List.of("101", "147", "151", "157", "165", "173", "190", "219",
            "230", "253", "259", "265", "316", "330", "360", "370", "400", "410", "420", "461", "479", "492", "510", "540",
            "561", "607", "615", "621", "630", "657", "661", "706", "730", "740", "746", "751", "760", "779", "787",
            "791", "813", "840", "846", "851", "860");
    private static final List<String> QUEUE = List.of("573", "329", "260");
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 4;

    private final IdeaBankConfig config;
    private final IdeaRepository ideas;
    private final IdeaWriter writer;
    private final Families families;

    public DemoIdeas(IdeaBankConfig config, IdeaRepository ideas, IdeaWriter writer, Families families) {
        this.config = config;
        this.ideas = ideas;
        this.writer = writer;
        this.families = families;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.demoData().enabled()) {
            load();
        }
    }

    /** Loads the demo idea bank unless it holds imported ideas already. */
    public void load() {
        if (QuarkusTransaction.requiringNew().call(() -> ideas.count("origin", IdeaOrigin.KL_IMPORT)) > 0) {
            LOG.info("Demo data: the idea bank holds imported ideas already; nothing loaded");
            return;
        }
        int[] counts = QuarkusTransaction.requiringNew().timeout(300).call(this::loadAll);
        LOG.infof("Demo data: %d published ideas (%d merged into families), %d submissions in KL's queue", counts[0],
                counts[1], counts[2]);
    }

    private int[] loadAll() {
        Random random = new Random(2019);
        Actor kl = new Actor("system:idea-bank-demo", "KL (demodata)", null, null, Set.of(Roles.KL_CURATOR), true);
        List<Template> templates = DemoTemplates.load();
        Map<Integer, List<Template>> groups = new LinkedHashMap<>();
        templates.forEach(t -> groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        int published = 0;
        int merged = 0;
        int variants = 0;
        for (List<Template> group : groups.values()) {
            List<Idea> family = new ArrayList<>();
            for (Template template : group) {
                int copies = group.size() > 1 ? 1 : 1 + random.nextInt(4);
                for (int copy = 0; copy < copies; copy++) {
                    String municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
                    int year = FIRST_YEAR + random.nextInt(YEARS);
                    IdeaContent content = content(template, year, "KL-" + municipality + "-" + (published + 1), random);
                    family.add(writer.add(writer.draft(content, IdeaOrigin.KL_IMPORT, municipality, kl),
                            IdeaStatus.PUBLISHED, kl, Action.IMPORTED, "Demodata: KL's gennemgang af budgetterne"));
                    published++;
                }
            }
            // every copy of one text is merged; ideas written in other words are merged in every other group only
            boolean curated = group.size() == 1 || variants++ % 2 == 0;
            for (Idea member : curated ? family.subList(1, family.size()) : List.<Idea>of()) {
                families.merge(member, family.get(0), kl, "Demodata: samme idé i flere kommuners budgetter");
                merged++;
            }
        }
        int queued = submissions(templates, random);
        return new int[] { published, merged, queued };
    }

    /** Varde, Ringsted and Halsnæs submitted ideas of B23 that wait for KL (some are in the bank in other words). */
    private int submissions(List<Template> templates, Random random) {
        int queued = 0;
        for (int i = 0; i < 9; i++) {
            String municipality = QUEUE.get(i % QUEUE.size());
            Template template = templates.get(random.nextInt(templates.size()));
            Actor officer = new Actor("system:idea-bank-demo", "Økonomi, " + IdeaViews.municipality(municipality).name()
                    + " (demodata)", municipality, null, Set.of(Roles.FINANCE_OFFICER), true);
            writer.add(writer.draft(content(template, 2023, "B23-" + (i + 1), random), IdeaOrigin.MUNICIPALITY,
                    municipality, officer), IdeaStatus.SUBMITTED, officer, Action.SUBMITTED, null);
            queued++;
        }
        return queued;
    }

    /** The template for one municipality's budget of {@code year}: amounts scaled, a fifth stating only one year. */
    static IdeaContent content(Template t, int year, String number, Random random) {
        double scale = 0.5 + random.nextDouble() * 1.5;
        long full = Math.round(t.fullYear() * scale / 1000) * 1000;
        Long investment = t.investment() == null ? null : Math.round(t.investment() * scale / 1000) * 1000;
        List<YearAmount> amounts = new ArrayList<>();
        boolean firstYearOnly = t.type() != ProposalType.INVESTMENT && random.nextInt(5) == 0;
        for (int i = firstYearOnly ? 1 : 0; i < (firstYearOnly ? 2 : YEARS); i++) {
            long amount = switch (t.type()) {
                case EXPANSION -> i == 0 ? full / 2 : full;
                case INVESTMENT -> i == 0 ? investment - full / 2 : -full;
                case SAVING, EFFICIENCY -> i == 0 ? -full / 2 : -full;
            };
            amounts.add(new YearAmount(year + i, amount));
        }
        return new IdeaContent(t.title(), t.summary(), t.description(), t.type(), t.rationale(), t.reducesService(),
                t.area(), t.tags(), year, year, amounts, null, investment, t.payback(), t.consequences(), t.contactRole(),
                "Budget " + year + " (" + IdeaViews.budgetLabel(year) + "), KL's gennemgang", number).normalised();
    }
}
