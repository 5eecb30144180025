package dev.warden.verification.differential;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.postgres.PolicySettings;
import dev.warden.runtime.postgres.RowLevelSecurity;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.User;
import dev.warden.verification.differential.Reference.Subject;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;

/**
 * One batch of the row-level security differential test: compiles a random model, applies the generated
 * {@code security.sql} to PostgreSQL, and compares, for every user, what a plain SQL statement of a non-superuser role
 * with the user's {@link PolicySettings} and no Warden filter may do with what the reference evaluator says:
 *
 * <ul>
 *   <li>{@code SELECT id FROM t} returns exactly the visible objects;</li>
 *   <li>the masking view {@code t_secured} returns them with exactly the unreadable members NULL;</li>
 *   <li>{@code DELETE} deletes exactly the deletable objects (others: no row, as PostgreSQL skips rows a policy
 *       hides);</li>
 *   <li>{@code INSERT} of a new object works exactly when the create check passes, and otherwise fails with the
 *       policy's error;</li>
 *   <li>{@code UPDATE} of a member changes the row when some rule giving write holds before and after, fails with the
 *       policy's error when one holds only before, and changes nothing when none holds before.</li>
 * </ul>
 *
 * Rules with date-time tokens are not expressed by the policies (WARDEN-W030); the reference judges without them.
 */
final class RowLevelSecurityHarness {

    static final String ROLE = "warden_rls_app";
    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong VISIBLE = new AtomicLong();
    static final AtomicLong RULES_LEFT_OUT = new AtomicLong();
    private static final Pattern TOKEN = Pattern.compile("\\[%(\\w+)%\\]");

    private final App app;
    private final List<User> users;
    private final Generator generator;
    private final Databases databases;
    private final List<String> disagreements = new ArrayList<>();
    private Reference reference;
    private ApplicationModel model;
    private String sources;

    RowLevelSecurityHarness(App app, List<User> users, Generator generator, Databases databases) {
        this.app = app;
        this.users = users;
        this.generator = generator;
        this.databases = databases;
    }

    String sources() {
        return sources;
    }

