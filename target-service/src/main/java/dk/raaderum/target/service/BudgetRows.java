package dk.raaderum.target.service;

import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.validation.Kroner;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.domain.Horizon;
import dk.raaderum.target.service.BudgetModels.AmountRow;
import dk.raaderum.target.service.BudgetModels.AreaRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks the rows of a base budget import, JSON or CSV, by the same rules. Every bad row is reported (with
 * its row number: the 1-based position in {@code areas} for JSON, the line of the file for CSV) and nothing is
 * imported unless every row is good.
 *
 * <p>CSV: a header line, then one line per area. Columns by header name, in any order: {@code kode} (or
 * {@code code}), {@code navn} ({@code name}), {@code hovedkonto} ({@code mainAccount}), {@code udvalg}
 * ({@code committee}), and one column per year of the horizon named by the year ({@code 2027;2028;2029;2030}).
 * Other columns are ignored. Amounts in whole kroner, {@code 1234567} or {@code 1.234.567}.
 */
final class BudgetRows {

    /**
     * 422 rule: a base budget has 1 to BudgetModels.MAX_AREAS valid area rows; one bad row refuses the whole import.
     */
    public static final String RULE_BUDGET_ROWS = "budget-rows";

    static final Pattern AREA_CODE = Pattern.compile("[A-ZÆØÅ0-9]{2,10}");

    private BudgetRows() {
    }

    /**
     * A checked row.
     *
     * @param at where the row stands in the import ({@code areas[2]}, {@code line 4}); null for rows made in code
     * @param number the row number the import's problems name (0 for rows made in code)
     */
    record Row(String code, String name, int mainAccount, String committee, Map<Integer, Long> amounts, String at,
            int number) {

        Row(String code, String name, int mainAccount, String committee, Map<Integer, Long> amounts) {
            this(code, name, mainAccount, committee, amounts, null, 0);
        }
    }

    /** A row as read from JSON or CSV, not yet checked. */
    private record Candidate(int number, String at, String code, String name, Integer mainAccount, String committee,
            Map<Integer, Long> amounts) {

        /** How the row's problems begin: {@code row 3 (ÆLD): }. */
        String prefix() {
            return "row " + number + (code == null ? "" : " (" + code + ")") + ": ";
        }
    }

    /** The import so far: the budget's years, the area codes seen (with their row), the problems and the good rows. */
    private record Import(List<Integer> years, Map<String, Integer> seen, List<FieldError> errors, List<Row> rows) {

