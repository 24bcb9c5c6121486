package dk.raaderum.ideabank.service.io;

import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.http.SpreadsheetAmounts;
import dk.raaderum.platform.web.municipality.Municipalities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One import row, read into an idea's content with the row's errors, the same way from a spreadsheet row (Danish
 * headers, Danish number formats: {@code -1.500.000}, {@code 2,5}) and from a JSON object (the API's field names).
 * Errors name the row (as the spreadsheet numbers it: the header is row 1) and the column or field.
 */
final class ImportRows {

    private static final Pattern BUDGET_LABEL = Pattern.compile("[Bb](\\d{2})");

    private ImportRows() {
    }

    /** A row error: where and what. */
    record RowError(int row, String field, String message) {
    }

    /**
     * A row read: the idea it updates (an Idé-id) if it names one, its municipality and content (null when it could
     * not be read), and what is wrong with it.
     */
    record ParsedRow(int row, Long ideaId, String municipality, IdeaContent content, List<RowError> errors) {

        /** The import key: municipality, budget year and number (or reference); null without a number. */
        String key() {
            return content.sourceKey() == null ? null : municipality + "|" + content.budgetYear() + "|"
                    + content.sourceKey();
        }
    }

    /** A spreadsheet row by column; its errors are named by the Danish headers. */
    static ParsedRow fromCells(int row, Map<IdeaColumn, String> cells) {
        return read(row, cells, true, null);
    }

    /**
     * A row by column; errors named by header (spreadsheets) or field (JSON); {@code given} amounts (JSON), or null to
     * read the four year columns.
     */
    private static ParsedRow read(int row, Map<IdeaColumn, String> cells, boolean headers, List<YearAmount> given) {
        Reader r = new Reader(row, headers);
        String municipality = r.municipality(cells.get(IdeaColumn.MUNICIPALITY), IdeaColumn.MUNICIPALITY);
        int budgetYear = r.budgetYear(cells.get(IdeaColumn.BUDGET_YEAR));
        List<YearAmount> amounts = given != null ? given : new ArrayList<>();
        for (int i = 0; given == null && i < IdeaColumn.YEARS.size(); i++) {
            Long amount = r.kroner(cells.get(IdeaColumn.YEARS.get(i)), IdeaColumn.YEARS.get(i));
            if (amount != null) {
                amounts.add(new YearAmount(budgetYear + i, amount));
            }
        }
        List<String> tags = blank(cells.get(IdeaColumn.TAGS)) ? List.of()
                : Arrays.stream(cells.get(IdeaColumn.TAGS).split("[,;]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        IdeaContent content = new IdeaContent(cells.get(IdeaColumn.TITLE), cells.get(IdeaColumn.SUMMARY),
                cells.get(IdeaColumn.DESCRIPTION), r.type(cells.get(IdeaColumn.TYPE)), cells.get(IdeaColumn.RATIONALE),
                r.yesNo(cells.get(IdeaColumn.REDUCES_SERVICE)), r.area(cells.get(IdeaColumn.AREA)), tags, budgetYear,
                r.integer(cells.get(IdeaColumn.PRICE_LEVEL), IdeaColumn.PRICE_LEVEL), amounts,
                r.decimal(cells.get(IdeaColumn.FTE), IdeaColumn.FTE), r.kroner(cells.get(IdeaColumn.INVESTMENT),
                        IdeaColumn.INVESTMENT), r.decimal(cells.get(IdeaColumn.PAYBACK), IdeaColumn.PAYBACK),
                cells.get(IdeaColumn.CONSEQUENCES), cells.get(IdeaColumn.CONTACT_ROLE),
                cells.get(IdeaColumn.SOURCE_REFERENCE), key(cells.get(IdeaColumn.NUMBER), cells.get(IdeaColumn.SOURCE_REFERENCE)));
        return r.finish(r.ideaId(cells.get(IdeaColumn.ID)), municipality, content);
    }

    /** A JSON row, read by field name (errors of reading it as JSON are given). */
    static ParsedRow fromJson(int row, JsonImportRow json) {
        Map<IdeaColumn, String> cells = new EnumMap<>(IdeaColumn.class);
        cells.put(IdeaColumn.ID, json.id() == null ? null : json.id().toString());
        cells.put(IdeaColumn.MUNICIPALITY, json.municipality());
        cells.put(IdeaColumn.BUDGET_YEAR, json.budgetYear() == null || json.budgetYear().isNull() ? null
                : json.budgetYear().isValueNode() ? json.budgetYear().asText() : json.budgetYear().toString());
        cells.put(IdeaColumn.NUMBER, json.number());
        cells.put(IdeaColumn.SOURCE_REFERENCE, json.sourceReference());
        cells.put(IdeaColumn.TITLE, json.title());
        cells.put(IdeaColumn.SUMMARY, json.summary());
        cells.put(IdeaColumn.DESCRIPTION, json.description());
        cells.put(IdeaColumn.TYPE, json.type());
        cells.put(IdeaColumn.RATIONALE, json.classificationRationale());
        cells.put(IdeaColumn.REDUCES_SERVICE, json.reducesService() == null ? null : json.reducesService().toString());
        cells.put(IdeaColumn.AREA, json.areaCode());
        cells.put(IdeaColumn.TAGS, json.tags() == null ? null : String.join(",", json.tags()));
        cells.put(IdeaColumn.PRICE_LEVEL, json.priceLevelYear() == null ? null : json.priceLevelYear().toString());
        cells.put(IdeaColumn.FTE, json.fteChange() == null ? null : json.fteChange().toPlainString());
        cells.put(IdeaColumn.INVESTMENT, json.investmentCost() == null ? null : json.investmentCost().toString());
        cells.put(IdeaColumn.PAYBACK, json.paybackYears() == null ? null : json.paybackYears().toPlainString());
        cells.put(IdeaColumn.CONSEQUENCES, json.consequences());
        cells.put(IdeaColumn.CONTACT_ROLE, json.contactRole());
        List<YearAmount> amounts = json.amounts() == null ? List.of() : json.amounts().stream()
                .map(a -> new YearAmount(a.year() == null ? 0 : a.year(), a.amount() == null ? 0 : a.amount())).toList();
        return read(row, cells, false, amounts);
    }

    /** The import key: the number, else the reference if it is short enough to be one. */
    private static String key(String number, String reference) {
        if (!blank(number)) {
            return number.strip();
        }
        return blank(reference) || reference.strip().length() > IdeaRules.SOURCE_KEY_MAX ? null : reference.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Reads the cells of one row and collects what is wrong. */
    private static final class Reader {

        private final int row;
        private final boolean headers;
        private final List<RowError> errors = new ArrayList<>();

        Reader(int row, boolean headers) {
            this.row = row;
            this.headers = headers;
        }

        private void error(IdeaColumn column, String message) {
            errors.add(new RowError(row, headers ? column.header() : column.field(), message));
        }

        String municipality(String text, IdeaColumn column) {
            String code = text == null ? null : text.strip();
            if (blank(code)) {
                error(column, "required: the municipality code (e.g. 751)");
            } else if (!Municipalities.exists(code)) {
                error(column, "'" + code + "' is not the code of a Danish municipality");
            }
            return code;
        }

        int budgetYear(String text) {
            if (blank(text)) {
                error(IdeaColumn.BUDGET_YEAR, "required: a budget year of " + IdeaRules.BUDGET_YEARS_TEXT);
                return 0;
            }
            String value = text.strip();
            var label = BUDGET_LABEL.matcher(value);
            Integer year = label.matches() ? Integer.valueOf(2000 + Integer.parseInt(label.group(1))) : parseInt(value);
            if (year == null || year < IdeaRules.FIRST_BUDGET_YEAR || year > IdeaRules.LAST_BUDGET_YEAR) {
                error(IdeaColumn.BUDGET_YEAR, "'" + value + "' is not a budget year of " + IdeaRules.BUDGET_YEARS_TEXT);
                return 0;
            }
            return year;
        }

        ProposalType type(String text) {
            if (blank(text)) {
                return null;
            }
            return ProposalType.parse(text).orElseGet(() -> {
                error(IdeaColumn.TYPE, "'" + text.strip() + "' is not a type: besparelse, effektivisering, investering,"
                        + " budgetudvidelse (or SAVING, EFFICIENCY, INVESTMENT, EXPANSION)");
                return null;
            });
        }

        String area(String text) {
            if (blank(text)) {
                return null;
            }
            return PolicyAreas.parse(text).map(a -> a.code()).orElseGet(() -> {
                error(IdeaColumn.AREA, "'" + text.strip() + "' is not a policy area (a code or name of"
                        + " GET /api/v1/ideas/policy-areas)");
                return "";
            });
        }

        boolean yesNo(String text) {
            if (blank(text)) {
                return false;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "ja", "j", "yes", "true", "1", "x" -> true;
                case "nej", "n", "no", "false", "0" -> false;
                default -> {
                    error(IdeaColumn.REDUCES_SERVICE, "'" + text.strip() + "' is not ja or nej");
                    yield false;
                }
            };
        }

        Integer integer(String text, IdeaColumn column) {
            if (blank(text)) {
                return null;
            }
            Integer value = parseInt(text.strip());
            if (value == null) {
                error(column, "'" + text.strip() + "' is not a whole number");
            }
            return value;
        }

        /** Whole kroner as spreadsheets write them ({@link SpreadsheetAmounts}: -1500000, -1.500.000, -1.500.000,00). */
        Long kroner(String text, IdeaColumn column) {
            if (blank(text)) {
                return null;
            }
            try {
                return SpreadsheetAmounts.wholeKroner(text);
            } catch (SpreadsheetAmounts.NotWholeKroner e) {
                error(column, e.getMessage());
                return null;
            }
        }

        /** A decimal with a comma or a point: {@code 2,5} or {@code 2.5}. */
        BigDecimal decimal(String text, IdeaColumn column) {
            if (blank(text)) {
                return null;
            }
            String value = text.strip().replace("−", "-").replace(',', '.');
            try {
                BigDecimal number = new BigDecimal(value);
                if (number.abs().compareTo(new BigDecimal("1000000")) >= 0) {
                    error(column, "'" + text.strip() + "' is too large");
                    return null;
                }
                return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
            } catch (NumberFormatException e) {
                error(column, "'" + text.strip() + "' is not a number");
                return null;
            }
        }

        /** The idea a row updates ({@code Idé-id}), if it names one. */
        Long ideaId(String text) {
            if (blank(text)) {
                return null;
            }
            try {
                return Long.valueOf(text.strip().replace(".0", ""));
            } catch (NumberFormatException e) {
                error(IdeaColumn.ID, "'" + text.strip() + "' is not an idea id");
                return null;
            }
        }

        ParsedRow finish(Long ideaId, String municipality, IdeaContent content) {
            IdeaContent normalised = content.normalised();
            for (IdeaRules.Violation violation : IdeaRules.check(normalised, false)) {
                if (errors.stream().noneMatch(e -> e.field().equals(name(violation.field())))) {
                    errors.add(new RowError(row, name(violation.field()), violation.message()));
                }
            }
            if (normalised.sourceKey() == null && ideaId == null) {
                error(IdeaColumn.NUMBER, "required: the number of the proposal in its budget, or a source reference"
                        + " (at most " + IdeaRules.SOURCE_KEY_MAX + " characters); it is the import key (or the Idé-id of"
                        + " the idea the row updates)");
            }
            return new ParsedRow(row, ideaId, municipality, normalised, List.copyOf(errors));
        }

        private String name(String field) {
            return IdeaColumn.byField(field).map(c -> headers ? c.header() : c.field()).orElse(field);
        }

        private static Integer parseInt(String text) {
            try {
                return Integer.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
