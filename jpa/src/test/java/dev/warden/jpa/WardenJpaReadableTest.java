package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.runtime.SecurityContext;
import fixture.shop.Invoice;
import fixture.shop.Project;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WardenJpa#readable}: the rows of a Criteria query the user may see, through the safety net, on H2. */
class WardenJpaReadableTest {
    private static <T> List<Long> ids(EntityManagerFactory factory, Class<T> type, SecurityContext ctx) {
        EntityManager em = factory.createEntityManager();
        try {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> query = cb.createQuery(type);
            Root<T> root = query.from(type);
            query.select(root).where(WardenJpa.readable(cb, query, root, ctx)).orderBy(cb.asc(root.get("id")));
            return em.createQuery(query).getResultList().stream()
                    .map(e -> e instanceof Invoice i ? i.getId() : ((Project) e).getId()).toList();
        } finally {
            em.close();
        }
    }

    @Test
    void theFilterGivesTheRowsThePolicyAllows() {
        EntityManagerFactory factory = Shop.open("h2");
        try {
            try (SecurityContext.Scope clerk = SecurityContext.open(Shop.CLERK)) {
                // invoice 3 is clerk 1's but secret; project 5 is visible through a task the clerk cannot see
                assertEquals(List.of(1L), ids(factory, Invoice.class, SecurityContext.current()));
                assertEquals(List.of(5L), ids(factory, Project.class, SecurityContext.current()));
            }
            try (SecurityContext.Scope manager = SecurityContext.open(Shop.MANAGER)) {
                assertEquals(List.of(1L, 2L, 3L), ids(factory, Invoice.class, SecurityContext.current()));
                assertEquals(List.of(5L, 6L), ids(factory, Project.class, SecurityContext.current()));
            }
        } finally {
            factory.close();
        }
    }
}
