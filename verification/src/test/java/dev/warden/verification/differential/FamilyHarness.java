package dev.warden.verification.differential;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Explanation;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.verification.differential.Families.Family;
import dev.warden.verification.differential.Families.Shape;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.User;
import dev.warden.verification.differential.Reference.Subject;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * One batch of {@link GeneralizationDifferentialTest}: compiles the families of {@link Families} with the processor and
 * compares, for every user, the reference evaluator with every path: the parent's and the specialization's generated
 * policy ({@code isVisible}, {@code rights}, {@code canRead}, {@code canWrite}, {@code canDelete}, {@code rulesFor}),
 * {@code explain}, the proxies ({@code of}, {@code visibleOf}, {@code ifVisible}, getters, setters,
 * {@code readableValues}, {@code create}), the holder's container getters and setters (visibility-filtered copies,
 * never the caller's container), copies of mutable values, and the SQL of {@link WardenData} on H2 and PostgreSQL
 * ({@code list}, {@code listSecured}, {@code count}, {@code find}, {@code delete}, {@code update}, {@code insert})
 * through the parent's and the specialization's table.
 */
final class FamilyHarness {

    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong FAMILIES = new AtomicLong();
    static final AtomicLong SINGLE_TABLE = new AtomicLong();
    static final AtomicLong SPECIALIZED_VISIBLE = new AtomicLong();
    static final AtomicLong SPECIALIZED_SEEN = new AtomicLong();
    static final AtomicLong CREATES_ALLOWED = new AtomicLong();
    static final AtomicLong CREATES = new AtomicLong();
    static final AtomicLong CONTAINER_WRITES_ALLOWED = new AtomicLong();
    static final AtomicLong CONTAINER_WRITES = new AtomicLong();

    private final App app;
    private final List<Family> families;
    private final List<User> users;
    private final Generator generator;
    private final Families maker;
    private final Databases databases;
    private final Reference reference;
    private final List<String> disagreements = new ArrayList<>();
    private final Map<Obj, Object> javaObjects = new IdentityHashMap<>();
    private ClassLoader loader;
    private ApplicationModel model;
    private String sources;

    FamilyHarness(App app, List<Family> families, List<User> users, Generator generator, Databases databases) {
        this.app = app;
        this.families = families;
        this.users = users;
        this.generator = generator;
        this.maker = new Families(generator);
        this.databases = databases;
        this.reference = new Reference(app);
    }

    String sources() {
        return sources;
    }

    List<String> run() throws Exception {
        Map<String, String> files = Families.sources(app, families);
        StringBuilder all = new StringBuilder();
        files.forEach((name, text) -> all.append("// ").append(name).append('\n').append(text).append('\n'));
        sources = all.toString();
        Compilation compilation = Javac.compile(files);
        String diagnostics = Javac.diagnostics(compilation);
        if (compilation.status() != Compilation.Status.SUCCESS || diagnostics.contains("WARDEN-E099")) {
            disagreements.add("the model does not compile:\n" + diagnostics);
            return disagreements;
        }
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass(app.pkg + ".AppSecurityModel").getField("INSTANCE").get(null);
        for (Family f : families) {
            for (Obj o : f.members()) {
                javaObjects.put(o, make(f, o));
            }
            for (Obj h : f.holder.objects) {
                javaObjects.put(h, make(f, h));
            }
        }
        for (DataSource db : List.of(databases.h2, databases.postgres)) {
            Databases.execute(db, ddl(db == databases.postgres));
            insertRows(db);
        }
        try {
            for (User user : users) {
                checkUser(user);
                if (disagreements.size() > 40) {
                    break;
                }
            }
        } finally {
            for (DataSource db : List.of(databases.h2, databases.postgres)) {
                Databases.execute(db, drop());
            }
        }
        FAMILIES.addAndGet(families.size());
        SINGLE_TABLE.addAndGet(families.stream().filter(f -> f.singleTable).count());
        return disagreements;
    }

    // ------------------------------------------------------------------------------------------ objects, data

    private Class<?> type(Family f, String simpleName) throws ClassNotFoundException {
        return loader.loadClass(f.module.pkg + "." + simpleName);
    }

    private Class<?> entityClass(Entity e) throws ClassNotFoundException {
        return loader.loadClass(e.qualifiedName());
    }

    private Class<?> proxyClass(Entity e) throws ClassNotFoundException {
        return loader.loadClass(e.module.pkg + ".Secured" + e.name);
    }

    @SuppressWarnings("unchecked")
    private EntityTable<Object> table(Entity e) throws ReflectiveOperationException {
        return (EntityTable<Object>) loader.loadClass(e.qualifiedName() + "Table").getField("TABLE").get(null);
    }

    @SuppressWarnings("unchecked")
    private EntityRules<Object, ?> rules(Entity e) throws ReflectiveOperationException {
        return (EntityRules<Object, ?>) loader.loadClass(e.qualifiedName() + "Policy").getField("RULES").get(null);
    }

