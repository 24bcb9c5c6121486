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

    private ComparisonRows() {
    }

    static List<Comparison> fromCsv(String csv, Set<String> areaCodes, String ownMunicipality) {
        List<CsvInput.Line> lines = CsvInput.parse(csv);
        Map<String, Integer> header = CsvInput.header(lines.get(0));
        Optional<Integer> municipality = CsvInput.column(header, "kommune", "kommunekode", "municipality", "municipalityCode");
        Optional<Integer> area = CsvInput.column(header, "område", "områdekode", "kode", "area", "areaCode");
        Optional<Integer> cost = CsvInput.column(header, "enhedsudgift", "enhedspris", "udgift", "unitCost");
        Map<String, Integer> areaColumns = new LinkedHashMap<>();
        for (int i = 0; i < lines.get(0).fields().size(); i++) {
            String name = lines.get(0).fields().get(i).strip();
            if (areaCodes.contains(name)) {
                areaColumns.put(name, i);
            }
        }
        boolean longLayout = municipality.isPresent() && area.isPresent() && cost.isPresent();
        if (!longLayout && (municipality.isEmpty() || areaColumns.isEmpty())) {
            throw ProblemException.ruleViolation(CsvInput.RULE_HEADER, "Line 1 must be the header område;kommune;enhedsudgift, or"
                    + " kommune followed by columns named by the analysis' area codes " + areaCodes,
                    List.of(new FieldError("line 1", "unknown layout")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Comparison> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvInput.Line line : lines.subList(1, lines.size())) {
            String at = "line " + line.number();
            String code = line.field(municipality.get());
            if (!Municipalities.exists(code)) {
                errors.add(new FieldError(at + ".kommune", "row " + line.number() + ": '" + code
                        + "' is not a Danish municipality code (3 digits, e.g. 573)"));
                continue;
            }
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
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                if (!areaCodes.contains(cell.getKey())) {
                    errors.add(new FieldError(at + ".område", "row " + line.number() + ": '" + cell.getKey()
                            + "' is not an area of the analysis " + areaCodes));
                    continue;
                }
                Optional<Long> unitCost = CsvInput.wholeKroner(cell.getValue());
                if (unitCost.isEmpty() || unitCost.get() < 0) {
                    errors.add(new FieldError(at + "." + cell.getKey(), "row " + line.number() + ": '" + cell.getValue()
                            + "' is not a unit cost in whole kroner ≥ 0"));
                    continue;
                }
                if (!seen.add(cell.getKey() + ":" + code)) {
                    errors.add(new FieldError(at + ".kommune", "row " + line.number() + ": " + code + " is given twice for "
                            + cell.getKey()));
                    continue;
                }
                if (!code.equals(ownMunicipality)) {
                    rows.add(new Comparison(cell.getKey(), code, unitCost.get()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("comparison-rows", errors.size() + " problem(s) in the comparison file;"
                    + " nothing was imported. " + errors.get(0).message(), errors);
        }
        if (rows.size() > PotentialModels.MAX_COMPARISONS) {
            throw ProblemException.ruleViolation("comparison-rows", "At most " + PotentialModels.MAX_COMPARISONS
                    + " comparison figures; the file has " + rows.size());
        }
        return rows;
    }
}
