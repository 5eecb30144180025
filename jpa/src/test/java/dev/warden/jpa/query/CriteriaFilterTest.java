package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.warden.runtime.SecurityContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.QuerySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JpaFilters#readable}: for every user and entity of the fixture, on H2 and PostgreSQL, the rows a Criteria
 * query with the predicate returns (through Hibernate) are exactly those the generated
 * policy's {@code isVisible} allows over all rows, and those the existing SQL filter ({@code WardenData}) returns:
 * an owner constraint, a token through a to-one path, a sub-constraint on a to-many, nulls on both sides of
 * {@code !=}, case-insensitive functions with LIKE's wildcards in the data, a date part in the user's zone, string
 * length, a user-role token, a role without any rule, an anonymous and an unknown role, and a specialization stored in
 * its parent's table, judged by its own rules through queries of the parent. Hibernate's plan cache for Criteria
 * queries is on, and the users run one after another on the same factory.
 */
class CriteriaFilterTest {
    private static final Map<String, DataSource> DATA_SOURCES = new HashMap<>();
    private static final Map<String, SessionFactory> FACTORIES = new HashMap<>();

    @BeforeAll
    static void open() {
        for (String database : Docs.databases()) {
            DataSource dataSource = Docs.dataSource(database);
            DATA_SOURCES.put(database, dataSource);
            // Hibernate's plan cache for Criteria queries on: the users run one after another on one factory.
            Map<String, Object> settings = new HashMap<>(Docs.WITHOUT_SAFETY_NET);
            settings.put(QuerySettings.CRITERIA_PLAN_CACHE_ENABLED, "true");
            FACTORIES.put(database, Docs.open(dataSource, settings));
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
    void criteriaRowsArePolicyRowsAreSqlFilterRows(String database, String userName) {
        SecurityContext user = Docs.users().get(userName);
        SessionFactory factory = FACTORIES.get(database);
        Map<String, String[]> tables = Map.of("docs.Doc", new String[] {"docs.Doc", "docs.Secret"},
                "docs.Secret", new String[] {"docs.Secret"}, "docs.Folder", new String[] {"docs.Folder"},
                "docs.Tag", new String[] {"docs.Tag"});
        for (String entity : Docs.ENTITIES) {
            TreeSet<Long> criteria = visibleByCriteria(factory, entity, user);
            TreeSet<Long> policy = Docs.visibleByPolicy(factory, entity, user);
            TreeSet<Long> sql = Docs.visibleBySqlFilter(DATA_SOURCES.get(database), user, tables.get(entity));
            assertEquals(policy, criteria, entity + ": Criteria rows against the policy's");
            assertEquals(sql, criteria, entity + ": Criteria rows against the SQL filter's");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.jpa.query.Docs#databases")
    void theFixtureTellsTheUsersApart(String database) {
        // A guard on the fixture itself: the users see different, non-trivial sets of documents.
        SessionFactory factory = FACTORIES.get(database);
        List<TreeSet<Long>> seen = new ArrayList<>();
        for (SecurityContext user : Docs.users().values()) {
            seen.add(visibleByCriteria(factory, "docs.Doc", user));
        }
        // Only the anonymous guest and the unknown role see the same: nothing.
        assertEquals(seen.size() - 1, new java.util.HashSet<>(seen).size(), "users with the same rows: " + seen);
        assertFalse(seen.get(0).isEmpty());
    }

    /** The ids a Criteria query of the entity returns with the read filter, run as the user. */
    static TreeSet<Long> visibleByCriteria(SessionFactory factory, String entity, SecurityContext user) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return Docs.inSession(factory, em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Object> query = cb.createQuery(Object.class);
                @SuppressWarnings("unchecked")
                Root<Object> root = query.from((Class<Object>) Docs.type(entity));
                query.select(root).where(JpaFilters.readable(cb, query, root, user));
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery(query).getResultList()) {
                    ids.add((Long) Docs.id(row));
                }
                return ids;
            });
        }
    }
}
