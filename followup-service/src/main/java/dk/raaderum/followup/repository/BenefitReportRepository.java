package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.BenefitReport;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BenefitReportRepository implements PanacheRepository<BenefitReport> {

    /** An initiative's reports, newest first (benefit_report_initiative_idx); optionally of one period. */
    public PageOf<BenefitReport> history(long initiativeId, String period, int page, int size) {
        var query = period == null
                ? find("initiativeId = :initiative", Sort.descending("reportedAt", "id"),
                        Parameters.with("initiative", initiativeId))
                : find("initiativeId = :initiative and period = :period", Sort.descending("reportedAt", "id"),
                        Parameters.with("initiative", initiativeId).and("period", period));
        List<BenefitReport> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }

    public Optional<BenefitReport> findOfInitiative(long initiativeId, long reportId) {
        return find("id = ?1 and initiativeId = ?2", reportId, initiativeId).firstResultOptional();
    }

    /** The newest report of an initiative (its narrative is what SHARE passes on by default). */
    public Optional<BenefitReport> latest(long initiativeId) {
        return find("initiativeId", Sort.descending("reportedAt", "id"), initiativeId).firstResultOptional();
    }
}
