package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.FigureRepository;
import dk.raaderum.followup.repository.FigureRepository.InitiativeYearRow;
import dk.raaderum.followup.service.FigureModels.DashboardView;
import dk.raaderum.followup.service.FigureModels.FiguresView;
import dk.raaderum.followup.service.FigureModels.PriceLevelView;
import dk.raaderum.followup.service.FigureModels.ThresholdsView;
import dk.raaderum.followup.service.FigureModels.Underperformer;

import dk.raaderum.platform.events.PriceIndex;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A municipality's follow-up in one year: expected against realised by area, type and catalog year, realisation
 * rate, red/amber/green counts by its thresholds, the underperformers and the gains at risk. One query, summed here,
 * every figure first PL-regulated to one stated price level ({@link PriceLevels}) with the municipality's
 * price index ({@link PriceIndexReadModel}).
 */
@ApplicationScoped
public class DashboardService {

    private final FigureRepository figures;
    private final SettingsService settings;
    private final PriceIndexReadModel priceIndexes;

    public DashboardService(FigureRepository figures, SettingsService settings, PriceIndexReadModel priceIndexes) {
        this.figures = figures;
        this.settings = settings;
        this.priceIndexes = priceIndexes;
    }

    /** @param priceLevelYear the price level of every amount; null = the year followed up */
    public DashboardView dashboard(String municipality, int year, Integer priceLevelYear, int underperformers) {
        Thresholds thresholds = settings.thresholds(municipality);
        int level = PriceLevels.level(priceLevelYear, year);
        PriceIndex index = priceIndexes.effective(municipality);
        List<InitiativeYearRow> stated = figures.initiativeYears(municipality, year);
        List<InitiativeYearRow> rows = stated.stream()
                .map(row -> PriceLevels.atLevel(row, index, year, level)).toList();
        Figures totals = new Figures("TOTAL", "I alt");
        Map<String, Figures> byArea = new TreeMap<>();
        Map<String, Figures> byType = new TreeMap<>();
        Map<Integer, Figures> byCatalogYear = new TreeMap<>();
        List<Underperformer> under = new ArrayList<>();
        for (InitiativeYearRow row : rows) {
            Rag rag = Figures.rag(row, thresholds);
            totals.add(row, rag);
            byArea.computeIfAbsent(row.areaCode(), code -> new Figures(code, row.areaName())).add(row, rag);
            byType.computeIfAbsent(row.type().name(), name -> new Figures(name, row.type().danish())).add(row, rag);
            byCatalogYear.computeIfAbsent(row.catalogYear(), y -> new Figures(Integer.toString(y), "Budget " + y))
                    .add(row, rag);
            if (rag == Rag.RED || rag == Rag.AMBER) {
                under.add(new Underperformer(row.initiativeId(), row.title(), row.areaCode(), row.type(),
                        row.catalogYear(), row.status(), row.expectedReported(), row.realised(),
                        Thresholds.ratio(row.realised(), row.expectedReported()), rag,
                        row.expectedReported() - row.realised(), row.gainsAtRisk()));
            }
        }
        under.sort(Comparator.comparingLong(Underperformer::shortfall).reversed()
                .thenComparing(Underperformer::ratio, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Underperformer::initiativeId));
        return new DashboardView(municipality, year, new PriceLevelView(level,
                PriceLevels.convertedFrom(stated, year, level)),
                new ThresholdsView(thresholds.greenPercent(),
                thresholds.amberPercent()), totals.view(), views(byArea), views(byType), views(byCatalogYear),
                under.subList(0, Math.min(underperformers, under.size())));
    }

    /** The dashboard as one table: the total, then one row per area, type and catalog year. */
    public CsvExport dashboardCsv(String municipality, int year, Integer priceLevelYear) {
        DashboardView dashboard = dashboard(municipality, year, priceLevelYear, 0);
        List<String> header = new ArrayList<>(List.of("Kommunekode", "År", "Dimension", "Nøgle", "Betegnelse"));
        header.addAll(Figures.CSV_HEADER);
        header.addAll(PriceLevels.CSV_HEADER);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(dashboard, "I alt", dashboard.totals()));
        dashboard.byArea().forEach(f -> rows.add(row(dashboard, "Område", f)));
        dashboard.byType().forEach(f -> rows.add(row(dashboard, "Type", f)));
        dashboard.byCatalogYear().forEach(f -> rows.add(row(dashboard, "Katalogår", f)));
        return new CsvExport("opfoelgning-" + municipality + "-" + year + ".csv", header, rows);
    }

    private static List<Object> row(DashboardView dashboard, String dimension, FiguresView figures) {
        List<Object> row = new ArrayList<>(List.of(dashboard.municipality(), dashboard.year(), dimension, figures.key(),
                figures.label()));
        row.addAll(Figures.csv(figures));
        row.addAll(PriceLevels.csv(dashboard.priceLevel().year(), dashboard.priceLevel().convertedFrom()));
        return row;
    }

    static <K> List<FiguresView> views(Map<K, Figures> groups) {
        return groups.values().stream().map(Figures::view).toList();
    }
}
