package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.DuplicateCandidate;
import dk.raaderum.ideabank.domain.DuplicateCandidate.Resolution;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaLink;
import dk.raaderum.ideabank.domain.LinkType;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.repository.DuplicateRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.repository.LinkRepository;
import dk.raaderum.ideabank.service.IdeaModels.DuplicateView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.LinkInput;
import dk.raaderum.ideabank.service.IdeaModels.LinkView;
import dk.raaderum.ideabank.service.IdeaModels.MergeInput;
import dk.raaderum.ideabank.service.IdeaModels.PublishInput;
import dk.raaderum.ideabank.service.IdeaModels.ReasonInput;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * KL's curation: the queue of submissions, publishing (with corrections of type, area and tags), rejecting, merging
 * duplicates into families and undoing it, typed links, and the duplicate candidates. Every step is in the idea's
 * history (who, when, why) and published as an event.
 */
@ApplicationScoped
public class Curation {

    /** An idea is not linked to itself. */
    public static final String RULE_LINK_SELF = "link-self";

    private final IdeaRepository ideas;
    private final LinkRepository links;
    private final DuplicateRepository duplicates;
    private final IdeaLifecycle lifecycle;
    private final Families families;
    private final IdeaWriter writer;
    private final DuplicatePairs pairs;
    private final IdeaQueries queries;
    private final IdeaEvents events;
    private final SourceCorrections corrections;
    private final Clock clock;

    public Curation(IdeaRepository ideas, LinkRepository links, DuplicateRepository duplicates, IdeaLifecycle lifecycle,
            Families families, IdeaWriter writer, DuplicatePairs pairs, IdeaQueries queries, IdeaEvents events,
            SourceCorrections corrections, Clock clock) {
        this.ideas = ideas;
        this.links = links;
        this.duplicates = duplicates;
        this.lifecycle = lifecycle;
        this.families = families;
        this.writer = writer;
        this.pairs = pairs;
        this.queries = queries;
        this.events = events;
        this.corrections = corrections;
        this.clock = clock;
    }

    public PageOf<IdeaSummary> queue(int page, int size) {
        return new PageOf<>(ideas.queue(page, size).stream().map(IdeaViews::summary).toList(), page, size,
                ideas.queueLength());
    }

    /** Curated ideas holding a correction of their source proposal ({@link SourceCorrections}). */
    public PageOf<IdeaSummary> sourceCorrections(int page, int size) {
        return corrections.waiting(page, size);
    }

    @Transactional
    public IdeaView publish(Actor actor, long id, PublishInput input, Optional<Long> ifMatch) {
        Idea idea = locked(id);
        EntityTags.checkUnchanged(ifMatch, input.version(), idea.version);
        IdeaContent from = corrections.decide(idea, input.acceptSourceCorrection(), actor, input.comment());
        IdeaContent corrected = IdeaChecks.require(from.corrected(input.type(), input.classificationRationale(),
                input.areaCode(), input.tags(), input.reducesService()), false);
        lifecycle.publish(idea, corrected, actor, input.comment());
        return queries.view(actor, idea);
    }

    @Transactional
    public IdeaView reject(Actor actor, long id, ReasonInput input, Optional<Long> ifMatch) {
        Idea idea = locked(id);
        EntityTags.checkUnchanged(ifMatch, input.version(), idea.version);
        lifecycle.reject(idea, actor, input.reason().strip());
        return queries.view(actor, idea);
    }

    /** Merges the idea into another's family; both are locked, lower id first, so concurrent merges queue up. */
    @Transactional
    public IdeaView merge(Actor actor, long id, MergeInput input, Optional<Long> ifMatch) {
        long into = input.intoIdeaId();
        Idea first = locked(Math.min(id, into));
        Idea second = locked(Math.max(id, into));
        Idea idea = first.id == id ? first : second;
        EntityTags.checkUnchanged(ifMatch, input.version(), idea.version);
        families.merge(idea, idea == first ? second : first, actor, input.reason().strip());
        return queries.view(actor, idea);
    }

    @Transactional
    public IdeaView unmerge(Actor actor, long id, ReasonInput input, Optional<Long> ifMatch) {
        Idea idea = locked(id);
        EntityTags.checkUnchanged(ifMatch, input.version(), idea.version);
        families.undo(idea, actor, input.reason().strip());
        return queries.view(actor, idea);
    }

