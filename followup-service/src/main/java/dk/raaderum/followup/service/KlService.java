package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.FigureRepository.InitiativeYearRow;
import dk.raaderum.followup.repository.FigureRepository;
import dk.raaderum.followup.service.FigureModels.FiguresView;
import dk.raaderum.followup.service.FigureModels.KlOverview;
import dk.raaderum.followup.service.FigureModels.PriceLevelView;
import dk.raaderum.platform.events.MainAccounts;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KL's aggregated view across municipalities for one year: national totals, per municipality, per proposal type and
 * per main account (hovedkonto; area codes are each municipality's own). Each municipality's initiatives are rated
 * by its own thresholds. Every amount is at one stated price level ({@link PriceLevels}, the dashboard's rule and
 * default), each municipality's rows converted with its own price index. No initiative, owner or text leaves this
 * service this way.
 */
@ApplicationScoped
public class KlService {

    private final FigureRepository figures;
    private final SettingsService settings;
    private final PriceIndexReadModel priceIndexes;

    public KlService(FigureRepository figures, SettingsService settings, PriceIndexReadModel priceIndexes) {
        this.figures = figures;
        this.settings = settings;
        this.priceIndexes = priceIndexes;
    }

    /**
     * @param priceLevelYear the price level of every amount; null = the year followed up. A municipality whose amounts
     *        cannot be stated at it ({@link PriceLevels.LeftOut}) is left out whole and named in
     *        {@code priceLevel.notConverted}.
     */
    public KlOverview overview(int year, Integer priceLevelYear) {
        Map<String, Thresholds> saved = settings.savedThresholds();
        Thresholds defaults = settings.defaultThresholds();
        int level = PriceLevels.level(priceLevelYear, year);
        Map<String, List<InitiativeYearRow>> stated = new TreeMap<>();
        figures.initiativeYears(null, year).forEach(row -> stated.computeIfAbsent(row.municipality(),
                code -> new ArrayList<>()).add(row));
        PriceLevels.LeftOut leftOut = new PriceLevels.LeftOut();
        List<InitiativeYearRow> included = new ArrayList<>();
        Figures national = new Figures("DK", "Alle kommuner");
        Map<String, Figures> byMunicipality = new TreeMap<>();
        Map<String, Figures> byType = new TreeMap<>();
        Map<Integer, Figures> byMainAccount = new TreeMap<>();
        stated.forEach((municipality, rows) -> {
            PriceIndex index = priceIndexes.effective(municipality);
            List<InitiativeYearRow> converted = leftOut.attempt(municipality,
                    () -> rows.stream().map(row -> PriceLevels.atLevel(row, index, year, level)).toList());
            if (converted == null) {
                return;
            }
            included.addAll(rows);
            Thresholds thresholds = saved.getOrDefault(municipality, defaults);
            for (InitiativeYearRow row : converted) {
                Rag rag = Figures.rag(row, thresholds);
                national.add(row, rag);
                byMunicipality.computeIfAbsent(municipality, code -> new Figures(code,
                        Municipalities.byCode(code).map(Municipality::name).orElse(code))).add(row, rag);
                byType.computeIfAbsent(row.type().name(), name -> new Figures(name, row.type().danish())).add(row, rag);
                byMainAccount.computeIfAbsent(row.mainAccount(), account -> new Figures(Integer.toString(account),
                        MainAccounts.name(account))).add(row, rag);
            }
        });
        return new KlOverview(year, new PriceLevelView(level, PriceLevels.convertedFrom(included, year, level),
                leftOut.list()), national.view(), DashboardService.views(byMunicipality),
                DashboardService.views(byType), DashboardService.views(byMainAccount));
    }

    /** One row per municipality with initiatives in the year, then the national total. */
    public CsvExport overviewCsv(int year, Integer priceLevelYear) {
        KlOverview overview = overview(year, priceLevelYear);
        List<String> header = new ArrayList<>(List.of("År", "Kommunekode", "Kommune"));
        header.addAll(Figures.CSV_HEADER);
        header.addAll(PriceLevels.CSV_HEADER);
        List<List<Object>> rows = new ArrayList<>();
        for (FiguresView f : overview.municipalities()) {
            rows.add(row(overview, f));
        }
        rows.add(row(overview, overview.national()));
        return new CsvExport("kl-gevinstopfoelgning-" + year + ".csv", header, rows);
    }

    private static List<Object> row(KlOverview overview, FiguresView f) {
        List<Object> row = new ArrayList<>(List.of(overview.year(), f.key(), f.label()));
        row.addAll(Figures.csv(f));
        row.addAll(PriceLevels.csv(overview.priceLevel().year(), overview.priceLevel().convertedFrom()));
        return row;
    }
}
