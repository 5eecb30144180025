package dev.warden.jpa.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import dev.warden.jpa.WardenJpa;
import dev.warden.jpa.query.JpaFilters;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.runtime.sql.EntityTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mapping fidelity: the fixture entities (test resources {@code mapping-fixtures/mapping}) are compiled with the
 * Warden processor, real Hibernate creates their schema on H2 ({@code hbm2ddl create}) from the same classes and
 * stores the rows, and for every user the rows of the generated SQL filter ({@code WardenData}) and of the Criteria
 * filter are exactly those the generated policy allows in memory. Each entity exercises one JPA mapping whose storage
 * differs from Warden's own defaults.
 */
class MappingFidelityTest {
    private static final String[] SOURCES = {"package-info", "MappingApp", "Level", "Ticket"};
    private static final String[] ENTITIES = {"mapping.Ticket"};

    private static ClassLoader loader;
    private static ApplicationModel app;
    private static DataSource dataSource;
    private static SessionFactory factory;

    @BeforeAll
    static void open() throws ReflectiveOperationException {
        Compilation compilation = WardenCompiler.compileCleanly(Arrays.stream(SOURCES)
                .map(name -> WardenCompiler.resource("mapping-fixtures/mapping/" + name + ".java"))
                .toArray(JavaFileObject[]::new));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("mapping.MappingAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:mapping;DB_CLOSE_DELAY=-1");
        dataSource = h2;
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                .applySetting(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, "true")
                .applySetting(WardenJpa.ENABLED, "false");
        MetadataSources sources = new MetadataSources(registry.build());
        for (String entity : ENTITIES) {
            sources.addAnnotatedClass(type(entity));
        }
        factory = sources.buildMetadata().buildSessionFactory();
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        seed(em);
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static void seed(EntityManager em) {
        Object[] levels = type("mapping.Level").getEnumConstants();
        long id = 1;
        for (Object priority : levels) {
            for (Object severity : levels) {
                for (Object urgency : levels) {
                    em.persist(make("mapping.Ticket", id++, priority, severity, urgency));
                }
            }
        }
        em.persist(make("mapping.Ticket", id, null, null, null));
    }

    static Map<String, SecurityContext> users() {
        Map<String, SecurityContext> users = new LinkedHashMap<>();
        users.put("clerk", SecurityContext.of(app, UserIdentity.of(1L, "Clerk")));
        users.put("manager", SecurityContext.of(app, UserIdentity.of(2L, "Manager")));
        users.put("clerk and manager", SecurityContext.of(app, UserIdentity.of(3L, "Clerk", "Manager")));
        return users;
    }

    static List<String> userNames() {
        // the names only: the application model is loaded in @BeforeAll
        return List.of("clerk", "manager", "clerk and manager");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNames")
    void sqlFilterRowsAndCriteriaRowsArePolicyRows(String userName) {
        SecurityContext user = users().get(userName);
        for (String entity : ENTITIES) {
            TreeSet<Long> policy = visibleByPolicy(entity, user);
            TreeSet<Long> all = visibleByPolicy(entity, SecurityContext.systemOf(app));
            assertNotEquals(Set.of(), policy, entity + ": the fixture lets " + userName + " see something");
            assertNotEquals(all, policy, entity + ": the fixture hides something from " + userName);
            assertEquals(policy, visibleBySqlFilter(entity, user), entity + ": SQL filter rows against the policy's");
            assertEquals(policy, visibleByCriteria(entity, user), entity + ": Criteria rows against the policy's");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNames")
    void theUsersSeeDifferentRows(String userName) {
        Set<TreeSet<Long>> seen = new HashSet<>();
        for (String name : userNames()) {
            seen.add(visibleByPolicy(ENTITIES[0], users().get(name)));
        }
        assertEquals(userNames().size(), seen.size(), "users with the same rows: " + seen + " (" + userName + ")");
    }

    private static <R> R inSession(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TreeSet<Long> visibleByPolicy(String entity, SecurityContext user) {
        try (SecurityContext.Scope system = SecurityContext.system(app)) {
            return inSession(em -> {
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery("select e from " + simpleName(entity) + " e", type(entity))
                        .getResultList()) {
                    EntityRules rules = GeneratedCode.rulesOf(row.getClass());
                    if (user.isSystem() || rules.isVisible(user, row)) {
                        ids.add((Long) id(row));
                    }
                }
                return ids;
            });
        }
    }

    /**
     * The rows of the generated SQL filter, through the HQL function {@code warden_readable} (which renders each
     * rule's compiled SQL into the statement Hibernate runs against its own schema).
     */
    private static TreeSet<Long> visibleBySqlFilter(String entity, SecurityContext user) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return inSession(em -> {
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery("select e from " + simpleName(entity) + " e where warden_readable(e)",
                        type(entity)).getResultList()) {
                    ids.add((Long) id(row));
                }
                return ids;
            });
        }
    }

    @org.junit.jupiter.api.Test
    void wardenDataRefusesAnOrdinalEnumColumnByName() throws ReflectiveOperationException {
        // WardenData reads and writes enums as their names: on JPA's ordinal columns it stops with the mismatch
        EntityTable<?> table = (EntityTable<?>) type("mapping.TicketTable").getField("TABLE").get(null);
        WardenData data = WardenData.of(dataSource).as(users().get("clerk"));
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> data.list(table, Query.all()));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("column priority of table ticket is"),
                refused.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("member 'priority' (a Level)"),
                refused.getMessage());
    }

    private static TreeSet<Long> visibleByCriteria(String entity, SecurityContext user) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return inSession(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Object> query = cb.createQuery(Object.class);
                @SuppressWarnings("unchecked")
                Root<Object> root = query.from((Class<Object>) type(entity));
                query.select(root).where(JpaFilters.readable(cb, query, root, user));
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery(query).getResultList()) {
                    ids.add((Long) id(row));
                }
                return ids;
            });
        }
    }

    private static Class<?> type(String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object make(String type, Object... arguments) {
        for (Constructor<?> constructor : type(type).getConstructors()) {
            if (constructor.getParameterCount() == arguments.length) {
                try {
                    return constructor.newInstance(arguments);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no constructor of " + type + " with " + arguments.length);
    }

    private static Object id(Object entity) {
        try {
            return entity.getClass().getMethod("getId").invoke(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simpleName(String entity) {
        return entity.substring(entity.lastIndexOf('.') + 1);
    }
}
