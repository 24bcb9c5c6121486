package dk.raaderum.followup.service;

import dk.raaderum.platform.web.http.CsvWriter;

import java.io.OutputStream;
import java.util.List;

/**
 * A CSV download, read completely by the service and written by the resource (Danish Excel: {@code ;}, UTF-8 BOM).
 * Amounts are whole kroner; percentages have a decimal comma.
 */
public record CsvExport(String filename, List<String> header, List<List<Object>> rows) {

    public void writeTo(OutputStream out) {
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(header);
            rows.forEach(csv::row);
        }
    }
}
