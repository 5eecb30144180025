package dev.warden.runtime.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The PostgreSQL row-level security the processor generated from the access rules ({@value #RESOURCE}): applies it
 * to a database, and tells whether a database's policies and views are still the ones of this build.
 *
 * <pre>{@code
 * RowLevelSecurity security = RowLevelSecurity.fromClassPath();
 * security.apply(dataSource);                 // as the tables' owner, at start-up or in a migration
 * List<String> drift = security.drift(connection);   // empty when the database has this build's policies
 * }</pre>
 *
 * <p>The policies read the user from settings ({@link PolicySettings}); {@link PolicyConnections} sets them for
 * {@code WardenData}. Applying needs the rights to alter the tables and create views (their owner); the policies
 * then bind every other role without {@code BYPASSRLS} (and the owner too when the build forces row-level
 * security). Instances are immutable.
 */
public final class RowLevelSecurity {
    /** Where the processor writes the DDL, in each jar with secured entities. */
    public static final String RESOURCE = "META-INF/warden/postgresql/security.sql";

    private static final Pattern ENABLED = Pattern.compile("^ALTER TABLE (\\S+) ENABLE ROW LEVEL SECURITY;$",
            Pattern.MULTILINE);
    private static final Pattern VIEW = Pattern.compile("^CREATE VIEW (\\S+) ", Pattern.MULTILINE);

    private final String ddl;
    private final List<String> tables;
    private final List<String> views;

    private RowLevelSecurity(String ddl) {
        this.ddl = ddl;
        this.tables = names(ENABLED, ddl);
        this.views = names(VIEW, ddl);
    }

    /**
     * The row-level security of every jar (and class folder) on the class path of the thread's context class loader,
     * or of this class's loader when there is none.
     *
     * @return it
     * @throws IllegalStateException when there is none
     */
    public static RowLevelSecurity fromClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClassPath(loader != null ? loader : RowLevelSecurity.class.getClassLoader());
    }

    /**
     * The row-level security of every {@value #RESOURCE} a class loader sees, in its order.
     *
     * @param loader the class loader
     * @return it
     * @throws IllegalStateException when there is none
     */
    public static RowLevelSecurity fromClassPath(ClassLoader loader) {
        StringBuilder all = new StringBuilder();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            for (URL url : Collections.list(resources)) {
                try (InputStream in = url.openStream()) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        if (all.length() == 0) {
            throw new IllegalStateException("no " + RESOURCE + " on the class path: compile the entities with the "
                    + "Warden processor, without -Awarden.postgresql.rowLevelSecurity=false");
        }
        return new RowLevelSecurity(all.toString());
    }

    /**
     * Row-level security from its DDL, as the processor wrote it.
     *
     * @param ddl the DDL
     * @return it
     */
    public static RowLevelSecurity of(String ddl) {
        return new RowLevelSecurity(Objects.requireNonNull(ddl, "ddl"));
    }

    /** The DDL: plain SQL, to give to Flyway or Liquibase as a migration. */
    public String ddl() {
        return ddl;
    }

    /** The tables it secures, as written in the DDL. */
    public List<String> tables() {
        return tables;
    }

    /** The masking views it creates, one per entity. */
    public List<String> views() {
        return views;
    }

    /**
     * Applies the DDL in one transaction: enables row-level security on the tables, replaces their Warden policies
     * (those named {@code warden_...}) and the views. Idempotent.
     *
     * @param dataSource the database, with a connection of the tables' owner
     * @throws SQLException when the database fails; nothing is changed then
     */
    public void apply(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            apply(connection);
        }
    }

    /**
     * Applies the DDL on a connection, in a transaction of its own (committed), or up to a savepoint inside the
     * connection's transaction when it has one (then the caller commits).
     *
     * @param connection a connection of the tables' owner
     * @throws SQLException when the database fails; nothing is changed then
     */
    public void apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            Savepoint savepoint = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * How the database's row-level security differs from this build's: tables without row-level security (or with
     * another {@code FORCE}), Warden policies that are missing, extra or changed, and views that are missing or
     * changed. The build's policies are compared as the database itself prints them: the DDL is applied in a
     * transaction that is rolled back, so the connection needs the rights {@link #apply} needs; nothing is changed.
     *
     * @param connection a connection of the tables' owner
     * @return one line per difference; empty when the database has exactly this build's row-level security
     * @throws SQLException when the database fails
     */
    public List<String> drift(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Savepoint savepoint = connection.setSavepoint();
        Map<String, String> actual;
        Map<String, String> expected;
        try {
            actual = state(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            }
            expected = state(connection);
        } finally {
            connection.rollback(savepoint);
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        List<String> drift = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            String want = expected.get(key);
            String have = actual.get(key);
            if (want == null) {
                drift.add(key + " is not in this build: " + have);
            } else if (have == null) {
                drift.add(key + " is missing: expected " + want);
            } else if (!want.equals(have)) {
                drift.add(key + " differs: expected " + want + ", but the database has " + have);
            }
        }
        return drift;
    }

    /** The row-level security of the DDL's tables and views as the database has it, by a name for each part. */
    private Map<String, String> state(Connection connection) throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (var query = connection.prepareStatement("SELECT c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                + "WHERE c.oid = to_regclass(?)")) {
            for (String table : tables) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    state.put("table " + table, rows.next() ? "row level security "
                            + (rows.getBoolean(1) ? "enabled" : "disabled") + (rows.getBoolean(2) ? ", forced" : "")
                            : "absent");
                }
            }
        }
        try (var query = connection.prepareStatement("SELECT polname, polcmd, polpermissive, "
                + "pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid), polroles::text FROM pg_policy "
                + "WHERE polrelid = to_regclass(?) AND polname LIKE 'warden\\_%'")) {
            for (String table : tables) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        state.put("policy " + rows.getString(1) + " on " + table, "FOR " + rows.getString(2)
                                + (rows.getBoolean(3) ? " PERMISSIVE" : " RESTRICTIVE") + " TO " + rows.getString(6)
                                + " USING (" + rows.getString(4) + ") WITH CHECK (" + rows.getString(5) + ")");
                    }
                }
            }
        }
        try (var query = connection.prepareStatement("SELECT pg_get_viewdef(to_regclass(?)), "
                + "(SELECT reloptions::text FROM pg_class WHERE oid = to_regclass(?))")) {
            for (String view : views) {
                query.setString(1, view);
                query.setString(2, view);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    String definition = rows.getString(1);
                    if (definition != null) {
                        state.put("view " + view, rows.getString(2) + " " + definition.strip());
                    }
                }
            }
        }
        return state;
    }

    private static List<String> names(Pattern pattern, String ddl) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = pattern.matcher(ddl);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "RowLevelSecurity[tables=" + tables + ", views=" + views + "]";
    }
}
