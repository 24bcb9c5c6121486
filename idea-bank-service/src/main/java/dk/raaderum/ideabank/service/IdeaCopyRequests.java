package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaCopy;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.repository.AdoptionRepository;
import dk.raaderum.ideabank.repository.CopyRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.service.CopyModels.CopyInput;
import dk.raaderum.ideabank.service.CopyModels.CopyView;
import dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemType;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Use this idea": a finance officer asks for a published idea as a draft proposal in one of the municipality's
 * catalogs. The request is recorded and {@code idea.copy-requested} published in one transaction; proposal-service
 * answers ({@code proposal.drafted-from-idea} or {@code proposal.idea-copy-refused}) and the answer becomes the
 * request's outcome. One live request per idea and catalog: a second is 409 naming the first.
 */
@ApplicationScoped
public class IdeaCopyRequests {

    /** 409: only a published idea can be used. */
    public static final ProblemType IDEA_NOT_PUBLISHED = new ProblemType("idea-not-published", 409,
            "The idea is not published");
    /** 409: the catalog is locked for the negotiations, or adopted (proposal-service's kind of the same name). */
    public static final ProblemType CATALOG_CLOSED = new ProblemType("catalog-closed", 409,
            "The catalog does not accept this change in its status");
    /** 409: the catalog already has the idea (a request pending or a draft made). */
    public static final ProblemType ALREADY_COPIED = new ProblemType("already-copied", 409,
            "The idea is already in the catalog");

    private static final Logger LOG = Logger.getLogger(IdeaCopyRequests.class);

    private final CopyRepository copies;
    private final IdeaRepository ideas;
    private final AdoptionRepository adoptions;
    private final Adoptions adoptionLog;
    private final CatalogReadModel catalogs;
    private final IdeaEvents events;
    private final Clock clock;

    public IdeaCopyRequests(CopyRepository copies, IdeaRepository ideas, AdoptionRepository adoptions,
            Adoptions adoptionLog, CatalogReadModel catalogs, IdeaEvents events, Clock clock) {
        this.copies = copies;
        this.ideas = ideas;
        this.adoptions = adoptions;
        this.adoptionLog = adoptionLog;
        this.catalogs = catalogs;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CopyView request(Actor actor, String municipality, CopyInput input) {
        Idea idea = ideas.findByIdOptional(input.ideaId()).filter(i -> IdeaAccess.canSee(actor, i))
                .orElseThrow(() -> ProblemException.notFound("Idea", input.ideaId()));
        catalogs.requireOpenFor(municipality, input.catalogId(), input.areaCode().strip());
        if (idea.status != IdeaStatus.PUBLISHED) {
            throw new ProblemException(IDEA_NOT_PUBLISHED, "Idea " + idea.id + " is " + idea.status.name().toLowerCase()
                    + "; only a published idea can be used in a catalog");
        }
        requireNotCopied(idea.id, input.catalogId());
        IdeaCopy copy = new IdeaCopy();
        copy.id = UUID.randomUUID();
        copy.ideaId = idea.id;
        copy.municipality = municipality;
        copy.catalogId = input.catalogId();
        copy.areaCode = input.areaCode().strip();
        copy.requestedBy = actor.name();
        copy.requestedById = actor.id();
        copy.requestedAt = clock.instant();
        try {
            copies.persistAndFlush(copy);
        } catch (PersistenceException raced) {
            throw new ProblemException(ALREADY_COPIED, "Idea " + idea.id + " is being copied into catalog "
                    + input.catalogId() + " by another request just now");
        }
        events.copyRequested(copy, idea);
        return CopyViews.copy(copy, idea.title);
    }

    public Optional<CopyView> get(String municipality, UUID id) {
        return copies.ofMunicipality(municipality, id)
                .map(copy -> CopyViews.copy(copy, ideas.findByIdOptional(copy.ideaId).map(i -> i.title).orElse(null)));
    }

    public PageOf<CopyView> list(String municipality, Long ideaId, Long catalogId, int page, int size) {
        List<IdeaCopy> found = copies.ofMunicipality(municipality, ideaId, catalogId, page, size);
        Map<Long, String> titles = ideas.byIds(found.stream().map(c -> c.ideaId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(i -> i.id, i -> i.title));
        return new PageOf<>(found.stream().map(c -> CopyViews.copy(c, titles.get(c.ideaId))).toList(), page, size,
                copies.countOfMunicipality(municipality, ideaId, catalogId));
    }

    /** proposal-service made the draft; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drafted(IncomingEvent<IdeaCopyAnsweredV1> event) {
        if (answered(event, answer -> null)) {
            adoptionLog.copied(event.payload(), event.municipality(), event.time());
        }
    }

    /** proposal-service made no draft, and says why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refused(IncomingEvent<IdeaCopyAnsweredV1> event) {
        answered(event, answer -> answer.reason() == null ? IdeaCopyAnsweredV1.INVALID_CONTENT : answer.reason());
    }

    /** Takes the answer as the request's outcome; false when the request is unknown or was answered before. */
    private boolean answered(IncomingEvent<IdeaCopyAnsweredV1> event, Function<IdeaCopyAnsweredV1, String> failure) {
        IdeaCopyAnsweredV1 answer = event.payload();
        Optional<IdeaCopy> copy = answer.requestId() == null ? Optional.empty() : copies.forUpdate(answer.requestId());
        if (copy.isEmpty()) {
            LOG.infof("An answer to copy request %s, which the idea bank does not know", answer.requestId());
            return false;
        }
        String reason = failure.apply(answer);
        return copy.get().answer(answer.proposalId(), answer.number(), answer.budgetYear(), reason, answer.detail(),
                answer.answeredAt() == null ? event.time() : answer.answeredAt());
    }

    private void requireNotCopied(long ideaId, long catalogId) {
        Optional<IdeaCopy> live = copies.live(ideaId, catalogId);
        if (live.isPresent()) {
            IdeaCopy existing = live.get();
            ProblemException conflict = new ProblemException(ALREADY_COPIED, "Idea " + ideaId + " is already "
                    + (existing.proposalNumber == null ? "being copied into catalog " + catalogId
                            : "in catalog " + catalogId + " as proposal " + existing.proposalNumber)
                    + " (request " + existing.id + ")").with("existingRequest", existing.id.toString());
            throw existing.proposalId == null ? conflict : conflict.with("proposalId", existing.proposalId);
        }
        adoptions.copyInCatalog(ideaId, catalogId).ifPresent(existing -> {
            throw new ProblemException(ALREADY_COPIED, "Catalog " + catalogId + " already has idea " + ideaId
                    + " as proposal " + existing.number).with("proposalId", existing.proposalId);
        });
    }
}
