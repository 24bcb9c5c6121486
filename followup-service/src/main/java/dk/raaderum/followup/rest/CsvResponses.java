package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.CsvExport;
import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.Responses;

import jakarta.ws.rs.core.Response;

/** A service's CSV export as a download. */
final class CsvResponses {

    private CsvResponses() {
    }

    static Response of(CsvExport export) {
        return Responses.attachment(export.filename(), CsvWriter.MEDIA_TYPE, export::writeTo);
    }
}
