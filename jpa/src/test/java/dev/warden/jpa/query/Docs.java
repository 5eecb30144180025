package dev.warden.jpa.query;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.runtime.sql.EntityTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The query tests' domain (test resources {@code query-fixtures/docs}): folders, documents, secret documents (a
 * specialization in the same table) and tags, compiled in-process with the Warden processor and warden-jpa on the class
 * path (so that the {@code XxxCriteria} are generated), on real Hibernate over H2 and embedded PostgreSQL with the
 * schema Hibernate creates, with seeded rows and the users the tests run as.
 */
final class Docs {
    static final String[] ENTITIES = {"docs.Folder", "docs.Doc", "docs.Secret", "docs.Tag"};
    private static final String[] SOURCES = {"package-info", "DocsApp", "Status", "Folder", "Doc", "Secret", "Tag"};

    static final ClassLoader LOADER;
    static final ApplicationModel APP;
    static final Compilation COMPILATION;

    static {
        Compilation compilation = WardenCompiler.compileCleanly(Arrays.stream(SOURCES)
                .map(name -> WardenCompiler.resource("query-fixtures/docs/" + name + ".java"))
                .toArray(JavaFileObject[]::new));
        COMPILATION = compilation;
        LOADER = WardenCompiler.classLoader(compilation);
        try {
            APP = (ApplicationModel) LOADER.loadClass("docs.DocsAppSecurityModel").getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The settings that leave Warden's safety net (the post-load listeners of {@code dev.warden.jpa}) out: it judges a
     * loaded object after its lazy collections were filtered to the visible elements, so a constraint over a to-many
     * association ({@code [docs]}) sees fewer elements there than the query filters and the policy over the rows do.
     * The query tests compare the filters with the policy over the data as it is.
     */
    static final Map<String, Object> WITHOUT_SAFETY_NET = Map.of(dev.warden.jpa.WardenJpa.ENABLED, "false");

    private static EmbeddedPostgres postgres;
    private static int h2Count;

    private Docs() {}

    /** The users the tests run as, by name. */
    static Map<String, SecurityContext> users() {
        Map<String, SecurityContext> users = new LinkedHashMap<>();
        users.put("reader 1", SecurityContext.of(APP, UserIdentity.of(1L, "Reader")));
        users.put("reader 2 of team blue", SecurityContext.of(APP, UserIdentity.of(2L, "Reader")
                .withAttribute("Team", "blue")));
        users.put("editor 3", SecurityContext.of(APP, UserIdentity.of(3L, "Editor")));
        users.put("auditor 4 in Amsterdam", SecurityContext.of(APP, UserIdentity.of(4L, "Auditor")
                .withZone(ZoneId.of("Europe/Amsterdam"))));
        users.put("auditor 4 in UTC", SecurityContext.of(APP, UserIdentity.of(4L, "Auditor")
                .withZone(ZoneId.of("UTC"))));
        users.put("boss 5 of team red", SecurityContext.of(APP, UserIdentity.of(5L, "Boss")
                .withAttribute("Team", "red")));
        users.put("editor and auditor 7", SecurityContext.of(APP, UserIdentity.of(7L, "Editor", "Auditor")));
        users.put("anonymous guest", SecurityContext.anonymousOf(APP));
        users.put("unknown role", SecurityContext.of(APP, UserIdentity.of(6L, "Nobody")));
        users.put("system", SecurityContext.systemOf(APP));
        return users;
    }

    static Class<?> type(String name) {
        try {
            return LOADER.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data source on a fresh database: "h2" or "postgresql". */
    static DataSource dataSource(String database) {
        if ("h2".equals(database)) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:docs" + (++h2Count) + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        synchronized (Docs.class) {
            try {
                if (postgres == null) {
                    postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres.getPostgresDatabase();
    }

    /**
     * Real Hibernate on the data source, bootstrapped with the compiled entities (their class loader applied), the
     * schema created by Hibernate from them, and the rows seeded as the system.
     */
    static SessionFactory open(DataSource dataSource, Map<String, Object> settings) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(LOADER).build();
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        settings.forEach(registry::applySetting);
        StandardServiceRegistry standard = registry.build();
        MetadataSources sources = new MetadataSources(standard);
        for (String entity : ENTITIES) {
            sources.addAnnotatedClass(type(entity));
        }
        SessionFactory factory = sources.buildMetadata().buildSessionFactory();
        try (SecurityContext.Scope system = SecurityContext.system(APP)) {
            inTransaction(factory, Docs::seed);
        }
        return factory;
    }

    static void inTransaction(SessionFactory factory, Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    static <R> R inSession(SessionFactory factory, Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** The rows: see the fixture's rules for what each is for. */
    private static void seed(EntityManager em) {
        Object blue = make("docs.Folder", 1L, "Plans", "blue", LocalDate.parse("2025-01-10"));
        Object red = make("docs.Folder", 2L, "Guides", "red", LocalDate.parse("2019-03-01"));
        Object empty = make("docs.Folder", 3L, "Empty", null, LocalDate.parse("2025-02-02"));
        Object drafts = make("docs.Folder", 4L, "Drafts", "blue", null);
        for (Object folder : List.of(blue, red, empty, drafts)) {
            em.persist(folder);
        }
        Object status = null;
        Object[][] docs = {
            {1L, "Plan İstanbul", 1L, "FINAL", null, 12, "2023-12-31T23:30:00Z", blue},
            {2L, "notes_x", 2L, "DRAFT", "bob", 50, "2024-06-01T08:00:00Z", blue},
            {3L, "Budget", 1L, "REVIEW", "ann", 3, "2024-12-31T23:30:00Z", blue},
            {4L, "istanbul guide", 3L, "FINAL", "bob", 200, null, red},
            {5L, "x%y", 2L, "DRAFT", null, 10, "2024-03-03T12:00:00Z", red},
            {6L, "Draft", 5L, "DRAFT", null, 0, null, drafts},
            {7L, "Orphan", 1L, "FINAL", null, 11, "2024-07-07T07:07:07Z", null},
            {11L, "same", 6L, "REVIEW", "same", 1, null, null},
            {12L, "notesx", 2L, null, null, 101, "2024-01-01T00:00:00Z", red},
        };
        Map<Long, Object> byId = new LinkedHashMap<>();
        for (Object[] d : docs) {
            status = d[3] == null ? null : enumConstant("docs.Status", (String) d[3]);
            Object doc = make("docs.Doc", d[0], d[1], d[2], status, d[4], d[5],
                    d[6] == null ? null : Instant.parse((String) d[6]), d[7]);
            em.persist(doc);
            byId.put((Long) d[0], doc);
        }
        Object[][] secrets = {{8L, "Secret plan", 1L, 2, blue}, {9L, "Top", 1L, 5, red}, {10L, "Other", 2L, 1, null}};
        for (Object[] s : secrets) {
            Object secret = make("docs.Secret", s[0], s[1], s[2], s[3], s[4]);
            em.persist(secret);
            byId.put((Long) s[0], secret);
        }
        Object[][] tags = {{1L, 1L, "urgent", 3}, {2L, 1L, "old", null}, {3L, 2L, "urgent", 1}, {4L, 2L, "big", 5},
            {5L, 4L, "URGENT", 9}, {6L, 8L, "urgent", 3}, {7L, 12L, "urgent", null}};
        for (Object[] t : tags) {
            em.persist(make("docs.Tag", t[0], byId.get((Long) t[1]), t[2], t[3]));
        }
    }

    private static Object enumConstant(String type, String name) {
        for (Object constant : type(type).getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** An instance of a fixture class by its constructor with that many parameters. */
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

    static Object id(Object entity) {
        try {
            return entity.getClass().getMethod("getId").invoke(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the entity's rows (its specializations' included) the generated policy lets the user see. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TreeSet<Long> visibleByPolicy(SessionFactory factory, String entity, SecurityContext user) {
        try (SecurityContext.Scope system = SecurityContext.system(APP)) {
            return inSession(factory, em -> {
                TreeSet<Long> ids = new TreeSet<>();
                for (Object row : em.createQuery("select e from " + simpleName(entity) + " e", type(entity))
                        .getResultList()) {
                    EntityRules rules = GeneratedCode.rulesOf(row.getClass());
                    if (rules.isVisible(user, row)) {
                        ids.add((Long) id(row));
                    }
                }
                return ids;
            });
        }
    }

    /**
     * The ids the existing SQL filter (WardenData's, the generated tables) lets the user see: of the entity's own
     * table and those of its specializations, each of which keeps to its own rows.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TreeSet<Long> visibleBySqlFilter(DataSource dataSource, SecurityContext user, String... entities) {
        WardenData data = WardenData.of(dataSource).as(user);
        TreeSet<Long> ids = new TreeSet<>();
        for (String entity : entities) {
            EntityTable table;
            try {
                table = (EntityTable) type(entity + "Table").getField("TABLE").get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            for (Object row : data.list(table, Query.all())) {
                ids.add((Long) id(row));
            }
        }
        return ids;
    }

    static String simpleName(String entity) {
        return entity.substring(entity.lastIndexOf('.') + 1);
    }

    static List<String> databases() {
        return new ArrayList<>(List.of("h2", "postgresql"));
    }
}
