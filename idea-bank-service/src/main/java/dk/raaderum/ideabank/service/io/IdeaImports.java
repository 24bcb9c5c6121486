package dk.raaderum.ideabank.service.io;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.config.IdeaBankConfig;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaImport;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.repository.IdeaVectorRepository;
import dk.raaderum.ideabank.repository.IdeaVectorRepository.Texts;
import dk.raaderum.ideabank.repository.IdeaVectorRepository.Vectors;
import dk.raaderum.ideabank.repository.ImportKeyRepository;
import dk.raaderum.ideabank.repository.ImportKeyRepository.Known;
import dk.raaderum.ideabank.repository.ImportRepository;
import dk.raaderum.ideabank.service.IdeaWriter;
import dk.raaderum.ideabank.service.io.ImportRows.ParsedRow;
import dk.raaderum.ideabank.service.io.ImportRows.RowError;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KL's imports of a budget-year review (JSON, CSV or XLSX). All or nothing, in one transaction: every row is read and
 * checked (the content rules of every idea, a known municipality and area, an import key); if any row is wrong, the
 * 422 lists the rows and fields and nothing is written. Idempotent by the import key, the municipality + budget year +
 * number (or source reference): a row whose idea exists with the same content changes nothing, a changed row makes a
 * new version of its idea, a new key a new idea (published at once unless asked otherwise). A row with an
 * {@code Idé-id} (an edited export) updates that idea. Rows stream through in batches: a reader thread reads, checks and
 * splits the next batches while this one is written, so a file of 100,000 rows is never held whole.
 */
@ApplicationScoped
public class IdeaImports {

    private static final Logger LOG = Logger.getLogger(IdeaImports.class);
    /** The problem of an import with wrong rows. */
    public static final String RULE_IMPORT_ROWS = "import-rows";
    /** The problem of a file without a single idea (empty, a header row only, an empty JSON array). */
    public static final String RULE_IMPORT_EMPTY = "import-empty";
    private static final int TIMEOUT_SECONDS = 900;
    /** Batches read ahead of the writing. */
    private static final int QUEUED_BATCHES = 4;

    public enum Format {
        JSON, CSV, XLSX
    }

    /** What an import did. */
    public record ImportResult(long importId, Format format, int rows, int created, int updated, int unchanged,
            boolean published) {
    }

    private final IdeaRepository ideas;
    private final ImportKeyRepository keys;
    private final ImportRepository imports;
    private final IdeaWriter writer;
    private final IdeaVectorRepository vectors;
    private final ObjectMapper json;
    private final IdeaBankConfig.Imports config;
    private final Clock clock;

    public IdeaImports(IdeaRepository ideas, ImportKeyRepository keys, ImportRepository imports, IdeaWriter writer,
            IdeaVectorRepository vectors, ObjectMapper json, IdeaBankConfig config, Clock clock) {
        this.ideas = ideas;
        this.keys = keys;
        this.imports = imports;
        this.writer = writer;
        this.vectors = vectors;
        this.json = json;
        this.config = config.imports();
        this.clock = clock;
    }

    /**
     * A row read, with its compound parts split and its text vectors computed when it is fine (on the reader thread,
     * ahead of writing).
     */
    private record Ready(ParsedRow row, IdeaWriter.Parts parts, Vectors vectors) {
    }

