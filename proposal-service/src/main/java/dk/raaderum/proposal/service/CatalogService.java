package dk.raaderum.proposal.service;

import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.repository.CatalogRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CatalogService {

    private final CatalogRepository catalogs;

    public CatalogService(CatalogRepository catalogs) {
        this.catalogs = catalogs;
    }

    public List<CatalogSummary> list(String municipality) {
        return catalogs.listByMunicipality(municipality).stream().map(CatalogSummary::of).toList();
    }

    /** A catalog as lists show it. */
    public record CatalogSummary(long id, String municipality, int budgetYear, String title, String status, long version) {
        static CatalogSummary of(Catalog c) {
            return new CatalogSummary(c.id, c.municipality, c.budgetYear, c.title, c.status.name(), c.version);
        }
    }
}