    List<String> run() throws Exception {
        Harness tables = new Harness(app, users, generator, databases);
        java.util.Map<String, String> files = Sources.of(app);
        StringBuilder all = new StringBuilder();
        files.forEach((name, text) -> all.append("// ").append(name).append('\n').append(text).append('\n'));
        sources = all.toString();
        Compilation compilation = Javac.compile(files);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            disagreements.add("the model does not compile:\n" + Javac.diagnostics(compilation));
            return disagreements;
        }
        String ddl = securitySql(compilation);
        ClassLoader loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass(app.pkg + ".AppSecurityModel").getField("INSTANCE").get(null);
        // What the policies express: the rules without date-time tokens.
        for (Entity e : app.entities) {
            int before = e.rules.size();
            e.rules.removeIf(r -> usesTimeToken(Sources.constraint(r.constraint)));
            RULES_LEFT_OUT.addAndGet(before - e.rules.size());
        }
        reference = new Reference(app);
        Databases.execute(databases.postgres, tables.ddl(true));
        try {
            tables.insertRows(databases.postgres);
            RowLevelSecurity security = RowLevelSecurity.of(ddl);
            // the privileges first: applying gives the roles holding them EXECUTE on the rules' functions
            Databases.execute(databases.postgres, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "
                    + ROLE);
            security.apply(databases.postgres);
            Databases.execute(databases.postgres, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "
                    + ROLE); // and on the views the script made
            try (Connection connection = databases.postgres.getConnection()) {
                List<String> drift = security.drift(connection);
                if (!drift.isEmpty()) {
                    disagreements.add("drift right after apply: " + drift);
                }
            }
            for (User user : users) {
                if (user.system) {
                    continue;
                }
                checkUser(user);
                if (disagreements.size() > 40) {
                    break;
                }
            }
        } finally {
            List<String> drop = new ArrayList<>();
            for (Entity e : app.entities) {
                drop.add("DROP VIEW IF EXISTS " + e.table() + "_secured");
            }
            // the policies of one table may read another: drop them with the tables
            for (String table : tables.drop()) {
                drop.add(table + " CASCADE");
            }
            Databases.execute(databases.postgres, drop.toArray(String[]::new));
        }
        return disagreements;
    }

    static String securitySql(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RowLevelSecurity.RESOURCE).orElseThrow()
                .getCharContent(true).toString();
    }

    /** Creates the application's role once per server: no superuser, no BYPASSRLS, not the tables' owner. */
    static void createRole(Databases databases) {
        Databases.execute(databases.postgres, "DO $$ BEGIN CREATE ROLE " + ROLE + " NOLOGIN NOSUPERUSER NOBYPASSRLS; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    private static boolean usesTimeToken(String constraint) {
        Matcher m = TOKEN.matcher(constraint);
        while (m.find()) {
            if (Reference.isTimeToken(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private SecurityContext context(User user) {
        if (user.anonymousOf) {
            return SecurityContext.anonymousOf(model).withClock(Harness.CLOCK);
        }
        return SecurityContext.of(model, new UserIdentity(user.id, new LinkedHashSet<>(user.userRoles), user.attributes,
                user.zone)).withClock(Harness.CLOCK);
    }

    private void expect(User user, Entity e, String what, Object expected, Object actual) {
        CHECKS.incrementAndGet();
        if (!expected.equals(actual)) {
            disagreements.add(e.name + " for " + user + ": " + what + ": reference says " + expected
                    + ", the database's policies give " + actual);
        }
    }

    private void checkUser(User user) throws SQLException {
        SecurityContext ctx = context(user);
        Subject subject = reference.subject(user);
        try (Connection connection = databases.postgres.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + ROLE);
            }
            PolicySettings.apply(connection, ctx, true);
            for (Entity e : app.entities) {
                checkReads(user, subject, e, connection);
                checkWrites(user, subject, e, connection);
            }
            connection.rollback();
        }
    }

    private void checkReads(User user, Subject subject, Entity e, Connection connection) throws SQLException {
        Set<Long> expected = new TreeSet<>();
        for (Obj o : e.objects) {
            if (reference.visible(e, o, subject)) {
                expected.add(o.id);
            }
        }
        VISIBLE.addAndGet(expected.size());
        expect(user, e, "SELECT id FROM " + e.table(), expected, ids(connection, "SELECT id FROM " + e.table()));
        // the masking view: the same rows, each unreadable member NULL
        List<Member> stored = e.storedMembers();
        Set<Long> seen = new TreeSet<>();
        int count = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + e.table() + "_secured")) {
            while (rows.next()) {
                count++;
                Long id = (Long) rows.getObject("id");
                if (id == null) {
                    continue; // a masked key: counted, and checked below with the rows whose key is readable
                }
                seen.add(id);
                Obj o = e.objects.stream().filter(x -> x.id == id).findFirst().orElseThrow();
                for (Member m : stored) {
                    boolean shown = rows.getObject(m.column()) != null;
                    boolean expectShown = o.get(m.name) != null && reference.canRead(e, o, m, subject);
                    expect(user, e, o + "." + m + " shown by " + e.table() + "_secured", expectShown, shown);
                }
            }
        }
        expect(user, e, "rows of " + e.table() + "_secured", expected.size(), count);
        Set<Long> readableIds = new TreeSet<>();
        Member id = e.member("id");
        for (long visible : expected) {
            Obj o = e.objects.stream().filter(x -> x.id == visible).findFirst().orElseThrow();
            if (reference.canRead(e, o, id, subject)) {
                readableIds.add(visible);
            }
        }
        expect(user, e, "rows with a readable key in " + e.table() + "_secured", readableIds, seen);
    }

    private void checkWrites(User user, Subject subject, Entity e, Connection connection) throws SQLException {
        for (Obj o : e.objects) {
            boolean expected = reference.canDelete(e, o, subject);
            Savepoint savepoint = connection.setSavepoint();
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + e.table() + " WHERE id = ?")) {
                delete.setLong(1, o.id);
                deleted = delete.executeUpdate();
            }
            connection.rollback(savepoint);
            expect(user, e, "DELETE " + o, expected ? 1 : 0, deleted);
        }
        // an insert of a new object
        Obj fresh = generator.newObject(e, 700000 + generator.random().nextInt(1000));
        expect(user, e, "INSERT " + fresh.values, reference.createAllowed(e, fresh, subject) ? "inserted" : "refused",
                outcome(connection, insert(e, fresh), values(e, fresh)));
        // an update of one member of each of a few objects
        List<Member> writable = e.storedMembers().stream().filter(m -> m.kind != Kind.ID).toList();
        if (writable.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.min(3, e.objects.size()); i++) {
            Obj o = generator.pick(e.objects);
            Member m = generator.pick(writable);
            Object newValue = generator.value(m);
            String expected;
            if (!reference.visible(e, o, subject) || !writesSome(e, o, subject)) {
                expected = "no row";
            } else {
                Object before = o.values.put(m.name, newValue);
                try {
                    expected = writesSome(e, o, subject) ? "updated" : "refused";
                } finally {
                    o.values.put(m.name, before);
                }
            }
            List<Object> parameters = new ArrayList<>();
            parameters.add(sqlValue(newValue));
            parameters.add(o.id);
            expect(user, e, "UPDATE " + o + " SET " + m + " = " + newValue, expected, outcome(connection,
                    "UPDATE " + e.table() + " SET " + m.column() + " = ? WHERE id = ?", parameters));
        }
    }

    /** Whether some rule that is active for the object gives the user write access to some member. */
    private boolean writesSome(Entity e, Obj o, Subject subject) {
        return e.members.stream().filter(m -> m.kind != Kind.CALCULATED)
                .anyMatch(m -> reference.canWrite(e, o, m, subject));
    }

    /** What a write did: "inserted"/"updated", "no row", or "refused" by a policy (SQLSTATE 42501). */
    private static String outcome(Connection connection, String sql, List<Object> parameters) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            int count = statement.executeUpdate();
            return count == 0 ? "no row" : sql.startsWith("INSERT") ? "inserted" : "updated";
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState()) && e.getMessage().contains("row-level security policy")) {
                return "refused";
            }
            throw e;
        } finally {
            connection.rollback(savepoint);
        }
    }

    private static String insert(Entity e, Obj o) {
        List<String> names = new ArrayList<>();
        for (Member m : e.storedMembers()) {
            names.add(m.column());
        }
        return "INSERT INTO " + e.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
    }

    private static List<Object> values(Entity e, Obj o) {
        List<Object> values = new ArrayList<>();
        for (Member m : e.storedMembers()) {
            values.add(sqlValue(o.get(m.name)));
        }
        return values;
    }

    private static Object sqlValue(Object value) {
        if (value instanceof Obj target) {
            return target.id;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return value;
    }

    private static Set<Long> ids(Connection connection, String sql) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
