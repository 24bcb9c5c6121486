package dk.raaderum.ideabank.service.demo;

import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.service.demo.DemoTemplates.Template;
import dk.raaderum.ideabank.service.io.IdeaColumn;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KL review files as large as a benchmark needs: CSV in the import's columns, rows made from the demo templates for
 * all 98 municipalities and B19–B30, each with a sentence of its own so that no two descriptions are the same.
 */
public final class ReviewFiles {

    private static final List<IdeaColumn> COLUMNS = List.of(IdeaColumn.MUNICIPALITY, IdeaColumn.BUDGET_YEAR,
            IdeaColumn.NUMBER, IdeaColumn.TITLE, IdeaColumn.SUMMARY, IdeaColumn.DESCRIPTION, IdeaColumn.TYPE,
            IdeaColumn.RATIONALE, IdeaColumn.REDUCES_SERVICE, IdeaColumn.AREA, IdeaColumn.TAGS, IdeaColumn.PRICE_LEVEL,
            IdeaColumn.YEAR_1, IdeaColumn.YEAR_2, IdeaColumn.YEAR_3, IdeaColumn.YEAR_4, IdeaColumn.INVESTMENT,
            IdeaColumn.PAYBACK, IdeaColumn.CONSEQUENCES, IdeaColumn.CONTACT_ROLE);
    private static final String[] PLACES = { "i den nordlige del af kommunen", "på tværs af distrikterne",
            "i samarbejde med nabokommunerne", "med trinvis indfasning", "i to pilotområder", "for hele kommunen" };

    private ReviewFiles() {
    }

    /** A CSV file of {@code rows} rows numbered from {@code firstNumber}. */
    public static Path csv(Path dir, int rows, int firstNumber, long seed) {
        List<Template> templates = DemoTemplates.load();
        List<Municipality> municipalities = new ArrayList<>(Municipalities.all());
        Random random = new Random(seed);
        Path file = dir.resolve("review-" + firstNumber + "-" + rows + ".csv");
        try (OutputStream out = Files.newOutputStream(file); CsvWriter csv = CsvWriter.to(out)) {
            csv.row(COLUMNS.stream().map(IdeaColumn::header).toList());
            for (int i = 0; i < rows; i++) {
                Template t = templates.get(random.nextInt(templates.size()));
                Municipality m = municipalities.get(random.nextInt(municipalities.size()));
                int year = 2019 + random.nextInt(12);
                String place = PLACES[random.nextInt(PLACES.length)];
                IdeaContent c = DemoIdeas.content(t, year, "R-" + (firstNumber + i), random);
                csv.row(COLUMNS.stream().map(column -> cell(column, c, m, place)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Object cell(IdeaColumn column, IdeaContent c, Municipality m, String place) {
        Map<Integer, Long> amounts = c.amounts().stream().collect(Collectors.toMap(YearAmount::year, YearAmount::amount));
        Function<Integer, Long> year = offset -> amounts.get(c.budgetYear() + offset);
        return switch (column) {
            case MUNICIPALITY -> m.code();
            case BUDGET_YEAR -> c.budgetYear();
            case NUMBER -> c.sourceKey();
            case TITLE -> c.title();
            case SUMMARY -> c.summary();
            case DESCRIPTION -> c.description() + " I " + m.name() + " gennemføres forslaget " + place + ".";
            case TYPE -> c.type().danish();
            case RATIONALE -> c.classificationRationale();
            case REDUCES_SERVICE -> c.reducesService() ? "ja" : "nej";
            case AREA -> c.areaCode();
            case TAGS -> String.join(", ", c.tags());
            case PRICE_LEVEL -> c.priceLevelYear();
            case YEAR_1 -> year.apply(0);
            case YEAR_2 -> year.apply(1);
            case YEAR_3 -> year.apply(2);
            case YEAR_4 -> year.apply(3);
            case INVESTMENT -> c.investmentCost();
            case PAYBACK -> c.paybackYears() == null ? null : CsvWriter.decimal(c.paybackYears());
            case CONSEQUENCES -> c.consequences();
            case CONTACT_ROLE -> c.contactRole();
            default -> throw new IllegalArgumentException(column.name());
        };
    }
}
