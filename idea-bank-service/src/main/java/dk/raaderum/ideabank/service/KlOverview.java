package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.OverviewRepository;
import dk.raaderum.ideabank.repository.OverviewRepository.Dimension;
import dk.raaderum.ideabank.repository.OverviewRepository.Group;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.CsvWriter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * KL's overview of the idea bank: per policy area, type, budget year or municipality, how many ideas, how many
 * municipalities contributed (members of families included, so no municipality loses credit), how many state
 * amounts, and the total yearly amounts of years 1–4 (each idea's budget year is its year 1; negative is room).
 */
@ApplicationScoped
public class KlOverview {

    @Schema(description = "One group of ideas")
    public record Row(String key, String label, long ideas, long municipalities, long ideasWithAmounts,
            List<Long> yearTotals) {
    }

    @Schema(description = "The ideas grouped, with the national total")
    public record Overview(String by, List<IdeaStatus> statuses, List<Row> rows, Row total) {
    }

    private static final List<String> AMOUNT_HEADERS = List.of("År 1 (kr.)", "År 2 (kr.)", "År 3 (kr.)", "År 4 (kr.)");

    private final OverviewRepository repository;

    public KlOverview(OverviewRepository repository) {
        this.repository = repository;
    }

    public Overview overview(Dimension by, Set<IdeaStatus> statuses) {
        List<Row> rows = new ArrayList<>();
        long ideas = 0;
        long withAmounts = 0;
        long[] totals = new long[4];
        for (Group group : repository.groups(by, statuses).values()) {
            rows.add(new Row(group.key(), label(by, group.key()), group.ideas(), group.municipalities(), group.withAmounts(),
                    Arrays.stream(group.yearTotals()).boxed().toList()));
            ideas += group.ideas();
            withAmounts += group.withAmounts();
            for (int i = 0; i < totals.length; i++) {
                totals[i] += group.yearTotals()[i];
            }
        }
        Row total = new Row("total", "I alt", ideas, repository.municipalities(statuses), withAmounts,
                Arrays.stream(totals).boxed().toList());
        return new Overview(by.name(), statuses.stream().sorted().toList(), rows, total);
    }

    public void csv(Overview overview, OutputStream out) {
        try (CsvWriter csv = CsvWriter.to(out)) {
            write(overview, csv::row, csv::row);
        }
    }

    public void xlsx(Overview overview, OutputStream out) {
        try (XlsxWriter xlsx = XlsxWriter.to(out, "Overblik")) {
            write(overview, xlsx::header, xlsx::row);
            xlsx.freeze(2, 1);
        }
    }

    private static void write(Overview overview, Consumer<List<String>> header, Consumer<List<?>> row) {
        List<String> names = new ArrayList<>(List.of("Nøgle", "Betegnelse", "Idéer", "Kommuner", "Idéer med beløb"));
        names.addAll(AMOUNT_HEADERS);
        header.accept(names);
        for (Row r : overview.rows()) {
            row.accept(cells(r));
        }
        row.accept(cells(overview.total()));
    }

    private static List<Object> cells(Row r) {
        List<Object> cells = new ArrayList<>(List.of(r.key(), r.label(), r.ideas(), r.municipalities(),
                r.ideasWithAmounts()));
        cells.addAll(r.yearTotals());
        return cells;
    }

    private static String label(Dimension by, String key) {
        return switch (by) {
            case AREA -> PolicyAreas.byCode(key).map(a -> a.name()).orElse(key);
            case TYPE -> ProposalType.valueOf(key).danish();
            case BUDGET_YEAR -> IdeaViews.budgetLabel(Integer.parseInt(key));
            case MUNICIPALITY -> IdeaViews.municipality(key).name();
        };
    }
}
