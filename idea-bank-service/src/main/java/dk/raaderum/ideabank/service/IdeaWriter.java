package dk.raaderum.ideabank.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaContent.Change;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.repository.IdeaHistoryRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.repository.IdeaVectorRepository.Texts;
import dk.raaderum.ideabank.repository.IdeaVectorRepository.Vectors;
import dk.raaderum.ideabank.service.search.Decompounder;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The one way an idea is created or its content or status changed, whoever does it (a municipality, a shared
 * proposal's event, an import, a curator): the content and what derives from it (compound parts for search) are set
 * together, every step is written to the history with the fields it changed, and the event of the new state is
 * published in the same transaction. Callers check the content ({@link IdeaChecks}) and the step first.
 */
@ApplicationScoped
public class IdeaWriter {

    private final IdeaRepository ideas;
    private final IdeaHistoryRepository history;
    private final Decompounder decompounder;
    private final IdeaEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public IdeaWriter(IdeaRepository ideas, IdeaHistoryRepository history, Decompounder decompounder, IdeaEvents events,
            ObjectMapper json, Clock clock) {
        this.ideas = ideas;
        this.history = history;
        this.decompounder = decompounder;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What search indexes besides an idea's words: {@code all}, the compound parts of every text and the tags with
     * their parts (weight D of the search vector, so free text finds an idea by its tags); {@code head}, the compound
     * parts of title and summary.
     */
    public record Parts(String all, String head) {
    }

    /** The parts of the content's compound words, and its tags; safe on any thread (a bulk import splits ahead). */
    public Parts parts(IdeaContent content) {
        String tags = String.join(" ", content.tags());
        String compounds = decompounder.parts(content.title(), content.summary(), content.description(), tags);
        return new Parts(tags.isEmpty() ? compounds : (compounds + " " + tags).strip(),
                decompounder.parts(content.title(), content.summary()));
    }

    /** A new idea with this (normalised, checked) content, not yet stored: the caller may set its source first. */
    public Idea draft(IdeaContent content, IdeaOrigin origin, String municipality, Actor actor) {
        return draft(content, parts(content), origin, municipality, actor);
    }

    /** What the text vectors of an idea with this content and these parts are made from. */
    public static Texts texts(IdeaContent content, Parts parts) {
        return new Texts(content.title(), content.summary(), content.description(), parts.head(), parts.all());
    }

    /**
     * As {@link #draft(IdeaContent, IdeaOrigin, String, Actor)}, with the parts split and the text vectors computed
     * before (of {@link #texts}).
     */
    public Idea draft(IdeaContent content, Parts parts, Vectors vectors, IdeaOrigin origin, String municipality,
            Actor actor) {
        Idea idea = draft(content, parts, origin, municipality, actor);
        idea.headVector = vectors.head();
        idea.searchVector = vectors.search();
        return idea;
    }

    private Idea draft(IdeaContent content, Parts parts, IdeaOrigin origin, String municipality, Actor actor) {
        Instant now = clock.instant();
        Idea idea = new Idea();
        idea.origin = origin;
        idea.sourceMunicipality = municipality;
        idea.familyMunicipalities = new String[] { municipality };
        idea.apply(content, parts.all(), parts.head());
        idea.createdAt = now;
        idea.createdBy = actor.name();
        idea.createdById = actor.id();
        idea.updatedAt = now;
        return idea;
    }

    /** Stores a drafted idea in {@code status} (SUBMITTED or PUBLISHED), records it and publishes its event. */
    public Idea add(Idea idea, IdeaStatus status, Actor actor, Action action, String reason) {
        Instant now = idea.createdAt;
        idea.status = status;
        if (status == IdeaStatus.PUBLISHED) {
            idea.publishedAt = now;
        }
        ideas.persist(idea);
        write(idea, action, actor, now, reason, List.of(), 0);
        if (status == IdeaStatus.PUBLISHED) {
            events.published(idea);
        } else {
            events.submitted(idea, now);
        }
        return idea;
    }

    /**
     * Stores many drafted ideas at once (a batch of an import) in {@code status}, records each and publishes their
     * events with one insert.
     */
    public void addAll(List<Idea> drafts, IdeaStatus status, Actor actor, Action action, String reason) {
        Instant now = clock.instant();
        for (Idea idea : drafts) {
            idea.status = status;
            if (status == IdeaStatus.PUBLISHED) {
                idea.publishedAt = idea.createdAt;
            }
            ideas.persist(idea);
            write(idea, action, actor, idea.createdAt, reason, List.of(), 0);
        }
        events.added(drafts, now);
    }

    /**
     * New content for an idea (normalised, checked); false when it is the same. The new version is recorded with the
     * fields that changed and, when the idea is published, published.
     */
    public boolean change(Idea idea, IdeaContent content, Actor actor, Action action, String reason) {
        IdeaContent before = idea.content();
        if (!apply(idea, content)) {
            return false;
        }
        idea.updatedAt = clock.instant();
        record(idea, action, actor, reason, content.changesFrom(before));
        if (idea.status == IdeaStatus.PUBLISHED) {
            events.published(idea);
        }
        return true;
    }

    /** Sets new content without recording it: the caller records the step it belongs to (publishing a correction). */
    void replace(Idea idea, IdeaContent content) {
        if (apply(idea, content)) {
            idea.updatedAt = clock.instant();
        }
    }

    /** Records a step that has been taken (status, family, link…) in the history, at the version it led to. */
    public void record(Idea idea, Action action, Actor actor, String reason, List<Change> changes) {
        ideas.flush();
        write(idea, action, actor, clock.instant(), reason, changes, idea.version);
    }

    private boolean apply(Idea idea, IdeaContent content) {
        Parts parts = parts(content);
        return idea.apply(content, parts.all(), parts.head());
    }

    private void write(Idea idea, Action action, Actor actor, Instant at, String reason, List<Change> changes,
            long version) {
        IdeaHistoryEntry entry = new IdeaHistoryEntry();
        entry.ideaId = idea.id;
        entry.action = action;
        entry.ideaVersion = version;
        entry.status = idea.status;
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.at = at;
        entry.reason = reason;
        entry.changes = changes.isEmpty() ? null : toJson(changes);
        history.persist(entry);
    }

    private String toJson(List<Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
