package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.UptakeRepository;
import dk.raaderum.ideabank.repository.UptakeRepository.Grouping;
import dk.raaderum.ideabank.repository.UptakeRepository.Spread;
import dk.raaderum.ideabank.repository.UptakeRepository.UptakeGroup;
import dk.raaderum.ideabank.service.IdeaModels.AreaView;
import dk.raaderum.ideabank.service.IdeaModels.MunicipalityView;
import dk.raaderum.platform.spreadsheet.XlsxWriter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * KL's view of the idea loop: per policy area or idea family how many published ideas were taken up (copied into a
 * catalog), adopted and realised, with the kroner; and the yearly spread report (the ideas that travelled to the most
 * municipalities in a budget year), as JSON and XLSX.
 */
@ApplicationScoped
public class UptakeReports {

    /** The most ideas a spread report lists. */
    public static final int SPREAD_MAX = 100;

    @Schema(description = "One group of published ideas and what became of them")
    public record UptakeRow(String key, String label, long ideas, long takenUp, long adopted, long realised,
            @Schema(description = "Municipalities that adopted one of the group's ideas") long municipalitiesAdopting,
            @Schema(description = "Expected gains of their initiatives, whole kroner") long expectedKroner,
            @Schema(description = "Realised gains of their initiatives, whole kroner") long realisedKroner) {
    }

    @Schema(description = "The idea loop per policy area or idea family")
    public record Uptake(String by, List<UptakeRow> rows) {
    }

    @Schema(description = "An idea that travelled: the municipalities that took it into their catalogs of the year")
    public record SpreadRow(int rank, long ideaId, String title, AreaView area, MunicipalityView sourceMunicipality,
            long municipalities, long presented, long adopted, List<MunicipalityView> takenUpBy) {
    }

    @Schema(description = "The ideas that travelled to the most municipalities in a budget year, most first")
    public record SpreadReport(int budgetYear, List<SpreadRow> ideas) {
    }

    private final UptakeRepository repository;

    public UptakeReports(UptakeRepository repository) {
        this.repository = repository;
    }

    public Uptake uptake(Grouping by) {
        return new Uptake(by.name(), repository.groups(by).stream().map(g -> new UptakeRow(g.key(), label(by, g),
                g.ideas(), g.takenUp(), g.adopted(), g.realised(), g.municipalitiesAdopting(), g.expected(),
                g.realisedKroner())).toList());
    }

    public SpreadReport spread(int budgetYear) {
        List<SpreadRow> rows = new ArrayList<>();
        for (Spread s : repository.spread(budgetYear, SPREAD_MAX)) {
            rows.add(new SpreadRow(rows.size() + 1, s.ideaId(), s.title(), IdeaViews.area(s.areaCode()),
                    IdeaViews.municipality(s.sourceMunicipality()), s.municipalities(), s.presented(), s.adopted(),
                    s.municipalityCodes().stream().map(IdeaViews::municipality).toList()));
        }
        return new SpreadReport(budgetYear, rows);
    }

    public void xlsx(Uptake uptake, OutputStream out) {
        try (XlsxWriter xlsx = XlsxWriter.to(out, "Udbredelse")) {
            xlsx.header(List.of("Nøgle", "Betegnelse", "Idéer", "Taget op", "Vedtaget", "Realiseret",
                    "Kommuner der vedtog", "Forventet gevinst (kr.)", "Realiseret gevinst (kr.)"));
            uptake.rows().forEach(r -> xlsx.row(r.key(), r.label(), r.ideas(), r.takenUp(), r.adopted(), r.realised(),
                    r.municipalitiesAdopting(), r.expectedKroner(), r.realisedKroner()));
            xlsx.freeze(2, 1);
        }
    }

    public void xlsx(SpreadReport report, OutputStream out) {
        try (XlsxWriter xlsx = XlsxWriter.to(out, "Spredning " + IdeaViews.budgetLabel(report.budgetYear()))) {
            xlsx.header(List.of("Placering", "Idé", "Titel", "Politikområde", "Kilde", "Kommuner", "Forelagt",
                    "Vedtaget", "Taget op af"));
            report.ideas().forEach(r -> xlsx.row(r.rank(), r.ideaId(), r.title(), r.area().name(),
                    r.sourceMunicipality().name(), r.municipalities(), r.presented(), r.adopted(),
                    String.join(", ", r.takenUpBy().stream().map(MunicipalityView::name).toList())));
            xlsx.freeze(3, 1);
        }
    }

    private static String label(Grouping by, UptakeGroup group) {
        return switch (by) {
            case AREA -> PolicyAreas.byCode(group.key()).map(a -> a.name()).orElse(group.key());
            case FAMILY -> group.primaryTitle() == null ? group.key() : group.primaryTitle();
        };
    }
}
