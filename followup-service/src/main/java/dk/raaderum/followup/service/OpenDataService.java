package dk.raaderum.followup.service;

import dk.raaderum.followup.config.FollowupConfig;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.FigureRepository;
import dk.raaderum.followup.repository.FigureRepository.OpenDataFilter;
import dk.raaderum.followup.repository.FigureRepository.OpenInitiativeYearRow;
import dk.raaderum.followup.service.FigureModels.OpenDataPage;
import dk.raaderum.followup.service.FigureModels.OpenDataQuery;
import dk.raaderum.followup.service.FigureModels.OpenInitiative;
import dk.raaderum.followup.service.FigureModels.OpenYear;
import dk.raaderum.followup.service.FigureModels.PriceLevelView;
import dk.raaderum.followup.service.FigureModels.RealisedGainsRow;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.text.KronerText;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Open data without login ("Aarhus i Tal"): realised gains of initiatives with at least one report, per
 * municipality, catalog year and area, and per initiative. Only reported periods count. Nothing personal is
 * published: no owner, no reporter, no narrative, barriers or opportunities (free text may name people).
 *
 * <p>Every amount is at one stated price level ({@link PriceLevels}): {@code priceLevelYear}, by default the year
 * filtered on, without one this year (Europe/Copenhagen). Expectations are converted from their initiatives' price
 * level, reports from the prices of their year, each municipality's with its own price index. Rows that cannot be
 * stated at the level ({@link PriceLevels.LeftOut}) are left out, and their municipality is named in
 * {@code priceLevel.notConverted} ({@code total} still counts them): one municipality never fails everyone's open data.
 */
@ApplicationScoped
public class OpenDataService {

    private final FigureRepository figures;
    private final PriceIndexReadModel priceIndexes;
    private final Clock clock;
    private final ZoneId zone;

    public OpenDataService(FigureRepository figures, PriceIndexReadModel priceIndexes, FollowupConfig config,
            Clock clock) {
        this.figures = figures;
        this.priceIndexes = priceIndexes;
        this.clock = clock;
        this.zone = config.zone();
    }

    public OpenDataPage<RealisedGainsRow> realisedGains(OpenDataQuery query, int page, int size) {
        OpenDataFilter filter = filter(query);
        Converter converter = converter(query);
        List<RealisedGainsRow> items = figures.realisedGains(filter, page * size, size).stream()
                .map(converter::row).filter(Objects::nonNull).toList();
        return new OpenDataPage<>(items, page, size, figures.countRealisedGains(filter), converter.view());
    }

    public CsvExport realisedGainsCsv(OpenDataQuery query) {
        Converter converter = converter(query);
        List<List<Object>> rows = new ArrayList<>();
        for (FigureRepository.RealisedGainsRow r : figures.realisedGains(filter(query), null, null)) {
            RealisedGainsRow row = converter.row(r);
            if (row == null) {
                continue;
            }
            List<Object> cells = new ArrayList<>(Arrays.asList(row.municipalityCode(), row.municipalityName(),
                    row.catalogYear(), row.areaCode(), row.areaName(), row.year(), row.initiatives(), row.expected(),
                    row.realised(), KronerText.percent(row.realisationRate()), row.realisedDocumented(),
                    row.realisedProbable(), row.realisedEstimate()));
            cells.addAll(PriceLevels.csv(converter.level, row.convertedFrom()));
            rows.add(cells);
        }
        List<String> header = new ArrayList<>(List.of("Kommunekode", "Kommune", "Katalogår", "Områdekode", "Område",
                "År", "Initiativer", "Forventet (kr.)", "Realiseret (kr.)", "Realiseringsgrad (%)",
                "Realiseret, dokumenteret (kr.)", "Realiseret, sandsynliggjort (kr.)", "Realiseret, skøn (kr.)"));
        header.addAll(PriceLevels.CSV_HEADER);
        return new CsvExport("realiserede-gevinster.csv", header, rows);
    }

    public OpenDataPage<OpenInitiative> initiatives(OpenDataQuery query, int page, int size) {
        OpenDataFilter filter = filter(query);
        Converter converter = converter(query);
        List<OpenInitiative> items = group(figures.openInitiatives(filter, page * size, size), converter);
        return new OpenDataPage<>(items, page, size, figures.countOpenInitiatives(filter), converter.view());
    }

    /** One row per initiative and reported year. */
    public CsvExport initiativesCsv(OpenDataQuery query) {
        Converter converter = converter(query);
        List<List<Object>> rows = new ArrayList<>();
        for (OpenInitiativeYearRow r : figures.openInitiatives(filter(query), null, null)) {
            OpenYear y = converter.year(r);
            if (y == null) {
                continue;
            }
            List<Object> cells = new ArrayList<>(Arrays.asList(r.initiativeId(), r.municipality(),
                    name(r.municipality()), r.catalogYear(), r.proposalNumber(), r.title(), r.type().danish(),
                    r.areaCode(), r.areaName(), r.status().danish(), r.year(), y.expected(), y.realised(),
                    KronerText.percent(y.realisationRate()), r.weakestEvidence().danish()));
            cells.addAll(PriceLevels.csv(converter.level, y.convertedFrom()));
            rows.add(cells);
        }
        List<String> header = new ArrayList<>(List.of("Initiativ-id", "Kommunekode", "Kommune", "Katalogår",
                "Forslagsnummer", "Titel", "Type", "Områdekode", "Område", "Status", "År", "Forventet (kr.)",
                "Realiseret (kr.)", "Realiseringsgrad (%)", "Svageste evidens"));
        header.addAll(PriceLevels.CSV_HEADER);
        return new CsvExport("gevinster-pr-initiativ.csv", header, rows);
    }

