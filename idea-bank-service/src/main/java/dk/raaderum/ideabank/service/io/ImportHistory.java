package dk.raaderum.ideabank.service.io;

import dk.raaderum.ideabank.domain.IdeaImport;
import dk.raaderum.ideabank.repository.ImportRepository;

import dk.raaderum.platform.web.http.PageOf;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The imports KL has made, newest first. */
@ApplicationScoped
public class ImportHistory {

    public record ImportView(long id, String format, int rows, int created, int updated, int unchanged, boolean published,
            Instant importedAt, String importedBy) {
    }

    private final ImportRepository imports;

    public ImportHistory(ImportRepository imports) {
        this.imports = imports;
    }

    public PageOf<ImportView> newest(int page, int size) {
        return new PageOf<>(imports.newestFirst(page, size).stream().map(ImportHistory::view).toList(), page, size,
                imports.count());
    }

    private static ImportView view(IdeaImport i) {
        return new ImportView(i.id, i.format, i.rows, i.created, i.updated, i.unchanged, i.published, i.importedAt,
                i.importedBy);
    }
}
