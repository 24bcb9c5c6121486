package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.time.DateRange;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalChange;
import dk.raaderum.proposal.domain.ProposalTransition;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ChangeRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.SeenRepository;
import dk.raaderum.proposal.repository.TransitionRepository;
import dk.raaderum.proposal.service.ProposalModels.CatalogChangesView;
import dk.raaderum.proposal.service.ProposalModels.ChangedProposalView;
import dk.raaderum.proposal.service.ProposalModels.HistoryEntryView;
import dk.raaderum.proposal.service.ProposalModels.HistoryKind;
import dk.raaderum.proposal.service.ProposalModels.SeenView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading a proposal's history (its content changes and workflow steps in one timeline) and what changed in a catalog
 * since a user last looked. Content changes are written by {@link ProposalService} only.
 */
@ApplicationScoped
public class ProposalHistory {

    /** The {@code since} that means "when I last marked the catalog as seen". */
    public static final String LAST_SEEN = "last-seen";
    /** The field a workflow step is listed under in "what changed". */
    static final String STATUS_FIELD = "status";

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at)
            .thenComparing(Entry::transition).thenComparingLong(Entry::id).reversed();

    private final ProposalService proposals;
    private final ProposalRepository repository;
    private final CatalogRepository catalogs;
    private final ChangeRepository changes;
    private final TransitionRepository transitions;
    private final SeenRepository seen;
    private final ProposalAccess access;
    private final Clock clock;

    public ProposalHistory(ProposalService proposals, ProposalRepository repository, CatalogRepository catalogs,
            ChangeRepository changes, TransitionRepository transitions, SeenRepository seen, ProposalAccess access,
            Clock clock) {
        this.proposals = proposals;
        this.repository = repository;
        this.catalogs = catalogs;
        this.changes = changes;
        this.transitions = transitions;
        this.seen = seen;
        this.access = access;
        this.clock = clock;
    }

    private record Entry(Instant at, boolean transition, long id, Object source) {
    }

    /** Newest first: content changes (with fields) and workflow steps; the creation's step is the CREATED entry. */
    public PageOf<HistoryEntryView> timeline(Actor actor, String municipality, long id, int page, int size) {
        proposals.visible(actor, municipality, id);
        List<Entry> entries = new ArrayList<>();
        changes.history(id).forEach(c -> entries.add(new Entry(c.at, false, c.id, c)));
        transitions.history(id).stream().filter(t -> t.fromStatus != null)
                .forEach(t -> entries.add(new Entry(t.at, true, t.id, t)));
        entries.sort(NEWEST_FIRST);
        int from = (int) Math.min((long) page * size, entries.size());
        List<HistoryEntryView> items = entries.subList(from, Math.min(from + size, entries.size())).stream()
                .map(e -> e.source() instanceof ProposalChange c ? ProposalViews.entry(c)
                        : ProposalViews.entry((ProposalTransition) e.source()))
                .toList();
        return new PageOf<>(items, page, size, entries.size());
    }

    /** Marks the catalog as seen by the caller (token subject), now or at {@code seenAt} (not in the future). */
    @Transactional
    public SeenView markSeen(Actor actor, String municipality, long catalogId, Instant seenAt) {
        Catalog catalog = catalog(municipality, catalogId);
        Instant now = now();
        if (seenAt != null && seenAt.isAfter(now)) {
            throw ProblemException.validation("seenAt is in the future",
                    List.of(new FieldError("seenAt", "not after now (" + now + ")")));
        }
        Instant at = seenAt == null ? now : seenAt.truncatedTo(ChronoUnit.MICROS);
        seen.mark(catalog.id, actor.id(), at);
        return new SeenView(catalog.id, at);
    }

    /**
     * The proposals of the catalog the caller may see that changed after {@code since} ({@link #LAST_SEEN} or an
     * ISO-8601 instant), latest change first, with the kinds of change and the fields.
     */
    public CatalogChangesView changes(Actor actor, String municipality, long catalogId, String since) {
        Catalog catalog = catalog(municipality, catalogId);
        Instant until = now();
        Optional<Instant> lastSeen = seen.seenAt(catalog.id, actor.id());
        Instant from = LAST_SEEN.equals(since) ? lastSeen.orElse(null) : instant(since);
        Map<Long, Changed> changed = new HashMap<>();
        for (ProposalChange c : changes.inCatalogSince(catalog.id, from)) {
            changed.computeIfAbsent(c.proposalId, k -> new Changed()).add(c.at, HistoryKind.valueOf(c.kind.name()),
                    c.fieldNames());
        }
        for (ProposalTransition t : transitions.inCatalogSince(catalog.id, from)) {
            changed.computeIfAbsent(t.proposalId, k -> new Changed()).add(t.at, HistoryKind.TRANSITION,
                    List.of(STATUS_FIELD));
        }
        List<ChangedProposalView> views = changed.isEmpty() ? List.of()
                : repository.list("id in ?1", List.copyOf(changed.keySet())).stream()
                        .filter(p -> access.canSee(actor, p))
                        .map(p -> changed.get(p.id).view(p))
                        .sorted(Comparator.comparing(ChangedProposalView::changedAt).reversed()
                                .thenComparing(ChangedProposalView::number, ProposalViews.DANISH))
                        .toList();
        return new CatalogChangesView(catalog.id, from, until, lastSeen.orElse(null), views);
    }

    /** What changed in one proposal, gathered over its entries. */
    private static final class Changed {
        private Instant latest = Instant.MIN;
        private final Set<HistoryKind> kinds = EnumSet.noneOf(HistoryKind.class);
        private final Set<String> fields = new TreeSet<>();

        void add(Instant at, HistoryKind kind, List<String> names) {
            latest = at.isAfter(latest) ? at : latest;
            kinds.add(kind);
            fields.addAll(names);
        }

        ChangedProposalView view(Proposal p) {
            return new ChangedProposalView(p.id, p.number, p.title, p.status, latest, List.copyOf(kinds),
                    List.copyOf(fields));
        }
    }

    /** To the microsecond, as the database keeps times: a mark set at {@code until} is the mark read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(String since) {
        try {
            Instant instant = Instant.parse(since);
            if (DateRange.within(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw ProblemException.validation("since: '" + since + "' is neither " + LAST_SEEN + " nor an instant",
                List.of(new FieldError("since", LAST_SEEN + " or an ISO-8601 instant in the years "
                        + DateRange.FIRST_YEAR + "–" + DateRange.LAST_YEAR + ", e.g. 2026-09-01T08:00:00Z")));
    }

    private Catalog catalog(String municipality, long catalogId) {
        return catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
    }
}
