package dev.warden.runtime.postgres;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings the generated row-level security policies read ({@code META-INF/warden/postgresql/security.sql}):
 * the user's id, module roles, user roles, time zone and custom tokens, each as text, empty when there is none.
 *
 * <table>
 *   <caption>The settings</caption>
 *   <tr><td>{@value #USER_ID}</td><td>the user's id; empty for an anonymous user</td></tr>
 *   <tr><td>{@value #MODULE_ROLES}</td><td>the module roles, qualified, separated by commas: {@code Sales.User,Sales.Manager}</td></tr>
 *   <tr><td>{@value #USER_ROLES}</td><td>the user roles, separated by commas</td></tr>
 *   <tr><td>{@value #ZONE}</td><td>the user's time zone, as {@code AT TIME ZONE} takes it</td></tr>
 *   <tr><td>{@value #TOKEN_PREFIX}{@code <token in lower case>}</td><td>a custom token's value; empty without one</td></tr>
 * </table>
 *
 * <p>A context that denies, and the system, have every setting empty: the policies let nothing through (the system
 * reads through a role with {@code BYPASSRLS}, or as the tables' owner).
 */
public final class PolicySettings {
    /** The user's id. */
    public static final String USER_ID = "warden.user_id";
    /** The user's module roles. */
    public static final String MODULE_ROLES = "warden.module_roles";
    /** The user's user roles. */
    public static final String USER_ROLES = "warden.user_roles";
    /** The user's time zone. */
    public static final String ZONE = "warden.zone";
    /** The prefix of a custom token's setting. */
    public static final String TOKEN_PREFIX = "warden.token.";

    private PolicySettings() {}

    /**
     * The settings for a context, in a stable order: every setting the application's policies may read, empty
     * where the context has no value.
     *
     * @param ctx the context
     * @return the settings by name
     */
    public static Map<String, String> of(SecurityContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Map<String, String> settings = new LinkedHashMap<>();
        boolean user = !ctx.isSystem() && ctx.deniedReason().isEmpty();
        Object id = user ? ctx.userId() : null;
        settings.put(USER_ID, id == null ? "" : String.valueOf(id));
        settings.put(MODULE_ROLES, user ? String.join(",", ctx.moduleRoles()) : "");
        settings.put(USER_ROLES, user ? String.join(",", ctx.userRoles()) : "");
        settings.put(ZONE, Dialect.postgreSql().timeZoneName(ctx.now().getZone()));
        for (String token : ctx.application().tokenTypes().keySet()) {
            String value = user && ctx.hasToken(token) ? String.valueOf(ctx.token(token, Object.class)) : "";
            settings.put(TOKEN_PREFIX + token.toLowerCase(Locale.ROOT), value);
        }
        return settings;
    }

    /**
     * Sets the settings of a context on a connection, in one statement.
     *
     * @param connection the connection
     * @param ctx the context
     * @param local true for the current transaction only ({@code set_config(name, value, true)}; the connection
     *     must be in a transaction), false for the session, until {@link #clear} or the next {@code apply}
     * @throws SQLException when the database fails
     */
    public static void apply(Connection connection, SecurityContext ctx, boolean local) throws SQLException {
        set(connection, of(ctx), local);
    }

    /**
     * Empties the settings of a context's application on a connection, for the session.
     *
     * @param connection the connection
     * @param ctx a context of the application
     * @throws SQLException when the database fails
     */
    public static void clear(Connection connection, SecurityContext ctx) throws SQLException {
        Map<String, String> empty = new LinkedHashMap<>();
        of(ctx).keySet().forEach(name -> empty.put(name, ""));
        set(connection, empty, false);
    }

    private static void set(Connection connection, Map<String, String> settings, boolean local) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < settings.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("set_config(?, ?, ?)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                statement.setString(index++, setting.getKey());
                statement.setString(index++, setting.getValue());
                statement.setBoolean(index++, local);
            }
            statement.execute();
        }
    }
}
