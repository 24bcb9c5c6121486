package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.IdeaAdoption;
import dk.raaderum.ideabank.domain.IdeaAdoption.Status;
import dk.raaderum.ideabank.domain.IdeaAdoption.Via;
import dk.raaderum.ideabank.domain.InitiativeEvidence;
import dk.raaderum.ideabank.domain.Realisation;
import dk.raaderum.ideabank.repository.AdoptionRepository;
import dk.raaderum.ideabank.service.IdeaModels.EvidenceView;
import dk.raaderum.ideabank.service.IdeaModels.NarrativeView;
import dk.raaderum.ideabank.service.IdeaModels.RealisationView;
import dk.raaderum.ideabank.service.IdeaModels.StoppedView;
import dk.raaderum.ideabank.service.IdeaModels.UptakeView;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What became of an idea in the municipalities: counted per municipality from {@link IdeaAdoption}, and the follow-up
 * of the adopted proposals ({@link Realisation}). The counts and the realisation are also kept on the idea, where the
 * search filters and sorts on them.
 */
@ApplicationScoped
public class IdeaEvidence {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final int NARRATIVES_SHOWN = 5;

    private final AdoptionRepository adoptions;

    public IdeaEvidence(AdoptionRepository adoptions) {
        this.adoptions = adoptions;
    }

    /** Counts the idea's uptake and realisation again and keeps them on the idea (last in the transaction). */
    public void refresh(long ideaId) {
        List<IdeaAdoption> uptake = adoptions.ofIdea(ideaId);
        adoptions.keepEvidence(ideaId, municipalities(uptake, a -> a.via != Via.SHARED),
                municipalities(uptake, a -> a.presented), municipalities(uptake, a -> a.status == Status.ADOPTED),
                Realisation.of(adoptions.figuresOfIdea(ideaId)));
    }

    /** The same for the idea a proposal is tied to, if it is. */
    public void refreshForProposal(Long proposalId) {
        adoptions.ideaOfProposal(proposalId).ifPresent(this::refresh);
    }

    public EvidenceView view(long ideaId) {
        List<IdeaAdoption> uptake = adoptions.ofIdea(ideaId);
        Realisation realisation = Realisation.of(adoptions.figuresOfIdea(ideaId));
        List<InitiativeEvidence> initiatives = adoptions.initiativesOfIdea(ideaId);
        return new EvidenceView(municipalities(uptake, a -> a.via != Via.SHARED),
                municipalities(uptake, a -> a.presented), municipalities(uptake, a -> a.status == Status.ADOPTED),
                realisation.hasRealisedGains(),
                uptake.stream().map(a -> new UptakeView(IdeaViews.municipality(a.municipality), a.budgetYear,
                        a.status.name(), a.presented, a.via.name())).toList(),
                new RealisationView(realisation.initiatives(), realisation.expected(), realisation.realised(),
                        realisation.median(), realisation.min(), realisation.max(), realisation.provenScore()),
                initiatives.stream().filter(i -> i.terminatedAt != null).map(IdeaEvidence::stopped).toList(),
                initiatives.stream().filter(i -> i.sharedNarrative != null)
                        .sorted(Comparator.comparing((InitiativeEvidence i) -> i.sharedAt).reversed())
                        .limit(NARRATIVES_SHOWN).map(i -> new NarrativeView(IdeaViews.municipality(i.municipality),
                                i.catalogYear, i.sharedNarrative, i.sharedAt)).toList());
    }

    /**
     * "Stoppet i Varde 2028": only what happened. Whether any gain was due or realised before the stop is in the
     * realisation's figures, and why it stopped in the reason.
     */
    private static StoppedView stopped(InitiativeEvidence i) {
        int year = i.terminatedAt.atZone(DENMARK).getYear();
        String name = IdeaViews.municipality(i.municipality).name();
        return new StoppedView(IdeaViews.municipality(i.municipality), year, "Stoppet i " + name + " " + year,
                i.terminationReason);
    }

    private static int municipalities(List<IdeaAdoption> uptake, Predicate<IdeaAdoption> counted) {
        return (int) uptake.stream().filter(counted).map(a -> a.municipality).distinct().count();
    }
}