    @Transactional
    public LinkView link(Actor actor, long id, LinkInput input) {
        if (input.toIdeaId() == id) {
            throw ProblemException.ruleViolation(RULE_LINK_SELF, "An idea is not linked to itself");
        }
        Idea idea = existing(id);
        Idea other = existing(input.toIdeaId());
        boolean flip = input.type().symmetric() && other.id < idea.id;
        IdeaLink link = new IdeaLink();
        link.fromIdeaId = flip ? other.id : idea.id;
        link.toIdeaId = flip ? idea.id : other.id;
        link.type = input.type();
        links.find(link.fromIdeaId, link.toIdeaId, link.type).ifPresent(existing -> {
            throw ProblemException.conflict("Idea " + idea.id + " is " + input.type().outgoing() + " idea " + other.id
                    + " already (link " + existing.id + ")");
        });
        link.comment = input.comment();
        link.createdAt = clock.instant();
        link.createdBy = actor.name();
        links.persist(link);
        recordLink(link, idea, other, actor, Action.LINKED, input.comment());
        pairs.resolve(idea.id, other.id, Resolution.LINKED, actor, "linked: " + input.type().outgoing());
        return IdeaViews.link(link.id, link.type, true, other, link.comment);
    }

    @Transactional
    public void unlink(Actor actor, long id, long linkId, String reason) {
        IdeaLink link = links.findByIdOptional(linkId).filter(l -> l.fromIdeaId == id || l.toIdeaId == id)
                .orElseThrow(() -> ProblemException.notFound("Link", linkId));
        Idea idea = existing(link.fromIdeaId);
        Idea other = existing(link.toIdeaId);
        links.delete(link);
        recordLink(link, idea, other, actor, Action.UNLINKED, reason);
    }

    private void recordLink(IdeaLink link, Idea from, Idea to, Actor actor, Action action, String comment) {
        String what = link.type.outgoing() + " idea " + to.id + (comment == null || comment.isBlank() ? "" : ": " + comment);
        writer.record(from, action, actor, what, List.of());
        writer.record(to, action, actor, link.type.incoming() + " idea " + from.id, List.of());
        events.linked(link, from.sourceMunicipality, action == Action.UNLINKED, clock.instant());
    }

    public PageOf<DuplicateView> duplicates(int page, int size) {
        List<DuplicateCandidate> open = duplicates.open(page, size);
        Map<Long, Idea> byId = ideas.byIds(open.stream().flatMap(p -> Stream.of(p.ideaId, p.otherIdeaId))
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        return new PageOf<>(open.stream().map(p -> IdeaViews.duplicate(p, byId.get(p.ideaId), byId.get(p.otherIdeaId)))
                .toList(), page, size, duplicates.countOpen());
    }

    @Transactional
    public DuplicateView dismiss(Actor actor, long candidateId, ReasonInput input) {
        DuplicateCandidate pair = duplicates.findByIdOptional(candidateId)
                .orElseThrow(() -> ProblemException.notFound("Duplicate candidate", candidateId));
        if (pair.status != DuplicateCandidate.Status.OPEN) {
            throw ProblemException.conflict("Duplicate candidate " + candidateId + " was cleared already ("
                    + pair.resolution + ")");
        }
        String reason = input.reason().strip();
        pair.resolve(Resolution.DISMISSED, actor.name(), reason, clock.instant());
        Idea idea = existing(pair.ideaId);
        Idea other = existing(pair.otherIdeaId);
        writer.record(idea, Action.DUPLICATE_DISMISSED, actor, "not a duplicate of idea " + other.id + ": " + reason,
                List.of());
        writer.record(other, Action.DUPLICATE_DISMISSED, actor, "not a duplicate of idea " + idea.id + ": " + reason,
                List.of());
        events.duplicateDismissed(pair, idea.sourceMunicipality);
        return IdeaViews.duplicate(pair, idea, other);
    }

    private Idea locked(long id) {
        return ideas.locked(id).orElseThrow(() -> ProblemException.notFound("Idea", id));
    }

    private Idea existing(long id) {
        return ideas.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Idea", id));
    }
}
