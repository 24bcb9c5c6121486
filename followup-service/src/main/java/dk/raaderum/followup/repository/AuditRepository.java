package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.AuditEntry;
import dk.raaderum.platform.web.http.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** An initiative's audit trail, newest first (initiative_audit_initiative_idx). */
    public PageOf<AuditEntry> trail(long initiativeId, int page, int size) {
        var query = find("initiativeId", Sort.descending("at", "id"), initiativeId);
        List<AuditEntry> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }

    /** An investment pool's audit trail (the pool and its applications), newest first (initiative_audit_pool_idx). */
    public PageOf<AuditEntry> poolTrail(long poolId, int page, int size) {
        var query = find("poolId", Sort.descending("at", "id"), poolId);
        List<AuditEntry> items = query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }
}
