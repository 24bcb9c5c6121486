package dk.raaderum.proposal.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which proposals a catalog's totals count: the one definition the summary and the exports (CSV and XLSX) share, so
 * the council sees one total. By default every proposal that is neither rejected nor withdrawn (in play or adopted);
 * a caller who chooses statuses gets exactly those, in the summary and in the exports alike.
 *
 * @param statuses the statuses counted
 * @param chosen true when the caller chose them, false for the default
 */
public record TotalScope(Set<ProposalStatus> statuses, boolean chosen) {

    /** Not counted unless chosen: a rejected proposal is out of the budget, a withdrawn one was never in it. */
    private static final Set<ProposalStatus> NOT_COUNTED = EnumSet.of(ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN);

    /** What a total counts by default. */
    public static final TotalScope DEFAULT = new TotalScope(EnumSet.complementOf(EnumSet.copyOf(NOT_COUNTED)), false);

    public TotalScope {
        EnumSet<ProposalStatus> copy = EnumSet.noneOf(ProposalStatus.class);
        copy.addAll(statuses);
        statuses = Collections.unmodifiableSet(copy);
    }

    /** The caller's statuses, or the default when none are chosen. */
    public static TotalScope of(Set<ProposalStatus> chosen) {
        return chosen == null || chosen.isEmpty() ? DEFAULT : new TotalScope(chosen, true);
    }

    public boolean counts(ProposalStatus status) {
        return statuses.contains(status);
    }

    /** What is counted, in Danish, as the exports state it under their total: "forslag der ikke er forkastet …". */
    public String danish() {
        if (!chosen) {
            return "forslag der ikke er " + NOT_COUNTED.stream().map(status -> status.danish().toLowerCase())
                    .collect(Collectors.joining(" eller "));
        }
        return "forslag med status " + Arrays.stream(ProposalStatus.values()).filter(this::counts)
                .map(ProposalStatus::danish).collect(Collectors.joining(", "));
    }
}
