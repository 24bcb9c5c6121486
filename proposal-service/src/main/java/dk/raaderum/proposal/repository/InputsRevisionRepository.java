package dk.raaderum.proposal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The revision of each municipality's simulation inputs (simulation_inputs_revision): raised by the database, in the
 * transaction of every change of the rows a simulation reads besides its catalog's proposals (see
 * V12__simulation_inputs_revision.sql and V13__simulation_inputs_catalog.sql for the tables and columns). Nothing in
 * Java writes it.
 */
@ApplicationScoped
public class InputsRevisionRepository {

    private final EntityManager entityManager;

    public InputsRevisionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The municipality's revision as committed now; 0 before any of its inputs was written. */
    public long current(String municipality) {
        List<?> rows = entityManager.createNativeQuery("select revision from simulation_inputs_revision"
                + " where municipality = ?1").setParameter(1, municipality).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
