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
        int years = proposal.catalog.karensYears;
        if (years == 0) {
            return Optional.empty();
        }
        int from = proposal.budgetYear - years;
        int to = proposal.budgetYear - 1;
        if (proposal.predecessor != null) {
            List<Long> ancestors = proposals.presentedNotAdoptedAncestors(proposal.predecessor.id, proposal.municipality,
                    from, to);
            if (!ancestors.isEmpty()) {
                return Optional.of(new Hit(proposals.findById(ancestors.get(0)), "lineage", 1.0));
            }
        }
        List<SimilarRow> similar = proposals.similar(proposal.municipality, proposal.areaCode, proposal.title,
                proposal.description, proposal.id, from, to, config.similarityThreshold(), 1, true);
        return similar.stream().findFirst()
                .map(row -> new Hit(proposals.findById(row.proposalId()), "similarity", row.score()));
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
                        "similarity", Math.round(hit.score() * 100) / 100.0),
                List.of());
    }

    /** The earlier proposal that blocks, how it matched (lineage or similarity) and the similarity score. */
    public record Hit(Proposal earlier, String match, double score) {
    }
}