    private static List<OpenInitiative> group(List<OpenInitiativeYearRow> rows, Converter converter) {
        Map<Long, List<OpenInitiativeYearRow>> byInitiative = new LinkedHashMap<>();
        rows.forEach(r -> byInitiative.computeIfAbsent(r.initiativeId(), id -> new ArrayList<>()).add(r));
        List<OpenInitiative> initiatives = new ArrayList<>();
        for (List<OpenInitiativeYearRow> years : byInitiative.values()) {
            List<OpenYear> converted = years.stream().map(converter::year).toList();
            if (converted.contains(null)) {
                continue;
            }
            OpenInitiativeYearRow first = years.get(0);
            initiatives.add(new OpenInitiative(first.initiativeId(), first.municipality(), name(first.municipality()),
                    first.catalogYear(), first.proposalNumber(), first.title(), first.type(), first.areaCode(),
                    first.areaName(), first.status(), converted));
        }
        return initiatives;
    }

    /** The level: asked for, else the year filtered on (the dashboard's default), else this year. */
    private Converter converter(OpenDataQuery query) {
        int followedUp = query.year() != null ? query.year() : LocalDate.now(clock.withZone(zone)).getYear();
        return new Converter(PriceLevels.level(query.priceLevelYear(), followedUp));
    }

    private static OpenDataFilter filter(OpenDataQuery query) {
        String municipality = query.municipality();
        if (municipality != null && !Municipalities.exists(municipality)) {
            throw ProblemException.validation("municipality: '" + municipality + "' is not a municipality code",
                    List.of(new FieldError("municipality", "must be a 3-digit municipality code, e.g. 751")));
        }
        return new OpenDataFilter(municipality, query.catalogYear(), query.year());
    }

    private static String name(String code) {
        return Municipalities.byCode(code).map(Municipality::name).orElse(code);
    }

    /**
     * Converts the rows of one answer to its level, each municipality's with its own index, and collects the levels
     * converted from. Expected amounts are at their initiatives' price level, realised amounts at their year's prices.
     */
    private final class Converter {

        private final int level;
        private final Map<String, PriceIndex> indexes = new HashMap<>();
        private final TreeSet<Integer> convertedFrom = new TreeSet<>();
        private final PriceLevels.LeftOut leftOut = new PriceLevels.LeftOut();

        Converter(int level) {
            this.level = level;
        }

        /** The row at the level; null when it cannot be stated at it (noted in the view). */
        RealisedGainsRow row(FigureRepository.RealisedGainsRow r) {
            return leftOut.attempt(r.municipality(), () -> converted(r));
        }

        /** The initiative's year at the level; null as {@link #row}. */
        OpenYear year(OpenInitiativeYearRow r) {
            return leftOut.attempt(r.municipality(), () -> converted(r));
        }

        private RealisedGainsRow converted(FigureRepository.RealisedGainsRow r) {
            PriceIndex index = index(r.municipality());
            long expected = PriceLevels.convert(index, r.expected(), r.priceLevelYear(), level);
            long documented = PriceLevels.convert(index, r.realisedDocumented(), r.year(), level);
            long probable = PriceLevels.convert(index, r.realisedProbable(), r.year(), level);
            long estimate = PriceLevels.convert(index, r.realisedEstimate(), r.year(), level);
            // every reported period has an evidence level: the realised amount is the sum of the converted parts
            long realised = Math.addExact(documented, Math.addExact(probable, estimate));
            return new RealisedGainsRow(r.municipality(), name(r.municipality()), r.catalogYear(), r.areaCode(),
                    r.areaName(), r.year(), r.initiatives(), expected, realised, Thresholds.ratio(realised, expected),
                    documented, probable, estimate, from(r.priceLevelYear(), r.year()));
        }

        private OpenYear converted(OpenInitiativeYearRow r) {
            PriceIndex index = index(r.municipality());
            long expected = PriceLevels.convert(index, r.expected(), r.priceLevelYear(), level);
            long realised = PriceLevels.convert(index, r.realised(), r.year(), level);
            return new OpenYear(r.year(), expected, realised, Thresholds.ratio(realised, expected),
                    r.weakestEvidence(), from(r.priceLevelYear(), r.year()));
        }

        PriceLevelView view() {
            return new PriceLevelView(level, List.copyOf(convertedFrom), leftOut.list());
        }

        private PriceIndex index(String municipality) {
            return indexes.computeIfAbsent(municipality, priceIndexes::effective);
        }

        /** The levels a row's amounts were converted from; also collected for the answer's level. */
        private List<Integer> from(int expectedLevel, int reportedYear) {
            List<Integer> from = Stream.of(expectedLevel, reportedYear).filter(y -> y != level).distinct().sorted()
                    .toList();
            convertedFrom.addAll(from);
            return from;
        }
    }
}
