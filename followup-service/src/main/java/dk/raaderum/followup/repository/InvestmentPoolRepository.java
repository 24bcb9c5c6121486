package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.InvestmentPool;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@ApplicationScoped
public class InvestmentPoolRepository implements PanacheRepository<InvestmentPool> {

    public Optional<InvestmentPool> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /**
     * The pool with its row locked until the transaction ends (select … for update): every write that draws on or
     * changes the pool's amounts takes this lock first, so concurrent grants are serialised and none can overdraw it.
     */
    public Optional<InvestmentPool> lockInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The municipality's pools, newest first (investment_pool_municipality_idx). */
    public PageOf<InvestmentPool> ofMunicipality(String municipality, int page, int size) {
        var query = find("municipality", Sort.descending("id"), municipality);
        List<InvestmentPool> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }

    /** The expected gains per year of the pool's granted applications. */
    public Map<Integer, Long> expectedGainsOfGrants(long poolId) {
        return byYear(getEntityManager().createQuery("""
                select y.year, sum(y.expectedGain) from InvestmentApplication a join a.years y
                where a.poolId = :pool and a.status = dk.raaderum.followup.domain.ApplicationStatus.GRANTED
                group by y.year""", Object[].class).setParameter("pool", poolId).getResultList());
    }

    /**
     * The realised gains per year reported on the initiatives of the pool's grants (as the register keeps them on
     * initiative_year: the latest report of each reported period, at the prices of the year).
     */
    public Map<Integer, Long> realisedGainsOfGrants(long poolId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select y.year, sum(y.realised) from investment_application a
                join initiative_year y on y.initiative_id = a.initiative_id
                where a.pool_id = :pool and a.initiative_id is not null
                group by y.year""").setParameter("pool", poolId).getResultList();
        return byYear(rows);
    }

    private static Map<Integer, Long> byYear(List<Object[]> rows) {
        Map<Integer, Long> byYear = new TreeMap<>();
        rows.forEach(row -> byYear.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return byYear;
    }
}
