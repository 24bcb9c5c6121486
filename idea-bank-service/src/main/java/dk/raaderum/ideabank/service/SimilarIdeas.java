package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.config.IdeaBankConfig;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.SimilarityRepository;
import dk.raaderum.ideabank.repository.SimilarityRepository.Candidate;
import dk.raaderum.ideabank.service.IdeaModels.DraftInput;
import dk.raaderum.ideabank.service.IdeaModels.SimilarView;
import dk.raaderum.ideabank.service.search.DanishWords;
import dk.raaderum.ideabank.service.search.Decompounder;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Look-alikes: for an idea, for a text being written ("is this already in the bank?") and for the duplicate scan.
 * Candidates come from the GIN indexes (a shared key term, or a similar title); one matches only if it shares at least
 * one significant word with the idea (stemmed, compounds split, the shipped common words of budget proposals left
 * out), and its score is
 * {@code titleWeight × title trigram similarity + wordsWeight × Dice overlap of the significant words + areaWeight ×
 * same policy area}. A pair without a shared significant word never matches, so common words alone ("forslag",
 * "kommune", "effektivisering") and near-identical boilerplate titles make no match, and an idea never matches itself
 * or a member of its own family.
 */
@ApplicationScoped
public class SimilarIdeas {

    /** One look-alike: the idea, its score and why. */
    public record Match(long ideaId, double score, double titleSimilarity, List<String> sharedTerms, boolean sameArea,
            Candidate candidate) {
    }

    private static final int CANDIDATES = 200;

    private final SimilarityRepository repository;
    private final Decompounder decompounder;
    private final DanishWords words;
    private final IdeaQueries queries;
    private final IdeaBankConfig.Similarity config;
    private volatile Set<String> commonTerms;

    public SimilarIdeas(SimilarityRepository repository, Decompounder decompounder, DanishWords words,
            IdeaQueries queries, IdeaBankConfig config) {
        this.repository = repository;
        this.queries = queries;
        this.decompounder = decompounder;
        this.words = words;
        this.config = config.similarity();
    }

    /** Look-alikes of an idea the actor may see, among the ideas the actor may see. */
    public List<SimilarView> ofIdea(Actor actor, long id) {
        return views(matches(queries.visible(actor, id), config.similarThreshold().doubleValue()), actor);
    }

    /** Look-alikes of a text being written, among the ideas the actor may see. */
    public List<SimilarView> ofDraft(Actor actor, DraftInput draft) {
        String parts = decompounder.parts(draft.title(), draft.summary());
        Set<String> terms = repository.terms(draft.title() + " " + Objects.toString(draft.summary(), "") + " " + parts);
        return views(score(null, null, draft.title(), terms, draft.areaCode(), config.similarThreshold().doubleValue()),
                actor);
    }

    /** The ideas that look like {@code idea} with at least {@code threshold}, best first. */
    public List<Match> matches(Idea idea, double threshold) {
        return score(idea.id, idea.familyId, idea.title, repository.termsOf(idea.id), idea.areaCode, threshold);
    }

    private List<Match> score(Long excludeId, Long familyId, String title, Set<String> terms, String areaCode,
            double threshold) {
        Set<String> significant = significant(terms);
        if (significant.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (Candidate candidate : repository.candidates(excludeId, familyId, significant.toArray(String[]::new), title,
                CANDIDATES)) {
            Set<String> theirs = significant(candidate.keyTerms());
            Set<String> shared = new TreeSet<>(theirs);
            shared.retainAll(significant);
            if (shared.isEmpty()) {
                continue;
            }
            double dice = 2.0 * shared.size() / (significant.size() + theirs.size());
            boolean sameArea = candidate.areaCode().equals(areaCode);
            double score = config.titleWeight().doubleValue() * candidate.titleSimilarity()
                    + config.wordsWeight().doubleValue() * dice + (sameArea ? config.areaWeight().doubleValue() : 0);
            if (score >= threshold) {
                matches.add(new Match(candidate.id(), round(score), round(candidate.titleSimilarity()), List.copyOf(shared),
                        sameArea, candidate));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::ideaId));
        return matches;
    }

    private List<SimilarView> views(List<Match> matches, Actor actor) {
        Predicate<Candidate> visible = c -> IdeaAccess.canSee(actor, c.status(), c.municipality());
        return matches.stream().filter(m -> visible.test(m.candidate())).limit(config.maxResults()).map(m -> {
            Candidate c = m.candidate();
            return new SimilarView(c.id(), c.title(), c.status(), IdeaViews.municipality(c.municipality()),
                    c.budgetYear(), c.areaCode(), m.score(), m.titleSimilarity(), m.sharedTerms(), m.sameArea(),
                    reasons(m));
        }).toList();
    }

    /** Why it matched, for people. */
    static List<String> reasons(Match match) {
        List<String> reasons = new ArrayList<>();
        reasons.add("shared words: " + String.join(", ", match.sharedTerms()));
        if (match.titleSimilarity() >= 0.3) {
            reasons.add("titles alike (" + Math.round(match.titleSimilarity() * 100) + " %)");
        }
        if (match.sameArea()) {
            reasons.add("same policy area (" + PolicyAreas.byCode(match.candidate().areaCode()).map(a -> a.name())
                    .orElse(match.candidate().areaCode()) + ")");
        }
        return reasons;
    }

    private Set<String> significant(Set<String> terms) {
        Set<String> significant = new TreeSet<>(terms);
        significant.removeAll(common());
        significant.removeIf(term -> term.length() < 3 || term.chars().allMatch(Character::isDigit));
        return significant;
    }

    /** The common words as the danish configuration stems them (computed once, on first use). */
    private Set<String> common() {
        Set<String> common = commonTerms;
        if (common == null) {
            common = repository.terms(String.join(" ", words.commonWords()));
            commonTerms = common;
        }
        return common;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
