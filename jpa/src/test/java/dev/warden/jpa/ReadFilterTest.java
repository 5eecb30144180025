package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.jpa.query.ReadFilters;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.internal.GeneratedCode;
import fixture.shop.Invoice;
import fixture.shop.Line;
import fixture.shop.Project;
import fixture.shop.SecretInvoice;
import fixture.shop.Task;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The automatic read filter ({@link ReadFilters}) on a real Hibernate, H2 and PostgreSQL: for every user, each HQL and
 * Criteria query of a secured entity (lists, pages, counts, a specialization, the same statement run for one user
 * after another) returns exactly the rows the generated policy lets that user see, judged over all rows read as the
 * system.
 */
class ReadFilterTest {
    private static final List<UserIdentity> USERS = List.of(Shop.CLERK, UserIdentity.of(2L, "Clerk"), Shop.MANAGER,
            UserIdentity.of(7L));
    private static final List<Class<?>> ENTITIES = List.of(Invoice.class, SecretInvoice.class, Line.class,
            Project.class, Task.class);

    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private <R> R as(SecurityContext.Scope scope, Function<EntityManager, R> work) {
        try (scope) {
            EntityManager em = factory.createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
            }
        }
    }

    private Object id(Object entity) {
        return factory.getPersistenceUnitUtil().getIdentifier(entity);
    }

    /** The ids of the rows of an entity the policy lets the user see, over all rows read as the system. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> policy(Class<?> entity, UserIdentity user) {
        SecurityContext ctx;
        try (SecurityContext.Scope scope = SecurityContext.open(user)) {
            ctx = SecurityContext.current();
        }
        return as(SecurityContext.system(), em -> {
            List<Object> visible = new ArrayList<>();
            for (Object row : em.createQuery("from " + entity.getSimpleName() + " e order by e.id", entity)
                    .getResultList()) {
                EntityRules rules = GeneratedCode.rulesOf(org.hibernate.Hibernate.getClassLazy(row));
                if (rules.isVisible(ctx, row)) {
                    visible.add(id(row));
                }
            }
            return visible;
        });
    }

    private List<Object> ids(List<?> rows) {
        return rows.stream().map(this::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyQueryReturnsExactlyTheRowsThePolicyAllows(String database) {
        factory = Shop.open(database);
        for (UserIdentity user : USERS) {
            for (Class<?> entity : ENTITIES) {
                List<Object> expected = policy(entity, user);
                String name = entity.getSimpleName();
                String what = user + " " + name;
                as(SecurityContext.open(user), em -> {
                    assertEquals(expected, ids(em.createQuery("from " + name + " e order by e.id", entity)
                            .getResultList()), what + " HQL");
                    assertEquals((long) expected.size(), em.createQuery("select count(e) from " + name + " e",
                            Long.class).getSingleResult(), what + " count");
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<?> query = cb.createQuery(entity);
                    var root = query.from(entity);
                    query.orderBy(cb.asc(root.get("id")));
                    assertEquals(expected, ids(em.createQuery(query).getResultList()), what + " Criteria");
                    CriteriaQuery<Long> count = cb.createQuery(Long.class);
                    count.select(cb.count(count.from(entity)));
                    assertEquals((long) expected.size(), em.createQuery(count).getSingleResult(), what + " count");
                    List<Object> page = expected.size() <= 1 ? List.of() : expected.subList(1, 2);
                    assertEquals(page, ids(em.createQuery("from " + name + " e order by e.id", entity)
                            .setFirstResult(1).setMaxResults(1).getResultList()), what + " page 2 of size 1");
                    return null;
                });
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSameStatementIsFilteredForEachUserInTurn(String database) {
        factory = Shop.open(database);
        String hql = "from Invoice i where i.amount > :least order by i.id";
        Function<EntityManager, List<Object>> query = em -> ids(em.createQuery(hql, Invoice.class)
                .setParameter("least", 0L).getResultList());
        assertEquals(List.of(1L), as(SecurityContext.open(Shop.CLERK), query));
        assertEquals(List.of(2L), as(SecurityContext.open(UserIdentity.of(2L, "Clerk")), query));
        assertEquals(List.of(1L, 2L, 3L), as(SecurityContext.open(Shop.MANAGER), query));
        assertEquals(List.of(1L, 2L, 3L), as(SecurityContext.system(), query));
        assertEquals(List.of(), as(SecurityContext.open(UserIdentity.of(7L)), query));
        assertEquals(List.of(1L), as(SecurityContext.open(Shop.CLERK), query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void joins(String database) {
        factory = Shop.open(database);
        UserIdentity clerk2 = UserIdentity.of(2L, "Clerk");
        // An entity join is filtered: line 11 is readable for clerk 2, its invoice 1 is not.
        String entityJoin = "select l from Line l join Invoice i on l.invoice = i order by l.id";
        assertEquals(List.of(11L), as(SecurityContext.open(Shop.CLERK), em -> ids(em.createQuery(entityJoin,
                Line.class).getResultList())));
        assertEquals(List.of(), as(SecurityContext.open(clerk2), em -> ids(em.createQuery(entityJoin, Line.class)
                .getResultList())));
        // A join along a to-one is not (as a lazy load is not): the line comes, its invoice is refused when loaded.
        as(SecurityContext.open(clerk2), em -> {
            List<Line> lines = em.createQuery("select l from Line l join l.invoice i", Line.class).getResultList();
            assertEquals(List.of(11L), ids(lines));
            assertDenied(assertThrows(RuntimeException.class, () -> lines.get(0).getInvoice().getTitle()), "Invoice");
            return null;
        });
        // A collection is not filtered in SQL (a constraint through it is judged over all its objects): initialized
        // on its own it holds the readable elements; fetched with the query, an unreadable element is refused.
        assertEquals(List.of(11L), as(SecurityContext.open(Shop.CLERK), em -> ids(em.createQuery(
                "from Invoice i where i.id = 1", Invoice.class).getSingleResult().getLines())));
        assertDenied(assertThrows(RuntimeException.class, () -> as(SecurityContext.open(Shop.CLERK), em -> em
                .createQuery("select distinct i from Invoice i join fetch i.lines where i.id = 1", Invoice.class)
                .getSingleResult())), "Line");
    }

    private static void assertDenied(Throwable thrown, String entity) {
        AccessDeniedException denial = null;
        for (Throwable t = thrown; t != null && denial == null; t = t.getCause()) {
            denial = t instanceof AccessDeniedException d ? d : null;
        }
        assertTrue(denial != null, String.valueOf(thrown));
        assertEquals(entity, denial.entity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aQueryWithNoSecurityContextIsRefused(String database) {
        factory = Shop.open(database);
        EntityManager em = factory.createEntityManager();
        try {
            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> em.createQuery("select count(i) from Invoice i", Long.class).getSingleResult());
            AccessDeniedException denial = null;
            for (Throwable t = thrown; t != null && denial == null; t = t.getCause()) {
                denial = t instanceof AccessDeniedException d ? d : null;
            }
            assertTrue(denial != null, thrown.toString());
            assertEquals("Invoice", denial.entity());
        } finally {
            em.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void turnedOffNothingIsFiltered(String database) {
        factory = Shop.open(database, Map.of(ReadFilters.SETTING, "false"));
        assertEquals(Long.valueOf(3L), as(SecurityContext.open(Shop.CLERK), (EntityManager em) -> em.createQuery("select count(i) from Invoice i",
                Long.class).getSingleResult()));
        close();
        factory = Shop.open(database, Map.of(WardenJpa.ENABLED, "false"));
        assertEquals(Long.valueOf(3L), as(SecurityContext.open(Shop.CLERK), (EntityManager em) -> em.createQuery("select count(i) from Invoice i",
                Long.class).getSingleResult()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void theQueryCacheIsRefused(String database) {
        factory = null;
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Shop.open(database, Map.of(
                AvailableSettings.USE_QUERY_CACHE, "true", AvailableSettings.CACHE_REGION_FACTORY,
                "org.hibernate.cache.internal.NoCachingRegionFactory")));
        String message = "";
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            message += t.getMessage() + "\n";
        }
        assertTrue(message.contains("hibernate.cache.use_query_cache=true") && message.contains(ReadFilters.SETTING),
                message);
        assertTrue(thrown instanceof IllegalStateException || thrown instanceof PersistenceException, thrown.toString());
    }
}
