package dev.warden.jpa.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.warden.jpa.WardenJpa;
import dev.warden.jpa.query.JpaFilters;
import dev.warden.processor.WardenProcessor;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
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
    private static final String[] SOURCES = {"package-info", "MappingApp", "Level", "Ticket", "Address", "Customer",
        "Invoice"};
    private static final String[] ENTITIES = {"mapping.Ticket", "mapping.Customer", "mapping.Invoice"};

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
        List<Object> tickets = new java.util.ArrayList<>();
        for (Object priority : levels) {
            for (Object severity : levels) {
                for (Object urgency : levels) {
                    tickets.add(make("mapping.Ticket", id++, priority, severity, urgency));
                    em.persist(tickets.get(tickets.size() - 1));
                }
            }
        }
        em.persist(make("mapping.Ticket", id, null, null, null));
        List<Object> addresses = new java.util.ArrayList<>();
        addresses.add(null);
        addresses.add(make("mapping.Address", null, null, null));
        addresses.add(make("mapping.Address", "Oslo", null, levels[0]));
        addresses.add(make("mapping.Address", "Oslo", "Main", levels[2]));
        addresses.add(make("mapping.Address", "Bergen", null, levels[2]));
        addresses.add(make("mapping.Address", "Bergen", "Side", levels[1]));
        id = 1;
        List<Object> customers = new java.util.ArrayList<>();
        for (Object address : addresses) {
            for (Object billing : addresses) {
                customers.add(make("mapping.Customer", id++, address, billing));
                em.persist(customers.get(customers.size() - 1));
            }
        }
        // invoices: each customer of the first address row of each kind, with no, one or two tickets
        for (int i = 0; i < 24; i++) {
            Set<Object> some = new HashSet<>();
            for (int t = 0; t < i % 3; t++) {
                some.add(tickets.get((i * 5 + t * 7) % tickets.size()));
            }
            em.persist(make("mapping.Invoice", (long) i + 1, i % 4 == 3 ? null : customers.get(i * 6 % customers.size()),
                    some));
        }
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
            TreeSet<Long> policy = visibleByPolicy(db(), entity, user);
            TreeSet<Long> all = visibleByPolicy(db(), entity, SecurityContext.systemOf(app));
            assertNotEquals(Set.of(), policy, entity + ": the fixture lets " + userName + " see something");
            assertNotEquals(all, policy, entity + ": the fixture hides something from " + userName);
            assertEquals(policy, visibleBySqlFilter(db(), entity, user), entity + ": SQL filter rows against the policy's");
            assertEquals(policy, visibleByCriteria(db(), entity, user), entity + ": Criteria rows against the policy's");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNames")
    void theUsersSeeDifferentRows(String userName) {
        Set<TreeSet<Long>> seen = new HashSet<>();
        for (String name : userNames()) {
            seen.add(visibleByPolicy(db(), ENTITIES[0], users().get(name)));
        }
        assertEquals(userNames().size(), seen.size(), "users with the same rows: " + seen + " (" + userName + ")");
    }

    /** A compiled fixture and the database Hibernate made for it. */
    record Db(ClassLoader loader, ApplicationModel app, SessionFactory factory) {
        Class<?> type(String name) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Db db() {
        return new Db(loader, app, factory);
    }

    private static <R> R inSession(Db db, Function<EntityManager, R> work) {
        EntityManager em = db.factory().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TreeSet<Long> visibleByPolicy(Db db, String entity, SecurityContext user) {
        try (SecurityContext.Scope system = SecurityContext.system(db.app())) {
            return inSession(db, em -> {
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery("select e from " + simpleName(entity) + " e", db.type(entity))
                        .getResultList()) {
                    EntityRules rules = GeneratedCode.rulesOf(row.getClass());
                    if (user.isSystem() || rules.isVisible(user, row)) {
                        ids.add(id(row));
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
    static TreeSet<Long> visibleBySqlFilter(Db db, String entity, SecurityContext user) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return inSession(db, em -> {
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery("select e from " + simpleName(entity) + " e where warden_readable(e)",
                        db.type(entity)).getResultList()) {
                    ids.add(id(row));
                }
                return ids;
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userNames")
    void wardenDataRowsArePolicyRows(String userName) throws ReflectiveOperationException {
        // WardenData reads JPA's ordinal enum columns as ordinals and @Enumerated(STRING) ones as names
        SecurityContext user = users().get(userName);
        EntityTable<?> table = (EntityTable<?>) type("mapping.TicketTable").getField("TABLE").get(null);
        TreeSet<Long> ids = new TreeSet<>();
        for (Object row : WardenData.of(dataSource).as(user).list(table, Query.all())) {
            ids.add((Long) id(row));
        }
        assertEquals(visibleByPolicy(db(), ENTITIES[0], user), ids);
    }

    static TreeSet<Long> visibleByCriteria(Db db, String entity, SecurityContext user) {
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return inSession(db, em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Object> query = cb.createQuery(Object.class);
                @SuppressWarnings("unchecked")
                Root<Object> root = query.from((Class<Object>) db.type(entity));
                query.select(root).where(JpaFilters.readable(cb, query, root, user));
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery(query).getResultList()) {
                    ids.add(id(row));
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
        return construct(type(type), arguments);
    }

    private static Object construct(Class<?> type, Object... arguments) {
        for (Constructor<?> constructor : type.getConstructors()) {
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

    /**
     * The naming fixture (test resources {@code naming-fixtures/naming}), which names nothing but one column,
     * compiled with {@code -Awarden.naming} and stored by Hibernate configured as that naming's persistence layer
     * names: the SQL filter's rows and the Criteria rows are the policy's.
     */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class UnderANaming {
        private static final String[] NAMING_SOURCES = {"package-info", "NamingApp", "Account", "OrderLabel",
            "ShippingAddress", "SalesOrder"};
        private static final String[] NAMING_ENTITIES = {"naming.Account", "naming.OrderLabel", "naming.SalesOrder"};
        private Db db;

        /** The value of {@code -Awarden.naming}. */
        abstract String naming();

        /** Hibernate's naming strategies for it. */
        abstract void configure(StandardServiceRegistryBuilder registry);

        @BeforeAll
        void open() throws ReflectiveOperationException {
            Compilation compilation = Compiler.javac().withProcessors(new WardenProcessor())
                    .withOptions("-Xlint:-processing", "-Awarden.naming=" + naming())
                    .compile(Arrays.stream(NAMING_SOURCES)
                            .map(name -> WardenCompiler.resource("naming-fixtures/naming/" + name + ".java"))
                            .toArray(JavaFileObject[]::new));
            assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
            ClassLoader classes = WardenCompiler.classLoader(compilation);
            ApplicationModel model = (ApplicationModel) classes.loadClass("naming.NamingAppSecurityModel")
                    .getField("INSTANCE").get(null);
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:naming_" + naming().replace('-', '_') + ";DB_CLOSE_DELAY=-1");
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classes).build();
            StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                    .applySetting(WardenJpa.ENABLED, "false");
            configure(registry);
            MetadataSources sources = new MetadataSources(registry.build());
            for (String entity : NAMING_ENTITIES) {
                sources.addAnnotatedClass(classes.loadClass(entity));
            }
            db = new Db(classes, model, sources.buildMetadata().buildSessionFactory());
            EntityManager em = db.factory().createEntityManager();
            em.getTransaction().begin();
            seed(em);
            em.getTransaction().commit();
            em.close();
        }

        @AfterAll
        void close() {
            db.factory().close();
        }

        private void seed(EntityManager em) {
            List<Object> accounts = new java.util.ArrayList<>();
            for (long n = 1; n <= 8; n++) {
                accounts.add(construct(db.type("naming.Account"), n, n <= 4 ? (n % 2 == 1 ? "big" : "small") : "other"));
                em.persist(accounts.get(accounts.size() - 1));
            }
            Object vip = construct(db.type("naming.OrderLabel"), 1L, "vip");
            Object plain = construct(db.type("naming.OrderLabel"), 2L, "plain");
            em.persist(vip);
            em.persist(plain);
            for (int i = 1; i <= 16; i++) {
                Set<Object> labels = new HashSet<>(i % 3 == 0 ? List.of(vip) : i % 3 == 1 ? List.of(plain) : List.of());
                Set<Object> watchers = new HashSet<>(i <= 8 && i % 2 == 0 ? List.of(accounts.get(i - 1)) : List.of());
                Object shipTo = i % 4 == 2 ? null
                        : construct(db.type("naming.ShippingAddress"), i % 4 == 1 ? "0150" : "5000");
                em.persist(construct(db.type("naming.SalesOrder"), (long) i, i % 4 == 0 ? "Ada" : "Bob",
                        i % 5 == 0 ? "rush" : null, i % 7 == 0 ? null : accounts.get(i % 3), labels, watchers, shipTo));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.warden.jpa.mapping.MappingFidelityTest#userNames")
        void sqlFilterRowsAndCriteriaRowsArePolicyRows(String userName) {
            SecurityContext user = Map.of(
                    "clerk", SecurityContext.of(db.app(), UserIdentity.of(1L, "Clerk")),
                    "manager", SecurityContext.of(db.app(), UserIdentity.of(2L, "Manager")),
                    "clerk and manager", SecurityContext.of(db.app(), UserIdentity.of(3L, "Clerk", "Manager")))
                    .get(userName);
            String entity = "naming.SalesOrder";
            TreeSet<Long> policy = visibleByPolicy(db, entity, user);
            assertNotEquals(Set.of(), policy, naming() + ": the fixture lets " + userName + " see something");
            assertNotEquals(visibleByPolicy(db, entity, SecurityContext.systemOf(db.app())), policy,
                    naming() + ": the fixture hides something from " + userName);
            assertEquals(policy, visibleBySqlFilter(db, entity, user), naming() + ": SQL filter rows against the policy's");
            assertEquals(policy, visibleByCriteria(db, entity, user), naming() + ": Criteria rows against the policy's");
        }
    }

    /** {@code -Awarden.naming=jpa} against Hibernate's own defaults. */
    @Nested
    class UnderHibernatesDefaultNaming extends UnderANaming {
        @Override
        String naming() {
            return "jpa";
        }

        @Override
        void configure(StandardServiceRegistryBuilder registry) {}
    }

    /** {@code -Awarden.naming=spring-boot} against Spring Boot's naming strategies. */
    @Nested
    class UnderSpringBootsNaming extends UnderANaming {
        @Override
        String naming() {
            return "spring-boot";
        }

        @Override
        void configure(StandardServiceRegistryBuilder registry) {
            registry.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                    "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
            registry.applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY,
                    "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
        }
    }

    private static Long id(Object entity) {
        try {
            return (Long) entity.getClass().getMethod("getId").invoke(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simpleName(String entity) {
        return entity.substring(entity.lastIndexOf('.') + 1);
    }
}
