package dev.warden.verification.differential;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.User;
import dev.warden.verification.differential.Reference.Subject;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * One batch of the differential test: compiles the model with the processor, loads the generated classes, fills
 * both databases, and compares, for every user, object and member, the reference evaluator with the generated policy
 * ({@link EntityRules}), the proxy ({@code SecuredXxx}) and the SQL path ({@link WardenData} on H2 and PostgreSQL).
 * Disagreements are collected as text; the caller fails with all of them.
 */
final class Harness {

    /** Counters over the whole run. */
    static final AtomicLong MODELS = new AtomicLong();
    static final AtomicLong USERS = new AtomicLong();
    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong OBJECTS_SEEN = new AtomicLong();
    static final AtomicLong OBJECTS_VISIBLE = new AtomicLong();
    static final AtomicLong RULES_WITH_CONSTRAINT = new AtomicLong();
    static final AtomicLong RULES = new AtomicLong();
    static final java.util.Map<String, AtomicLong> LEVELS = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** How many rules' constraints use each form of security-model.md §6, to show that the run covered them. */
    static final java.util.Map<String, AtomicLong> FORMS = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final java.util.Map<String, java.util.regex.Pattern> FORM_PATTERNS = java.util.Map.of(
            "string functions", java.util.regex.Pattern.compile("(contains|starts-with|ends-with)\\("),
            "NULL", java.util.regex.Pattern.compile("\\bNULL\\b"),
            "quoted booleans", java.util.regex.Pattern.compile("'(true|false)'"),
            "true()/false() conditions", java.util.regex.Pattern.compile("(\\[|and |or |not\\()(true|false)\\(\\)"),
            "date-time tokens other than the first three", java.util.regex.Pattern.compile(
                    "\\[%(BeginOf|EndOf)(?!CurrentDay%)\\w+%\\]"),
            "date arithmetic", java.util.regex.Pattern.compile("%\\] [-+] \\d+ \\* \\[%"),
            "length functions", java.util.regex.Pattern.compile("length\\("),
            "date parts", java.util.regex.Pattern.compile("-from-dateTime\\("),
            "sub-constraints", java.util.regex.Pattern.compile("\\w\\["));
    static final AtomicLong compileNanos = new AtomicLong();
    static final AtomicLong sqlNanos = new AtomicLong();

    private final App app;
    private final List<User> users;
    private final Generator generator;
    private final Databases databases;
    private final Reference reference;
    private final List<String> disagreements = new ArrayList<>();
    private final Map<Obj, Object> javaObjects = new IdentityHashMap<>();
    private ClassLoader loader;
    private ApplicationModel model;
    private String sources;

    Harness(App app, List<User> users, Generator generator, Databases databases) {
        this.app = app;
        this.users = users;
        this.generator = generator;
        this.databases = databases;
        this.reference = new Reference(app);
    }

    /** Runs the batch; returns the disagreements (empty when all paths agree). */
    List<String> run(int models) throws Exception {
        Map<String, String> files = Sources.of(app);
        StringBuilder all = new StringBuilder();
        files.forEach((name, text) -> all.append("// ").append(name).append('\n').append(text).append('\n'));
        sources = all.toString();
        long started = System.nanoTime();
        Compilation compilation = Javac.compile(files);
        compileNanos.addAndGet(System.nanoTime() - started);
        String diagnostics = Javac.diagnostics(compilation);
        if (compilation.status() != Compilation.Status.SUCCESS || diagnostics.contains("WARDEN-E099")) {
            disagreements.add("the model does not compile:\n" + diagnostics);
            return disagreements;
        }
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass(app.pkg + ".AppSecurityModel").getField("INSTANCE").get(null);
        buildObjects();
        String[] ddl = ddl(false);
        String[] pgDdl = ddl(true);
        Databases.execute(databases.h2, ddl);
        Databases.execute(databases.postgres, pgDdl);
        try {
            insertRows(databases.h2);
            insertRows(databases.postgres);
            for (User user : users) {
                checkUser(user);
                if (disagreements.size() > 40) {
                    break;
                }
            }
        } finally {
            Databases.execute(databases.h2, drop());
            Databases.execute(databases.postgres, drop());
        }
        MODELS.addAndGet(models);
        LEVELS.computeIfAbsent(app.level, l -> new AtomicLong()).addAndGet(models);
        for (Entity e : app.entities) {
            for (Model.Rule r : e.rules) {
                String text = Sources.constraint(r.constraint);
                FORM_PATTERNS.forEach((form, pattern) -> {
                    if (pattern.matcher(text).find()) {
                        FORMS.computeIfAbsent(form, f -> new AtomicLong()).incrementAndGet();
                    }
                });
            }
            RULES.addAndGet(e.rules.size());
            RULES_WITH_CONSTRAINT.addAndGet(e.rules.stream().filter(r -> !r.constraint.isEmpty()).count());
        }
        USERS.addAndGet((long) users.size() * models);
        return disagreements;
    }

