package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.ApplicationDecision;
import dk.raaderum.followup.domain.ApplicationStatus;
import dk.raaderum.followup.domain.ApplicationYear;
import dk.raaderum.followup.domain.InvestmentApplication;
import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.followup.domain.PoolYear;
import dk.raaderum.followup.service.InitiativeModels.AreaView;
import dk.raaderum.followup.service.PoolModels.ApplicationCounts;
import dk.raaderum.followup.service.PoolModels.ApplicationDecisionView;
import dk.raaderum.followup.service.PoolModels.ApplicationView;
import dk.raaderum.followup.service.PoolModels.ApplicationYearView;
import dk.raaderum.followup.service.PoolModels.PoolTotalsView;
import dk.raaderum.followup.service.PoolModels.PoolView;
import dk.raaderum.followup.service.PoolModels.PoolYearView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Investment pools and applications to answers; the only place that knows both. */
final class PoolViews {

    private PoolViews() {
    }

    /**
     * Per year of the pool, and of any year its grants expect or realised gains in: amount, granted, remaining, the
     * expected gains of its grants and the realised gains reported on their initiatives.
     */
    static PoolView pool(InvestmentPool pool, Map<Integer, Long> expectedGains, Map<Integer, Long> realisedGains,
            Map<ApplicationStatus, Long> counts) {
        Set<Integer> years = new TreeSet<>(expectedGains.keySet());
        years.addAll(realisedGains.keySet());
        pool.years.forEach(y -> years.add(y.year));
        List<PoolYearView> views = new ArrayList<>();
        long amount = 0;
        long granted = 0;
        long expected = 0;
        long realised = 0;
        for (int year : years) {
            PoolYear of = pool.year(year).orElseGet(() -> new PoolYear(year, 0, 0));
            long expectedOf = expectedGains.getOrDefault(year, 0L);
            long realisedOf = realisedGains.getOrDefault(year, 0L);
            views.add(new PoolYearView(year, of.amount, of.granted, of.remaining(), expectedOf, realisedOf));
            amount = Math.addExact(amount, of.amount);
            granted = Math.addExact(granted, of.granted);
            expected = Math.addExact(expected, expectedOf);
            realised = Math.addExact(realised, realisedOf);
        }
        return new PoolView(pool.id, pool.municipality, pool.name, pool.decisionReference, pool.description, views,
                new PoolTotalsView(amount, granted, amount - granted, expected, realised),
                new ApplicationCounts(counts.get(ApplicationStatus.SUBMITTED),
                        counts.get(ApplicationStatus.CHANGES_REQUESTED), counts.get(ApplicationStatus.GRANTED),
                        counts.get(ApplicationStatus.REJECTED)),
                pool.createdAt, pool.createdBy, pool.updatedAt, pool.updatedBy, pool.version);
    }

    static ApplicationView application(InvestmentApplication a, List<ApplicationDecision> decisions) {
        List<ApplicationYearView> years = new ArrayList<>();
        long cost = 0;
        long gain = 0;
        for (ApplicationYear year : a.years) {
            cost = Math.addExact(cost, year.investmentCost);
            gain = Math.addExact(gain, year.expectedGain);
            years.add(new ApplicationYearView(year.year, year.investmentCost, year.expectedGain, cost, gain));
        }
        return new ApplicationView(a.id, a.poolId, a.committee, a.title, a.description,
                new AreaView(a.areaCode, a.areaName, a.areaMainAccount, a.areaCommittee), years, cost, gain,
                a.paybackYears, a.uncertainty, a.owner, a.status, a.initiativeId,
                decisions.stream().map(PoolViews::decision).toList(), a.submittedAt, a.submittedBy, a.version);
    }

    static ApplicationDecisionView decision(ApplicationDecision d) {
        return new ApplicationDecisionView(d.id, d.kind, d.reason, d.decidingBody, d.decidingBodyName,
                d.decisionReference, d.initiativeId, d.decidedAt, d.decidedBy);
    }
}
