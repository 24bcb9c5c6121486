package dk.raaderum.target.service;

import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.domain.Comparison;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the comparison set of a potential analysis from CSV, all rows or none (422 with line numbers). Two layouts:
 * <ul>
 * <li>long: {@code område;kommune;enhedsudgift} (or {@code areaCode;municipalityCode;unitCost}), one line per area and
 * municipality;</li>
 * <li>wide: {@code kommune;DAG;ÆLD;…}, one line per municipality and one column per area code of the analysis (an
 * empty cell: no figure).</li>
 * </ul>
 * Lines of the analysing municipality itself are skipped; other columns are ignored.
 */
final class ComparisonRows {

    /** 422 rule: a comparison file has valid rows, at most PotentialModels.MAX_COMPARISONS; one bad row refuses it. */
    public static final String RULE_COMPARISON_ROWS = "comparison-rows";

    private ComparisonRows() {
    }

    static List<Comparison> fromCsv(String csv, Set<String> areaCodes, String ownMunicipality) {
        List<CsvInput.Line> lines = CsvInput.parse(csv);
        Layout layout = Layout.of(lines.get(0), areaCodes);
        Reading reading = new Reading(areaCodes, ownMunicipality);
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            reading.read(line, layout);
        }
        return reading.rows();
    }

    /**
     * Where the figures are: the long layout's area and cost columns, or the wide layout's column per area code.
     *
     * @param longLayout the header has municipality, area and cost columns
     */
    private record Layout(Optional<Integer> municipality, Optional<Integer> area, Optional<Integer> cost,
            Map<String, Integer> areaColumns, boolean longLayout) {

        /** The layout of the header line; 422 {@code csv-header} when it is neither. */
        static Layout of(CsvInput.Line first, Set<String> areaCodes) {
            Map<String, Integer> header = CsvInput.header(first);
            Optional<Integer> municipality = CsvInput.column(header, "kommune", "kommunekode", "municipality",
                    "municipalityCode");
            Optional<Integer> area = CsvInput.column(header, "område", "områdekode", "kode", "area", "areaCode");
            Optional<Integer> cost = CsvInput.column(header, "enhedsudgift", "enhedspris", "udgift", "unitCost");
            Map<String, Integer> areaColumns = new LinkedHashMap<>();
            for (int i = 0; i < first.fields().size(); i++) {
                String name = first.fields().get(i).strip();
                if (areaCodes.contains(name)) {
                    areaColumns.put(name, i);
                }
            }
            boolean longLayout = municipality.isPresent() && area.isPresent() && cost.isPresent();
            if (!longLayout && (municipality.isEmpty() || areaColumns.isEmpty())) {
                throw ProblemException.ruleViolation(CsvInput.RULE_HEADER, "Line 1 must be the header"
                        + " område;kommune;enhedsudgift, or kommune followed by columns named by the analysis'"
                        + " area codes " + areaCodes, List.of(new FieldError("line 1", "unknown layout")));
            }
            return new Layout(municipality, area, cost, areaColumns, longLayout);
        }

        /** The line's unit costs by area code, as written (empty wide cells left out). */
        Map<String, String> cells(CsvInput.Line line) {
            Map<String, String> cells = new LinkedHashMap<>();
            if (longLayout) {
                cells.put(line.field(area.get()), line.field(cost.get()));
            } else {
                areaColumns.forEach((areaCode, column) -> {
                    if (!line.field(column).isEmpty()) {
                        cells.put(areaCode, line.field(column));
                    }
                });
            }
            return cells;
        }
    }

    /** The rows read so far, the problems found and the area:municipality pairs seen. */
    private record Reading(Set<String> areaCodes, String ownMunicipality, List<FieldError> errors,
            List<Comparison> found, Set<String> seen) {

        Reading(Set<String> areaCodes, String ownMunicipality) {
            this(areaCodes, ownMunicipality, new ArrayList<>(), new ArrayList<>(), new HashSet<>());
        }

        void read(CsvInput.Line line, Layout layout) {
            String at = "line " + line.number();
            String code = line.field(layout.municipality().get());
            if (!Municipalities.exists(code)) {
                errors.add(new FieldError(at + ".kommune", "row " + line.number() + ": '" + code
                        + "' is not a Danish municipality code (3 digits, e.g. 573)"));
                return;
            }
            for (Map.Entry<String, String> cell : layout.cells(line).entrySet()) {
                readCell(line, code, cell.getKey(), cell.getValue());
            }
        }

        private void readCell(CsvInput.Line line, String code, String areaCode, String value) {
            String at = "line " + line.number();
            if (!areaCodes.contains(areaCode)) {
                errors.add(new FieldError(at + ".område", "row " + line.number() + ": '" + areaCode
                        + "' is not an area of the analysis " + areaCodes));
                return;
            }
            Optional<Long> unitCost = CsvInput.wholeKroner(value);
            if (unitCost.isEmpty() || unitCost.get() < 0) {
                errors.add(new FieldError(at + "." + areaCode, "row " + line.number() + ": '" + value
                        + "' is not a unit cost in whole kroner ≥ 0"));
                return;
            }
            if (!seen.add(areaCode + ":" + code)) {
                errors.add(new FieldError(at + ".kommune", "row " + line.number() + ": " + code + " is given twice for "
                        + areaCode));
                return;
            }
            if (!code.equals(ownMunicipality)) {
                found.add(new Comparison(areaCode, code, unitCost.get()));
            }
        }

        /** All rows, or 422 {@code comparison-rows} naming the problems (or the limit passed). */
        List<Comparison> rows() {
            if (!errors.isEmpty()) {
                throw ProblemException.ruleViolation(RULE_COMPARISON_ROWS,
                        errors.size() + " problem(s) in the comparison"
                        + " file; nothing was imported. " + errors.get(0).message(), errors);
            }
            if (found.size() > PotentialModels.MAX_COMPARISONS) {
                throw ProblemException.ruleViolation(RULE_COMPARISON_ROWS, "At most " + PotentialModels.MAX_COMPARISONS
                        + " comparison figures; the file has " + found.size());
            }
            return found;
        }
    }
}
