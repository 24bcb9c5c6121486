package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.CsvExport;
import dk.raaderum.platform.web.http.CsvWriter;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A CSV download as an attachment with its file name. */
final class CsvResponses {

    private CsvResponses() {
    }

    static Response of(CsvExport export) {
        return Response.ok((StreamingOutput) export::writeTo, CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .build();
    }
}
