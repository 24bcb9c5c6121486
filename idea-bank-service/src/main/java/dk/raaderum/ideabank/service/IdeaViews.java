package dk.raaderum.ideabank.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.ideabank.domain.DuplicateCandidate;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry;
import dk.raaderum.ideabank.domain.LinkType;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.service.IdeaModels.AreaView;
import dk.raaderum.ideabank.service.IdeaModels.ChangeView;
import dk.raaderum.ideabank.service.IdeaModels.SourceCorrectionView;
import dk.raaderum.ideabank.service.IdeaModels.DuplicateView;
import dk.raaderum.ideabank.service.IdeaModels.EvidenceView;
import dk.raaderum.ideabank.service.IdeaModels.FamilyMember;
import dk.raaderum.ideabank.service.IdeaModels.FamilyView;
import dk.raaderum.ideabank.service.IdeaModels.HistoryView;
import dk.raaderum.ideabank.service.IdeaModels.IdeaSummary;
import dk.raaderum.ideabank.service.IdeaModels.IdeaView;
import dk.raaderum.ideabank.service.IdeaModels.LinkView;
import dk.raaderum.ideabank.service.IdeaModels.MunicipalityView;
import dk.raaderum.platform.web.municipality.Municipalities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Ideas as the API shows them: the one mapping from entities to records. */
public final class IdeaViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ChangeView>> CHANGES = new TypeReference<>() {
    };

    private IdeaViews() {
    }

    public static MunicipalityView municipality(String code) {
        return new MunicipalityView(code, Municipalities.byCode(code).map(m -> m.name()).orElse(code));
    }

    public static AreaView area(String code) {
        return PolicyAreas.byCode(code).map(a -> new AreaView(a.code(), a.name(), a.mainAccount()))
                .orElse(new AreaView(code, code, 6));
    }

    /** "B22" for 2022. */
    public static String budgetLabel(int year) {
        return "B" + String.format("%02d", year % 100);
    }

    /**
     * The whole idea; {@code open}: as open data, without the contact role (it may name a person) and the
     * municipality's own source reference.
     */
    public static IdeaView idea(Idea i, FamilyView family, List<LinkView> links, EvidenceView evidence,
            SourceCorrectionView sourceCorrection, boolean open) {
        return new IdeaView(i.id, i.status, i.origin, i.title, i.summary, i.description, i.type, i.type.danish(),
                i.classificationRationale, i.reducesService, area(i.areaCode), Arrays.asList(i.tags),
                municipality(i.sourceMunicipality), i.budgetYear, budgetLabel(i.budgetYear), i.priceLevelYear,
                i.amounts.known(i.budgetYear), i.fteChange, i.investmentCost, i.paybackYears, i.consequences,
                open ? null : i.contactRole, i.sourceReference, i.sourceKey, i.sourceProposalId,
                i.sourceInitiativeId, i.sourceStatus, family, links, evidence, open ? null : sourceCorrection,
                i.createdAt, i.publishedAt, i.updatedAt, i.version);
    }

    public static IdeaSummary summary(Idea i) {
        return new IdeaSummary(i.id, i.status, i.origin, i.title, i.type, i.areaCode, municipality(i.sourceMunicipality),
                i.budgetYear, i.sourceKey, i.sourceProposalId, i.sourceStatus, i.familyId, i.createdAt, i.updatedAt,
                i.version);
    }

    public static FamilyMember member(Idea i) {
        return new FamilyMember(i.id, i.title, i.status, municipality(i.sourceMunicipality), i.budgetYear,
                i.amounts.known(i.budgetYear), i.priceLevelYear);
    }

    public static FamilyView family(long familyId, Idea primary, List<Idea> members) {
        return new FamilyView(familyId, primary.id, 1 + members.size(),
                Arrays.stream(primary.familyMunicipalities).map(IdeaViews::municipality).toList(),
                members.stream().map(IdeaViews::member).toList());
    }

    public static HistoryView history(IdeaHistoryEntry e) {
        return new HistoryView(e.action.name(), e.status, e.ideaVersion, e.actorName, e.at, e.reason, changes(e.changes));
    }

    public static DuplicateView duplicate(DuplicateCandidate c, Idea idea, Idea other) {
        return new DuplicateView(c.id, c.score.doubleValue(), c.titleSimilarity.doubleValue(), Arrays.asList(c.sharedTerms),
                c.sameArea, summary(idea), summary(other), c.foundAt, c.status.name(),
                c.resolution == null ? null : c.resolution.name(), c.reason);
    }

    private static List<ChangeView> changes(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, CHANGES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinkView link(long id, LinkType type, boolean outgoing, Idea other, String comment) {
        return new LinkView(id, type, outgoing ? type.outgoing() : type.incoming(), other.id, other.title, comment);
    }
}
