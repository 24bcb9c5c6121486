package dk.raaderum.proposal.service;

import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.ALREADY_COPIED;
import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.AREA_UNKNOWN;
import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.CATALOG_NOT_FOUND;
import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.CATALOG_NOT_OPEN;
import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.IDEA_NOT_PUBLISHED;
import static dk.raaderum.platform.events.proposal.IdeaCopyAnsweredV1.INVALID_CONTENT;

import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.PriceLevelMissingException;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogStatus;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.PublishedIdea;
import dk.raaderum.proposal.messaging.ProposalEvents;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * "Use this idea": the idea bank's {@code idea.copy-requested} becomes a DRAFT proposal with origin IDEA_BANK in the
 * requesting municipality's catalog ({@link IdeaCopyDraft}), answered by {@code proposal.drafted-from-idea}; or, when
 * the catalog is not open, has no such area, the idea is no longer published, the catalog already has a copy of the
 * idea, or its content breaks the catalog's rules, no proposal at all and {@code proposal.idea-copy-refused} with why.
 * Every check is made before anything is written, so a refusal leaves no half-made proposal; a repeated request
 * answers with the draft it made.
 */
@ApplicationScoped
public class IdeaCopies {

    private final CatalogRepository catalogs;
    private final ProposalRepository proposals;
    private final ProposalService service;
    private final IdeaReadModel ideas;
    private final ProposalEvents events;
    private final PriceIndexReadModel priceIndexes;
    private final Clock clock;

    public IdeaCopies(CatalogRepository catalogs, ProposalRepository proposals, ProposalService service,
            IdeaReadModel ideas, ProposalEvents events, PriceIndexReadModel priceIndexes, Clock clock) {
        this.catalogs = catalogs;
        this.priceIndexes = priceIndexes;
        this.proposals = proposals;
        this.service = service;
        this.ideas = ideas;
        this.events = events;
        this.clock = clock;
    }

    /** Applies one request; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(IncomingEvent<IdeaCopyRequestedV1> event) {
        IdeaCopyRequestedV1 request = event.payload();
        String municipality = event.municipality();
        if (request.requestId() == null || !Municipalities.exists(municipality)) {
            throw new PoisonMessageException("A copy request without a request id or a valid municipality", null);
        }
        Optional<Proposal> made = proposals.byIdeaCopyRequest(request.requestId());
        if (made.isPresent()) {
            events.draftedFromIdea(made.get(), request.requestId(), clock.instant());
            return;
        }
        Catalog catalog = catalogs.findInMunicipality(municipality, request.catalogId()).orElse(null);
        if (catalog == null) {
            refuse(request, municipality, null, CATALOG_NOT_FOUND, "Kommunen har intet budgetkatalog med id "
                    + request.catalogId(), null);
            return;
        }
        Prices prices = prices(request, catalog);
        if (refusal(request, catalog, prices) == null) {
            draft(request, municipality, catalog, prices);
        }
    }

    /** How the idea's amounts become the catalog's prices, and what the draft's history says of it. */
    private record Prices(LongUnaryOperator convert, String note) {

        static final Prices AS_STATED = new Prices(amount -> amount, "");
    }

    /**
     * The idea's amounts PL-regulated from its price level to the catalog's with the municipality's price index (exact,
     * half even); as stated when the levels are the same or the idea names none, and when the index lacks one of the
     * years (the draft's history then says so).
     */
    private Prices prices(IdeaCopyRequestedV1 request, Catalog catalog) {
        Integer from = request.priceLevelYear();
        int to = catalog.priceLevelYear;
        if (from == null || from == to) {
            return Prices.AS_STATED;
        }
        PriceIndex index = priceIndexes.effective(catalog.municipality);
        try {
            index.convert(0, from, to);
        } catch (PriceLevelMissingException missing) {
            return new Prices(amount -> amount, "; beløbene står i idéens " + from + "-priser, for kommunens"
                    + " prisindeks mangler " + missing.year() + ": PL-regulér dem til " + to + "-priser");
        }
        return new Prices(amount -> TargetReadModel.convert(index, amount, from, to), "; beløbene er PL-reguleret fra "
                + from + "- til " + to + "-priser med kommunens prisindeks");
    }

    /** Refuses the request when it cannot be met (and says so), else null. */
    private String refusal(IdeaCopyRequestedV1 request, Catalog catalog, Prices prices) {
        String municipality = catalog.municipality;
        if (catalog.status != CatalogStatus.OPEN) {
            return refuse(request, municipality, catalog, CATALOG_NOT_OPEN, "Budgetkataloget " + catalog.budgetYear
                    + " er " + (catalog.status == CatalogStatus.LOCKED ? "låst" : "vedtaget")
                    + " og tager ikke imod nye forslag", null);
        }
        if (catalog.area(request.areaCode()).isEmpty()) {
            return refuse(request, municipality, catalog, AREA_UNKNOWN, "Budgetkataloget " + catalog.budgetYear
                    + " har intet politikområde " + request.areaCode(), null);
        }
        Optional<PublishedIdea> idea = ideas.find(request.ideaId());
        if (idea.isPresent() && !idea.get().isPublished() && !idea.get().changedAt.isBefore(request.requestedAt())) {
            return refuse(request, municipality, catalog, IDEA_NOT_PUBLISHED, "Idéen er ikke længere offentliggjort i"
                    + " idébanken (" + idea.get().status.name().toLowerCase() + ")", null);
        }
        Optional<Proposal> copy = proposals.copyOfIdea(catalog.id, request.ideaId());
        if (copy.isPresent()) {
            return refuse(request, municipality, catalog, ALREADY_COPIED, "Budgetkataloget " + catalog.budgetYear
                    + " har allerede idéen som forslag " + copy.get().number, copy.get());
        }
        if (!IdeaCopyDraft.hasAmounts(request)) {
            return refuse(request, municipality, catalog, INVALID_CONTENT, "Idéen angiver ingen årlige beløb;"
                    + " skriv forslaget selv med idéen som oprindelse", null);
        }
        try {
            ProposalRules.years(catalog, IdeaCopyDraft.of(request, catalog, prices.convert()));
        } catch (ProblemException broken) {
            return refuse(request, municipality, catalog, INVALID_CONTENT, "Idéens beløb passer ikke til katalogets"
                    + " regler: " + broken.getMessage(), null);
        }
        return null;
    }

    private void draft(IdeaCopyRequestedV1 request, String municipality, Catalog catalog, Prices prices) {
        ideas.vouched(request.ideaId(), request.ideaVersion(), request.title(), request.requestedAt());
        ProposalInput input = IdeaCopyDraft.of(request, catalog, prices.convert());
        Actor author = request.requestedById() == null ? Actor.system("idea-bank", municipality, Roles.FINANCE_OFFICER)
                : new Actor(request.requestedById(), request.requestedBy() == null ? request.requestedById()
                        : request.requestedBy(), municipality, null, Set.of(Roles.FINANCE_OFFICER), false);
        Proposal proposal = service.write(author, municipality, catalog.id, input, "Oprettet fra idébanken (idé "
                + request.ideaId() + ")" + prices.note());
        proposal.ideaCopyRequest = request.requestId();
        events.draftedFromIdea(proposal, request.requestId(), clock.instant());
    }

    private String refuse(IdeaCopyRequestedV1 request, String municipality, Catalog catalog, String reason,
            String detail, Proposal existing) {
        events.ideaCopyRefused(request, municipality, catalog == null ? null : catalog.budgetYear, reason, detail,
                existing, clock.instant());
        return reason;
    }
}
