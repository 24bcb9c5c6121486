package dk.raaderum.target.repository;

import dk.raaderum.target.domain.KnownProposal;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class KnownProposalRepository implements PanacheRepository<KnownProposal> {

    /**
     * The proposals of a municipality's budget year with their yearly figures, optionally only some areas
     * (known_proposal_municipality_year_area_idx).
     */
    public List<KnownProposal> withFigures(String municipality, int budgetYear, Collection<String> areaCodes) {
        String query = "select distinct p from KnownProposal p left join fetch p.figures"
                + " where p.municipality = :municipality and p.budgetYear = :budgetYear"
                + (areaCodes == null ? "" : " and p.areaCode in :codes") + " order by p.number";
        var typed = getEntityManager().createQuery(query, KnownProposal.class)
                .setParameter("municipality", municipality)
                .setParameter("budgetYear", budgetYear);
        if (areaCodes != null) {
            typed.setParameter("codes", areaCodes);
        }
        return typed.getResultList();
    }

    /** Which of these proposal ids have had their adoption event (primary key). */
    public List<Long> receivedAdoptions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                "select p.id from KnownProposal p where p.id in :ids and p.adoptionReceived = true", Long.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
