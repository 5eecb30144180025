package dev.warden.spring.jdbc;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The JPA side of Spring's transactions; loaded only when spring-orm and JPA are present. */
final class JpaTransactions {
    private JpaTransactions() {}

    /** Flushes the persistence contexts bound to the thread's transaction. */
    static void flush() {
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder && holder.isSynchronizedWithTransaction()) {
                EntityManager entityManager = holder.getEntityManager();
                if (entityManager.isJoinedToTransaction()) {
                    entityManager.flush();
                }
            }
        }
    }

    /**
     * Marks the entity transactions bound to the thread rollback-only.
     *
     * @return whether there was one
     */
    static boolean setRollbackOnly() {
        boolean marked = false;
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder) {
                holder.setRollbackOnly();
                EntityTransaction transaction;
                try {
                    transaction = holder.getEntityManager().getTransaction();
                } catch (IllegalStateException jta) {
                    continue; // a JTA entity manager has no resource-local transaction to mark
                }
                if (transaction.isActive()) {
                    transaction.setRollbackOnly();
                    marked = true;
                }
            }
        }
        return marked;
    }
}
