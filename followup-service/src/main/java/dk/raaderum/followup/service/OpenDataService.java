package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.FigureRepository;
import dk.raaderum.followup.repository.FigureRepository.OpenDataFilter;
import dk.raaderum.followup.repository.FigureRepository.OpenInitiativeYearRow;
import dk.raaderum.followup.service.FigureModels.OpenInitiative;
import dk.raaderum.followup.service.FigureModels.OpenYear;
import dk.raaderum.followup.service.FigureModels.RealisedGainsRow;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open data without login ("Aarhus i Tal"): realised gains of initiatives with at least one report, per
 * municipality, catalog year and area, and per initiative. Only reported periods count. Nothing personal is
 * published: no owner, no reporter, no narrative, barriers or opportunities (free text may name people).
 */
@ApplicationScoped
public class OpenDataService {

    private final FigureRepository figures;

    public OpenDataService(FigureRepository figures) {
        this.figures = figures;
    }

    public PageOf<RealisedGainsRow> realisedGains(String municipality, Integer catalogYear, Integer year, int page,
            int size) {
        OpenDataFilter filter = filter(municipality, catalogYear, year);
        List<RealisedGainsRow> items = figures.realisedGains(filter, page * size, size).stream()
                .map(OpenDataService::row).toList();
        return new PageOf<>(items, page, size, figures.countRealisedGains(filter));
    }

    public CsvExport realisedGainsCsv(String municipality, Integer catalogYear, Integer year) {
        List<List<Object>> rows = new ArrayList<>();
        for (FigureRepository.RealisedGainsRow r : figures.realisedGains(filter(municipality, catalogYear, year), null, null)) {
            RealisedGainsRow row = row(r);
            rows.add(Arrays.asList(row.municipalityCode(), row.municipalityName(), row.catalogYear(), row.areaCode(),
                    row.areaName(), row.year(), row.initiatives(), row.expected(), row.realised(),
                    Kroner.percent(row.realisationRate()), row.realisedDocumented(), row.realisedProbable(),
                    row.realisedEstimate()));
        }
        return new CsvExport("realiserede-gevinster.csv", List.of("Kommunekode", "Kommune", "Katalogår",
                "Områdekode", "Område", "År", "Initiativer", "Forventet (kr.)", "Realiseret (kr.)", "Realiseringsgrad (%)",
                "Realiseret, dokumenteret (kr.)", "Realiseret, sandsynliggjort (kr.)", "Realiseret, skøn (kr.)"), rows);
    }

    public PageOf<OpenInitiative> initiatives(String municipality, Integer catalogYear, Integer year, int page, int size) {
        OpenDataFilter filter = filter(municipality, catalogYear, year);
        List<OpenInitiative> items = group(figures.openInitiatives(filter, page * size, size));
        return new PageOf<>(items, page, size, figures.countOpenInitiatives(filter));
    }

    /** One row per initiative and reported year. */
    public CsvExport initiativesCsv(String municipality, Integer catalogYear, Integer year) {
        List<List<Object>> rows = new ArrayList<>();
        for (OpenInitiativeYearRow r : figures.openInitiatives(filter(municipality, catalogYear, year), null, null)) {
            rows.add(Arrays.asList(r.initiativeId(), r.municipality(), name(r.municipality()), r.catalogYear(),
                    r.proposalNumber(), r.title(), r.type().danish(), r.areaCode(), r.areaName(), r.status().danish(),
                    r.year(), r.expected(), r.realised(), Kroner.percent(Thresholds.ratio(r.realised(), r.expected())),
                    r.weakestEvidence().danish()));
        }
        return new CsvExport("gevinster-pr-initiativ.csv", List.of("Initiativ-id", "Kommunekode", "Kommune",
                "Katalogår", "Forslagsnummer", "Titel", "Type", "Områdekode", "Område", "Status", "År", "Forventet (kr.)",
                "Realiseret (kr.)", "Realiseringsgrad (%)", "Svageste evidens"), rows);
    }

    private static List<OpenInitiative> group(List<OpenInitiativeYearRow> rows) {
        Map<Long, List<OpenInitiativeYearRow>> byInitiative = new LinkedHashMap<>();
        rows.forEach(r -> byInitiative.computeIfAbsent(r.initiativeId(), id -> new ArrayList<>()).add(r));
        return byInitiative.values().stream().map(years -> {
            OpenInitiativeYearRow first = years.get(0);
            return new OpenInitiative(first.initiativeId(), first.municipality(), name(first.municipality()),
                    first.catalogYear(), first.proposalNumber(), first.title(), first.type(), first.areaCode(),
                    first.areaName(), first.status(), years.stream().map(y -> new OpenYear(y.year(), y.expected(),
                            y.realised(), Thresholds.ratio(y.realised(), y.expected()), y.weakestEvidence())).toList());
        }).toList();
    }

    private static RealisedGainsRow row(FigureRepository.RealisedGainsRow r) {
        return new RealisedGainsRow(r.municipality(), name(r.municipality()), r.catalogYear(), r.areaCode(), r.areaName(),
                r.year(), r.initiatives(), r.expected(), r.realised(), Thresholds.ratio(r.realised(), r.expected()),
                r.realisedDocumented(), r.realisedProbable(), r.realisedEstimate());
    }

    private static OpenDataFilter filter(String municipality, Integer catalogYear, Integer year) {
        if (municipality != null && !Municipalities.exists(municipality)) {
            throw ProblemException.validation("municipality: '" + municipality + "' is not a municipality code",
                    List.of(new FieldError("municipality", "must be a 3-digit municipality code, e.g. 751")));
        }
        return new OpenDataFilter(municipality, catalogYear, year);
    }

    private static String name(String code) {
        return Municipalities.byCode(code).map(Municipality::name).orElse(code);
    }
}
