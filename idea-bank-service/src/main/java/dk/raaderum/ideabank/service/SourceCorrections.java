package dk.raaderum.ideabank.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaContent.Change;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.service.IdeaModels.ChangeView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.SourceCorrectionView;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Corrections of shared proposals ({@code proposal.corrected}) that reach an idea KL has curated. KL's text is never
 * overwritten by them: a published or rejected idea holds the newest correction (its content as the idea would take
 * it, {@link IdeaContent#takingFrom}, the reason and when) until KL publishes with {@code acceptSourceCorrection} true
 * (taken in, as KL's correction) or false (dismissed); KL sees what it would change on the idea and in its list of
 * waiting corrections. A merged member only records it in its history.
 */
@ApplicationScoped
public class SourceCorrections {

    /** Curated ideas that hold a correction for KL to decide on. */
    private static final Set<IdeaStatus> HOLDING = EnumSet.of(IdeaStatus.PUBLISHED, IdeaStatus.REJECTED);

    private final IdeaRepository ideas;
    private final IdeaWriter writer;
    private final ObjectMapper json;

    public SourceCorrections(IdeaRepository ideas, IdeaWriter writer, ObjectMapper json) {
        this.ideas = ideas;
        this.writer = writer;
        this.json = json;
    }

    /** Holds the corrected content (from the proposal) on a curated idea and records what it would change. */
    void hold(Idea idea, IdeaContent corrected, String reason, Instant at, Actor actor) {
        IdeaContent current = idea.content();
        List<Change> changes = current.takingFrom(corrected).changesFrom(current);
        if (HOLDING.contains(idea.status)) {
            if (changes.isEmpty()) {
                idea.clearSourceCorrection();
            } else {
                idea.holdSourceCorrection(write(corrected), reason, at);
            }
        }
        writer.record(idea, Action.SOURCE_CORRECTED, actor, reason, changes);
    }

    /**
     * The content KL publishes from: with the held correction taken in when {@code accept} is true; the held
     * correction is dropped when KL decided (true or false; a dismissal is recorded). Null leaves it waiting.
     */
    IdeaContent decide(Idea idea, Boolean accept, Actor actor, String comment) {
        IdeaContent current = idea.content();
        if (accept == null || idea.sourceCorrection == null) {
            return current;
        }
        IdeaContent corrected = read(idea.sourceCorrection);
        String reason = idea.sourceCorrectionReason;
        idea.clearSourceCorrection();
        if (accept) {
            return current.takingFrom(corrected);
        }
        writer.record(idea, Action.SOURCE_CORRECTION_DISMISSED, actor, comment == null ? reason : comment, List.of());
        return current;
    }

    /** What the held correction would change, or null when none waits. */
    SourceCorrectionView view(Idea idea) {
        if (idea.sourceCorrection == null) {
            return null;
        }
        IdeaContent current = idea.content();
        List<ChangeView> changes = current.takingFrom(read(idea.sourceCorrection)).changesFrom(current).stream()
                .map(c -> new ChangeView(c.field(), c.from(), c.to())).toList();
        return new SourceCorrectionView(idea.sourceCorrectedAt, idea.sourceCorrectionReason, changes);
    }

    /** KL's list: curated ideas holding a correction, oldest correction first. */
    public PageOf<IdeaSummary> waiting(int page, int size) {
        return new PageOf<>(ideas.withSourceCorrection(page, size).stream().map(IdeaViews::summary).toList(), page,
                size, ideas.countWithSourceCorrection());
    }

    private String write(IdeaContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private IdeaContent read(String content) {
        try {
            return json.readValue(content, IdeaContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
