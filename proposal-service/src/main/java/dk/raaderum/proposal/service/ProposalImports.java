package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.ImportRows.Checked;
import dk.raaderum.proposal.service.ProposalModels.ImportAction;
import dk.raaderum.proposal.service.ProposalModels.ImportRowView;
import dk.raaderum.proposal.service.ProposalModels.ImportView;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.export.CatalogExport;
import dk.raaderum.proposal.service.export.CatalogSheet;
import dk.raaderum.proposal.service.export.CatalogSheet.Format;
import dk.raaderum.proposal.service.export.CatalogSheet.ProposalRow;
import dk.raaderum.proposal.service.export.CatalogSheet.SheetRow;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog sheet in the layout of the export (CSV or XLSX, as exported or as Excel saved it) imported back: a row with
 * a proposal number changes that proposal, named by the version it was exported with; a row without one writes a new
 * proposal; a row the same as the proposal changes nothing. All or nothing: every row is checked first, and a 422
 * {@value #RULE_IMPORT_ROWS} lists every bad row and column; then each change goes through the same
 * {@link ProposalService#create} and {@link ProposalService#update} as the single-proposal POST and PUT, in one
 * transaction. A dry run checks and answers without writing.
 */
@ApplicationScoped
public class ProposalImports {

    /** The problem of an import with bad rows. */
    public static final String RULE_IMPORT_ROWS = "import-rows";
    /** Rows written between two clearings of the persistence context (its dirty check grows with what it holds). */
    static final int ROWS_PER_FLUSH = 50;
    /** A file of the largest size (10,000 rows) is written in one transaction: longer than the default 60 s. */
    private static final int TIMEOUT_SECONDS = 900;
    private static final Logger LOG = Logger.getLogger(ProposalImports.class);

    private final CatalogRepository catalogs;
    private final ProposalRepository proposals;
    private final ProposalService service;
    private final ProposalAccess access;
    private final ImportRows rows;

    public ProposalImports(CatalogRepository catalogs, ProposalRepository proposals, ProposalService service,
            ProposalAccess access, ImportRows rows) {
        this.catalogs = catalogs;
        this.proposals = proposals;
        this.service = service;
        this.access = access;
        this.rows = rows;
    }

    /** Reads the file (before the transaction), then checks and, unless {@code dryRun}, writes it in one. */
    public ImportView run(Actor actor, String municipality, long catalogId, Format format, Charset charset,
            InputStream body, boolean dryRun) {
        List<SheetRow> sheet = CatalogSheet.read(format, charset, body);
        return QuarkusTransaction.joiningExisting().timeout(TIMEOUT_SECONDS).call(() -> {
            Catalog catalog = catalogs.findInMunicipality(municipality, catalogId)
                    .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
            List<Checked> checked = check(actor, catalog, CatalogSheet.proposals(sheet, catalog.years()));
            if (checked.stream().anyMatch(c -> c.action() != ImportAction.UNCHANGED)) {
                CatalogService.requireStatus(catalog, CatalogStatus.OPEN, "changed by an import");
            }
            List<ImportRowView> results = dryRun ? checked.stream().map(ProposalImports::planned).toList()
                    : write(actor, municipality, catalogId, checked);
            ImportView view = view(results, dryRun);
            LOG.infof("Import into catalog %d by %s (%s%s): %d rows, %d created, %d updated, %d unchanged", catalogId,
                    actor.name(), format, dryRun ? ", dry run" : "", view.rows(), view.created(), view.updated(),
                    view.unchanged());
            return view;
        });
    }

    /** Every row checked; 422 listing every error of every row unless all are fine. */
    private List<Checked> check(Actor actor, Catalog catalog, List<ProposalRow> sheet) {
        Map<String, Proposal> byNumber = proposals.withYears(catalog.id, access.visibility(actor)).stream()
                .collect(Collectors.toMap(p -> p.number.toUpperCase(), Function.identity()));
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int rowsWithErrors = 0;
        for (ProposalRow row : sheet) {
            String number = row.get(CatalogExport.NUMBER);
            Optional<FieldError> wrongNumber = number(row, number, byNumber, seen);
            Checked one = wrongNumber.isPresent() ? null
                    : rows.check(catalog, row, number.isEmpty() ? null : byNumber.get(number.toUpperCase()));
            List<FieldError> wrong = one == null ? List.of(wrongNumber.get()) : one.errors();
            if (!wrong.isEmpty()) {
                rowsWithErrors++;
                errors.addAll(wrong);
            } else {
                checked.add(one);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_IMPORT_ROWS, errors.size() + " error(s) in " + rowsWithErrors
                    + " of " + sheet.size() + " row(s); nothing was imported. First: " + errors.get(0).field() + ": "
                    + errors.get(0).message(), errors).with("errorCount", errors.size()).with("rows", sheet.size());
        }
        return checked;
    }

    /** A number must be one of the catalog's proposals, and in one row only. */
    private static Optional<FieldError> number(ProposalRow row, String number, Map<String, Proposal> byNumber,
            Map<String, Integer> seen) {
        String field = "row " + row.number() + ": " + CatalogExport.NUMBER;
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (!byNumber.containsKey(number.toUpperCase())) {
            return Optional.of(new FieldError(field, "the catalog has no proposal " + number + "; leave the number"
                    + " empty for a new proposal"));
        }
        Integer earlier = seen.putIfAbsent(number.toUpperCase(), row.number());
        return earlier == null ? Optional.empty()
                : Optional.of(new FieldError(field, number + " is in row " + earlier + " too; a proposal has one row"));
    }

    /** Each change through the single-proposal create or update, in row order. */
    private List<ImportRowView> write(Actor actor, String municipality, long catalogId, List<Checked> checked) {
        List<ImportRowView> results = new ArrayList<>();
        for (Checked row : checked) {
            ProposalView written = switch (row.action()) {
                case CREATED -> service.create(actor, municipality, catalogId, row.input());
                case UPDATED -> service.update(actor, municipality, row.current().id, row.input(), Optional.empty());
                case UNCHANGED -> null;
            };
            results.add(written == null ? planned(row)
                    : new ImportRowView(row.row(), written.number(), written.id(), row.action()));
            if (written != null && results.size() % ROWS_PER_FLUSH == 0) {
                // written rows stay in the transaction; without this every later row's flush checks all of them
                proposals.flush();
                proposals.getEntityManager().clear();
            }
        }
        return results;
    }

    private static ImportRowView planned(Checked row) {
        return row.current() == null ? new ImportRowView(row.row(), null, null, row.action())
                : new ImportRowView(row.row(), row.current().number, row.current().id, row.action());
    }

    private static ImportView view(List<ImportRowView> results, boolean dryRun) {
        Map<ImportAction, Long> counts = results.stream()
                .collect(Collectors.groupingBy(ImportRowView::action, Collectors.counting()));
        return new ImportView(results.size(), counts.getOrDefault(ImportAction.CREATED, 0L).intValue(),
                counts.getOrDefault(ImportAction.UPDATED, 0L).intValue(),
                counts.getOrDefault(ImportAction.UNCHANGED, 0L).intValue(), dryRun, results);
    }
}