    /**
     * The reader thread: reads the file, checks each row, splits its compound words and has PostgreSQL compute its
     * vectors (on a connection of its own), and hands the rows on a batch at a time; an empty batch says the file has
     * ended (also when reading failed: the failure is the task's).
     */
    private void read(Source source, BlockingQueue<List<Ready>> queue) {
        List<ParsedRow> batch = new ArrayList<>();
        try {
            source.read(row -> {
                batch.add(row);
                if (batch.size() == config.batchSize()) {
                    put(queue, ready(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                put(queue, ready(batch));
            }
        } finally {
            put(queue, List.of());
        }
    }

    private List<Ready> ready(List<ParsedRow> rows) {
        List<ParsedRow> fine = rows.stream().filter(r -> r.content() != null && r.errors().isEmpty()).toList();
        List<IdeaWriter.Parts> parts = fine.stream().map(r -> writer.parts(r.content())).toList();
        List<Texts> texts = new ArrayList<>(fine.size());
        for (int i = 0; i < fine.size(); i++) {
            texts.add(IdeaWriter.texts(fine.get(i).content(), parts.get(i)));
        }
        List<Vectors> computed = vectors.vectors(texts);
        List<Ready> ready = new ArrayList<>(rows.size());
        int next = 0;
        for (ParsedRow row : rows) {
            boolean isFine = next < fine.size() && fine.get(next) == row;
            ready.add(isFine ? new Ready(row, parts.get(next), computed.get(next++)) : new Ready(row, null, null));
        }
        return ready;
    }

    private static void put(BlockingQueue<List<Ready>> queue, List<Ready> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was stopped", e);
        }
    }

    /** Reads a file's rows and hands each on. */
    @FunctionalInterface
    private interface Source {
        void read(Consumer<ParsedRow> rows);
    }

    /**
     * Imports the file; new ideas are published when {@code publish}, else they wait in the queue. {@code charset} is
     * the text's (CSV and JSON; Danish Excel's plain CSV is windows-1252).
     */
    public ImportResult run(Actor actor, Format format, Charset charset, InputStream body, boolean publish) {
        Path file = format == Format.XLSX ? spool(body) : null;
        try {
            Source source = switch (format) {
                case JSON -> rows -> RowSources.json(body, json, rows);
                case CSV -> rows -> RowSources.csv(body, charset, rows);
                case XLSX -> rows -> RowSources.xlsx(file, rows);
            };
            ImportResult result = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                    .call(() -> importRows(actor, format, publish, source));
            if (result.created() + result.updated() > 0) {
                mergePendingIndexEntries();
            }
            return result;
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    /** The imported ideas searchable at full speed at once (the import has committed: a failure here is only logged). */
    private void mergePendingIndexEntries() {
        try {
            LOG.debugf("GIN pending-list pages merged after the import: %d", vectors.mergePendingIndexEntries());
        } catch (RuntimeException e) {
            LOG.warnf("Pending index entries of the import not merged (autovacuum will): %s", e.getMessage());
        }
    }

    private ImportResult importRows(Actor actor, Format format, boolean publish, Source source) {
        Run run = new Run(actor, format, publish);
        BlockingQueue<List<Ready>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "idea-import-reader"));
        Future<?> reading = reader.submit(() -> read(source, queue));
        try {
            for (List<Ready> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
                batch.forEach(run::accept);
            }
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            reading.cancel(true);
            reader.shutdownNow();
        }
        run.finish();
        if (run.errorCount > 0) {
            throw refused(run);
        }
        if (run.rows == 0) {
            throw ProblemException.ruleViolation(RULE_IMPORT_EMPTY, "The file holds no ideas: send a JSON array of"
                    + " ideas, or a CSV or XLSX sheet with the header row and a row per idea");
        }
        IdeaImport record = new IdeaImport();
        record.format = format.name();
        record.rows = run.rows;
        record.created = run.created;
        record.updated = run.updated;
        record.unchanged = run.unchanged;
        record.published = publish;
        record.importedAt = clock.instant();
        record.importedBy = actor.name();
        record.importedById = actor.id();
        imports.persist(record);
        LOG.infof("Import %d by %s (%s): %d rows, %d created, %d updated, %d unchanged", record.id, actor.name(), format,
                run.rows, run.created, run.updated, run.unchanged);
        return new ImportResult(record.id, format, run.rows, run.created, run.updated, run.unchanged, publish);
    }

    private ProblemException refused(Run run) {
        List<FieldError> errors = run.errors.stream()
                .map(e -> new FieldError("row " + e.row() + (e.field().isEmpty() ? "" : ": " + e.field()), e.message()))
                .toList();
        RowError first = run.errors.get(0);
        return ProblemException.ruleViolation(RULE_IMPORT_ROWS, run.errorCount + " error(s) in " + run.rowsWithErrors
                + " of " + run.rows + " row(s); nothing was imported. First: row " + first.row() + ", " + first.field()
                + ": " + first.message(), errors).with("errorCount", run.errorCount).with("rows", run.rows);
    }

    /** One import in progress: rows are checked as they come and written a batch at a time while all are fine. */
    private final class Run {

        private final Actor actor;
        private final boolean publish;
        private final boolean headers;
        private final List<Ready> batch = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final List<RowError> errors = new ArrayList<>();
        private int errorCount;
        private int rowsWithErrors;
        private int rows;
        private int created;
        private int updated;
        private int unchanged;

        Run(Actor actor, Format format, boolean publish) {
            this.actor = actor;
            this.publish = publish;
            this.headers = format != Format.JSON;
        }

        void accept(Ready ready) {
            ParsedRow row = ready.row();
            rows++;
            List<RowError> wrong = new ArrayList<>(row.errors());
            if (row.content() != null) {
                seenBefore(row, row.key(), "the same municipality, budget year and number").ifPresent(wrong::add);
                seenBefore(row, row.ideaId() == null ? null : "id|" + row.ideaId(), "the same Idé-id").ifPresent(wrong::add);
            }
            if (!wrong.isEmpty()) {
                refuse(wrong);
            } else if (errorCount == 0) {
                batch.add(ready);
                if (batch.size() >= config.batchSize()) {
                    write();
                }
            }
        }

        private Optional<RowError> seenBefore(ParsedRow row, String key, String what) {
            Integer earlier = key == null ? null : seen.putIfAbsent(key, row.row());
            return Optional.ofNullable(earlier).map(e -> new RowError(row.row(), "", what + " as row " + e));
        }

        private void refuse(List<RowError> wrong) {
            rowsWithErrors++;
            errorCount += wrong.size();
            wrong.stream().limit(Math.max(0, config.maxErrors() - errors.size())).forEach(errors::add);
            batch.clear();
        }

        void finish() {
            if (errorCount == 0) {
                write();
            }
        }

        private void write() {
            if (batch.isEmpty()) {
                return;
            }
            List<ParsedRow> keyed = batch.stream().map(Ready::row).filter(r -> r.key() != null).toList();
            Map<String, Known> known = keys.known(keyed.stream().map(ParsedRow::municipality).toArray(String[]::new),
                    keyed.stream().map(r -> r.content().budgetYear()).toArray(Integer[]::new),
                    keyed.stream().map(r -> r.content().sourceKey()).toArray(String[]::new));
            Map<Long, Idea> named = ideas.byIds(batch.stream().map(r -> r.row().ideaId()).filter(Objects::nonNull).toList())
                    .stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
            List<Idea> fresh = new ArrayList<>();
            for (Ready ready : List.copyOf(batch)) {
                ParsedRow row = ready.row();
                Known byKey = row.key() == null ? null : known.get(row.key());
                if (row.ideaId() != null) {
                    updateNamed(row, named.get(row.ideaId()), byKey);
                } else if (byKey == null) {
                    fresh.add(writer.draft(row.content(), ready.parts(), ready.vectors(), IdeaOrigin.KL_IMPORT,
                            row.municipality(), actor));
                } else {
                    update(row, byKey.id(), byKey.contentHash(), byKey.origin());
                }
                if (errorCount > 0) {
                    return;
                }
            }
            writer.addAll(fresh, publish ? IdeaStatus.PUBLISHED : IdeaStatus.SUBMITTED, actor, Action.IMPORTED, null);
            created += fresh.size();
            batch.clear();
            ideas.flush();
            ideas.getEntityManager().clear();
        }

        /** A row with an Idé-id updates that idea, which must exist, be the row's municipality's, and keep its key free. */
        private void updateNamed(ParsedRow row, Idea idea, Known byKey) {
            if (idea == null) {
                refuse(List.of(new RowError(row.row(), name(IdeaColumn.ID), "there is no idea " + row.ideaId())));
            } else if (!idea.sourceMunicipality.equals(row.municipality())) {
                refuse(List.of(new RowError(row.row(), name(IdeaColumn.MUNICIPALITY), "idea " + idea.id + " is "
                        + idea.sourceMunicipality + "'s; an import does not move an idea to another municipality")));
            } else if (byKey != null && byKey.id() != idea.id) {
                refuse(List.of(new RowError(row.row(), name(IdeaColumn.NUMBER), "the number is idea " + byKey.id()
                        + "'s")));
            } else {
                update(row, idea.id, idea.contentHash, idea.origin);
            }
        }

        /**
         * Changes the idea, unless it is not the import's to change: a shared proposal's or initiative's content is
         * its municipality's catalog or initiative (and its corrections reach it as events), and a municipality's own
         * submission is changed only when the row names it by Idé-id (an edited export), never because a new row
         * happens to carry its number. An unchanged row (an export read back) always passes.
         */
        private void update(ParsedRow row, long id, String hash, IdeaOrigin origin) {
            if (hash.equals(row.content().hash())) {
                unchanged++;
            } else if (origin == IdeaOrigin.SHARED_PROPOSAL || origin == IdeaOrigin.SHARED_INITIATIVE) {
                refuse(List.of(new RowError(row.row(), name(row.ideaId() != null ? IdeaColumn.ID : IdeaColumn.NUMBER),
                        "idea " + id + " is " + row.municipality() + "'s shared " + (origin == IdeaOrigin.SHARED_PROPOSAL
                                ? "proposal" : "initiative") + ": its content comes from there; an import does not"
                                + " change it")));
            } else if (origin != IdeaOrigin.KL_IMPORT && row.ideaId() == null) {
                refuse(List.of(new RowError(row.row(), name(IdeaColumn.NUMBER), "the number is idea " + id + ", "
                        + row.municipality() + "'s own submission; name it by Idé-id to change it on purpose")));
            } else {
                writer.change(ideas.findById(id), row.content(), actor, Action.UPDATED, "Import");
                updated++;
            }
        }

        private String name(IdeaColumn column) {
            return headers ? column.header() : column.field();
        }
    }

    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("idea-import-", ".xlsx");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", file, e.getMessage());
        }
    }
}