    /** A new Java object of the class the model object is made of, with its values. */
    private Object make(Family f, Obj o) throws Exception {
        Object object = type(f, f.javaClass.get(o)).getConstructor().newInstance();
        for (Member m : o.entity.members) {
            if (o.entity == f.holder) {
                Shape shape = f.shapes.get(m);
                if (shape.calculated() || (shape != Shape.ID && !o.values.containsKey(m.name))) {
                    continue;
                }
                setter(object.getClass(), m).invoke(object, holderValue(f, m, o.get(m.name)));
            } else {
                setter(object.getClass(), m).invoke(object, o.get(m.name));
            }
        }
        return object;
    }

    /** The Java value of a holder member: a container of the Java objects, or a fresh mutable value. */
    private Object holderValue(Family f, Member m, Object value) throws Exception {
        List<Object> elements = new ArrayList<>();
        if (f.shapes.get(m).holdsEntities()) {
            for (Obj o : Reference.elements(value instanceof Obj one ? List.of(one) : value)) {
                elements.add(javaObjects.get(o));
            }
        }
        switch (f.shapes.get(m)) {
            case ID: return value;
            case ARRAY: {
                Object array = Array.newInstance(entityClass(f.parent), elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    Array.set(array, i, elements.get(i));
                }
                return array;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Obj o : Reference.elements(value)) {
                    map.put("k" + o.id, javaObjects.get(o));
                }
                return map;
            }
            case OPTIONAL: return elements.isEmpty() ? Optional.empty() : Optional.of(elements.get(0));
            case CHILD:
            case GRANDCHILD: return elements.isEmpty() ? null : elements.get(0);
            case DATE: return value == null ? null : new java.util.Date(((java.util.Date) value).getTime());
            case BYTES: return value == null ? null : ((byte[]) value).clone();
            case TAGS: return value == null ? null : new ArrayList<>((List<?>) value);
            default: return elements;
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

    private static Method getter(Class<?> type, Member m) throws NoSuchMethodException {
        return type.getMethod(Sources.getter(m));
    }

    private String[] ddl(boolean postgres) {
        List<String> ddl = new ArrayList<>(List.of(drop()));
        for (Family f : families) {
            List<String> parent = new ArrayList<>();
            for (Member m : f.parent.storedMembers()) {
                parent.add(m.column() + " " + sqlType(m, postgres));
            }
            List<String> child = new ArrayList<>(parent);
            for (Member m : f.child.storedMembers().subList(f.parent.storedMembers().size(),
                    f.child.storedMembers().size())) {
                // in one table the parent's rows have none of the specialization's columns
                child.add(m.column() + " " + sqlType(m, postgres).replace(" NOT NULL", f.singleTable ? "" : " NOT NULL"));
            }
            if (f.singleTable) {
                child.add("kind VARCHAR(10) NOT NULL");
                ddl.add("CREATE TABLE " + f.parentTable() + " (" + String.join(", ", child) + ")");
            } else {
                ddl.add("CREATE TABLE " + f.parentTable() + " (" + String.join(", ", parent) + ")");
                ddl.add("CREATE TABLE " + f.childTable() + " (" + String.join(", ", child) + ")");
            }
        }
        return ddl.toArray(String[]::new);
    }

    private String[] drop() {
        List<String> drop = new ArrayList<>();
        for (Family f : families) {
            drop.add("DROP TABLE IF EXISTS " + f.parentTable());
            drop.add("DROP TABLE IF EXISTS " + f.childTable());
        }
        return drop.toArray(String[]::new);
    }

    private static String sqlType(Member m, boolean postgres) {
        switch (m.kind) {
            case ID: return "BIGINT PRIMARY KEY";
            case STRING: return "VARCHAR(100)" + (postgres ? " COLLATE \"C\"" : "");
            case LONG:
            case OWNER: return "BIGINT";
            case INT: return "INT NOT NULL";
            case INTEGER: return "INT";
            case BOOL: return "BOOLEAN NOT NULL";
            case BOOLEAN: return "BOOLEAN";
            case DECIMAL: return "NUMERIC(12, 2)";
            case DATE: return "DATE";
            case INSTANT: return "TIMESTAMP WITH TIME ZONE";
            default: throw new IllegalStateException(m.kind.name());
        }
    }

    /** The rows: every object in its entity's table; in one table, also a row of a kind no entity has. */
    private void insertRows(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            for (Family f : families) {
                for (Obj o : f.members()) {
                    insertRow(connection, f, o.entity, o, f.singleTable ? f.discriminator(o.entity) : null);
                }
                if (f.singleTable) {
                    insertRow(connection, f, f.child, f.child.objects.get(0), "Z", 700000 + f.child.objects.get(0).id);
                }
            }
        }
    }

    private static void insertRow(Connection connection, Family f, Entity e, Obj o, String kind) throws SQLException {
        insertRow(connection, f, e, o, kind, o.id);
    }

