package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.ApplicationDecision;
import dk.raaderum.followup.domain.ApplicationStatus;
import dk.raaderum.followup.domain.InvestmentApplication;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class InvestmentApplicationRepository implements PanacheRepository<InvestmentApplication> {

    public Optional<InvestmentApplication> findInPool(long poolId, long id) {
        return find("id = ?1 and poolId = ?2", id, poolId).firstResultOptional();
    }

    /** A pool's applications, oldest first, optionally of one status (investment_application_pool_idx). */
    public PageOf<InvestmentApplication> ofPool(long poolId, ApplicationStatus status, int page, int size) {
        var query = status == null ? find("poolId", Sort.ascending("id"), poolId)
                : find("poolId = ?1 and status = ?2", Sort.ascending("id"), poolId, status);
        List<InvestmentApplication> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }

    /** How many of the pool's applications are in each status (every status, 0 when none). */
    public Map<ApplicationStatus, Long> countsByStatus(long poolId) {
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager().createQuery("select a.status, count(a) from InvestmentApplication a where a.poolId = :pool"
                + " group by a.status", Object[].class).setParameter("pool", poolId).getResultList()
                .forEach(row -> counts.put((ApplicationStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** An application's decisions, oldest first (investment_application_decision_application_idx). */
    public List<ApplicationDecision> decisions(long applicationId) {
        return getEntityManager().createQuery("from ApplicationDecision d where d.applicationId = :application"
                + " order by d.decidedAt, d.id", ApplicationDecision.class).setParameter("application", applicationId)
                .getResultList();
    }

    public void persist(ApplicationDecision decision) {
        getEntityManager().persist(decision);
    }
}
