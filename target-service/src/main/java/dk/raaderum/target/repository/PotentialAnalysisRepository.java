package dk.raaderum.target.repository;

import dk.raaderum.target.domain.PotentialAnalysis;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PotentialAnalysisRepository implements PanacheRepository<PotentialAnalysis> {

    public Optional<PotentialAnalysis> findInMunicipality(String municipality, long id) {
        return find("id = ?1 and municipality = ?2", id, municipality).firstResultOptional();
    }

    /** Newest first (potential_analysis_municipality_idx). */
    public List<PotentialAnalysis> page(String municipality, int page, int size) {
        return find("municipality = ?1 order by id desc", municipality).page(Page.of(page, size)).list();
    }

    public long countFor(String municipality) {
        return count("municipality", municipality);
    }

    public List<PotentialAnalysis> all(String municipality) {
        return list("municipality = ?1 order by id", municipality);
    }

    public List<PotentialAnalysis> byIds(String municipality, Collection<Long> ids) {
        return list("municipality = ?1 and id in ?2 order by id", municipality, ids);
    }
}
