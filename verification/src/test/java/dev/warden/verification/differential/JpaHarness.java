package dev.warden.verification.differential;

import com.google.testing.compile.Compilation;
import dev.warden.jpa.WardenJpa;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.ConstraintFailedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.User;
import dev.warden.verification.differential.Reference.Subject;
import dev.warden.verification.support.Javac;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * One batch of the JPA differential test: the random model written as JPA entities ({@link Sources#of(App, boolean)}),
 * compiled with the processor, mapped by real Hibernate with Warden's listeners, which creates the schema
 * ({@code hbm2ddl create}); the rows are stored through Hibernate by the system. For every user, the reference
 * evaluator against what the JPA path returns and permits:
 *
 * <ul>
 *   <li>the automatic read filter (a plain HQL query and its count), and, with it disabled in the session, the
 *       Criteria read filter ({@link WardenJpa#readable}) and the HQL function {@code warden_readable(e)}: exactly the
 *       visible rows;</li>
 *   <li>{@code EntityManager.find} through the safety net: a visible object is returned, an invisible one is an
 *       {@link AccessDeniedException};</li>
 *   <li>lazy to-many collections of a found object hold exactly its visible elements; a lazy to-one loads a visible
 *       object and is denied for an invisible one;</li>
 *   <li>the flush checks: {@code remove}, a change of one member, and {@code persist} of a new object are flushed or
 *       refused with an {@link AccessDeniedException} exactly as the reference says.</li>
 * </ul>
 *
 * In memory (the safety net judges loaded objects with the generated policy) a rule that follows {@code reversed()}
 * cannot be evaluated and fails with {@link ConstraintFailedException} (README, "Inverse associations"); where such a
 * rule applies to the user in the model, that answer is accepted in place of a visible one, and counted.
 */
final class JpaHarness {

    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong COMPILE_NANOS = new AtomicLong();
    static final AtomicLong BOOT_NANOS = new AtomicLong();
    static final AtomicLong VISIBLE = new AtomicLong();
    /**
     * The answers that were a {@link ConstraintFailedException} instead of the permission the reference gives, by why
     * (see {@link #refusal}); a refusal the reference also gives is counted under "refused anyway".
     */
    static final Map<String, AtomicLong> UNJUDGEABLE = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final AtomicLong REVERSED_RULES = new AtomicLong();
    static final AtomicLong ORDINAL_ENUMS = new AtomicLong();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /**
     * Judging a constraint through a lazy to-one initialized an object the user may not see, which the safety net
     * denied inside the judgement: the object judged (visible by the reference and the SQL filter) is refused. On a
     * read a disagreement (the safety net judges such a constraint apart, JudgementLoadsTest); accepted, and counted,
     * only in the checks of an update or persist, which judge the state in memory and so cannot judge it apart.
     */
    static final String NESTED_DENIAL = "unjudgeable: a load inside the judgement was denied";
    /**
     * The delete check judged a constraint through a to-many collection of the removed object, which Hibernate cannot
     * initialize any more ("collection is being removed"): a delete the rules allow is refused. A disagreement (the
     * delete check judges such a constraint apart, JudgementLoadsTest); named in its report.
     */
    static final String COLLECTION_BEING_REMOVED = "unjudgeable: collection is being removed";

    /** The message of the last ConstraintFailedException, for the report of a disagreement. */
    private static final ThreadLocal<String> LAST_FAILURE = new ThreadLocal<>();

    private final App app;
    private final List<User> users;
    private final Generator generator;
    private final Reference reference;
    private final List<String> disagreements = new ArrayList<>();
    private final Map<Obj, Object> javaObjects = new IdentityHashMap<>();
    private ClassLoader loader;
    private ApplicationModel model;
    private SessionFactory factory;
    private String sources;

    /** The databases by name: H2 in memory (one per batch) and, when given, a PostgreSQL database. */
    private final DataSource postgres;
    private String database;

    JpaHarness(App app, List<User> users, Generator generator, DataSource postgres) {
        this.postgres = postgres;
        this.app = app;
        this.users = users;
        this.generator = generator;
        this.reference = new Reference(app);
    }

    String sources() {
        return sources;
    }

    List<String> run() throws Exception {
        Map<String, String> files = Sources.of(app, true);
        StringBuilder all = new StringBuilder();
        files.forEach((name, text) -> all.append("// ").append(name).append('\n').append(text).append('\n'));
        sources = all.toString();
        long compiling = System.nanoTime();
        Compilation compilation = Javac.compile(files);
        COMPILE_NANOS.addAndGet(System.nanoTime() - compiling);
        String diagnostics = Javac.diagnostics(compilation);
        if (compilation.status() != Compilation.Status.SUCCESS || diagnostics.contains("WARDEN-E099")) {
            disagreements.add("the model does not compile:\n" + diagnostics);
            return disagreements;
        }
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass(app.pkg + ".AppSecurityModel").getField("INSTANCE").get(null);
        for (Entity e : app.entities) {
            REVERSED_RULES.addAndGet(e.rules.stream().filter(r -> usesReversed(r)).count());
            ORDINAL_ENUMS.addAndGet(e.members.stream().filter(m -> m.ordinal).count());
        }
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jpa_differential_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try {
            runOn("H2", h2);
        } finally {
            try (java.sql.Connection connection = h2.getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
        if (postgres != null && disagreements.isEmpty()) {
            runOn("PostgreSQL", postgres);
        }
        return disagreements;
    }

    /** Hibernate on one database: the schema it creates, the rows, every user's checks. */
    private void runOn(String name, DataSource dataSource) throws Exception {
        database = name;
        javaObjects.clear();
        long started = System.nanoTime();
        factory = open(dataSource);
        BOOT_NANOS.addAndGet(System.nanoTime() - started);
        try {
            store();
            for (User user : users) {
                checkUser(user);
                if (disagreements.size() > 40) {
                    break;
                }
            }
        } finally {
            factory.close();
        }
    }

    private static boolean usesReversed(Model.Rule r) {
        return Sources.constraint(r.constraint).contains("reversed(");
    }

    /** Hibernate over the compiled entities, with Warden's listeners (discovered, and integrated again: a no-op). */
    private SessionFactory open(DataSource dataSource) throws ClassNotFoundException {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create");
        MetadataSources metadata = new MetadataSources(registry.build());
        for (Entity e : app.entities) {
            metadata.addAnnotatedClass(type(e));
        }
        SessionFactory built = metadata.buildMetadata().buildSessionFactory();
        WardenJpa.integrate(built);
        return built;
    }

    private Class<?> type(Entity e) throws ClassNotFoundException {
        return loader.loadClass(e.qualifiedName());
    }

    private Class<?> typeOf(Entity e) {
        try {
            return type(e);
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Stores every object through Hibernate, as the system. */
    private void store() throws Exception {
        for (Entity e : app.entities) {
            for (Obj o : e.objects) {
                javaObjects.put(o, type(e).getConstructor().newInstance());
            }
        }
        for (Entity e : app.entities) {
            for (Obj o : e.objects) {
                fill(javaObjects.get(o), o, javaObjects::get);
            }
        }
        try (SecurityContext.Scope system = SecurityContext.enter(SecurityContext.systemOf(model)
                .withClock(Harness.CLOCK))) {
            EntityManager em = factory.createEntityManager();
            try {
                em.getTransaction().begin();
                for (Entity e : app.entities) {
                    for (Obj o : e.objects) {
                        em.persist(javaObjects.get(o));
                    }
                }
                em.getTransaction().commit();
            } finally {
                em.close();
            }
        }
    }

    /** Sets the Java object's members from the model object's values; {@code objects} gives associated objects. */
    private void fill(Object target, Obj o, Function<Obj, Object> objects) throws Exception {
        for (Member m : o.entity.members) {
            if (m.kind == Kind.CALCULATED) {
                continue;
            }
            setter(target.getClass(), m).invoke(target, javaValue(m, o.get(m.name), objects));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object javaValue(Member m, Object value, Function<Obj, Object> objects) throws ClassNotFoundException {
        if (value == null) {
            return null;
        }
        switch (m.kind) {
            case ENUM:
                return Enum.valueOf((Class<Enum>) loader.loadClass(m.enumType), (String) value);
            case TO_ONE:
                return objects.apply((Obj) value);
            case TO_MANY:
                List<Object> list = new ArrayList<>();
                for (Obj element : (List<Obj>) value) {
                    list.add(objects.apply(element));
                }
                return list;
            default:
                return value;
        }
    }

    private static Method setter(Class<?> type, Member m) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("set" + m.capitalized()) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new IllegalStateException("no setter for " + m + " in " + type);
    }

    private static Object get(Object entity, Member m) throws Exception {
        try {
            return entity.getClass().getMethod(Sources.getter(m)).invoke(entity);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object idOf(Object entity) throws Exception {
        return entity.getClass().getMethod("getId").invoke(entity);
    }

    // ------------------------------------------------------------------------------------------------- checks

    private SecurityContext context(User user) {
        if (user.system) {
            return SecurityContext.systemOf(model).withClock(Harness.CLOCK);
        }
        if (user.anonymousOf) {
            return SecurityContext.anonymousOf(model).withClock(Harness.CLOCK);
        }
        return SecurityContext.of(model, new UserIdentity(user.id, new LinkedHashSet<>(user.userRoles), user.attributes,
                user.zone)).withClock(Harness.CLOCK);
    }

    private SecurityContext system() {
        return SecurityContext.systemOf(model).withClock(Harness.CLOCK);
    }

    private void expect(User user, Entity e, String what, Object expected, Object actual) {
        CHECKS.incrementAndGet();
        if (!expected.equals(actual)) {
            disagreements.add(database + ": " + e.name + " for " + user + ": " + what + ": reference says " + expected + ", JPA gives "
                    + actual + (String.valueOf(actual).startsWith("unjudgeable") ? " [" + LAST_FAILURE.get() + "]" : ""));
        }
    }

    /**
     * What the JPA path did, when the reference expects {@code expected}: an answer of {@link ConstraintFailedException}
     * (a rule through {@code reversed()} judged in memory) is taken as the expected one where such a rule applies to
     * the user in the model, and counted.
     */
    private void expectJudged(User user, Subject subject, Entity e, String what, String expected, String actual) {
        if (actual.startsWith("unjudgeable")) {
            String why;
            if (expected.equals("denied")) {
                why = "refused anyway";
            } else if (actual.equals("unjudgeable") && reversedApplies(e, subject)) {
                why = "a rule through reversed() judged in memory";
            } else if (actual.equals(NESTED_DENIAL) && (what.startsWith("update ") || what.startsWith("persist "))) {
                why = "a load inside an update's or persist's judgement was denied";
            } else {
                why = null;
            }
            if (why != null) {
                CHECKS.incrementAndGet();
                UNJUDGEABLE.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet();
                return; // closed: nothing the rules deny was permitted
            }
        }
        expect(user, e, what, expected, actual);
    }

    /** Whether a rule through reversed() applies to the user on some entity of e's model (the safety net may meet it). */
    private boolean reversedApplies(Entity e, Subject subject) {
        if (subject.unrestricted || subject.denied) {
            return false;
        }
        String modelOf = e.name.substring(0, e.name.lastIndexOf('e'));
        for (Entity other : app.entities) {
            if (!other.name.substring(0, other.name.lastIndexOf('e')).equals(modelOf)) {
                continue;
            }
            for (Model.Rule r : other.rules) {
                if (usesReversed(r) && Reference.applies(other, r, subject)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The outcome a refusal stands for: denied, unjudgeable (ConstraintFailedException), or thrown on. */
    private static String refusal(RuntimeException thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return "denied";
            }
            if (t instanceof ConstraintFailedException) {
                LAST_FAILURE.set(t.getMessage() + (t.getCause() == null ? "" : " (cause: " + t.getCause() + ")"));
                for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof AccessDeniedException) {
                        return NESTED_DENIAL;
                    }
                    if (cause instanceof org.hibernate.LazyInitializationException) {
                        return COLLECTION_BEING_REMOVED;
                    }
                }
                return "unjudgeable";
            }
        }
        throw thrown;
    }

    private void checkUser(User user) throws Exception {
        SecurityContext ctx = context(user);
        Subject subject = reference.subject(user);
        for (Entity e : app.entities) {
            checkQueries(user, ctx, subject, e);
            int toOnes = 0;
            for (Obj o : e.objects) {
                toOnes += checkFind(user, ctx, subject, e, o, toOnes < 2);
            }
            // removes of a few objects (each a transaction of its own)
            for (int i = 0; i < Math.min(3, e.objects.size()); i++) {
                checkDelete(user, ctx, subject, e, generator.pick(e.objects));
            }
            checkUpdates(user, ctx, subject, e);
            checkCreate(user, ctx, subject, e);
        }
    }

    private Set<Long> expectedVisible(Entity e, Subject subject) {
        Set<Long> expected = new TreeSet<>();
        for (Obj o : e.objects) {
            if (reference.visible(e, o, subject)) {
                expected.add(o.id);
            }
        }
        return expected;
    }

    /**
     * The automatic read filter (a plain query, and its count), then, with it disabled in the session, the Criteria
     * filter and the HQL function; all select keys only (no entity is materialized, so no safety net).
     */
    private void checkQueries(User user, SecurityContext ctx, Subject subject, Entity e) throws Exception {
        Set<Long> expected = expectedVisible(e, subject);
        if (!subject.unrestricted) {
            VISIBLE.addAndGet(expected.size());
        }
        Class<?> type = type(e);
        Object plain = inSession(ctx, em -> new TreeSet<>(em.createQuery("select e.id from " + e.name + " e", Long.class)
                .getResultList()));
        expect(user, e, "rows of a plain HQL query (the automatic read filter)", expected, denialAsEmpty(plain, expected));
        Object count = inSession(ctx, em -> em.createQuery("select count(e) from " + e.name + " e", Long.class)
                .getSingleResult());
        expect(user, e, "count of a plain HQL query (the automatic read filter)", (long) expected.size(),
                "denied".equals(count) && expected.isEmpty() ? 0L : count);
        Object criteria = inSession(ctx, em -> {
            withoutReadFilter(em);
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            @SuppressWarnings("unchecked")
            Root<Object> root = query.from((Class<Object>) type);
            query.select(root.get("id")).where(WardenJpa.readable(cb, query, root, ctx));
            return new TreeSet<>(em.createQuery(query).getResultList());
        });
        expect(user, e, "Criteria WardenJpa.readable rows", expected, denialAsEmpty(criteria, expected));
        Object hql = inSession(ctx, em -> withoutReadFilter(em).createQuery("select e.id from " + e.name
                + " e where warden_readable(e)", Long.class).getResultList().stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        expect(user, e, "HQL warden_readable rows", expected, denialAsEmpty(hql, expected));
    }

    /** Disables the automatic read filter in the session, so that a query has only the filter it names. */
    private static EntityManager withoutReadFilter(EntityManager em) {
        org.hibernate.engine.spi.SessionImplementor session = em.unwrap(org.hibernate.engine.spi.SessionImplementor.class);
        for (String name : List.copyOf(session.getLoadQueryInfluencers().getEnabledFilterNames())) {
            if (name.startsWith(dev.warden.jpa.query.ReadFilters.NAME_PREFIX)) {
                session.disableFilter(name);
            }
        }
        return em;
    }

    /** A query refused for a context that denies everything stands for no rows, when the reference expects none. */
    private static Object denialAsEmpty(Object result, Set<Long> expected) {
        return "denied".equals(result) && expected.isEmpty() ? new TreeSet<Long>() : result;
    }

    /** Runs {@code work} in a new entity manager in the context; a refusal gives its outcome (see {@link #refusal}). */
    private Object inSession(SecurityContext ctx, Function<EntityManager, Object> work) {
        EntityManager em = factory.createEntityManager();
        try (SecurityContext.Scope scope = SecurityContext.enter(ctx)) {
            return work.apply(em);
        } catch (RuntimeException e) {
            return refusal(e);
        } finally {
            em.close();
        }
    }

    /** Returns 1 when the lazy to-ones of the object were checked (with {@code toOnes}, and only for a visible one). */
    private int checkFind(User user, SecurityContext ctx, Subject subject, Entity e, Obj o, boolean toOnes)
            throws Exception {
        boolean visible = reference.visible(e, o, subject);
        Class<?> type = type(e);
        EntityManager em = factory.createEntityManager();
        String found;
        try (SecurityContext.Scope scope = SecurityContext.enter(ctx)) {
            Object object;
            try {
                object = em.find(type, o.id);
                found = object == null ? "nothing" : Objects.equals(idOf(object), o.id) ? "found" : "another object";
            } catch (RuntimeException ex) {
                object = null;
                found = refusal(ex);
            }
            expectJudged(user, subject, e, "find(" + o.id + ")", visible ? "found" : "denied", found);
            if (object != null && visible) {
                checkCollections(user, subject, e, o, object);
            }
        } finally {
            em.close();
        }
        if (toOnes && "found".equals(found) && visible) {
            checkToOnes(user, ctx, subject, e, o);
            return 1;
        }
        return 0;
    }

    /** Each lazy to-many collection of a found object holds exactly its visible elements. */
    private void checkCollections(User user, Subject subject, Entity e, Obj o, Object object) throws Exception {
        for (Member m : e.members) {
            if (m.kind != Kind.TO_MANY) {
                continue;
            }
            Set<Long> expected = new TreeSet<>();
            for (Obj element : Reference.elements(o.get(m.name))) {
                if (reference.visible(element.entity, element, subject)) {
                    expected.add(element.id);
                }
            }
            Object actual;
            try {
                Set<Long> ids = new TreeSet<>();
                for (Object element : (Collection<?>) get(object, m)) {
                    ids.add((Long) idOf(element));
                }
                actual = ids;
            } catch (RuntimeException ex) {
                actual = refusal(ex);
            }
            if (actual instanceof String refused && refused.startsWith("unjudgeable")) {
                // the collection could not be judged: closed, and one of the causes expectJudged accepts
                expectJudged(user, subject, m.target, o + "." + m + " lazy collection elements", "its elements",
                        refused);
                continue;
            }
            expect(user, e, o + "." + m + " lazy collection elements", expected, actual);
        }
    }

    /** A lazy to-one of a found object, initialized: loads a visible object, is denied for an invisible one. */
    private void checkToOnes(User user, SecurityContext ctx, Subject subject, Entity e, Obj o) throws Exception {
        for (Member m : e.members) {
            if (m.kind != Kind.TO_ONE || o.get(m.name) == null) {
                continue;
            }
            Obj target = (Obj) o.get(m.name);
            boolean visible = reference.visible(target.entity, target, subject);
            Object outcome = inSession(ctx, em -> {
                try {
                    Object associated = get(em.find(typeOf(e), o.id), m);
                    Hibernate.initialize(associated);
                    return Objects.equals(idOf(associated), target.id) ? "loaded" : "another object";
                } catch (RuntimeException ex) {
                    throw ex;
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            expectJudged(user, subject, target.entity, o + "." + m + " (lazy to-one to " + target + ") initialized",
                    visible ? "loaded" : "denied", String.valueOf(outcome));
        }
    }

    /** A write of one check, given the entity manager and managed references to the model's objects. */
    private interface Write {
        void run(EntityManager em, Function<Obj, Object> managed) throws Exception;
    }

    /**
     * Loads what the write needs as the system in a new entity manager and transaction, runs {@code write} and the
     * flush in the user's context, and rolls back: "done", "denied" or "unjudgeable".
     */
    private String flushed(SecurityContext ctx, Write write) throws Exception {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Function<Obj, Object> managed = target -> {
                try (SecurityContext.Scope system = SecurityContext.enter(system())) {
                    return em.getReference(typeOf(target.entity), target.id);
                }
            };
            try (SecurityContext.Scope scope = SecurityContext.enter(ctx)) {
                write.run(em, managed);
                em.flush();
                return "done";
            } catch (RuntimeException ex) {
                return refusal(ex);
            }
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private Object loadAsSystem(EntityManager em, Entity e, Obj o) {
        try (SecurityContext.Scope system = SecurityContext.enter(system())) {
            return em.find(typeOf(e), o.id);
        }
    }

    private void checkDelete(User user, SecurityContext ctx, Subject subject, Entity e, Obj o) throws Exception {
        String expected = reference.canDelete(e, o, subject) ? "done" : "denied";
        String actual = flushed(ctx, (em, managed) -> {
            Object object = loadAsSystem(em, e, o);
            em.remove(object);
        });
        expectJudged(user, subject, e, "remove " + o, expected, actual);
    }

    private void checkUpdates(User user, SecurityContext ctx, Subject subject, Entity e) throws Exception {
        List<Member> candidates = e.storedMembers().stream().filter(m -> m.kind != Kind.ID).toList();
        for (int i = 0; i < 3 && !candidates.isEmpty(); i++) {
            Obj o = generator.pick(e.objects);
            Member m = generator.pick(candidates);
            Object newValue = generator.value(m);
            if (same(o.get(m.name), newValue)) {
                continue; // not dirty: Hibernate writes nothing, and nothing is checked
            }
            String expected = reference.dataUpdateAllowed(e, o, m, newValue, subject) ? "done" : "denied";
            String actual = flushed(ctx, (em, managed) -> {
                Object object = loadAsSystem(em, e, o);
                setter(object.getClass(), m).invoke(object, javaValue(m, newValue, managed));
            });
            expectJudged(user, subject, e, "update " + o + "." + m + " := " + newValue, expected, actual);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a == b || a != null && a.equals(b);
    }

    private void checkCreate(User user, SecurityContext ctx, Subject subject, Entity e) throws Exception {
        Obj fresh = generator.newObject(e, 800000 + generator.random().nextInt(1000));
        String given = fresh.values.toString();
        Object[] made = new Object[1];
        String actual = flushed(ctx, (em, managed) -> {
            Object object = type(e).getConstructor().newInstance();
            fill(object, fresh, managed);
            made[0] = object;
            em.persist(object);
        });
        // the owner is filled in by the check, after the object was made as the caller gave it
        String expected = reference.jpaCreateAllowed(e, fresh, subject) ? "done" : "denied";
        expectJudged(user, subject, e, "persist " + given, expected, actual);
    }
}
