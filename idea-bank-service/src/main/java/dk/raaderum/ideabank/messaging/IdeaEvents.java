package dk.raaderum.ideabank.messaging;

import dk.raaderum.ideabank.domain.DuplicateCandidate;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaCopy;
import dk.raaderum.ideabank.domain.IdeaLink;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.idea.DuplicateDismissedV1;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.events.idea.IdeaDecidedV1;
import dk.raaderum.platform.events.idea.IdeaLinkedV1;
import dk.raaderum.platform.events.idea.IdeaMergedV1;
import dk.raaderum.platform.events.idea.IdeaPublishedV1;
import dk.raaderum.platform.events.idea.IdeaSubmittedV1;
import dk.raaderum.platform.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes idea-bank-service's events through the outbox, in the caller's transaction, keyed by the idea id and
 * carrying the idea's source municipality. Payloads are the contract records of platform/contracts (docs/events.md).
 */
@ApplicationScoped
public class IdeaEvents {

    /** Who withdrew an idea ({@link IdeaDecidedV1#by()}). */
    public enum WithdrawnBy {
        MUNICIPALITY, KL, SOURCE
    }

    private final Outbox outbox;

    public IdeaEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Idea idea, Instant at) {
        outbox.publish(Events.IDEA_SUBMITTED, key(idea), idea.sourceMunicipality, submittedPayload(idea, at));
    }

    /** The published idea as it is now (call after the change is flushed, so the version is the new one). */
    public void published(Idea idea) {
        outbox.publish(Events.IDEA_PUBLISHED, key(idea), idea.sourceMunicipality, publishedPayload(idea));
    }

    /** The events of many new ideas (a batch of an import) in one insert: published or submitted, by their status. */
    public void added(List<Idea> ideas, Instant at) {
        outbox.publishAll(Events.IDEA_PUBLISHED, ideas.stream().filter(i -> i.status == IdeaStatus.PUBLISHED)
                .map(i -> new Outbox.Keyed<>(key(i), i.sourceMunicipality, publishedPayload(i))).toList());
        outbox.publishAll(Events.IDEA_SUBMITTED, ideas.stream().filter(i -> i.status == IdeaStatus.SUBMITTED)
                .map(i -> new Outbox.Keyed<>(key(i), i.sourceMunicipality, submittedPayload(i, at))).toList());
    }

    private static IdeaSubmittedV1 submittedPayload(Idea idea, Instant at) {
        return new IdeaSubmittedV1(idea.id, idea.title, idea.type.name(), idea.areaCode, idea.sourceMunicipality,
                idea.budgetYear, idea.origin.name(), idea.sourceProposalId, at);
    }

    private static IdeaPublishedV1 publishedPayload(Idea idea) {
        PolicyAreaRef area = PolicyAreas.byCode(idea.areaCode)
                .map(a -> new PolicyAreaRef(a.code(), a.name(), a.mainAccount(), null))
                .orElse(new PolicyAreaRef(idea.areaCode, idea.areaCode, 6, null));
        return new IdeaPublishedV1(idea.id, idea.version, idea.title, idea.summary, idea.description, idea.type.name(),
                idea.classificationRationale, idea.reducesService, area, Arrays.asList(idea.tags), idea.sourceMunicipality,
                idea.budgetYear, idea.priceLevelYear, idea.amounts.known(idea.budgetYear), idea.fteChange,
                idea.investmentCost, idea.paybackYears, idea.consequences, idea.sourceProposalId, idea.sourceInitiativeId,
                idea.familyId, Arrays.asList(idea.familyMunicipalities), idea.publishedAt);
    }

    public void rejected(Idea idea, IdeaStatus previous, String reason, Instant at) {
        outbox.publish(Events.IDEA_REJECTED, key(idea), idea.sourceMunicipality, new IdeaDecidedV1(idea.id, idea.title,
                idea.sourceMunicipality, previous.name(), WithdrawnBy.KL.name(), reason, at));
    }

    public void withdrawn(Idea idea, IdeaStatus previous, WithdrawnBy by, String reason, Instant at) {
        outbox.publish(Events.IDEA_WITHDRAWN, key(idea), idea.sourceMunicipality, new IdeaDecidedV1(idea.id, idea.title,
                idea.sourceMunicipality, previous.name(), by.name(), reason, at));
    }

    /** The idea joined the family of {@code into} ({@code undone}: left it again). */
    public void merged(Idea idea, long into, long familyId, String reason, boolean undone, Instant at) {
        EventType<IdeaMergedV1> type = undone ? Events.IDEA_MERGE_UNDONE : Events.IDEA_MERGED;
        outbox.publish(type, key(idea), idea.sourceMunicipality, new IdeaMergedV1(idea.id, into, familyId,
                idea.sourceMunicipality, reason, at));
    }

    public void linked(IdeaLink link, String municipality, boolean removed, Instant at) {
        EventType<IdeaLinkedV1> type = removed ? Events.IDEA_UNLINKED : Events.IDEA_LINKED;
        outbox.publish(type, Long.toString(link.fromIdeaId), municipality, new IdeaLinkedV1(link.id, link.fromIdeaId,
                link.toIdeaId, link.type.name(), link.comment, at));
    }

    public void duplicateDismissed(DuplicateCandidate pair, String municipality) {
        outbox.publish(Events.IDEA_DUPLICATE_DISMISSED, Long.toString(pair.ideaId), municipality,
                new DuplicateDismissedV1(pair.id, pair.ideaId, pair.otherIdeaId, pair.reason, pair.resolvedAt));
    }

    /** "Use this idea": the published idea's content for a draft in the requesting municipality's catalog. */
    public void copyRequested(IdeaCopy copy, Idea idea) {
        outbox.publish(Events.IDEA_COPY_REQUESTED, copy.id.toString(), copy.municipality, new IdeaCopyRequestedV1(
                copy.id, idea.id, idea.version, copy.catalogId, copy.areaCode, idea.title, idea.summary,
                idea.description, idea.type.name(), idea.classificationRationale, idea.reducesService,
                idea.consequences, idea.sourceMunicipality, idea.budgetYear, idea.priceLevelYear,
                idea.amounts.known(idea.budgetYear), idea.fteChange, idea.investmentCost, copy.requestedBy,
                copy.requestedById, copy.requestedAt));
    }

    private static String key(Idea idea) {
        return idea.id.toString();
    }
}
