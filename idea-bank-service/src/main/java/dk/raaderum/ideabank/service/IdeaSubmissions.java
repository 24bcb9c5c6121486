package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaOrigin;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.messaging.IdeaEvents.WithdrawnBy;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.ideabank.service.IdeaModels.IdeaInput;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.ReasonInput;
import dk.raaderum.ideabank.service.IdeaModels.YearAmountInput;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * A municipality's own ideas: a finance officer (or a municipal system) submits one for KL to curate, may change it
 * while it waits in the queue, and may withdraw it at any time.
 */
@ApplicationScoped
public class IdeaSubmissions {

    private final IdeaRepository ideas;
    private final IdeaWriter writer;
    private final IdeaLifecycle lifecycle;
    private final IdeaQueries queries;

    public IdeaSubmissions(IdeaRepository ideas, IdeaWriter writer, IdeaLifecycle lifecycle, IdeaQueries queries) {
        this.ideas = ideas;
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    @Transactional
    public IdeaView submit(Actor actor, String municipality, IdeaInput input) {
        IdeaContent content = IdeaChecks.require(content(input), true);
        requireFreeNumber(municipality, content, null);
        Idea idea = writer.add(writer.draft(content, IdeaOrigin.MUNICIPALITY, municipality, actor), IdeaStatus.SUBMITTED,
                actor, Action.SUBMITTED, null);
        return queries.view(actor, idea);
    }

    @Transactional
    public IdeaView update(Actor actor, String municipality, long id, IdeaInput input, Optional<Long> ifMatch) {
        Idea idea = own(municipality, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), idea.version);
        if (!idea.editableByMunicipality()) {
            throw new ProblemException(ProblemTypes.INVALID_TRANSITION, "Idea " + id + " is " + idea.status + " ("
                    + idea.origin + "); a municipality changes only its own submission while it waits in KL's queue");
        }
        IdeaContent content = IdeaChecks.require(content(input), true);
        requireFreeNumber(municipality, content, id);
        writer.change(idea, content, actor, Action.UPDATED, null);
        return queries.view(actor, idea);
    }

    @Transactional
    public IdeaView withdraw(Actor actor, String municipality, long id, ReasonInput input, Optional<Long> ifMatch) {
        Idea idea = own(municipality, id);
        EntityTags.checkUnchanged(ifMatch, input.version(), idea.version);
        lifecycle.withdraw(idea, actor, WithdrawnBy.MUNICIPALITY, input.reason().strip());
        return queries.view(actor, idea);
    }

    private Idea own(String municipality, long id) {
        return ideas.locked(id).filter(idea -> idea.sourceMunicipality.equals(municipality))
                .orElseThrow(() -> ProblemException.notFound("Idea", id));
    }

    /** One idea per municipality, budget year and number (or reference): 409 naming the idea that has it. */
    private void requireFreeNumber(String municipality, IdeaContent content, Long self) {
        if (content.sourceKey() == null) {
            return;
        }
        ideas.bySourceKeys(municipality, content.budgetYear(), List.of(content.sourceKey())).stream()
                .filter(other -> !other.id.equals(self)).findFirst().ifPresent(other -> {
                    throw ProblemException.conflict("Idea " + other.id + " is " + municipality + "'s "
                            + content.sourceKey() + " of " + content.budgetYear() + " already")
                            .with("existingIdeaId", other.id);
                });
    }

    static IdeaContent content(IdeaInput in) {
        List<YearAmount> amounts = in.amounts() == null ? List.of()
                : in.amounts().stream().map(YearAmountInput::toYearAmount).toList();
        return new IdeaContent(in.title(), in.summary(), in.description(), in.type(), in.classificationRationale(),
                in.reducesService(), in.areaCode(), in.tags(), in.budgetYear(), in.priceLevelYear(), amounts,
                in.fteChange(), in.investmentCost(), in.paybackYears(), in.consequences(), in.contactRole(),
                in.sourceReference(), in.number() != null ? in.number() : in.sourceReference());
    }
}
