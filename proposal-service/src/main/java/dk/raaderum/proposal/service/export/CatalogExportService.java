package dk.raaderum.proposal.service.export;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalFigures;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.TotalScope;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.ProposalAccess;
import dk.raaderum.proposal.service.export.CatalogExport.AreaBlock;
import dk.raaderum.proposal.service.export.CatalogExport.Line;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects what an export shows (in the caller's read transaction), so the file can be written afterwards while the
 * response streams.
 */
@ApplicationScoped
public class CatalogExportService {

    private final CatalogRepository catalogs;
    private final ProposalRepository proposals;
    private final ProposalAccess access;

    public CatalogExportService(CatalogRepository catalogs, ProposalRepository proposals, ProposalAccess access) {
        this.catalogs = catalogs;
        this.proposals = proposals;
        this.access = access;
    }

    /**
     * The rows the caller may see that the totals count ({@link TotalScope}: the chosen statuses, by default all but
     * rejected and withdrawn, as in the summary), so every subtotal and the total add up the rows above them.
     */
    public CatalogExport export(Actor actor, String municipality, long catalogId, Set<ProposalStatus> statuses) {
        Catalog catalog = catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        TotalScope scope = TotalScope.of(statuses);
        List<Proposal> visible = proposals.withYears(catalogId, access.visibility(actor));
        List<AreaBlock> blocks = new ArrayList<>();
        for (CatalogArea area : catalog.areas) {
            List<Line> lines = visible.stream()
                    .filter(p -> p.areaCode.equals(area.code) && scope.counts(p.status))
                    .map(CatalogExportService::line)
                    .toList();
            if (!lines.isEmpty()) {
                blocks.add(new AreaBlock(area.code, area.name, area.committee, area.mainAccount, lines));
            }
        }
        return new CatalogExport(catalog.title, catalog.priceLevelYear, catalog.years(), blocks, scope.danish());
    }

    private static Line line(Proposal p) {
        ProposalFigures figures = ProposalFigures.of(p.type, p.years);
        String origin = OriginLabels.label(p.originKind, p.originParty, p.originIdeaId, p.originMunicipality);
        return new Line(p.number, p.title, p.type.danish(), p.status.danish(), origin,
                p.uncertainty.danish(), p.years.stream().map(year -> year.netChange).toList(), figures.netTotal(),
                figures.paybackYear().isPresent() ? figures.paybackYear().getAsInt() : null, p.serviceConsequences,
                p.classificationRationale, p.version);
    }
}
