package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.Initiative;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class InitiativeRepository implements PanacheRepository<Initiative> {

    /** Newest budget year first (initiative_municipality_year_idx). */
    public List<Initiative> listByMunicipality(String municipality) {
        return list("municipality = ?1 order by budgetYear desc, id desc", municipality);
    }
}
