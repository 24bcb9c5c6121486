package dk.raaderum.ideabank.service.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dk.raaderum.ideabank.service.io.ImportRows.ParsedRow;
import dk.raaderum.ideabank.service.io.ImportRows.RowError;
import dk.raaderum.platform.spreadsheet.XlsxReader;
import dk.raaderum.platform.web.http.CsvReader;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.JsonFieldErrors;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The rows of an import file, read one at a time and handed on as they are read (a file is never held whole): a JSON
 * array of objects, or a CSV or XLSX sheet whose first row holds the Danish headers of {@link IdeaColumn}. A file that
 * cannot be read at all (not JSON, not an array, unknown or missing headers) is a 400 or 422 problem.
 */
final class RowSources {

    /** The problem of a file whose header row does not fit. */
    static final String RULE_IMPORT_HEADER = "import-header";

    private RowSources() {
    }

    static void json(InputStream body, ObjectMapper mapper, Consumer<ParsedRow> rows) {
        ObjectReader reader = mapper.readerFor(JsonImportRow.class);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ProblemException(ProblemTypes.MALFORMED_REQUEST,
                        "The body must be JSON: an array of ideas [{…}, {…}]");
            }
            int row = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                row++;
                JsonNode node = parser.readValueAsTree();
                rows.accept(jsonRow(reader, node, row));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new ProblemException(ProblemTypes.MALFORMED_REQUEST,
                        "The body must be JSON: an array of ideas; element " + (row + 1) + " is not an object");
            }
        } catch (JsonProcessingException e) {
            throw JsonFieldErrors.problem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedRow jsonRow(ObjectReader reader, JsonNode node, int row) {
        try {
            return ImportRows.fromJson(row, reader.treeToValue(node, JsonImportRow.class));
        } catch (JsonMappingException e) {
            FieldError error = JsonFieldErrors.of(e).orElse(new FieldError("", "invalid value"));
            return new ParsedRow(row, null, null, null, List.of(new RowError(row, error.field(), error.message())));
        } catch (JsonProcessingException e) {
            return new ParsedRow(row, null, null, null, List.of(new RowError(row, "", "not an idea: "
                    + e.getOriginalMessage())));
        }
    }

    static void csv(InputStream body, Charset charset, Consumer<ParsedRow> rows) {
        try (CsvReader csv = CsvReader.of(body, charset)) {
            List<String> first = csv.next();
            if (first == null) {
                return;
            }
            Map<Integer, IdeaColumn> header = header(first);
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.accept(ImportRows.fromCells(csv.recordLine(), byColumn(header, cells)));
                }
            }
        } catch (CsvReader.CsvException e) {
            throw ProblemException.validation("The file cannot be read as CSV: " + e.getMessage(), List.of());
        }
    }

    static void xlsx(Path file, Consumer<ParsedRow> rows) {
        AtomicReference<Map<Integer, IdeaColumn>> header = new AtomicReference<>();
        try {
            XlsxReader.read(file, (number, cells) -> {
                if (header.get() == null) {
                    header.set(header(cells));
                } else if (!cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    rows.accept(ImportRows.fromCells(number, byColumn(header.get(), cells)));
                }
            });
        } catch (XlsxReader.XlsxException e) {
            throw ProblemException.validation(e.getMessage(), List.of());
        }
    }

    /** Which column each position holds; unknown headers and missing required ones are a 422 naming them. */
    static Map<Integer, IdeaColumn> header(List<String> cells) {
        Map<Integer, IdeaColumn> header = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            int column = i;
            IdeaColumn.byHeader(name).ifPresentOrElse(c -> header.put(column, c),
                    () -> errors.add(new FieldError(name, "unknown column; the columns are " + IdeaColumn.headers())));
        }
        for (IdeaColumn required : List.of(IdeaColumn.MUNICIPALITY, IdeaColumn.BUDGET_YEAR, IdeaColumn.TITLE,
                IdeaColumn.TYPE, IdeaColumn.RATIONALE, IdeaColumn.AREA)) {
            if (!header.containsValue(required)) {
                errors.add(new FieldError(required.header(), "a required column is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_IMPORT_HEADER, "The first row must name the columns: "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return header;
    }

    private static Map<IdeaColumn, String> byColumn(Map<Integer, IdeaColumn> header, List<String> cells) {
        Map<IdeaColumn, String> values = new EnumMap<>(IdeaColumn.class);
        header.forEach((index, column) -> {
            if (column.imported() && index < cells.size()) {
                values.put(column, cells.get(index));
            }
        });
        return values;
    }
}