        Import(List<Integer> years) {
            this(years, new HashMap<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * The columns of a CSV import.
     *
     * @param years column per year of the horizon
     */
    private record CsvColumns(int code, int name, int mainAccount, int committee, Map<Integer, Integer> years) {

        /** The columns named by the header line; 422 {@code csv-header} when one is missing or a year is not ours. */
        static CsvColumns of(CsvInput.Line headerLine, List<Integer> years) {
            Map<String, Integer> header = CsvInput.header(headerLine);
            Optional<Integer> code = CsvInput.column(header, "kode", "code", "områdekode", "areaCode");
            Optional<Integer> name = CsvInput.column(header, "navn", "name", "områdenavn", "areaName");
            Optional<Integer> mainAccount = CsvInput.column(header, "hovedkonto", "mainAccount");
            Optional<Integer> committee = CsvInput.column(header, "udvalg", "committee");
            Map<Integer, Integer> yearColumns = new LinkedHashMap<>();
            List<String> unknownYears = new ArrayList<>();
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                if (column.getKey().matches("\\d{4}")) {
                    int year = Integer.parseInt(column.getKey());
                    if (years.contains(year)) {
                        yearColumns.put(year, column.getValue());
                    } else {
                        unknownYears.add(column.getKey());
                    }
                }
            }
            List<FieldError> headerErrors = new ArrayList<>();
            if (code.isEmpty() || name.isEmpty() || mainAccount.isEmpty() || committee.isEmpty()) {
                headerErrors.add(new FieldError("line 1", "the header needs the columns kode;navn;hovedkonto;udvalg"));
            }
            if (!unknownYears.isEmpty() || yearColumns.size() != years.size()) {
                headerErrors.add(new FieldError("line 1", "the header needs exactly the year columns " + years
                        + (unknownYears.isEmpty() ? "" : " (not " + unknownYears + ")")));
            }
            if (!headerErrors.isEmpty()) {
                throw ProblemException.ruleViolation(CsvInput.RULE_HEADER, "Line 1 must be the header"
                        + " kode;navn;hovedkonto;udvalg;"
                        + String.join(";", years.stream().map(String::valueOf).toList()), headerErrors);
            }
            return new CsvColumns(code.get(), name.get(), mainAccount.get(), committee.get(), yearColumns);
        }
    }

    static List<Row> fromJson(int budgetYear, List<AreaRow> areas) {
        List<Integer> years = Horizon.of(budgetYear);
        Import into = new Import(years);
        List<FieldError> errors = into.errors();
        if (areas.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_BUDGET_ROWS, "A base budget needs at least one area",
                    List.of(new FieldError("areas", "must not be empty")));
        }
        for (int i = 0; i < areas.size(); i++) {
            AreaRow area = areas.get(i);
            String at = "areas[" + i + "]";
            int rowNumber = i + 1;
            if (area == null) {
                errors.add(new FieldError(at, "row " + rowNumber + ": missing"));
                continue;
            }
            Map<Integer, Long> amounts = new LinkedHashMap<>();
            if (area.amounts() == null) {
                errors.add(new FieldError(at + ".amounts", "row " + rowNumber + ": the amounts of " + years
                        + " are missing"));
            } else {
                for (int k = 0; k < area.amounts().size(); k++) {
                    AmountRow amount = area.amounts().get(k);
                    String field = at + ".amounts[" + k + "]";
                    if (amount == null || amount.year() == null || amount.amount() == null) {
                        errors.add(new FieldError(field, "row " + rowNumber + ": give both year and amount"));
                    } else if (!YearAmount.withinBound(amount.amount())) {
                        errors.add(new FieldError(field + ".amount", "row " + rowNumber + ": " + Kroner.MESSAGE));
                    } else if (!years.contains(amount.year())) {
                        errors.add(new FieldError(field + ".year", "row " + rowNumber + ": " + amount.year()
                                + " is not one of the budget's years " + years));
                    } else if (amounts.put(amount.year(), amount.amount()) != null) {
                        errors.add(new FieldError(field + ".year", "row " + rowNumber + ": " + amount.year()
                                + " is given twice"));
                    }
                }
            }
            check(new Candidate(rowNumber, at, area.code(), area.name(), area.mainAccount(), area.committee(), amounts),
                    into);
        }
        return done(into);
    }

    static List<Row> fromCsv(int budgetYear, String csv) {
        List<Integer> years = Horizon.of(budgetYear);
        List<CsvInput.Line> lines = CsvInput.parse(csv);
        CsvColumns columns = CsvColumns.of(lines.get(0), years);
        Import into = new Import(years);
        if (lines.size() == 1) {
            throw ProblemException.ruleViolation(RULE_BUDGET_ROWS, "The file has a header but no areas",
                    List.of(new FieldError("line 2", "no area lines")));
        }
        if (lines.size() - 1 > BudgetModels.MAX_AREAS) {
            throw ProblemException.ruleViolation(RULE_BUDGET_ROWS, "A base budget has at most " + BudgetModels.MAX_AREAS
                    + " areas; the file has " + (lines.size() - 1));
        }
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            check(candidate(line, columns, into.errors()), into);
        }
        return done(into);
    }

