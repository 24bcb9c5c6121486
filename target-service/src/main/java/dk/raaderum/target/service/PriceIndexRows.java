package dk.raaderum.target.service;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.service.PriceIndexModels.YearIndexInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The municipality's own years of its price index, from JSON or CSV, all or none (422 {@code price-index-rows}, one
 * {@code errors[]} entry per problem). CSV: header {@code år;indeks} ({@code year;index} also accepted; other columns,
 * such as the export's {@code kilde} and {@code pl_pct}, are ignored), one line per year, the index with a decimal comma
 * or point ({@code 127,35}).
 */
final class PriceIndexRows {

    static final String RULE = "price-index-rows";

    private PriceIndexRows() {
    }

    static Map<Integer, BigDecimal> fromJson(List<YearIndexInput> years) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (int i = 0; i < years.size(); i++) {
            add(result, errors, "years[" + i + "]", years.get(i).year(), years.get(i).index());
        }
        return checked(result, errors);
    }

    static Map<Integer, BigDecimal> fromCsv(String csv) {
        List<CsvInput.Line> lines = CsvInput.parse(csv);
        Map<String, Integer> header = CsvInput.header(lines.get(0));
        Optional<Integer> year = CsvInput.column(header, "år", "aar", "year");
        Optional<Integer> index = CsvInput.column(header, "indeks", "index", "prisindeks", "plindeks");
        if (year.isEmpty() || index.isEmpty()) {
            throw ProblemException.ruleViolation(CsvInput.RULE_HEADER, "Line 1 must be the header år;indeks",
                    List.of(new FieldError("line 1", "expected the columns år and indeks")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            String at = "line " + line.number();
            String yearText = line.field(year.get());
            Optional<BigDecimal> value = CsvInput.decimal(line.field(index.get()));
            if (!yearText.matches("\\d{4}")) {
                errors.add(new FieldError(at + ".year", "row " + line.number() + ": '" + yearText + "' is not a year"));
            } else if (value.isEmpty()) {
                errors.add(new FieldError(at + ".index", "row " + line.number() + ": '" + line.field(index.get())
                        + "' is not an index (a positive decimal such as 127,35)"));
            } else {
                add(result, errors, at, Integer.parseInt(yearText), value.get());
            }
        }
        return checked(result, errors);
    }

    private static void add(Map<Integer, BigDecimal> result, List<FieldError> errors, String at, int year,
            BigDecimal index) {
        if (!PriceIndex.validYear(year)) {
            errors.add(new FieldError(at + ".year", year + " is outside " + PriceIndex.MIN_YEAR + "–" + PriceIndex.MAX_YEAR));
        } else if (!PriceIndex.validIndex(index)) {
            errors.add(new FieldError(at + ".index", year + ": " + index.toPlainString() + " is not an index (positive,"
                    + " below " + PriceIndex.MAX_INDEX.toPlainString() + ", at most " + PriceIndex.MAX_DECIMALS
                    + " decimals)"));
        } else if (result.putIfAbsent(year, index) != null) {
            errors.add(new FieldError(at + ".year", year + " is given twice"));
        }
    }

    private static Map<Integer, BigDecimal> checked(Map<Integer, BigDecimal> result, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE, errors.size() + " problem(s) in the price index; nothing was"
                    + " changed. " + errors.get(0).message(), errors);
        }
        if (result.size() > PriceIndexModels.MAX_YEARS) {
            throw ProblemException.ruleViolation(RULE, "At most " + PriceIndexModels.MAX_YEARS + " years");
        }
        return result;
    }
}
