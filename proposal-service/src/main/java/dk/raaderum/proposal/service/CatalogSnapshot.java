package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalFigures;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.repository.ProposalRepository.Fingerprint;
import dk.raaderum.proposal.repository.ProposalRepository.SnapshotRow;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.Visibility;

import java.text.CollationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog's proposals at one moment, immutable: what the proposal list and the budget simulation read. Built from
 * {@link ProposalRepository#snapshotRows} and identified by the {@link Fingerprint}
 * of those rows, so {@link CatalogSnapshots} can tell whether it is still the database's state.
 */
public final class CatalogSnapshot {

    private final List<Entry> proposals;
    private final Map<Long, Entry> byId;
    private final Fingerprint fingerprint;

    private CatalogSnapshot(List<Entry> proposals) {
        this.proposals = List.copyOf(proposals);
        Map<Long, Entry> byId = new HashMap<>();
        long versions = 0;
        for (Entry entry : this.proposals) {
            byId.put(entry.id(), entry);
            versions += entry.version();
        }
        this.byId = Collections.unmodifiableMap(byId);
        this.fingerprint = new Fingerprint(this.proposals.size(), versions);
    }

    /** Groups the rows (ordered by proposal and year) into entries. */
    public static CatalogSnapshot of(List<SnapshotRow> rows) {
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            SnapshotRow first = rows.get(i);
            List<YearFigures> years = new ArrayList<>(4);
            while (i < rows.size() && rows.get(i).id() == first.id()) {
                SnapshotRow row = rows.get(i++);
                if (row.year() != null) {
                    years.add(new YearFigures(row.year(), row.netChange(), row.investmentCost(), row.gain()));
                }
            }
            entries.add(Entry.of(first, years));
        }
        return new CatalogSnapshot(entries);
    }

    /** The number and version sum of its own entries (compare with {@link ProposalRepository#fingerprint}). */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The proposals in id order. */
    public List<Entry> proposals() {
        return proposals;
    }

    public Map<Long, Entry> byId() {
        return byId;
    }

    /**
     * A conservative estimate of the memory this snapshot holds, for the size bound of {@link CatalogSnapshots}: per
     * proposal 512 bytes of objects and figures, 4 bytes per character of number, title and area (the texts and
     * their Danish sort keys) and 2 per character of the searchable lower-case texts.
     */
    public long estimatedBytes() {
        long bytes = 256;
        for (Entry entry : proposals) {
            bytes += 512 + 4L * (entry.number().length() + entry.title().length() + entry.areaCode().length());
            for (String text : entry.searchable()) {
                bytes += 2L * text.length();
            }
        }
        return bytes;
    }

    /** One year of a proposal in whole kroner; investment cost and gain only for investments. */
    public record YearFigures(int year, long netChange, Long investmentCost, Long gain) {
    }

    /**
     * A proposal as lists and simulations see it, with the sort keys of its texts (Danish order) and its searchable
     * texts (number, title and description in lower case) worked out once.
     */
    public record Entry(long id, long version, String number, String title, ProposalType type,
            String areaCode, ProposalStatus status, OriginKind originKind, String originParty, Uncertainty uncertainty,
            long netTotal, Instant createdAt, String createdById, List<YearFigures> years,
            boolean paysBackWithinHorizon, CollationKey numberKey, CollationKey titleKey, CollationKey areaKey,
            List<String> searchable) {

        public Entry {
            years = List.copyOf(years);
            searchable = List.copyOf(searchable);
        }

        static Entry of(SnapshotRow row, List<YearFigures> years) {
            List<ProposalYear> profile = years.stream()
                    .map(y -> new ProposalYear(y.year(), y.netChange(), y.investmentCost(), y.gain(), null)).toList();
            boolean paysBack = ProposalFigures.of(row.type(), profile).paysBackWithinHorizon();
            return new Entry(row.id(), row.version(), row.number(), row.title(), row.type(),
                    row.areaCode(), row.status(), row.originKind(), row.originParty(), row.uncertainty(),
                    row.netTotal(), row.createdAt(), row.createdById(), years, paysBack,
                    ProposalViews.DANISH.getCollationKey(row.number()), ProposalViews.DANISH.getCollationKey(row.title()),
                    ProposalViews.DANISH.getCollationKey(row.areaCode()),
                    List.of(lower(row.number()), lower(row.title()), lower(row.description())));
        }

        /** Whether the number, title or description contains the text (lower case, as given). */
        public boolean contains(String lowerCaseText) {
            for (String field : searchable) {
                if (field.contains(lowerCaseText)) {
                    return true;
                }
            }
            return false;
        }

        private static String lower(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        public boolean visibleTo(Visibility visibility) {
            return visibility.includes(status, originKind, originParty, createdById);
        }
    }
}
