package dk.raaderum.target.service;

import dk.raaderum.platform.events.ResponsibleBody;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.config.TargetConfig;
import dk.raaderum.target.domain.AllocationKey;
import dk.raaderum.target.domain.BudgetSource;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.domain.IndexSource;
import dk.raaderum.target.domain.TargetKind;
import dk.raaderum.target.domain.TargetMode;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.service.AllocationModels.AllocationRequest;
import dk.raaderum.target.service.AllocationModels.AreaSetting;
import dk.raaderum.target.service.AllocationModels.DifferentiatedInput;
import dk.raaderum.target.service.TargetModels.Adoption;
import dk.raaderum.target.service.TargetModels.TargetInput;
import dk.raaderum.target.service.TargetModels.TargetView;
import dk.raaderum.target.service.TargetModels.TargetYearInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo data for the local run ({@code raaderum.target.demo-data.enabled}, env {@code RAADERUM_TARGET_DEMO_DATA_ENABLED}):
 * the register of policy areas (the ten areas of proposal-service's demo catalogs) and base budgets 2027–2030 for
 * Ringsted (329) and Varde (573) with those codes,
 * and an adopted 1 % target allocated with a differentiated key (day care relieved by half), so its
 * {@code target.allocated} event reaches proposal-service. Loaded at start only when the municipality has no 2027
 * budget.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final int BUDGET_YEAR = 2027;

    /** code, name, main account, committee, Varde's 2027 budget in kroner, yearly change of the projection years. */
    private record DemoArea(String code, String name, int mainAccount, String committee, long varde, String growth) {
    }

    private static final List<DemoArea> AREAS = List.of(
            new DemoArea("ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget", 640_000_000L, "0.025"),
            new DemoArea("SUN", "Sundhed", 4, "Social- og Sundhedsudvalget", 215_000_000L, "0.010"),
            new DemoArea("SOC", "Socialområdet", 5, "Social- og Sundhedsudvalget", 470_000_000L, "0.015"),
            new DemoArea("DAG", "Dagtilbud", 5, "Børne- og Skoleudvalget", 265_000_000L, "-0.005"),
            new DemoArea("SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget", 520_000_000L, "-0.010"),
            new DemoArea("BOR", "Børn og familie", 5, "Børne- og Skoleudvalget", 185_000_000L, "0.005"),
            new DemoArea("BES", "Beskæftigelse", 5, "Beskæftigelsesudvalget", 410_000_000L, "0.000"),
            new DemoArea("KUL", "Kultur og fritid", 3, "Kultur- og Fritidsudvalget", 95_000_000L, "0.000"),
            new DemoArea("TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget", 145_000_000L, "0.000"),
            new DemoArea("ADM", "Administration", 6, "Økonomiudvalget", 320_000_000L, "-0.005"));

    /** Ringsted is about 0.72 of Varde's size. */
    private static final Map<String, BigDecimal> SCALE = Map.of("573", BigDecimal.ONE, "329", new BigDecimal("0.72"));

    /** Spending indices against comparable municipalities (100 = the same). */
    private static final Map<String, Map<String, String>> INDICES = Map.of(
            "573", Map.of("ÆLD", "106", "SUN", "98", "SOC", "112", "DAG", "101", "SKO", "104", "BOR", "115", "BES", "96",
                    "KUL", "93", "TEK", "99", "ADM", "108"),
            "329", Map.of("ÆLD", "103", "SUN", "101", "SOC", "109", "DAG", "97", "SKO", "106", "BOR", "111", "BES", "100",
                    "KUL", "95", "TEK", "102", "ADM", "104"));

    private final TargetConfig config;
    private final BaseBudgetRepository budgets;
    private final BudgetService budgetService;
    private final TargetService targets;
    private final AllocationService allocations;
    private final PolicyAreaService policyAreas;

    public DemoData(TargetConfig config, BaseBudgetRepository budgets, BudgetService budgetService, TargetService targets,
            AllocationService allocations, PolicyAreaService policyAreas) {
        this.config = config;
        this.budgets = budgets;
        this.budgetService = budgetService;
        this.targets = targets;
        this.allocations = allocations;
        this.policyAreas = policyAreas;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demoData().enabled()) {
            loadIfAbsent();
        }
    }

    /**
     * Loads the demo data of each demo municipality that has no 2027 base budget yet, one transaction per
     * municipality; returns the municipalities loaded.
     */
    public List<String> loadIfAbsent() {
        List<String> loaded = new ArrayList<>();
        for (String municipality : List.of("329", "573")) {
            if (QuarkusTransaction.requiringNew().call(() -> load(municipality))) {
                LOG.infof("Demo data: base budget %d–%d and an adopted 1 %% target for municipality %s", BUDGET_YEAR,
                        BUDGET_YEAR + 3, municipality);
                loaded.add(municipality);
            }
        }
        return loaded;
    }

    private boolean load(String municipality) {
        if (budgets.findFor(municipality, BUDGET_YEAR).isPresent()) {
            return false;
        }
        Actor actor = Actor.system("target-service", municipality, Roles.FINANCE_OFFICER);
        policyAreas.seedFrom(actor, municipality, rows(municipality));
        budgetService.store(actor, municipality, BUDGET_YEAR, BUDGET_YEAR, rows(municipality), BudgetSource.DEMO,
                Optional.empty(), null);
        boolean ringsted = municipality.equals("329");
        TargetView target = targets.create(actor, municipality, new TargetInput(BUDGET_YEAR,
                "Effektiviseringsmål 2027: 1 % af driftsbudgettet",
                "Demodata. Økonomisk politik: nye effektiviseringer svarende til 1 % af driftsbudgettet i 2027 med varig effekt.",
                TargetKind.PERCENT, TargetMode.ANNUAL_NEW,
                ringsted ? ResponsibleBody.STANDING_COMMITTEE : ResponsibleBody.EXECUTIVE_BOARD,
                ringsted ? "Fagudvalgene for hver deres område" : "Direktionen",
                List.of(new TargetYearInput(BUDGET_YEAR, BigDecimal.ONE, null)), null));
        List<AreaSetting> settings = new ArrayList<>();
        INDICES.get(municipality).forEach((code, index) -> settings.add(new AreaSetting(code, null,
                code.equals("DAG") ? new BigDecimal("0.5") : null, null, new BigDecimal(index), null)));
        allocations.allocate(actor, municipality, target.id(), new AllocationRequest(AllocationKey.DIFFERENTIATED,
                "Demodata: differentieret efter udgiftsniveau ift. sammenlignelige kommuner; dagtilbud bærer halvdelen"
                        + " pga. minimumsnormeringer",
                1000L, new DifferentiatedInput(IndexSource.GIVEN, null, null, null, null), settings, null),
                Optional.empty());
        targets.adopt(actor, municipality, target.id(), new Adoption("Demodata: budgetvedtagelse oktober 2026", null),
                Optional.empty());
        return true;
    }

    private static List<BudgetRows.Row> rows(String municipality) {
        BigDecimal scale = SCALE.get(municipality);
        List<BudgetRows.Row> rows = new ArrayList<>();
        for (DemoArea area : AREAS) {
            Map<Integer, Long> amounts = new LinkedHashMap<>();
            BigDecimal base = BigDecimal.valueOf(area.varde()).multiply(scale);
            List<Integer> years = Horizon.of(BUDGET_YEAR);
            for (int i = 0; i < years.size(); i++) {
                BigDecimal factor = BigDecimal.ONE.add(new BigDecimal(area.growth()).multiply(BigDecimal.valueOf(i)));
                amounts.put(years.get(i), base.multiply(factor).movePointLeft(3).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact() * 1000);
            }
            rows.add(new BudgetRows.Row(area.code(), area.name(), area.mainAccount(), area.committee(), amounts));
        }
        return rows;
    }
}
