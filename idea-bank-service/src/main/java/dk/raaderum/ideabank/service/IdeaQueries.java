package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaFamily;
import dk.raaderum.ideabank.domain.IdeaLink;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.repository.FamilyRepository;
import dk.raaderum.ideabank.repository.IdeaHistoryRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.repository.LinkRepository;
import dk.raaderum.ideabank.service.IdeaModels.FamilyView;
import dk.raaderum.ideabank.service.IdeaModels.HistoryView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.LinkView;
import dk.raaderum.ideabank.service.IdeaModels.PolicyAreaView;
import dk.raaderum.platform.events.MainAccounts;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reading single ideas, their history and family, and a municipality's own ideas; the search is {@code IdeaSearch}. */
@ApplicationScoped
public class IdeaQueries {

    private final IdeaRepository ideas;
    private final IdeaHistoryRepository history;
    private final FamilyRepository families;
    private final LinkRepository links;
    private final IdeaEvidence evidence;
    private final SourceCorrections corrections;

    public IdeaQueries(IdeaRepository ideas, IdeaHistoryRepository history, FamilyRepository families,
            LinkRepository links, IdeaEvidence evidence, SourceCorrections corrections) {
        this.ideas = ideas;
        this.history = history;
        this.families = families;
        this.links = links;
        this.evidence = evidence;
        this.corrections = corrections;
    }

    /** The idea, if the actor may see it. */
    @Transactional
    public Optional<IdeaView> get(Actor actor, long id) {
        return ideas.findByIdOptional(id).filter(idea -> IdeaAccess.canSee(actor, idea)).map(idea -> view(actor, idea));
    }

    /** The whole idea as the actor sees it, after the changes of the running transaction are written. */
    IdeaView view(Actor actor, Idea idea) {
        ideas.flush();
        return IdeaViews.idea(idea, family(idea), links(idea, other -> IdeaAccess.canSee(actor, other)),
                evidence.view(idea.id), corrections.view(idea), false);
    }

    /** A published idea as open data. */
    @Transactional
    public Optional<IdeaView> open(long id) {
        Predicate<Idea> published = idea -> idea.status == IdeaStatus.PUBLISHED;
        return ideas.findByIdOptional(id).filter(published)
                .map(idea -> IdeaViews.idea(idea, family(idea), links(idea, published), evidence.view(idea.id), null, true));
    }

    /** The idea's history; who took each step only for the idea's own municipality and KL. */
    public List<HistoryView> history(Actor actor, long id) {
        Idea idea = visible(actor, id);
        boolean named = IdeaAccess.isKl(actor) || idea.sourceMunicipality.equals(actor.municipality());
        return history.of(id).stream().map(IdeaViews::history).map(step -> named ? step : step.anonymous()).toList();
    }

    /** The family the idea belongs to (as primary or member); empty when it has none. */
    @Transactional
    public Optional<FamilyView> family(Actor actor, long id) {
        return Optional.ofNullable(family(visible(actor, id)));
    }

    public PageOf<IdeaSummary> ofMunicipality(String municipality, Set<IdeaStatus> statuses, int page, int size) {
        Set<IdeaStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(IdeaStatus.class) : statuses;
        return new PageOf<>(ideas.ofMunicipality(municipality, wanted, page, size).stream().map(IdeaViews::summary)
                .toList(), page, size, ideas.countOfMunicipality(municipality, wanted));
    }

    public static List<PolicyAreaView> policyAreas() {
        return PolicyAreas.all().stream().map(a -> new PolicyAreaView(a.code(), a.name(), a.mainAccount(),
                MainAccounts.name(a.mainAccount()))).toList();
    }

    Idea visible(Actor actor, long id) {
        return ideas.findByIdOptional(id).filter(idea -> IdeaAccess.canSee(actor, idea))
                .orElseThrow(() -> ProblemException.notFound("Idea", id));
    }

    private FamilyView family(Idea idea) {
        if (idea.familyId == null) {
            return null;
        }
        IdeaFamily family = families.findById(idea.familyId);
        Idea primary = family.primaryIdeaId == idea.id ? idea : ideas.findById(family.primaryIdeaId);
        return IdeaViews.family(family.id, primary, ideas.members(family.id));
    }

    private List<LinkView> links(Idea idea, Predicate<Idea> shown) {
        List<IdeaLink> found = links.of(idea.id);
        Map<Long, Idea> others = ideas.byIds(found.stream().map(l -> l.fromIdeaId == idea.id ? l.toIdeaId : l.fromIdeaId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(i -> i.id, i -> i));
        return found.stream().map(link -> {
            boolean outgoing = link.fromIdeaId == idea.id;
            Idea other = others.get(outgoing ? link.toIdeaId : link.fromIdeaId);
            return other == null || !shown.test(other) ? null
                    : IdeaViews.link(link.id, link.type, outgoing || link.type.symmetric(), other, link.comment);
        }).filter(Objects::nonNull).toList();
    }
}
