package dev.warden.verification.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.postgres.PolicyConnections;
import dev.warden.runtime.postgres.PolicyConnections.Filter;
import dev.warden.runtime.postgres.PolicySettings;
import dev.warden.runtime.postgres.RowLevelSecurity;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlFragment;
import dev.warden.verification.support.Javac;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's side of the generated row-level security on a real PostgreSQL, for one small model: applying it
 * (idempotently), detecting drift, {@link PolicyConnections} with and without Warden's own filter, and the plans of
 * the policies against the plans of Warden's filter. The random models are {@code RowLevelSecurityDifferentialTest}'s.
 */
class RowLevelSecurityTest {

    static final String APP_ROLE = "warden_docs_app";
    static final int ROWS = 20_000;

    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("docs.package-info", String.join("\n",
                "@Module(name = \"Docs\", roles = {\"Reader\", \"Editor\"})",
                "package docs;",
                "import dev.warden.annotations.Module;"));
        SOURCES.put("docs.App", String.join("\n",
                "package docs;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = {@UserRole(name = \"Reader\", moduleRoles = \"Docs.Reader\"),",
                "    @UserRole(name = \"Editor\", moduleRoles = \"Docs.Editor\")},",
                "    tokens = @Token(name = \"Tenant\", type = Long.class))",
                "public class App {}"));
        SOURCES.put("docs.Doc", String.join("\n",
                "package docs;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"Reader\", defaultAccess = Access.READ,",
                "    members = @Member(name = \"secret\", access = Access.NONE), constraint = \"[owner = '[%CurrentUser%]']\")",
                "@AccessRule(roles = \"Editor\", create = true, delete = true, defaultAccess = Access.READ_WRITE,",
                "    constraint = \"[tenant = '[%Tenant%]']\")",
                "@SuppressWarnings(\"warden\")",
                "public class Doc {",
                "    private Long id; private Long owner; private Long tenant; private String title; private String secret;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public Long getOwner() { return owner; } public void setOwner(Long owner) { this.owner = owner; }",
                "    public Long getTenant() { return tenant; } public void setTenant(Long tenant) { this.tenant = tenant; }",
                "    public String getTitle() { return title; } public void setTitle(String title) { this.title = title; }",
                "    public String getSecret() { return secret; } public void setSecret(String s) { this.secret = s; }",
                "}"));
    }

    private static EmbeddedPostgres server;
    private static DataSource owner;
    private static DataSource app;
    private static RowLevelSecurity security;
    private static ApplicationModel model;
    private static EntityTable<Object> docs;
    private static ClassLoader loader;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        Compilation compilation = Javac.compile(SOURCES);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), Javac.diagnostics(compilation));
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass("docs.AppSecurityModel").getField("INSTANCE").get(null);
        docs = (EntityTable<Object>) loader.loadClass("docs.DocTable").getField("TABLE").get(null);
        security = RowLevelSecurity.of(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                RowLevelSecurity.RESOURCE).orElseThrow().getCharContent(true).toString());
        server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
        owner = server.getPostgresDatabase();
        execute(owner, "CREATE TABLE doc (id BIGINT PRIMARY KEY, owner BIGINT, tenant BIGINT, title VARCHAR(100), "
                        + "secret VARCHAR(100))",
                "CREATE INDEX doc_owner_idx ON doc (owner)",
                "CREATE INDEX doc_tenant_idx ON doc (tenant)",
                "INSERT INTO doc SELECT i, i % 1000, i % 500, 'doc ' || i, 'secret ' || i FROM generate_series(1, "
                        + ROWS + ") i",
                "ANALYZE doc",
                "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON doc TO " + APP_ROLE);
        security.apply(owner);
        execute(owner, "GRANT SELECT ON doc_secured TO " + APP_ROLE);
        app = server.getDatabase(APP_ROLE, "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static SecurityContext reader(long id) {
        return SecurityContext.of(model, UserIdentity.of(id, "Reader"));
    }

    static SecurityContext editor(long tenant) {
        return SecurityContext.of(model, new UserIdentity(99L, Set.of("Editor"), Map.of("Tenant", tenant), null));
    }

    @Test
    void applyingIsIdempotentAndDriftIsDetected() throws SQLException {
        try (Connection connection = owner.getConnection()) {
            assertEquals(List.of(), security.drift(connection));
            security.apply(connection);
            assertEquals(List.of(), security.drift(connection));
            assertEquals(List.of("doc"), security.tables());
            assertEquals(List.of("doc_secured"), security.views());

            execute(owner, "DROP POLICY warden_doc_r1_select ON doc",
                    "CREATE POLICY warden_doc_by_hand ON doc FOR SELECT USING (true)",
                    "ALTER POLICY warden_doc_r2_delete ON doc USING (true)");
            List<String> drift = security.drift(connection);
            assertEquals(3, drift.size(), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("policy warden_doc_r1_select on doc is missing")), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("policy warden_doc_by_hand on doc is not in this build")), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("policy warden_doc_r2_delete on doc differs")), drift.toString());
            // checking changed nothing
            assertEquals(3, security.drift(connection).size());

            execute(owner, "ALTER TABLE doc DISABLE ROW LEVEL SECURITY");
            assertTrue(security.drift(connection).contains("table doc differs: expected row level security enabled, "
                    + "but the database has row level security disabled"));

            security.apply(connection);
            assertEquals(List.of(), security.drift(connection));
        }
    }

    @Test
    void applyingAgainKeepsThePrivilegesGrantedOnTheView() throws Exception {
        execute(owner, "CREATE ROLE reporting LOGIN NOSUPERUSER NOBYPASSRLS",
                "GRANT SELECT ON doc_secured TO reporting",
                "GRANT SELECT ON doc_secured TO " + APP_ROLE + " WITH GRANT OPTION");
        try {
            security.apply(owner);
            security.apply(owner);
            try (Connection connection = owner.getConnection()) {
                assertEquals(List.of(), security.drift(connection));
                assertEquals(List.of("SELECT"), privileges(connection, "reporting"));
                assertEquals(List.of("SELECT WITH GRANT OPTION"), privileges(connection, APP_ROLE));
            }
            // and the role can still read through it (no rows: it carries no user settings)
            try (Connection reporting = server.getDatabase("reporting", "postgres").getConnection()) {
                assertEquals(0, count(reporting, "SELECT count(*) FROM doc_secured"));
            }
        } finally {
            execute(owner, "REVOKE ALL ON doc_secured FROM reporting", "DROP ROLE reporting",
                    "REVOKE GRANT OPTION FOR SELECT ON doc_secured FROM " + APP_ROLE);
        }
    }

    /** The privileges a role holds on the view, as {@code aclexplode} lists them. */
    private static List<String> privileges(Connection connection, String role) throws SQLException {
        List<String> privileges = new ArrayList<>();
        try (var query = connection.prepareStatement("SELECT a.privilege_type, a.is_grantable FROM pg_class c, "
                + "aclexplode(c.relacl) a WHERE c.oid = 'doc_secured'::regclass AND a.grantee = ?::regrole "
                + "ORDER BY 1")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    privileges.add(rows.getString(1) + (rows.getBoolean(2) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        return privileges;
    }

    @Test
    void aPlainConnectionOfTheApplicationsRoleSeesWhatTheUserMaySee() throws SQLException {
        try (Connection connection = app.getConnection()) {
            assertEquals(0, count(connection, "SELECT count(*) FROM doc"), "no settings, no rows");
            connection.setAutoCommit(false);
            PolicySettings.apply(connection, reader(7), true);
            assertEquals(ROWS / 1000, count(connection, "SELECT count(*) FROM doc"));
            assertEquals(ROWS / 1000, count(connection, "SELECT count(*) FROM doc WHERE owner = 7"));
            assertEquals(0, count(connection, "SELECT count(*) FROM doc WHERE owner = 8"));
            assertEquals(0, count(connection, "SELECT count(*) FROM doc_secured WHERE secret IS NOT NULL"),
                    "the reader may not read the secret: the view masks it");
            assertEquals(ROWS / 1000, count(connection, "SELECT count(*) FROM doc_secured WHERE title IS NOT NULL"));
            connection.commit();
            assertEquals(0, count(connection, "SELECT count(*) FROM doc"), "the settings were the transaction's");
            connection.commit();
        }
    }

    @Test
    void wardenDataOverPolicyConnectionsGivesTheSameAnswersWithAndWithoutItsOwnFilter() {
        Dialect pg = Dialect.postgreSql();
        for (SecurityContext ctx : List.of(reader(7), reader(123), editor(3), SecurityContext.anonymousOf(model))) {
            long expected = WardenData.of(owner, pg).as(ctx).count(docs);
            assertEquals(expected, PolicyConnections.data(app, pg, ctx, Filter.WARDEN_AND_DATABASE).count(docs), ctx.toString());
            assertEquals(expected, PolicyConnections.data(app, pg, ctx, Filter.DATABASE_ONLY).count(docs), ctx.toString());
        }
        // Warden's own filter masks the members the reader may not read; the database alone does not (its view does)
        Object doc = PolicyConnections.data(app, pg, reader(7), Filter.WARDEN_AND_DATABASE).list(docs).get(0);
        assertNull(property(doc, "getSecret"));
        Object raw = PolicyConnections.data(app, pg, reader(7), Filter.DATABASE_ONLY).list(docs).get(0);
        assertFalse(property(raw, "getSecret") == null);
        // the settings do not outlive the operation on the pooled connection
        try (Connection connection = app.getConnection()) {
            assertEquals(0, count(connection, "SELECT count(*) FROM doc"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDatabaseRefusesAWriteOutsideTheUsersReachWithThePolicysError() throws Exception {
        Object doc = loader.loadClass("docs.Doc").getConstructor().newInstance();
        doc.getClass().getMethod("setId", Long.class).invoke(doc, 900_001L);
        doc.getClass().getMethod("setTenant", Long.class).invoke(doc, 4L);
        WardenData databaseOnly = PolicyConnections.data(app, Dialect.postgreSql(), editor(3), Filter.DATABASE_ONLY);
        // the database's refusal is the denial it is: an AccessDeniedException naming the entity and the operation
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> databaseOnly.insert(docs, doc));
        assertEquals("Doc", refused.entity());
        assertEquals(Operation.CREATE, refused.operation());
        assertTrue(refused.getMessage().contains("42501"), refused.getMessage());
        assertEquals("42501", ((SQLException) refused.getCause()).getSQLState());
        assertTrue(refused.getCause().getMessage().contains("new row violates row-level security policy for table "
                + "\"doc\""), refused.getCause().getMessage());
        doc.getClass().getMethod("setTenant", Long.class).invoke(doc, 3L);
        databaseOnly.insert(docs, doc);
        databaseOnly.delete(docs, 900_001L);
    }

    @Test
    void thePoliciesUseTheIndexWardensFilterUses() throws SQLException {
        SecurityContext ctx = reader(7);
        String rls;
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            PolicySettings.apply(connection, ctx, true);
            rls = plan(connection, "SELECT * FROM doc", SqlFragment.empty());
            connection.rollback();
        }
        SqlFragment filter = docs.filter(ctx, "d", Dialect.postgreSql()).readFilter();
        String warden;
        try (Connection connection = owner.getConnection()) {
            warden = plan(connection, "SELECT * FROM doc d WHERE " + filter.sql(), filter);
        }
        assertTrue(rls.contains("doc_owner_idx"), rls);
        assertTrue(warden.contains("doc_owner_idx"), warden);
        // Warden's filter holds only the rules that apply to the user; the policies hold every rule, each behind its
        // role check: the other rules' arms add an index probe for a value the user has not (NULL), never a Seq Scan
        assertTrue(scans(rls).containsAll(scans(warden)), "RLS:\n" + rls + "\nWarden:\n" + warden);
        assertFalse(rls.contains("Seq Scan"), rls);
        assertFalse(warden.contains("Seq Scan"), warden);
    }

    /** The plan's scan nodes, in order, without the init plans that read the settings. */
    static List<String> scans(String plan) {
        List<String> scans = new ArrayList<>();
        Matcher m = Pattern.compile("((?:Bitmap )?(?:Index|Heap|Seq|Index Only) Scan)(?: using (\\w+))? on doc")
                .matcher(plan);
        while (m.find()) {
            scans.add(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)));
        }
        return scans;
    }

    private static String plan(Connection connection, String sql, SqlFragment values) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            values.bind(explain, 1, Dialect.postgreSql());
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static Object property(Object bean, String getter) {
        try {
            return bean.getClass().getMethod(getter).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
