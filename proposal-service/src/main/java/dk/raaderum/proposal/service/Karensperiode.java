package dk.raaderum.proposal.service;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.config.ProposalConfig;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.ProposalRepository.SimilarRow;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Karensperiode (quarantine): a proposal may not be presented when the same proposal was presented and not adopted
 * in any of the previous K budget years (K is the catalog's setting; 0 disables the rule). "The same" means in its
 * lineage (the predecessor chain) or a near-duplicate of the same municipality and area (trigram similarity of title
 * and description at or above the configured threshold).
 */
@ApplicationScoped
public class Karensperiode {

    private final ProposalRepository proposals;
    private final ProposalConfig.Karensperiode config;

    public Karensperiode(ProposalRepository proposals, ProposalConfig config) {
        this.proposals = proposals;
        this.config = config.karensperiode();
    }

    /** What blocks the proposal from being presented, if anything. */
    public Optional<Hit> check(Proposal proposal) {
        return check(new Subject(proposal.municipality, proposal.areaCode, proposal.budgetYear,
                proposal.catalog.karensYears, proposal.title, proposal.description, proposal.id,
                proposal.predecessor == null ? null : proposal.predecessor.id));
    }

    /** The same for a proposal as described, written or not (a rollover's successor before it exists). */
    public Optional<Hit> check(Subject subject) {
        int years = subject.karensYears();
        if (years == 0) {
            return Optional.empty();
        }
        int from = subject.budgetYear() - years;
        int to = subject.budgetYear() - 1;
        if (subject.predecessorId() != null) {
            List<Long> ancestors = proposals.presentedNotAdoptedAncestors(subject.predecessorId(),
                    subject.municipality(), from, to);
            if (!ancestors.isEmpty()) {
                return Optional.of(new Hit(proposals.findById(ancestors.get(0)), "lineage", 1.0, years));
            }
        }
        List<SimilarRow> similar = proposals.similar(subject.municipality(), subject.areaCode(), subject.title(),
                subject.description(), subject.id(), from, to, config.similarityThreshold(), 1, true);
        return similar.stream().findFirst()
                .map(row -> new Hit(proposals.findById(row.proposalId()), "similarity", row.score(), years));
    }

    /** The 409 problem for a hit: names the earlier proposal and its year. */
    public static ProblemException problem(Proposal proposal, Hit hit) {
        Proposal earlier = hit.earlier();
        Map<String, Object> earlierView = new LinkedHashMap<>();
        earlierView.put("id", earlier.id);
        earlierView.put("number", earlier.number);
        earlierView.put("title", earlier.title);
        earlierView.put("budgetYear", earlier.budgetYear);
        earlierView.put("status", earlier.status.name());
        String why = hit.match().equals("lineage") ? "is a successor of" : String.format(java.util.Locale.ROOT,
                "resembles (similarity %.2f)", hit.score());
        return new ProblemException(ProposalProblems.KARENSPERIODE,
                proposal.number + " " + why + " " + earlier.number + " '" + earlier.title + "', presented for budget "
                        + earlier.budgetYear + " and not adopted. The karensperiode of " + proposal.catalog.karensYears
                        + " year(s) forbids presenting it again for " + proposal.budgetYear
                        + "; a finance officer may override it with a reason.",
                Map.of("earlierProposal", earlierView, "year", earlier.budgetYear, "match", hit.match(),
                        "similarity", Math.round(hit.score() * 100) / 100.0, "untilYear", hit.untilYear()),
                List.of());
    }

    /**
     * A proposal as the rule sees it: where and when it would be presented, its text and lineage.
     *
     * @param karensYears the karensperiode of its catalog (K)
     * @param id the proposal's own id, or null when it is not written yet
     * @param predecessorId its predecessor (lineage), or null
     */
    public record Subject(String municipality, String areaCode, int budgetYear, int karensYears, String title,
            String description, Long id, Long predecessorId) {
    }

    /** The earlier proposal that blocks, how it matched (lineage or similarity), the similarity score and K. */
    public record Hit(Proposal earlier, String match, double score, int karensYears) {

        /** The last budget year in which the karensperiode forbids presenting it: the earlier proposal's year + K. */
        public int untilYear() {
            return earlier.budgetYear + karensYears;
        }
    }
}
