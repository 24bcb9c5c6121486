package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.idea.IdeaDecidedV1;
import dk.raaderum.platform.events.idea.IdeaPublishedV1;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.PublishedIdea;
import dk.raaderum.proposal.domain.PublishedIdea.Status;
import dk.raaderum.proposal.repository.PublishedIdeaRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The idea bank's ideas as far as proposal-service needs them, kept from {@code idea.published},
 * {@code idea.withdrawn} and {@code idea.rejected}: whether an idea may be a proposal's origin or be copied into a
 * catalog. Events of one idea come on three topics, so the newest by its time wins.
 */
@ApplicationScoped
public class IdeaReadModel {

    /** 422 rule: a proposal with origin IDEA_BANK names an idea the idea bank has published. */
    public static final String IDEA_NOT_PUBLISHED = "idea-not-published";

    private final PublishedIdeaRepository ideas;

    public IdeaReadModel(PublishedIdeaRepository ideas) {
        this.ideas = ideas;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(IncomingEvent<IdeaPublishedV1> event) {
        IdeaPublishedV1 idea = event.payload();
        apply(idea.ideaId(), Status.PUBLISHED, idea.version(), idea.title(), event.time());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(IncomingEvent<IdeaDecidedV1> event) {
        apply(event.payload().ideaId(), Status.WITHDRAWN, null, event.payload().title(), event.time());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(IncomingEvent<IdeaDecidedV1> event) {
        apply(event.payload().ideaId(), Status.REJECTED, null, event.payload().title(), event.time());
    }

    /** Records what a copy request vouches for (the idea bank only copies published ideas), if nothing newer is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void vouched(long ideaId, long version, String title, Instant at) {
        if (ideas.forUpdate(ideaId).isEmpty()) {
            apply(ideaId, Status.PUBLISHED, version, title, at);
        }
    }

    public Optional<PublishedIdea> find(long ideaId) {
        return ideas.findByIdOptional(ideaId);
    }

    /** 422 {@value #IDEA_NOT_PUBLISHED} unless the idea bank has published the idea (and not withdrawn it since). */
    public void requirePublished(long ideaId) {
        Optional<PublishedIdea> idea = find(ideaId);
        if (idea.map(PublishedIdea::isPublished).orElse(false)) {
            return;
        }
        String detail = idea.map(i -> "Idea " + ideaId + " (" + i.title + ") is " + i.status.name().toLowerCase()
                + " in the idea bank").orElse("Idea " + ideaId + " is not a published idea of the idea bank");
        throw ProblemException.ruleViolation(IDEA_NOT_PUBLISHED, detail + "; only a published idea can be the origin",
                List.of(new FieldError("origin.ideaId", "not a published idea")));
    }

    private void apply(long ideaId, Status status, Long version, String title, Instant at) {
        PublishedIdea idea = ideas.forUpdate(ideaId).orElse(null);
        if (idea == null) {
            idea = new PublishedIdea();
            idea.ideaId = ideaId;
            idea.apply(status, version, title == null ? "" : title, at);
            ideas.persist(idea);
        } else {
            idea.apply(status, version, title, at);
        }
    }
}