    String sources() {
        return sources;
    }

    // ------------------------------------------------------------------------------------------ objects, data

    private Class<?> entityClass(Entity e) throws ClassNotFoundException {
        return loader.loadClass(e.qualifiedName());
    }

    private void buildObjects() throws Exception {
        for (Entity e : app.entities) {
            for (Obj o : e.objects) {
                javaObjects.put(o, entityClass(e).getConstructor().newInstance());
            }
        }
        for (Entity e : app.entities) {
            for (Obj o : e.objects) {
                fill(javaObjects.get(o), o);
            }
        }
    }

    /** Sets the Java object's members from the model object's values. */
    private void fill(Object target, Obj o) throws Exception {
        Class<?> type = target.getClass();
        for (Member m : o.entity.members) {
            if (m.kind == Kind.CALCULATED) {
                continue;
            }
            Object value = javaValue(m, o.get(m.name));
            setter(type, m).invoke(target, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object javaValue(Member m, Object value) throws ClassNotFoundException {
        if (value == null) {
            return null;
        }
        switch (m.kind) {
            case ENUM:
                return Enum.valueOf((Class<Enum>) loader.loadClass(m.enumType), (String) value);
            case TO_ONE:
                return javaObjects.get((Obj) value);
            case TO_MANY:
                List<Object> list = new ArrayList<>();
                for (Obj element : (List<Obj>) value) {
                    list.add(javaObjects.get(element));
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

    private static Method getter(Class<?> type, Member m) throws NoSuchMethodException {
        return type.getMethod(m.kind == Kind.CALCULATED ? "getCalc" : Sources.getter(m));
    }

    String[] ddl(boolean postgres) {
        Map<Entity, List<String>> columns = new LinkedHashMap<>();
        for (Entity e : app.entities) {
            List<String> list = new ArrayList<>();
            for (Member m : e.storedMembers()) {
                list.add(m.column() + " " + sqlType(m, postgres));
            }
            columns.put(e, list);
        }
        for (Entity e : app.entities) {
            for (Member m : e.members) {
                if (m.kind == Kind.TO_MANY) {
                    columns.get(m.target).add(e.table() + "_id BIGINT");
                }
            }
        }
        List<String> ddl = new ArrayList<>(List.of(drop()));
        columns.forEach((e, list) -> ddl.add("CREATE TABLE " + e.table() + " (" + String.join(", ", list) + ")"));
        return ddl.toArray(String[]::new);
    }

    String[] drop() {
        return app.entities.stream().map(e -> "DROP TABLE IF EXISTS " + e.table()).toArray(String[]::new);
    }

    private static String sqlType(Member m, boolean postgres) {
        switch (m.kind) {
            case ID: return "BIGINT PRIMARY KEY";
            case STRING: return "VARCHAR(100)" + (postgres ? " COLLATE \"C\"" : "");
            case LONG:
            case OWNER:
            case TO_ONE: return "BIGINT";
            case INT: return "INT NOT NULL";
            case INTEGER: return "INT";
            case BOOL: return "BOOLEAN NOT NULL";
            case BOOLEAN: return "BOOLEAN";
            case DECIMAL: return "NUMERIC(12, 2)";
            case ENUM: return "VARCHAR(20)";
            case DATE: return "DATE";
            case INSTANT: return "TIMESTAMP WITH TIME ZONE";
            case LOCAL_DATE_TIME: return "TIMESTAMP";
            default: throw new IllegalStateException(m.kind.name());
        }
    }

    void insertRows(DataSource dataSource) throws SQLException {
        Map<Obj, Map<String, Long>> parents = new IdentityHashMap<>();
        for (Entity e : app.entities) {
            for (Member m : e.members) {
                if (m.kind != Kind.TO_MANY) {
                    continue;
                }
                for (Obj parent : e.objects) {
                    for (Obj child : Reference.elements(parent.get(m.name))) {
                        parents.computeIfAbsent(child, c -> new LinkedHashMap<>()).put(e.table() + "_id", parent.id);
                    }
                }
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            for (Entity e : app.entities) {
                for (Obj o : e.objects) {
                    List<String> names = new ArrayList<>();
                    List<Object> values = new ArrayList<>();
                    for (Member m : e.storedMembers()) {
                        names.add(m.column());
                        Object v = o.get(m.name);
                        values.add(v instanceof Obj target ? (Object) target.id : v);
                    }
                    parents.getOrDefault(o, Map.of()).forEach((column, id) -> {
                        names.add(column);
                        values.add(id);
                    });
                    String sql = "INSERT INTO " + e.table() + " (" + String.join(", ", names) + ") VALUES ("
                            + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                        for (int i = 0; i < values.size(); i++) {
                            Object value = values.get(i);
                            // PostgreSQL's driver takes an instant as an offset date-time
                            insert.setObject(i + 1, value instanceof java.time.Instant instant
                                    ? instant.atOffset(java.time.ZoneOffset.UTC) : value);
                        }
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- checks

    /** The clock of every context: {@link Model#NOW}; its zone, UTC, is the zone of users without one. */
    static final java.time.Clock CLOCK = java.time.Clock.fixed(Model.NOW, java.time.ZoneOffset.UTC);

    private SecurityContext context(User user) {
        if (user.system) {
            return SecurityContext.systemOf(model).withClock(CLOCK);
        }
        if (user.anonymousOf) {
            return SecurityContext.anonymousOf(model).withClock(CLOCK);
        }
        return SecurityContext.of(model, new UserIdentity(user.id, new LinkedHashSet<>(user.userRoles), user.attributes,
                user.zone)).withClock(CLOCK);
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

    @SuppressWarnings("unchecked")
    private void checkUser(User user) throws Exception {
        SecurityContext ctx = context(user);
        Subject subject = reference.subject(user);
        for (Entity e : app.entities) {
            EntityTable<Object> table = (EntityTable<Object>) loader.loadClass(e.qualifiedName() + "Table")
                    .getField("TABLE").get(null);
            EntityRules<Object, ?> rules = table.rules();
            checkTableMapping(user, e, table);
            expect(user, e, "canCreate (policy)", reference.canCreate(e, subject), rules.canCreate(ctx));
            for (Obj o : e.objects) {
                checkPolicy(user, ctx, subject, e, rules, o);
                checkProxy(user, ctx, subject, e, o);
            }
            checkProxyCreate(user, ctx, subject, e, rules);
            for (DataSource db : List.of(databases.h2, databases.postgres)) {
                long started = System.nanoTime();
                checkSql(user, ctx, subject, e, table, db, db == databases.h2 ? "H2" : "PostgreSQL");
                sqlNanos.addAndGet(System.nanoTime() - started);
            }
        }
    }

    private void checkTableMapping(User user, Entity e, EntityTable<Object> table) {
        if (user != users.get(0)) {
            return;
        }
        CHECKS.incrementAndGet();
        if (!table.tableName().equals(e.table())) {
            disagree(user, e, "table name " + table.tableName() + ", expected " + e.table());
        }
        for (Member m : e.storedMembers()) {
            int index = table.rules().memberIndex(m.name);
            if (!table.hasColumn(index) || !table.column(index).equals(m.column())) {
                disagree(user, e, "column of " + m + " is " + (table.hasColumn(index) ? table.column(index) : "none")
                        + ", expected " + m.column());
            }
        }
    }

    private void checkPolicy(User user, SecurityContext ctx, Subject subject, Entity e, EntityRules<Object, ?> rules, Obj o) {
        Object object = javaObjects.get(o);
        Rights rights = rules.rights(ctx, object);
        boolean visible = reference.visible(e, o, subject);
        OBJECTS_SEEN.incrementAndGet();
        if (visible && !subject.unrestricted) {
            OBJECTS_VISIBLE.incrementAndGet();
        }
        expect(user, e, o + " visible (rights)", visible, rights.visible());
        expect(user, e, o + " visible (isVisible)", visible, rules.isVisible(ctx, object));
        boolean deletable = reference.canDelete(e, o, subject);
        expect(user, e, o + " deletable (rights)", deletable, rights.canDelete());
        expect(user, e, o + " deletable (canDelete)", deletable, rules.canDelete(ctx, object));
        for (Member m : e.members) {
            int index = rules.memberIndex(m.name);
            boolean readable = reference.canRead(e, o, m, subject);
            expect(user, e, o + "." + m + " readable (rights)", readable, rights.canRead(index));
            expect(user, e, o + "." + m + " readable (canRead)", readable, rules.canRead(ctx, object, index));
            if (!(subject.unrestricted && m.kind == Kind.CALCULATED)) {
                boolean writable = reference.canWrite(e, o, m, subject);
                expect(user, e, o + "." + m + " writable (rights)", writable, rights.canWrite(index));
                expect(user, e, o + "." + m + " writable (canWrite)", writable, rules.canWrite(ctx, object, index));
            }
        }
    }

    /** A member as the generated {@code XxxPolicy.Member} constant, for the data layer's queries and updates. */
    private EntityMember member(Entity e, Member m) throws ClassNotFoundException {
        for (Object constant : loader.loadClass(e.qualifiedName() + "Policy$Member").getEnumConstants()) {
            if (((EntityMember) constant).memberName().equals(m.name)) {
                return (EntityMember) constant;
            }
        }
        throw new IllegalStateException(e + " has no generated member constant for " + m);
    }

    private Class<?> proxyClass(Entity e) throws ClassNotFoundException {
        return loader.loadClass(e.module.pkg + ".Secured" + e.name);
    }

    private void checkProxy(User user, SecurityContext ctx, Subject subject, Entity e, Obj o) throws Exception {
        Object object = javaObjects.get(o);
        Class<?> proxyType = proxyClass(e);
        boolean visible = reference.visible(e, o, subject);
        Object proxy;
        try {
            proxy = proxyType.getMethod("of", SecurityContext.class, entityClass(e)).invoke(null, ctx, object);
        } catch (InvocationTargetException ex) {
            expect(user, e, o + " proxy of() refused", !visible, ex.getCause() instanceof AccessDeniedException);
            return;
        }
        expect(user, e, o + " proxy of() allowed", visible, true);
        if (!visible) {
            return;
        }
        Set<String> readableNames = new LinkedHashSet<>();
        for (Member m : e.members) {
            boolean readable = reference.canRead(e, o, m, subject);
            if (readable) {
                readableNames.add(m.name);
            }
            Method getter = proxyType.getMethod(m.kind == Kind.CALCULATED ? "getCalc" : Sources.getter(m));
            Object value;
            try {
                value = getter.invoke(proxy);
            } catch (InvocationTargetException ex) {
                expect(user, e, o + "." + m + " proxy getter refused", !readable,
                        ex.getCause() instanceof AccessDeniedException);
                continue;
            }
            expect(user, e, o + "." + m + " proxy getter allowed", readable, true);
            if (readable) {
                checkProxyValue(user, e, o, m, value, subject);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) proxyType.getMethod("readableValues").invoke(proxy);
        CHECKS.incrementAndGet();
        if (!values.keySet().equals(readableNames)) {
            disagree(user, e, o + " readableValues " + values.keySet() + ", reference " + readableNames);
        }
        // setters: a few members with random new values
        for (int i = 0; i < 2; i++) {
            Member m = generator.pick(e.members);
            if (m.kind == Kind.TO_MANY || m.kind == Kind.CALCULATED) {
                continue;
            }
            Object newValue = m.kind == Kind.ID ? (Object) (o.id + 100000) : generator.value(m);
            checkProxySetter(user, ctx, subject, e, o, m, newValue, proxyType);
        }
    }

    private void checkProxyValue(User user, Entity e, Obj o, Member m, Object value, Subject subject) throws Exception {
        Object expected = o.get(m.name);
        CHECKS.incrementAndGet();
        switch (m.kind) {
            case TO_ONE: {
                Obj target = (Obj) expected;
                boolean shown = target != null && reference.visible(target.entity, target, subject);
                if ((value != null) != shown) {
                    disagree(user, e, o + "." + m + " proxy gives " + value + ", reference expects "
                            + (shown ? "a proxy of " + target : "null"));
                }
                return;
            }
            case TO_MANY: {
                long count = Reference.elements(expected).stream()
                        .filter(t -> reference.visible(t.entity, t, subject)).count();
                if (((List<?>) value).size() != count) {
                    disagree(user, e, o + "." + m + " proxy lists " + ((List<?>) value).size()
                            + " objects, reference expects " + count);
                }
                return;
            }
            case CALCULATED:
                if (!Integer.valueOf(7).equals(value)) {
                    disagree(user, e, o + ".calc is " + value);
                }
                return;
            case ENUM:
                if (!String.valueOf(expected).equals(String.valueOf(value))) {
                    disagree(user, e, o + "." + m + " proxy gives " + value + ", expected " + expected);
                }
                return;
            default:
                if (!java.util.Objects.equals(expected, value)) {
                    disagree(user, e, o + "." + m + " proxy gives " + value + ", expected " + expected);
                }
        }
    }

    private void checkProxySetter(User user, SecurityContext ctx, Subject subject, Entity e, Obj o, Member m,
            Object newValue, Class<?> proxyType) throws Exception {
        Object object = javaObjects.get(o);
        Object proxy = proxyType.getMethod("of", SecurityContext.class, entityClass(e)).invoke(null, ctx, object);
        boolean expected = reference.updateAllowed(e, o, m, newValue, subject);
        if (m.kind == Kind.TO_ONE && newValue != null && reference.canWrite(e, o, m, subject)) {
            expected &= reference.visible(((Obj) newValue).entity, (Obj) newValue, subject);
        }
        Method rawGetter = getter(object.getClass(), m);
        Object before = rawGetter.invoke(object);
        Method setter = setter(proxyType, m);
        boolean allowed;
        try {
            setter.invoke(proxy, javaValue(m, newValue));
            allowed = true;
        } catch (InvocationTargetException ex) {
            if (!(ex.getCause() instanceof AccessDeniedException)) {
                throw ex;
            }
            allowed = false;
        }
        Object after = rawGetter.invoke(object);
        expect(user, e, o + "." + m + " := " + newValue + " through the proxy", expected, allowed);
        if (!allowed && !java.util.Objects.equals(after, before)) {
            disagree(user, e, o + "." + m + " refused write through the proxy left the value changed: " + after);
        }
        setter(object.getClass(), m).invoke(object, before);
    }

    private void checkProxyCreate(User user, SecurityContext ctx, Subject subject, Entity e, EntityRules<Object, ?> rules)
            throws Exception {
        Obj fresh = generator.newObject(e, 900000 + generator.random().nextInt(1000));
        Object object = entityClass(e).getConstructor().newInstance();
        fill(object, fresh);
        boolean expected = reference.createAllowedFully(e, fresh, subject);
        boolean allowed;
        try {
            proxyClass(e).getMethod("create", SecurityContext.class, entityClass(e)).invoke(null, ctx, object);
            allowed = true;
        } catch (InvocationTargetException ex) {
            if (!(ex.getCause() instanceof AccessDeniedException)) {
                throw ex;
            }
            allowed = false;
        }
        expect(user, e, "proxy create(" + fresh.values + ")", expected, allowed);
        expect(user, e, "isCreateAllowed(" + fresh.values + ")", subject.unrestricted || subject.denied
                ? !subject.denied : reference.createAllowed(e, fresh, subject), rules.isCreateAllowed(ctx, object));
    }

    // ---------------------------------------------------------------------------------------------------- SQL

    /** Thrown inside a transaction to roll it back after a write that worked. */
    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }

    private void checkSql(User user, SecurityContext ctx, Subject subject, Entity e, EntityTable<Object> table,
            DataSource db, String dbName) throws Exception {
        WardenData data = WardenData.of(db).as(ctx);
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
            disagree(user, e, dbName + " list:\n    reference " + expected + "\n    warden    " + actual);
        }
        CHECKS.incrementAndGet();
        if (data.count(table) != expected.size()) {
            disagree(user, e, dbName + " count " + data.count(table) + ", reference " + expected.size());
        }
        for (Obj o : e.objects) {
            boolean visible = reference.visible(e, o, subject);
            Optional<Object> found = data.find(table, o.id);
            expect(user, e, dbName + " find(" + o.id + ") present", visible, found.isPresent());
            if (visible && found.isPresent()) {
                String row = loadedRow(e, found.get());
                String expectedRow = expectedRow(e, o, subject);
                CHECKS.incrementAndGet();
                if (!row.equals(expectedRow)) {
                    disagree(user, e, dbName + " find(" + o.id + ") " + row + ", reference " + expectedRow);
                }
            }
            boolean deleted = inRollback(data, () -> data.delete(table, o.id));
            expect(user, e, dbName + " delete(" + o.id + ")", reference.canDelete(e, o, subject), deleted);
        }
        checkQueries(user, subject, e, table, data, dbName);
        // updates of one member with a random new value
        List<Member> writableCandidates = e.storedMembers().stream().filter(m -> m.kind != Kind.ID).toList();
        for (int i = 0; i < 3 && !writableCandidates.isEmpty(); i++) {
            Obj o = generator.pick(e.objects);
            Member m = generator.pick(writableCandidates);
            Object newValue = generator.value(m);
            Object changed = entityClass(e).getConstructor().newInstance();
            setter(changed.getClass(), e.member("id")).invoke(changed, o.id);
            setter(changed.getClass(), m).invoke(changed, javaValue(m, newValue));
            EntityMember member = member(e, m);
            boolean updated = inRollback(data, () -> data.update(table, changed, member));
            expect(user, e, dbName + " update " + o + "." + m + " := " + newValue, 
                    reference.dataUpdateAllowed(e, o, m, newValue, subject), updated);
        }
        // insert of a new object
        Obj fresh = generator.newObject(e, 800000 + generator.random().nextInt(1000));
        Object object = entityClass(e).getConstructor().newInstance();
        fill(object, fresh);
        String given = fresh.values.toString();
        boolean inserted = inRollback(data, () -> data.insert(table, object));
        expect(user, e, dbName + " insert " + given, reference.createAllowedFully(e, fresh, subject), inserted);
    }

    /**
     * Queries with a condition on a member (README, "Conditions and sorting"): rejected when no rule that applies
     * lets the user read the member; otherwise the condition holds on the value as the user sees it, empty where
     * the row does not let them read it, with SQL's comparison (an empty value matches only IS_NULL).
     */
    private void checkQueries(User user, Subject subject, Entity e, EntityTable<Object> table, WardenData data,
            String dbName) throws Exception {
        List<Member> candidates = e.storedMembers().stream().filter(m -> m.kind != Kind.TO_ONE).toList();
        for (int i = 0; i < 2; i++) {
            Member m = generator.pick(candidates);
            Query.Op op = generator.pick(List.of(Query.Op.EQ, Query.Op.NE, Query.Op.LT, Query.Op.GE, Query.Op.IS_NULL,
                    Query.Op.IS_NOT_NULL, Query.Op.STARTS_WITH, Query.Op.CONTAINS));
            boolean ordered = m.kind == Kind.STRING || m.kind.temporal() || m.kind == Kind.DECIMAL || m.kind.whole();
            if ((op == Query.Op.LT || op == Query.Op.GE) && !ordered
                    || op.name().contains("WITH") || op == Query.Op.CONTAINS && m.kind != Kind.STRING) {
                op = Query.Op.EQ;
            }
            if ((op == Query.Op.STARTS_WITH || op == Query.Op.CONTAINS) && m.kind != Kind.STRING) {
                op = Query.Op.NE;
            }
            Object value = null;
            for (int tries = 0; value == null && tries < 20; tries++) {
                value = m.kind == Kind.ID ? (Object) generator.pick(e.objects).id : generator.value(m);
            }
            Query query = op == Query.Op.IS_NULL || op == Query.Op.IS_NOT_NULL ? Query.where(member(e, m), op)
                    : Query.where(member(e, m), op, javaValue(m, value));
            String what = dbName + " query " + m + " " + op + " " + value;
            boolean rejected;
            List<Object> rows = null;
            try {
                rows = data.list(table, query);
                rejected = false;
            } catch (AccessDeniedException denied) {
                rejected = true;
            }
            expect(user, e, what + " rejected", !reference.mayEverRead(e, m, subject), rejected);
            if (rejected || rows == null) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (Obj o : e.objects) {
                if (!reference.visible(e, o, subject)) {
                    continue;
                }
                Object seen = reference.canRead(e, o, m, subject) ? o.get(m.name) : null;
                if (matches(op, seen, value)) {
                    expected.add(expectedRow(e, o, subject));
                }
            }
            List<String> actual = new ArrayList<>();
            for (Object loaded : rows) {
                actual.add(loadedRow(e, loaded));
            }
            expected.sort(null);
            actual.sort(null);
            CHECKS.incrementAndGet();
            if (!expected.equals(actual)) {
                disagree(user, e, what + ":\n    reference " + expected + "\n    warden    " + actual);
            }
        }
    }

    /** SQL's answer for a value as the user sees it (null where unreadable) and a non-null query value. */
    private static boolean matches(Query.Op op, Object seen, Object value) {
        switch (op) {
            case IS_NULL: return seen == null;
            case IS_NOT_NULL: return seen != null;
            default: break;
        }
        if (seen == null) {
            return false;
        }
        if (op == Query.Op.STARTS_WITH) {
            return ((String) seen).startsWith((String) value);
        }
        if (op == Query.Op.CONTAINS) {
            return ((String) seen).contains((String) value);
        }
        int c;
        if (seen instanceof String a && value instanceof String b) {
            c = a.compareTo(b);
        } else if (seen instanceof java.time.LocalDate a) {
            c = a.compareTo((java.time.LocalDate) value);
        } else if (seen instanceof java.time.Instant a) {
            c = a.compareTo((java.time.Instant) value);
        } else if (seen instanceof java.time.LocalDateTime a) {
            c = a.compareTo((java.time.LocalDateTime) value);
        } else if (seen instanceof Boolean a) {
            c = a.equals(value) ? 0 : 1;
        } else {
            c = new BigDecimal(seen.toString()).compareTo(new BigDecimal(value.toString()));
        }
        switch (op) {
            case EQ: return c == 0;
            case NE: return c != 0;
            case LT: return c < 0;
            default: return c >= 0;
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

    /** The row the reference expects: each stored member's value, or an empty one where it is not readable. */
    private String expectedRow(Entity e, Obj o, Subject subject) {
        Map<String, Object> values = new TreeMap<>();
        for (Member m : e.storedMembers()) {
            Object v = reference.canRead(e, o, m, subject) ? o.get(m.name) : null;
            values.put(m.name, canonical(m, v instanceof Obj target ? (Object) target.id : v));
        }
        return values.toString();
    }

    private String loadedRow(Entity e, Object loaded) throws Exception {
        Map<String, Object> values = new TreeMap<>();
        for (Member m : e.storedMembers()) {
            Object v = getter(loaded.getClass(), m).invoke(loaded);
            if (m.kind == Kind.TO_ONE && v != null) {
                v = v.getClass().getMethod("getId").invoke(v);
            } else if (m.kind == Kind.ENUM && v != null) {
                v = ((Enum<?>) v).name();
            }
            values.put(m.name, canonical(m, v));
        }
        return values.toString();
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
