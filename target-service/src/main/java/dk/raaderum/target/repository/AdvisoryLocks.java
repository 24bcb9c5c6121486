package dk.raaderum.target.repository;

import jakarta.persistence.EntityManager;

/** PostgreSQL transaction-scoped advisory locks: held until the transaction ends, keyed by a text. */
final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for and takes the lock named {@code key} until the transaction commits or rolls back. */
    static void lock(EntityManager entityManager, String key) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) as l")
                .setParameter(1, key).getSingleResult();
    }
}