    private static void insertRow(Connection connection, Family f, Entity e, Obj o, String kind, long id)
            throws SQLException {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Member m : e.storedMembers()) {
            names.add(m.column());
            values.add(m.kind == Kind.ID ? (Object) id : o.get(m.name));
        }
        if (kind != null) {
            names.add("kind");
            values.add(kind);
        }
        String table = e == f.parent ? f.parentTable() : f.childTable();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                insert.setObject(i + 1, value instanceof java.time.Instant instant
                        ? instant.atOffset(java.time.ZoneOffset.UTC) : value);
            }
            insert.executeUpdate();
        }
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

    private void disagree(User user, Entity e, String what) {
        disagreements.add(e.name + " for " + user + ": " + what);
    }

    private void expect(User user, Entity e, String what, boolean expected, boolean actual) {
        CHECKS.incrementAndGet();
        if (expected != actual) {
            disagree(user, e, what + ": reference says " + expected + ", Warden says " + actual);
        }
    }

    private void checkUser(User user) throws Exception {
        SecurityContext ctx = context(user);
        Subject subject = reference.subject(user);
        for (Family f : families) {
            for (Obj o : f.members()) {
                checkPolicy(user, ctx, subject, f, f.parent, o);
                checkExplain(user, ctx, subject, f, o);
                checkProxy(user, ctx, subject, f, f.parent, o);
                if (o.entity == f.child) {
                    SPECIALIZED_SEEN.incrementAndGet();
                    if (reference.visible(f.child, o, subject) && !subject.unrestricted) {
                        SPECIALIZED_VISIBLE.incrementAndGet();
                    }
                    checkPolicy(user, ctx, subject, f, f.child, o);
                    checkProxy(user, ctx, subject, f, f.child, o);
                }
            }
            checkVisibleOf(user, ctx, subject, f);
            for (Obj h : f.holder.objects) {
                checkHolder(user, ctx, subject, f, h);
            }
            checkCreates(user, ctx, subject, f);
            for (DataSource db : List.of(databases.h2, databases.postgres)) {
                checkSql(user, ctx, subject, f, db, db == databases.h2 ? "H2" : "PostgreSQL");
            }
        }
    }

    /**
     * The policy of {@code through} (the parent's, or the specialization's) asked about an object of the family: it
     * answers with the rules of the entity that judges the object, members matched by name.
     */
    private void checkPolicy(User user, SecurityContext ctx, Subject subject, Family f, Entity through, Obj o)
            throws Exception {
        EntityRules<Object, ?> rules = rules(through);
        Object object = javaObjects.get(o);
        Entity judge = o.entity;
        String at = o + " (" + f.javaClass.get(o) + ") through " + through.name + "Policy";
        CHECKS.incrementAndGet();
        if (!rules.rulesFor(object).entityName().equals(judge.name)) {
            disagree(user, judge, at + " rulesFor is " + rules.rulesFor(object).entityName());
        }
        Rights rights = rules.rights(ctx, object);
        boolean visible = reference.visible(judge, o, subject);
        expect(user, judge, at + " visible (rights)", visible, rights.visible());
        expect(user, judge, at + " visible (isVisible)", visible, rules.isVisible(ctx, object));
        boolean deletable = reference.canDelete(judge, o, subject);
        expect(user, judge, at + " deletable (rights)", deletable, rights.canDelete());
        expect(user, judge, at + " deletable (canDelete)", deletable, rules.canDelete(ctx, object));
        for (Member m : through.members) {
            int index = rules.memberIndex(m.name);
            boolean readable = reference.canRead(judge, o, m, subject);
            expect(user, judge, at + " " + m + " readable (rights)", readable, rights.canRead(index));
            expect(user, judge, at + " " + m + " readable (canRead)", readable, rules.canRead(ctx, object, index));
            boolean writable = reference.canWrite(judge, o, m, subject);
            expect(user, judge, at + " " + m + " writable (rights)", writable, rights.canWrite(index));
            expect(user, judge, at + " " + m + " writable (canWrite)", writable, rules.canWrite(ctx, object, index));
        }
    }

    /** {@code explain} through the parent's policy: the judging entity's name, rules and members. */
    private void checkExplain(User user, SecurityContext ctx, Subject subject, Family f, Obj o) throws Exception {
        Explanation explanation = rules(f.parent).explain(ctx, javaObjects.get(o));
        Entity judge = o.entity;
        String at = o + " (" + f.javaClass.get(o) + ") explain";
        CHECKS.incrementAndGet();
        if (!explanation.entity().equals(judge.name)) {
            disagree(user, judge, at + " names " + explanation.entity());
        }
        expect(user, judge, at + " visible", reference.visible(judge, o, subject), explanation.visible());
        expect(user, judge, at + " canDelete", reference.canDelete(judge, o, subject), explanation.canDelete());
        expect(user, judge, at + " canCreate", reference.canCreate(judge, subject), explanation.canCreate());
        if (!subject.unrestricted && !subject.denied) {
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < judge.rules.size(); i++) {
                if (reference.active(judge, judge.rules.get(i), o, subject)) {
                    active.add(i + 1);
                }
            }
            CHECKS.incrementAndGet();
            if (!active.equals(explanation.activeRules())) {
                disagree(user, judge, at + " active rules " + explanation.activeRules() + ", reference " + active);
            }
        }
        for (Member m : judge.members) {
            Explanation.MemberOutcome outcome = explanation.member(m.name);
            expect(user, judge, at + " " + m + " readable", reference.canRead(judge, o, m, subject), outcome.readable());
            expect(user, judge, at + " " + m + " writable", reference.canWrite(judge, o, m, subject),
                    outcome.writable());
        }
    }

    /** The proxy of {@code through} wrapping an object of the family: refused, getters, readableValues, a setter. */
    private void checkProxy(User user, SecurityContext ctx, Subject subject, Family f, Entity through, Obj o)
            throws Exception {
        Object object = javaObjects.get(o);
        Entity judge = o.entity;
        Class<?> proxyType = proxyClass(through);
        String at = o + " (" + f.javaClass.get(o) + ") through Secured" + through.name;
        boolean visible = reference.visible(judge, o, subject);
        Object proxy;
        try {
            proxy = proxyType.getMethod("of", SecurityContext.class, entityClass(through)).invoke(null, ctx, object);
        } catch (InvocationTargetException ex) {
            expect(user, judge, at + " of() refused", !visible, ex.getCause() instanceof AccessDeniedException);
            return;
        }
        expect(user, judge, at + " of() allowed", visible, true);
        Optional<?> ifVisible = (Optional<?>) proxyType.getMethod("ifVisible", SecurityContext.class,
                entityClass(through)).invoke(null, ctx, object);
        expect(user, judge, at + " ifVisible", visible, ifVisible.isPresent());
        if (!visible) {
            return;
        }
        List<String> readable = new ArrayList<>();
        for (Member m : through.members) {
            boolean canRead = reference.canRead(judge, o, m, subject);
            if (canRead) {
                readable.add(m.name);
            }
            Object value;
            try {
                value = proxyType.getMethod(Sources.getter(m)).invoke(proxy);
            } catch (InvocationTargetException ex) {
                expect(user, judge, at + " get " + m + " refused", !canRead,
                        ex.getCause() instanceof AccessDeniedException);
                continue;
            }
            expect(user, judge, at + " get " + m + " allowed", canRead, true);
            CHECKS.incrementAndGet();
            if (canRead && !Objects.equals(value, o.get(m.name))) {
                disagree(user, judge, at + " get " + m + " gives " + value + ", expected " + o.get(m.name));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) proxyType.getMethod("readableValues").invoke(proxy);
        CHECKS.incrementAndGet();
        if (!new ArrayList<>(values.keySet()).equals(readable)) {
            disagree(user, judge, at + " readableValues " + values.keySet() + ", reference " + readable);
        }
        Member m = generator.pick(through.members);
        Object newValue = m.kind == Kind.ID ? (Object) (o.id + 100000) : generator.value(m);
        boolean expected = reference.updateAllowed(judge, o, m, newValue, subject);
        Method rawGetter = getter(object.getClass(), m);
        Object before = rawGetter.invoke(object);
        boolean allowed = refusedIfDenied(() -> setter(proxyType, m).invoke(proxy, newValue));
        expect(user, judge, at + " set " + m + " := " + newValue, expected, allowed);
        if (!allowed && !Objects.equals(rawGetter.invoke(object), before)) {
            disagree(user, judge, at + " a refused set " + m + " changed the value");
        }
        setter(object.getClass(), m).invoke(object, before);
    }

    /** {@code visibleOf} of the parent's proxy over every object of the family keeps the visible ones, in order. */
    private void checkVisibleOf(User user, SecurityContext ctx, Subject subject, Family f) throws Exception {
        Class<?> proxyType = proxyClass(f.parent);
        List<Object> all = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (Obj o : f.members()) {
            all.add(javaObjects.get(o));
            if (reference.visible(o.entity, o, subject)) {
                expected.add(proxyType.getMethod("of", SecurityContext.class, entityClass(f.parent))
                        .invoke(null, ctx, javaObjects.get(o)));
            }
        }
        Object kept = proxyType.getMethod("visibleOf", SecurityContext.class, Iterable.class).invoke(null, ctx, all);
        CHECKS.incrementAndGet();
        if (!expected.equals(kept)) {
            disagree(user, f.parent, "visibleOf keeps " + ((List<?>) kept).size() + " of " + all.size()
                    + ", reference " + expected.size());
        }
    }

    // ------------------------------------------------------------------------------------------ holders

    /** The proxies the user should get for the model objects: the visible ones, as the target entity's proxies. */
    private List<Object> expectedProxies(SecurityContext ctx, Subject subject, Entity target, List<Obj> objects)
            throws Exception {
        List<Object> proxies = new ArrayList<>();
        for (Obj o : objects) {
            if (o != null && reference.visible(o.entity, o, subject)) {
                proxies.add(proxyClass(target).getMethod("of", SecurityContext.class, entityClass(target))
                        .invoke(null, ctx, javaObjects.get(o)));
            }
        }
        return proxies;
    }

    /** What a holder member holds, as the reference sees it. */
    private static List<Obj> held(Family f, Member m, Obj h) {
        Shape shape = f.shapes.get(m);
        if (!shape.holdsEntities()) {
            return List.of();
        }
        if (shape == Shape.CALC_ONE || shape == Shape.CALC_LIST) {
            List<Obj> list = Reference.elements(h.get("list"));
            if (shape == Shape.CALC_ONE) {
                return list.isEmpty() ? List.of() : List.of(list.get(0));
            }
            List<Obj> reversed = new ArrayList<>(list);
            java.util.Collections.reverse(reversed);
            return reversed;
        }
        Object value = h.get(m.name);
        return value instanceof Obj one ? List.of(one) : Reference.elements(value);
    }

    /** The elements of what a proxy getter (or readableValues) returned, in order; the keys of a map aside. */
    private static List<Object> contents(Object value) {
        List<Object> list = new ArrayList<>();
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(list::add);
        } else if (value instanceof Map<?, ?> map) {
            list.addAll(map.values());
        } else if (value instanceof Iterable<?> iterable) {
            iterable.forEach(list::add);
        } else if (value instanceof Object[] array) {
            list.addAll(java.util.Arrays.asList(array));
        } else if (value != null) {
            list.add(value);
        }
        return list;
    }

    private void checkHolder(User user, SecurityContext ctx, Subject subject, Family f, Obj h) throws Exception {
        Entity e = f.holder;
        Object raw = javaObjects.get(h);
        Class<?> proxyType = proxyClass(e);
        boolean visible = reference.visible(e, h, subject);
        Object proxy;
        try {
            proxy = proxyType.getMethod("of", SecurityContext.class, entityClass(e)).invoke(null, ctx, raw);
        } catch (InvocationTargetException ex) {
            expect(user, e, h + " of() refused", !visible, ex.getCause() instanceof AccessDeniedException);
            return;
        }
        expect(user, e, h + " of() allowed", visible, true);
        if (!visible) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) proxyType.getMethod("readableValues").invoke(proxy);
        for (Member m : e.members) {
            Shape shape = f.shapes.get(m);
            boolean readable = reference.canRead(e, h, m, subject);
            expect(user, e, h + "." + m + " in readableValues", readable, values.containsKey(m.name));
            Object value;
            try {
                value = proxyType.getMethod(Sources.getter(m)).invoke(proxy);
            } catch (InvocationTargetException ex) {
                expect(user, e, h + "." + m + " getter refused", !readable,
                        ex.getCause() instanceof AccessDeniedException);
                continue;
            }
            expect(user, e, h + "." + m + " getter allowed", readable, true);
            if (!readable) {
                continue;
            }
            if (shape.holdsEntities()) {
                Entity target = shape == Shape.CHILD || shape == Shape.GRANDCHILD ? f.child : f.parent;
                List<Object> expected = expectedProxies(ctx, subject, target, held(f, m, h));
                for (Object shown : java.util.Arrays.asList(value, values.get(m.name))) {
                    CHECKS.incrementAndGet();
                    List<Object> got = contents(shown);
                    if (!got.equals(expected)) {
                        disagree(user, e, h + "." + m + " (" + shape + ") gives " + got + ", reference " + expected);
                    }
                    for (Object element : got) {
                        if (!(element instanceof SecuredObject<?, ?>)) {
                            disagree(user, e, h + "." + m + " hands out a raw " + element.getClass().getSimpleName());
                        }
                    }
                }
                if (shape == Shape.MAP) {
                    List<String> keys = new ArrayList<>();
                    for (Obj o : held(f, m, h)) {
                        if (reference.visible(o.entity, o, subject)) {
                            keys.add("k" + o.id);
                        }
                    }
                    CHECKS.incrementAndGet();
                    if (!keys.equals(new ArrayList<>(((Map<?, ?>) value).keySet()))) {
                        disagree(user, e, h + ".map keys " + ((Map<?, ?>) value).keySet() + ", reference " + keys);
                    }
                }
                checkNotShared(user, e, h + "." + m + " getter", raw, m, value);
            } else if (shape != Shape.ID) {
                checkNotShared(user, e, h + "." + m + " getter", raw, m, value);
                checkNotShared(user, e, h + "." + m + " readableValues", raw, m, values.get(m.name));
            }
        }
        for (Member m : e.members) {
            if (!f.shapes.get(m).calculated() && f.shapes.get(m) != Shape.ID) {
                checkHolderSetter(user, ctx, subject, f, h, proxy, m);
            }
        }
    }

    /** Changing what a getter returned changes nothing behind the proxy (or the value cannot be changed at all). */
    private void checkNotShared(User user, Entity e, String what, Object raw, Member m, Object value) throws Exception {
        Object before = snapshot(getter(raw.getClass(), m).invoke(raw));
        try {
            mutate(value);
        } catch (UnsupportedOperationException immutable) {
            // an unmodifiable copy: fine
        }
        CHECKS.incrementAndGet();
        if (!Objects.equals(before, snapshot(getter(raw.getClass(), m).invoke(raw)))) {
            disagree(user, e, what + ": changing what it returned changed the object behind the proxy");
        }
    }

    /** A value's contents, to compare before and after: element identities, array contents, dates' times. */
    private static Object snapshot(Object value) {
        if (value instanceof java.util.Date date) {
            return date.getTime();
        }
        if (value instanceof byte[] bytes) {
            return java.util.Arrays.toString(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(k + "=" + System.identityHashCode(v)));
            return entries;
        }
        List<Object> identities = new ArrayList<>();
        for (Object element : contents(value)) {
            identities.add(element instanceof String ? element : System.identityHashCode(element));
        }
        return identities;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void mutate(Object value) {
        if (value instanceof java.util.Date date) {
            date.setTime(date.getTime() + 86_400_000L);
        } else if (value instanceof byte[] bytes && bytes.length > 0) {
            bytes[0]++;
        } else if (value instanceof Object[] array && array.length > 0) {
            array[0] = array[array.length - 1];
            java.util.Arrays.fill(array, null);
        } else if (value instanceof Map map) {
            map.clear();
            map.put("added", "x");
        } else if (value instanceof List list) {
            list.clear();
            list.add("added");
        } else if (value instanceof java.util.Collection collection) {
            collection.clear();
        }
    }

    /**
     * A setter of a holder member: allowed when the user may write the member and sees every object the value refers
     * to; what it stores is a copy, never the caller's container or value.
     */
    private void checkHolderSetter(User user, SecurityContext ctx, Subject subject, Family f, Obj h, Object proxy,
            Member m) throws Exception {
        Entity e = f.holder;
        Shape shape = f.shapes.get(m);
        Obj scratch = new Obj(e, h.id);
        maker.fillHolder(f, scratch);
        Object newValue = scratch.get(m.name);
        boolean expected = reference.canWrite(e, h, m, subject);
        for (Obj o : held(f, m, scratch)) {
            expected &= reference.visible(o.entity, o, subject);
        }
        Object raw = javaObjects.get(h);
        Method rawGetter = getter(raw.getClass(), m);
        Object before = rawGetter.invoke(raw);
        Object given = holderValue(f, m, newValue);
        Object givenSnapshot = snapshot(given);
        boolean allowed = refusedIfDenied(() -> setter(proxy.getClass(), m).invoke(proxy, given));
        if (shape.holdsEntities()) {
            CONTAINER_WRITES.incrementAndGet();
            if (allowed) {
                CONTAINER_WRITES_ALLOWED.incrementAndGet();
            }
        }
        expect(user, e, h + "." + m + " (" + shape + ") := " + held(f, m, scratch) + " through the proxy", expected,
                allowed);
        Object after = rawGetter.invoke(raw);
        if (!allowed && after != before) {
            disagree(user, e, h + "." + m + " a refused write changed the value");
        }
        if (allowed && given != null && !(given instanceof Optional<?>) && shape != Shape.CHILD
                && shape != Shape.GRANDCHILD) {
            CHECKS.incrementAndGet();
            if (after == given) {
                disagree(user, e, h + "." + m + " stores the caller's own " + given.getClass().getSimpleName());
            }
            if (!Objects.equals(snapshot(after), givenSnapshot)) {
                disagree(user, e, h + "." + m + " stores " + snapshot(after) + ", given " + givenSnapshot);
            }
            try {
                mutate(given);
            } catch (UnsupportedOperationException immutable) {
                // nothing to change
            }
            CHECKS.incrementAndGet();
            if (!Objects.equals(snapshot(rawGetter.invoke(raw)), givenSnapshot)) {
                disagree(user, e, h + "." + m + ": changing the caller's value after the write changed the object");
            }
        }
        setter(raw.getClass(), m).invoke(raw, before);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Runs a call through reflection: true when it returned, false when it was denied; anything else is thrown. */
    private static boolean refusedIfDenied(Call call) throws Exception {
        try {
            call.run();
            return true;
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof AccessDeniedException) {
                return false;
            }
            throw ex;
        }
    }

    // ------------------------------------------------------------------------------------------ creates

    /**
     * The one create check on both paths: new objects of every class of the family through the parent's proxy and
     * the specialization's, new holders with random containers; the owner the user's id (none for an anonymous user,
     * whatever the caller put there; the system keeps it).
     */
    private void checkCreates(User user, SecurityContext ctx, Subject subject, Family f) throws Exception {
        List<String> classes = List.of(f.parent.name, f.proxyClassName(), f.child.name, f.grandchildClassName());
        for (String javaClass : classes) {
            Entity judge = javaClass.equals(f.parent.name) || javaClass.equals(f.proxyClassName()) ? f.parent : f.child;
            for (Entity through : judge == f.parent ? List.of(f.parent) : List.of(f.parent, f.child)) {
                Obj fresh = maker.newObject(f, judge, javaClass, 900000 + generator.random().nextInt(1000));
                if (generator.random().nextBoolean()) {
                    fresh.values.put("id", null);   // no key: the caller did not choose one
                }
                Object object = make(f, fresh);
                Object given = owner(judge) == null ? null : fresh.get("owner");
                boolean expected = reference.createAllowedFully(judge, fresh, subject);
                boolean allowed = refusedIfDenied(() -> proxyClass(through)
                        .getMethod("create", SecurityContext.class, entityClass(through)).invoke(null, ctx, object));
                CREATES.incrementAndGet();
                if (allowed) {
                    CREATES_ALLOWED.incrementAndGet();
                }
                String at = javaClass + " created through Secured" + through.name + " " + fresh.values;
                expect(user, judge, at, expected, allowed);
                if (allowed) {
                    checkOwner(user, subject, judge, at, given, object);
                }
            }
        }
        Entity e = f.holder;
        Obj fresh = new Obj(e, 990000);
        f.javaClass.put(fresh, e.name);
        maker.fillHolder(f, fresh);
        if (generator.random().nextBoolean()) {
            fresh.values.put("id", null);
        }
        for (Member m : e.members) {
            if (!m.name.equals("id") && generator.random().nextBoolean()) {
                fresh.values.remove(m.name);    // left as a new holder has it
            }
        }
        Object object = make(f, fresh);
        boolean expected = reference.createAllowedFully(e, fresh, subject);
        boolean allowed = refusedIfDenied(() -> proxyClass(e).getMethod("create", SecurityContext.class, entityClass(e))
                .invoke(null, ctx, object));
        expect(user, e, "holder created through the proxy with " + fresh.values.keySet(), expected, allowed);
    }

    private static Member owner(Entity e) {
        return e.owner();
    }

    private void checkOwner(User user, Subject subject, Entity judge, String at, Object given, Object stored)
            throws Exception {
        Member owner = judge.owner();
        if (owner == null || subject.unrestricted && !subject.system) {
            return;
        }
        Object expected = subject.system ? given : subject.id;
        Object actual = getter(stored.getClass(), owner).invoke(stored);
        CHECKS.incrementAndGet();
        if (!Objects.equals(expected, actual)) {
            disagree(user, judge, at + ": owner " + actual + ", expected " + expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------- SQL

    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }

    private static boolean inRollback(WardenData data, Runnable write) {
        try {
            data.inTransaction(() -> {
                write.run();
                throw new Rollback();
            });
        } catch (Rollback done) {
            return true;
        } catch (AccessDeniedException denied) {
            return false;
        }
        throw new AssertionError("unreachable");
    }

    /**
     * {@link #inRollback} of a write of a row that is not there: refused, with {@link AccessDeniedException} (the same
     * as for a row out of reach), or for a context that does not enforce data access with NoSuchElementException.
     */
    private static boolean absentInRollback(WardenData data, Subject subject, Runnable write) {
        try {
            return inRollback(data, write);
        } catch (java.util.NoSuchElementException absent) {
            if (!subject.unrestricted) {
                throw absent;
            }
            return false;
        }
    }

    /**
     * The data layer through each table of the family: a table returns only its entity's rows (never a
     * specialization's row through the parent's table, nor a row of an unknown kind), judged by that entity's rules;
     * writes through the wrong table find no row.
     */
    private void checkSql(User user, SecurityContext ctx, Subject subject, Family f, DataSource db, String dbName)
            throws Exception {
        WardenData data = WardenData.of(db).as(ctx);
        for (Entity e : List.of(f.parent, f.child)) {
            EntityTable<Object> table = table(e);
            List<String> expected = new ArrayList<>();
            for (Obj o : e.objects) {
                if (reference.visible(e, o, subject)) {
                    expected.add(expectedRow(e, o, subject));
                }
            }
            List<String> actual = new ArrayList<>();
            for (Object loaded : data.list(table)) {
                actual.add(loadedRow(e, loaded));
            }
            expected.sort(null);
            actual.sort(null);
            CHECKS.incrementAndGet();
            if (!expected.equals(actual)) {
                disagree(user, e, dbName + " list of " + table.tableName() + ":\n    reference " + expected
                        + "\n    warden    " + actual);
            }
            CHECKS.incrementAndGet();
            long count = data.count(table);
            if (count != expected.size()) {
                disagree(user, e, dbName + " count " + count + ", reference " + expected.size());
            }
            checkSecuredList(user, subject, e, data, table, dbName);
            Entity other = e == f.parent ? f.child : f.parent;
            for (Obj o : e.objects) {
                boolean visible = reference.visible(e, o, subject);
                expect(user, e, dbName + " find(" + o.id + ")", visible, data.find(table, o.id).isPresent());
                expect(user, e, dbName + " delete(" + o.id + ")", reference.canDelete(e, o, subject),
                        inRollback(data, () -> data.delete(table, o.id)));
            }
            for (Obj o : other.objects) {
                expect(user, e, dbName + " find(" + o.id + ") of a " + other.name + " through " + e.name + "Table",
                        false, data.find(table, o.id).isPresent());
                expect(user, e, dbName + " delete(" + o.id + ") of a " + other.name + " through " + e.name + "Table",
                        false, absentInRollback(data, subject, () -> data.delete(table, o.id)));
            }
            if (f.singleTable) {
                long unknown = 700000 + f.child.objects.get(0).id;
                expect(user, e, dbName + " find of a row of an unknown kind", false,
                        data.find(table, unknown).isPresent());
            }
            // an update of one member of a random row of this entity, and one of the other entity's row through it
            List<Member> candidates = e.storedMembers().stream().filter(m -> m.kind != Kind.ID).toList();
            Obj o = generator.pick(e.objects);
            Member m = generator.pick(candidates);
            Object newValue = generator.value(m);
            Object changed = entityClass(e).getConstructor().newInstance();
            setter(changed.getClass(), e.member("id")).invoke(changed, o.id);
            setter(changed.getClass(), m).invoke(changed, newValue);
            EntityMember member = member(e, m);
            expect(user, e, dbName + " update " + o + "." + m + " := " + newValue,
                    reference.dataUpdateAllowed(e, o, m, newValue, subject),
                    inRollback(data, () -> data.update(table, changed, member)));
            Obj foreign = generator.pick(other.objects);
            setter(changed.getClass(), e.member("id")).invoke(changed, foreign.id);
            expect(user, e, dbName + " update of a " + other.name + "'s row through " + e.name + "Table", false,
                    absentInRollback(data, subject, () -> data.update(table, changed, member)));
            checkInsert(user, ctx, subject, f, e, data, dbName);
        }
    }

    /**
     * listSecured: the rights the data layer worked out in SQL are the reference's, member by member. Rows are matched
     * with what the user sees of them (their key may be unreadable), so the comparison is of the sorted lists of row
     * and rights.
     */
    private void checkSecuredList(User user, Subject subject, Entity e, WardenData data, EntityTable<Object> table,
            String dbName) throws Exception {
        EntityRules<Object, ?> rules = table.rules();
        List<String> expected = new ArrayList<>();
        for (Obj o : e.objects) {
            if (reference.visible(e, o, subject)) {
                StringBuilder rights = new StringBuilder(expectedRow(e, o, subject)).append(" rights ");
                for (Member m : e.members) {
                    rights.append(m.name).append(reference.canWrite(e, o, m, subject) ? ":rw "
                            : reference.canRead(e, o, m, subject) ? ":r " : ":- ");
                }
                expected.add(rights.toString());
            }
        }
        List<String> actual = new ArrayList<>();
        List<SecuredObject<Object, ?>> listed;
        try {
            listed = data.listSecured(table, Query.all());
        } catch (AccessDeniedException refused) {
            disagree(user, e, dbName + " listSecured fails on a row it selected: " + refused.getMessage()
                    + "\n    reference " + expected);
            return;
        }
        for (SecuredObject<Object, ?> secured : listed) {
            StringBuilder rights = new StringBuilder(loadedRow(e, securedObject(secured))).append(" rights ");
            for (Member m : e.members) {
                int index = rules.memberIndex(m.name);
                rights.append(m.name).append(secured.rights().canWrite(index) ? ":rw "
                        : secured.rights().canRead(index) ? ":r " : ":- ");
            }
            actual.add(rights.toString());
        }
        expected.sort(null);
        actual.sort(null);
        CHECKS.incrementAndGet();
        if (!expected.equals(actual)) {
            disagree(user, e, dbName + " listSecured:\n    reference " + expected + "\n    warden    " + actual);
        }
    }

    /** The object behind a proxy the data layer made (its key may be unreadable to the user), by reflection. */
    private static Object securedObject(SecuredObject<Object, ?> secured) throws Exception {
        java.lang.reflect.Field unwrap = SecuredObject.class.getDeclaredField("object");
        unwrap.setAccessible(true);
        return unwrap.get(secured);
    }

    /**
     * {@code insert} of a new object of each class through this entity's table: the same one create check as the
     * proxy's {@code create}, the owner filled in the same way.
     */
    private void checkInsert(User user, SecurityContext ctx, Subject subject, Family f, Entity e, WardenData data,
            String dbName) throws Exception {
        List<String> classes = e == f.parent ? List.of(f.parent.name, f.proxyClassName(), f.child.name)
                : List.of(f.child.name, f.grandchildClassName());
        for (String javaClass : classes) {
            // a specialization's object is judged by its own rules and stored through its own table only
            Entity judge = javaClass.equals(f.child.name) || javaClass.equals(f.grandchildClassName()) ? f.child
                    : f.parent;
            Obj fresh = maker.newObject(f, judge, javaClass, 800000 + generator.random().nextInt(1000));
            Object object = make(f, fresh);
            Object given = judge.owner() == null ? null : fresh.get("owner");
            String at = dbName + " insert of a " + javaClass + " through " + e.name + "Table " + fresh.values;
            boolean expected = reference.createAllowedFully(judge, fresh, subject);
            Object[] stored = new Object[1];
            EntityTable<Object> table = table(e);
            if (judge != e) {
                // stored through the parent's table it would become a parent's row: refused, for everyone
                CHECKS.incrementAndGet();
                try {
                    inRollback(data, () -> data.insert(table, object));
                    disagree(user, judge, at + ": stored as a row of " + e.name);
                } catch (IllegalArgumentException refused) {
                    // as it should
                }
                continue;
            }
            boolean inserted = inRollback(data, () -> stored[0] = data.insert(table, object));
            expect(user, judge, at, expected, inserted);
            if (inserted) {
                checkOwner(user, subject, judge, at, given, stored[0]);
            }
        }
    }

    private EntityMember member(Entity e, Member m) throws ClassNotFoundException {
        for (Object constant : loader.loadClass(e.qualifiedName() + "Policy$Member").getEnumConstants()) {
            if (((EntityMember) constant).memberName().equals(m.name)) {
                return (EntityMember) constant;
            }
        }
        throw new IllegalStateException(e + " has no generated member constant for " + m);
    }

    private String expectedRow(Entity e, Obj o, Subject subject) {
        Map<String, Object> values = new TreeMap<>();
        for (Member m : e.storedMembers()) {
            values.put(m.name, canonical(m, reference.canRead(e, o, m, subject) ? o.get(m.name) : null));
        }
        return e.name + values;
    }

    private String loadedRow(Entity e, Object loaded) throws Exception {
        Map<String, Object> values = new TreeMap<>();
        for (Member m : e.storedMembers()) {
            values.put(m.name, canonical(m, getter(loaded.getClass(), m).invoke(loaded)));
        }
        return loaded.getClass().getSimpleName() + values;
    }

    private static Object canonical(Member m, Object v) {
        if (v == null) {
            return m.kind == Kind.INT ? (Object) 0 : m.kind == Kind.BOOL ? (Object) false : null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v;
    }
}
