package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HQL/JPQL function {@code warden_readable(alias)} on H2 and PostgreSQL: for every user and entity, the rows of
 * {@code where warden_readable(e)} are the policy's; the same HQL string run by different users in turn, and by one
 * user whose role changed, gives each their own rows although Hibernate reuses the query plan and its SQL (counted by
 * Hibernate's statistics); the function combines with the query's own conditions and parameters and with
 * {@code count}; without a security context it denies, and a query whose results would be cached is refused.
 */
class HqlFunctionTest {
    private static final Map<String, SessionFactory> FACTORIES = new HashMap<>();

    @BeforeAll
    static void open() {
        Map<String, Object> settings = new HashMap<>(Docs.WITHOUT_SAFETY_NET);
        settings.put(AvailableSettings.GENERATE_STATISTICS, "true");
        for (String database : Docs.databases()) {
            FACTORIES.put(database, Docs.open(Docs.dataSource(database), settings));
        }
    }

    @AfterAll
    static void close() {
        FACTORIES.values().forEach(SessionFactory::close);
    }

    static Stream<Arguments> databasesAndUsers() {
        List<Arguments> arguments = new ArrayList<>();
        for (String database : Docs.databases()) {
            for (String user : Docs.users().keySet()) {
                arguments.add(Arguments.of(database, user));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("databasesAndUsers")
    void hqlRowsArePolicyRows(String database, String userName) {
        SecurityContext user = Docs.users().get(userName);
        SessionFactory factory = FACTORIES.get(database);
        for (String entity : Docs.ENTITIES) {
            String hql = "select e from " + Docs.simpleName(entity) + " e where warden_readable(e)";
            assertEquals(Docs.visibleByPolicy(factory, entity, user), ids(factory, user, hql, Map.of()), entity);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.jpa.query.Docs#databases")
    void theSameHqlRunByOneUserAfterAnotherGivesEachTheirOwnRowsFromTheCachedPlan(String database) {
        SessionFactory factory = FACTORIES.get(database);
        String hql = "select d from Doc d where warden_readable(d) and d.pages >= :pages order by d.id";
        Statistics statistics = factory.getStatistics();
        SecurityContext[] turns = {
            Docs.users().get("reader 1"), Docs.users().get("reader 2 of team blue"), Docs.users().get("editor 3"),
            Docs.users().get("reader 1"), Docs.users().get("system"), Docs.users().get("anonymous guest"),
            Docs.users().get("reader 2 of team blue")};
        ids(factory, turns[0], hql, Map.of("pages", 0));
        long hits = statistics.getQueryPlanCacheHitCount();
        List<TreeSet<Long>> seen = new ArrayList<>();
        for (SecurityContext user : turns) {
            TreeSet<Long> rows = ids(factory, user, hql, Map.of("pages", 0));
            assertEquals(Docs.visibleByPolicy(factory, "docs.Doc", user), rows, user.toString());
            seen.add(rows);
        }
        assertTrue(statistics.getQueryPlanCacheHitCount() >= hits + turns.length,
                "Hibernate reused the query plan: " + statistics.getQueryPlanCacheHitCount() + " hits after " + hits);
        assertNotEquals(seen.get(0), seen.get(1));
        assertEquals(seen.get(0), seen.get(3));
        assertEquals(seen.get(1), seen.get(6));

        TreeSet<Long> longOnes = ids(factory, Docs.users().get("reader 1"), hql, Map.of("pages", 11));
        assertEquals(List.of(1L, 7L), new ArrayList<>(longOnes), "the query's own parameter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.jpa.query.Docs#databases")
    void aRoleChangeTakesEffectOnTheNextRun(String database) {
        SessionFactory factory = FACTORIES.get(database);
        String hql = "select d from Doc d where warden_readable(d)";
        SecurityContext asReader = SecurityContext.of(Docs.APP, UserIdentity.of(1L, "Reader"));
        SecurityContext asEditor = SecurityContext.of(Docs.APP, UserIdentity.of(1L, "Editor"));
        TreeSet<Long> before = ids(factory, asReader, hql, Map.of());
        TreeSet<Long> after = ids(factory, asEditor, hql, Map.of());
        assertEquals(Docs.visibleByPolicy(factory, "docs.Doc", asReader), before);
        assertEquals(Docs.visibleByPolicy(factory, "docs.Doc", asEditor), after);
        assertNotEquals(before, after);
        try (SecurityContext.Scope scope = SecurityContext.enter(asEditor)) {
            Long count = Docs.inSession(factory, em -> em.createQuery(
                    "select count(d) from Doc d where warden_readable(d)", Long.class).getSingleResult());
            assertEquals(after.size(), count.intValue(), "count");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.jpa.query.Docs#databases")
    void withoutAContextItDeniesAndCachedResultsAreRefused(String database) {
        SessionFactory factory = FACTORIES.get(database);
        String hql = "select d from Doc d where warden_readable(d)";
        Throwable denied = failure(() -> Docs.inSession(factory, em -> em.createQuery(hql).getResultList()));
        assertTrue(causes(denied, AccessDeniedException.class), "no context: " + denied);
        try (SecurityContext.Scope scope = SecurityContext.enter(Docs.users().get("reader 1"))) {
            Throwable refused = failure(() -> Docs.inSession(factory, em -> em.createQuery(hql)
                    .setHint("org.hibernate.cacheable", true).getResultList()));
            assertTrue(refused.toString().contains("query cache") || causes(refused, IllegalStateException.class),
                    "cacheable: " + refused);
        }
    }

    private static Throwable failure(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            return e;
        }
        return fail("no failure");
    }

    private static boolean causes(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static TreeSet<Long> ids(SessionFactory factory, SecurityContext user, String hql,
            Map<String, Object> parameters) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return Docs.inSession(factory, em -> {
                var query = em.createQuery(hql);
                parameters.forEach(query::setParameter);
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : query.getResultList()) {
                    ids.add((Long) Docs.id(row));
                }
                return ids;
            });
        }
    }
}
