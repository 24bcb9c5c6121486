package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.domain.TotalScope;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.service.ProposalModels.YearAmountView;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the council sees first: a catalog's net change per year by type and by area, the room created and spent, and
 * how many proposals are in each status. Counts what the caller may see, in the chosen statuses (default: all but
 * withdrawn and rejected), by the same {@link TotalScope} as the exports.
 */
@ApplicationScoped
public class CatalogSummaryService {

    private final CatalogRepository catalogs;
    private final ProposalRepository proposals;
    private final ProposalAccess access;

    public CatalogSummaryService(CatalogRepository catalogs, ProposalRepository proposals, ProposalAccess access) {
        this.catalogs = catalogs;
        this.proposals = proposals;
        this.access = access;
    }

    /** Net change per year (negative creates room) and its total. */
    public record Totals(int count, List<YearAmountView> years, long total) {
    }

    public record TypeTotals(ProposalType type, String label, Totals totals) {
    }

    public record AreaTotals(String code, String name, String committee, int mainAccount, Totals totals) {
    }

    public record Summary(long catalogId, int budgetYear, int priceLevelYear, List<Integer> years,
            Set<ProposalStatus> statuses, Map<ProposalStatus, Integer> statusCounts, List<TypeTotals> byType,
            List<AreaTotals> byArea, Totals roomCreated, Totals roomSpent, Totals net) {
    }

    public Summary summary(Actor actor, String municipality, long catalogId, Set<ProposalStatus> statuses) {
        Catalog catalog = catalogs.findInMunicipality(municipality, catalogId)
                .orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        TotalScope scope = TotalScope.of(statuses);
        List<Integer> years = catalog.years();
        List<Proposal> visible = proposals.withYears(catalogId, access.visibility(actor));

        Map<ProposalStatus, Integer> statusCounts = new EnumMap<>(ProposalStatus.class);
        Map<ProposalType, Accumulator> byType = new EnumMap<>(ProposalType.class);
        Map<String, Accumulator> byArea = new LinkedHashMap<>();
        catalog.areas.forEach(area -> byArea.put(area.code, new Accumulator(years)));
        Accumulator created = new Accumulator(years);
        Accumulator spent = new Accumulator(years);
        Accumulator net = new Accumulator(years);
        for (Proposal p : visible) {
            statusCounts.merge(p.status, 1, Integer::sum);
            if (!scope.counts(p.status)) {
                continue;
            }
            byType.computeIfAbsent(p.type, t -> new Accumulator(years)).add(p.years);
            byArea.computeIfAbsent(p.areaCode, code -> new Accumulator(years)).add(p.years);
            net.add(p.years);
            (p.type.createsRoom() ? created : spent).add(p.years);
        }
        List<TypeTotals> types = new ArrayList<>();
        for (ProposalType type : ProposalType.values()) {
            types.add(new TypeTotals(type, type.danish(), byType.getOrDefault(type, new Accumulator(years)).totals(false)));
        }
        List<AreaTotals> areas = new ArrayList<>();
        for (CatalogArea area : catalog.areas) {
            areas.add(new AreaTotals(area.code, area.name, area.committee, area.mainAccount,
                    byArea.get(area.code).totals(false)));
        }
        return new Summary(catalog.id, catalog.budgetYear, catalog.priceLevelYear, years, scope.statuses(), statusCounts, types,
                areas, created.totals(true), spent.totals(false), net.totals(false));
    }

    /** Sums yearly net changes; "negate" turns net change into room (positive when created). */
    private static final class Accumulator {
        private final List<Integer> years;
        private final long[] sums;
        private int count;

        Accumulator(List<Integer> years) {
            this.years = years;
            this.sums = new long[years.size()];
        }

        void add(List<ProposalYear> proposalYears) {
            count++;
            for (ProposalYear year : proposalYears) {
                sums[year.year - years.get(0)] += year.netChange;
            }
        }

        Totals totals(boolean negate) {
            List<YearAmountView> values = new ArrayList<>(years.size());
            long total = 0;
            for (int i = 0; i < sums.length; i++) {
                long value = negate ? -sums[i] : sums[i];
                values.add(new YearAmountView(years.get(i), value));
                total = Math.addExact(total, value);
            }
            return new Totals(count, values, total);
        }
    }
}
