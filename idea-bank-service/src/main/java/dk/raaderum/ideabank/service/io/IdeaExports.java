package dk.raaderum.ideabank.service.io;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.platform.spreadsheet.XlsxWriter;
import dk.raaderum.platform.web.http.CsvWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ideas as a spreadsheet in the columns of {@link IdeaColumn} (what KL's imports read back): all of them for KL,
 * the published ones without the contact role as open data. Written as they are read, a thousand ideas at a time, so
 * an export of any size streams.
 */
@ApplicationScoped
public class IdeaExports {

    private static final int PAGE = 1000;
    /** Open data leaves out the contact role: a municipality may have given a person's name. */
    private static final List<IdeaColumn> OPEN_COLUMNS = Arrays.stream(IdeaColumn.values())
            .filter(c -> c != IdeaColumn.CONTACT_ROLE).toList();
    private static final List<IdeaColumn> ALL_COLUMNS = List.of(IdeaColumn.values());

    private final IdeaRepository ideas;

    public IdeaExports(IdeaRepository ideas) {
        this.ideas = ideas;
    }

    public void csv(Set<IdeaStatus> statuses, boolean open, OutputStream out) {
        List<IdeaColumn> columns = open ? OPEN_COLUMNS : ALL_COLUMNS;
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(columns.stream().map(IdeaColumn::header).toList());
            each(statuses, idea -> csv.row(columns.stream().map(c -> csvValue(c.of(idea))).toList()));
        }
    }

    public void xlsx(Set<IdeaStatus> statuses, boolean open, OutputStream out) {
        List<IdeaColumn> columns = open ? OPEN_COLUMNS : ALL_COLUMNS;
        try (XlsxWriter xlsx = XlsxWriter.to(out, "Idébanken")) {
            xlsx.header(columns.stream().map(IdeaColumn::header).toList());
            each(statuses, idea -> xlsx.row(columns.stream().map(c -> c.of(idea)).toList()));
            xlsx.freeze(0, 1);
        }
    }

    /** Every idea in the statuses, by id, a page per read-only transaction. */
    private void each(Set<IdeaStatus> statuses, Consumer<Idea> row) {
        long after = 0;
        List<Idea> page;
        do {
            long from = after;
            page = QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(ideas.pageAfter(from, statuses, PAGE)));
            page.forEach(row);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id;
        } while (page.size() == PAGE);
    }

    private static Object csvValue(Object value) {
        return value instanceof BigDecimal decimal ? CsvWriter.decimal(decimal) : value;
    }
}
