package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.domain.AreaYear;
import dk.raaderum.target.domain.BaseBudget;
import dk.raaderum.target.domain.BudgetArea;
import dk.raaderum.target.domain.BudgetSource;
import dk.raaderum.target.repository.BaseBudgetRepository;
import dk.raaderum.target.service.BudgetModels.AreaView;
import dk.raaderum.target.service.BudgetModels.BudgetImport;
import dk.raaderum.target.service.BudgetModels.BudgetSummary;
import dk.raaderum.target.service.BudgetModels.BudgetView;
import dk.raaderum.target.service.BudgetModels.Imported;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Base budgets: import (JSON or CSV, all rows or none) and read. Importing again replaces the budget of the year
 * (optimistic locking with If-Match or {@code version}); allocation rounds keep the budget they rested on.
 */
@ApplicationScoped
public class BudgetService {

    private final BaseBudgetRepository budgets;
    private final TargetAccess access;
    private final CoverageProjector coverage;
    private final AreaRegister register;
    private final Clock clock;

    public BudgetService(BaseBudgetRepository budgets, TargetAccess access, CoverageProjector coverage,
            AreaRegister register, Clock clock) {
        this.budgets = budgets;
        this.access = access;
        this.coverage = coverage;
        this.register = register;
        this.clock = clock;
    }

    public PageOf<BudgetSummary> list(String municipality, int page, int size) {
        List<BudgetSummary> items = budgets.page(municipality, page, size).stream().map(BudgetService::summary).toList();
        return new PageOf<>(items, page, size, budgets.countFor(municipality));
    }

    public Optional<BudgetView> get(String municipality, int budgetYear) {
        return budgets.findFor(municipality, budgetYear).map(budget -> view(budget, register.lookup(municipality)));
    }

    @Transactional
    public Imported importJson(Actor actor, String municipality, int budgetYear, BudgetImport request,
            Optional<Long> ifMatch) {
        access.requireBudgetImporter(actor);
        List<BudgetRows.Row> rows = BudgetRows.fromJson(budgetYear, request.areas());
        return store(actor, municipality, budgetYear, request.priceLevelYear(), rows, BudgetSource.JSON, ifMatch,
                request.version());
    }

    @Transactional
    public Imported importCsv(Actor actor, String municipality, int budgetYear, Integer priceLevelYear, String csv,
            Optional<Long> ifMatch) {
        access.requireBudgetImporter(actor);
        List<BudgetRows.Row> rows = BudgetRows.fromCsv(budgetYear, csv);
        return store(actor, municipality, budgetYear, priceLevelYear, rows, BudgetSource.CSV, ifMatch, null);
    }

    /** Stores checked rows as the budget of the year (demo data uses it too). */
    Imported store(Actor actor, String municipality, int budgetYear, Integer priceLevelYear, List<BudgetRows.Row> rows,
            BudgetSource source, Optional<Long> ifMatch, Long version) {
        register.requireRegistered(municipality, rows.stream().map(row -> new AreaRegister.CodeAt(row.code(),
                row.at() == null ? "code" : row.at() + ".code", row.at() == null ? null : "row " + row.number())).toList());
        Optional<BaseBudget> existing = budgets.findFor(municipality, budgetYear);
        BaseBudget budget;
        if (existing.isPresent()) {
            budget = existing.get();
            EntityTags.requireUnchanged(ifMatch, version, budget.version);
        } else {
            budget = new BaseBudget();
            budget.municipality = municipality;
            budget.budgetYear = budgetYear;
        }
        budget.priceLevelYear = priceLevelYear == null ? budgetYear : priceLevelYear;
        budget.source = source;
        budget.importedAt = clock.instant();
        budget.importedBy = actor.name();
        budget.importedById = actor.id();
        merge(budget, rows);
        if (existing.isEmpty()) {
            budgets.persist(budget);
        }
        budgets.flush();
        coverage.refresh(municipality, budgetYear, null);
        return new Imported(view(budget, register.lookup(municipality)), existing.isEmpty());
    }

    /** Updates areas in place by code (so the unique key never sees a duplicate), adds new ones, drops the rest. */
    private static void merge(BaseBudget budget, List<BudgetRows.Row> rows) {
        Map<String, BudgetArea> byCode = new HashMap<>();
        budget.areas.forEach(area -> byCode.put(area.code, area));
        List<BudgetArea> next = new ArrayList<>();
        int position = 0;
        for (BudgetRows.Row row : rows) {
            BudgetArea area = Optional.ofNullable(byCode.remove(row.code())).orElseGet(() -> newArea(budget, row.code()));
            area.name = row.name();
            area.mainAccount = row.mainAccount();
            area.committee = row.committee();
            area.position = position++;
            area.years.clear();
            row.amounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> area.years.add(new AreaYear(e.getKey(), e.getValue())));
            next.add(area);
        }
        budget.areas.removeIf(area -> byCode.containsKey(area.code));
        for (BudgetArea area : next) {
            if (!budget.areas.contains(area)) {
                budget.areas.add(area);
            }
        }
        budget.areas.sort((a, b) -> Integer.compare(a.position, b.position));
    }

    private static BudgetArea newArea(BaseBudget budget, String code) {
        BudgetArea area = new BudgetArea();
        area.budget = budget;
        area.code = code;
        return area;
    }

    /** The budget with the register's names of its areas and what the register has to say about its codes. */
    static BudgetView view(BaseBudget budget, AreaRegister.Lookup names) {
        List<AreaView> areas = budget.areas.stream().map(area -> new AreaView(area.code, names.name(area.code, area.name),
                area.mainAccount, area.committee, area.years.stream().map(y -> new YearValue(y.year, y.amount)).toList()))
                .toList();
        return new BudgetView(budget.municipality, budget.budgetYear, budget.years(), budget.priceLevelYear,
                budget.source, areas, totals(budget), budget.importedAt, budget.importedBy, budget.version,
                names.warnings(budget.areas.stream().map(area -> area.code).toList()));
    }

    private static BudgetSummary summary(BaseBudget budget) {
        return new BudgetSummary(budget.budgetYear, budget.priceLevelYear, budget.areas.size(), totals(budget),
                budget.source, budget.importedAt, budget.importedBy, budget.version);
    }

    private static List<YearValue> totals(BaseBudget budget) {
        return budget.totals().entrySet().stream().map(e -> new YearValue(e.getKey(), e.getValue())).toList();
    }
}