    /** One CSV line as a row; unreadable amounts and main accounts are reported here (the account then is -1). */
    private static Candidate candidate(CsvInput.Line line, CsvColumns columns, List<FieldError> errors) {
        String at = "line " + line.number();
        Map<Integer, Long> amounts = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> year : columns.years().entrySet()) {
            String text = line.field(year.getValue());
            Optional<Long> amount = CsvInput.wholeKroner(text);
            if (amount.isEmpty()) {
                errors.add(new FieldError(at + "." + year.getKey(), "row " + line.number() + ": '" + text
                        + "' is not an amount in whole kroner (e.g. 612000000 or 612.000.000)"));
            } else {
                amounts.put(year.getKey(), amount.get());
            }
        }
        String mainAccountText = line.field(columns.mainAccount());
        Integer account = mainAccountText.matches("\\d{1,2}") ? Integer.valueOf(mainAccountText) : null;
        if (account == null && !mainAccountText.isEmpty()) {
            errors.add(new FieldError(at + ".mainAccount", "row " + line.number() + ": '" + mainAccountText
                    + "' is not a main account 0–6"));
            account = -1;
        }
        return new Candidate(line.number(), at, blankToNull(line.field(columns.code())),
                blankToNull(line.field(columns.name())), account, blankToNull(line.field(columns.committee())),
                amounts);
    }

    /** Checks a row; a good one joins the import's rows, a bad one adds its problems. */
    private static void check(Candidate row, Import into) {
        List<FieldError> errors = into.errors();
        int before = errors.size();
        String prefix = row.prefix();
        checkCode(row, prefix, into);
        checkText(errors, row.at() + ".name", prefix, "the name", row.name());
        checkMainAccount(errors, row.at(), prefix, row.mainAccount());
        checkText(errors, row.at() + ".committee", prefix, "the committee", row.committee());
        checkAmounts(row, prefix, into);
        if (errors.size() == before) {
            into.rows().add(new Row(row.code(), row.name().strip(), row.mainAccount(), row.committee().strip(),
                    row.amounts(), row.at(), row.number()));
        }
    }

    private static void checkCode(Candidate row, String prefix, Import into) {
        String code = row.code();
        String field = row.at() + ".code";
        if (code == null || code.isBlank()) {
            into.errors().add(new FieldError(field, prefix + "the area code is missing"));
        } else if (!AREA_CODE.matcher(code).matches()) {
            into.errors().add(new FieldError(field, prefix
                    + "the area code must be 2–10 capital letters or digits, e.g. ÆLD"));
        } else {
            Integer first = into.seen().putIfAbsent(code, row.number());
            if (first != null) {
                into.errors().add(new FieldError(field, prefix + "area " + code + " is already in row " + first));
            }
        }
    }

    /** A name or committee: present and at most 200 characters. */
    private static void checkText(List<FieldError> errors, String field, String prefix, String what, String text) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, prefix + what + " is missing"));
        } else if (text.length() > 200) {
            errors.add(new FieldError(field, prefix + what + " is longer than 200 characters"));
        }
    }

    /** -1: an unreadable main account, already reported. */
    private static void checkMainAccount(List<FieldError> errors, String at, String prefix, Integer mainAccount) {
        if (mainAccount == null) {
            errors.add(new FieldError(at + ".mainAccount", prefix + "the main account (hovedkonto 0–6) is missing"));
        } else if (mainAccount < 0 || mainAccount > 6) {
            if (mainAccount != -1) {
                errors.add(new FieldError(at + ".mainAccount", prefix + "the main account must be 0–6, not "
                        + mainAccount));
            }
        }
    }

    /** Every year of the horizon has an amount of 0 or more; years already reported unreadable are not missing too. */
    private static void checkAmounts(Candidate row, String prefix, Import into) {
        String at = row.at();
        List<FieldError> errors = into.errors();
        List<Integer> missing = new ArrayList<>();
        for (int year : into.years()) {
            Long amount = row.amounts().get(year);
            boolean reported = errors.stream()
                    .anyMatch(e -> e.field().startsWith(at + ".amounts") || e.field().equals(at + "." + year));
            if (amount == null) {
                if (!reported) {
                    missing.add(year);
                }
            } else if (amount < 0) {
                errors.add(new FieldError(at + ".amounts", prefix + "the amount of " + year + " is negative ("
                        + amount + "); an operating budget is 0 or more"));
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new FieldError(at + ".amounts", prefix + "the amount of " + missing.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElseThrow() + " is missing"));
        }
    }

    private static List<Row> done(Import into) {
        List<FieldError> errors = into.errors();
        if (!errors.isEmpty()) {
            long badRows = errors.stream().map(e -> e.field().split("\\.")[0]).distinct().count();
            throw ProblemException.ruleViolation(RULE_BUDGET_ROWS,
                    badRows + " row(s) of the import are not valid; nothing"
                    + " was imported. " + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                            + " more, see errors)" : ""), errors);
        }
        return into.rows();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
