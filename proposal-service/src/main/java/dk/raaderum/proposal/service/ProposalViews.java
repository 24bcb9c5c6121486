package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalChange;
import dk.raaderum.proposal.domain.ProposalFigures;
import dk.raaderum.proposal.domain.ProposalTransition;
import dk.raaderum.proposal.service.CatalogModels.AreaView;
import dk.raaderum.proposal.service.CatalogModels.CatalogRef;
import dk.raaderum.proposal.service.CatalogModels.CatalogView;
import dk.raaderum.proposal.service.ProposalModels.AreaRefView;
import dk.raaderum.proposal.service.ProposalModels.CorrectionView;
import dk.raaderum.proposal.service.ProposalModels.FieldChangeView;
import dk.raaderum.proposal.service.ProposalModels.HistoryEntryView;
import dk.raaderum.proposal.service.ProposalModels.HistoryKind;
import dk.raaderum.proposal.service.ProposalModels.FiguresView;
import dk.raaderum.proposal.service.ProposalModels.OriginView;
import dk.raaderum.proposal.service.ProposalModels.PredecessorView;
import dk.raaderum.proposal.service.ProposalModels.ProposalSummary;
import dk.raaderum.proposal.service.ProposalModels.ProposalView;
import dk.raaderum.proposal.service.ProposalModels.TransitionView;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;
import dk.raaderum.proposal.service.ProposalModels.YearView;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Entities to the records the API returns; the only place that knows both. */
final class ProposalViews {

    /** Danish alphabetical order: … X, Y, Z, Æ, Ø, Å. */
    static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"));

    private ProposalViews() {
    }

    /** The catalog; {@code rolledOverTo}: the catalog rolled over from it, or null. */
    static CatalogView catalog(Catalog c, java.util.List<dk.raaderum.proposal.service.simulation.SimulationModels.Warning> warnings,
            Catalog rolledOverTo) {
        return new CatalogView(c.id, c.municipality, c.budgetYear, c.years(), c.priceLevelYear, c.title, c.status,
                c.karensYears, c.areas.stream().sorted(Comparator.comparing(a -> a.code, DANISH)).map(ProposalViews::area)
                        .toList(), c.createdAt, c.createdBy, c.adoptedAt, c.version, warnings, ref(c.rolledOverFrom),
                ref(rolledOverTo), c.agreement == null ? null : new CatalogModels.AgreementRef(c.agreement.id,
                        c.agreement.title, "/api/v1/municipalities/" + c.municipality + "/agreements/" + c.agreement.id),
                null);
    }

    /** A reference to the catalog (id, year, title, path), or null. */
    static CatalogRef ref(Catalog c) {
        return c == null ? null : new CatalogRef(c.id, c.budgetYear, c.title, CatalogService.href(c.municipality, c.id));
    }

    static AreaView area(CatalogArea a) {
        return new AreaView(a.code, a.name, a.mainAccount, a.committee);
    }

    static ProposalView proposal(Proposal p, List<CorrectionView> corrections) {
        Catalog catalog = p.catalog;
        CatalogArea area = catalog.area(p.areaCode).orElseThrow();
        ProposalFigures figures = ProposalFigures.of(p.type, p.years);
        PredecessorView predecessor = p.predecessor == null ? null
                : new PredecessorView(p.predecessor.id, p.predecessor.number, p.predecessor.budgetYear, p.predecessor.title);
        return new ProposalView(p.id, catalog.id, p.budgetYear, p.number, p.title, p.description, p.type,
                p.type.danish(), p.classificationRationale,
                new AreaRefView(area.code, area.name, area.mainAccount, area.committee),
                new OriginView(p.originKind, p.originParty, p.originIdeaId, p.originMunicipality),
                p.years.stream().map(y -> new YearView(y.year, y.netChange, y.investmentCost, y.gain, y.fteChange)).toList(),
                new FiguresView(figures.netTotal(), figures.fullYearEffect(),
                        figures.paybackYear().isPresent() ? figures.paybackYear().getAsInt() : null,
                        p.type == ProposalType.INVESTMENT && !figures.paysBackWithinHorizon()),
                p.serviceConsequences, p.uncertainty, p.implementationStart, p.programOwner, predecessor,
                p.shareWithIdeaBank, p.status, p.presentedAt, p.karensOverrideReason, corrections, p.createdAt, p.createdBy, p.updatedAt,
                p.version);
    }

    static ProposalSummary summary(CatalogSnapshot.Entry p) {
        return new ProposalSummary(p.id(), p.number(), p.title(), p.type(), p.areaCode(), p.status(), p.originKind(),
                p.originParty(), p.uncertainty(),
                p.years().stream().map(y -> new YearAmountView(y.year(), y.netChange())).toList(),
                p.netTotal(), p.version());
    }

    static TransitionView transition(ProposalTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.actorName, t.at, t.comment, t.karensOverride);
    }

    static CorrectionView correction(ProposalChange c) {
        return new CorrectionView(c.at, c.actorName, c.comment, c.fieldNames());
    }

    static HistoryEntryView entry(ProposalChange c) {
        return new HistoryEntryView(HistoryKind.valueOf(c.kind.name()), c.at, c.actorName, c.actorId, c.actorRole,
                c.status, null, null, c.comment, false,
                c.fields.stream().map(f -> new FieldChangeView(f.field, f.oldValue, f.newValue)).toList());
    }

    static HistoryEntryView entry(ProposalTransition t) {
        return new HistoryEntryView(HistoryKind.TRANSITION, t.at, t.actorName, t.actorId, null, t.toStatus, t.fromStatus,
                t.toStatus, t.comment, t.karensOverride, List.of());
    }
}
