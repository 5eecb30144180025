package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.postgres.PolicySettings;
import dev.warden.runtime.postgres.RowLevelSecurity;
import dev.warden.sample.app.Accounts;
import dev.warden.sample.app.Demo;
import dev.warden.sample.app.ShopDatabase;
import dev.warden.sample.app.ShopEntities;
import dev.warden.sample.app.ShopEntity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample on an embedded PostgreSQL server with the row-level security generated from its rules: the demo prints
 * what it prints on H2, and a plain JDBC connection of the shop's database role, with a demo user's settings and
 * no Warden filter, sees exactly the rows the demo shows that user.
 */
class PostgresDemoTest {
    private static ShopDatabase postgres;

    @BeforeAll
    static void start() {
        postgres = ShopDatabase.createAndSeedOnPostgres();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theDemoPrintsOnPostgresWhatItPrintsOnH2() {
        String onH2;
        try (ShopDatabase h2 = ShopDatabase.createAndSeed()) {
            onH2 = demo(h2);
        }
        // a database of its own: the demo tries writes (rolled back), the other test reads
        try (ShopDatabase database = ShopDatabase.createAndSeedOnPostgres()) {
            assertEquals(onH2, demo(database));
        }
    }

    @Test
    void aPlainConnectionOfTheShopsRoleSeesPerUserWhatTheDemoShows() throws SQLException {
        Accounts accounts = new Accounts(postgres);
        List<SecurityContext> users = new ArrayList<>();
        for (String username : Accounts.DEMO_USERS) {
            users.add(Accounts.contextOf(accounts.demoUser(username)));
        }
        users.add(Accounts.anonymous());
        DataSource role = postgres.applicationRole().orElseThrow();
        int seen = 0;
        for (SecurityContext ctx : users) {
            for (ShopEntity<?> entity : ShopEntities.ALL) {
                Set<Object> shown = keys(entity, ctx);
                Set<Object> plain = new TreeSet<>();
                try (Connection connection = role.getConnection()) {
                    connection.setAutoCommit(false);
                    PolicySettings.apply(connection, ctx, true);
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT * FROM " + entity.table().tableName())) {
                        while (rows.next()) {
                            plain.add(rows.getLong(entity.table().column(entity.table().keyMember())));
                        }
                    }
                    connection.rollback();
                }
                assertEquals(shown, plain, entity.name() + " for " + ctx);
                assertEquals(shown.size(), postgres.dataThroughPolicies(ctx).orElseThrow().count(entity.table()),
                        entity.name() + " for " + ctx + " through the policies and Warden's filter");
                seen += plain.size();
            }
        }
        assertTrue(seen > 0);
        // without settings the shop's role sees nothing
        try (Connection connection = role.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM orders")) {
            rows.next();
            assertEquals(0, rows.getLong(1));
        }
        try (Connection connection = postgres.dataSource().getConnection()) {
            assertEquals(List.of(), RowLevelSecurity.fromClassPath().drift(connection));
        }
    }

    @Test
    void onlyTheRolesThatMayQueryATableMayCallItsRuleFunctions() throws SQLException {
        // warden_order_r3_check runs as the tables' owner: a role that could call it could judge made-up rows
        // against tables it may not read
        String function = "warden_order_r3_check(orders)";
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE ROLE warden_stranger NOLOGIN");
            // a new role has only what PUBLIC has
            assertEquals(List.of(true, false), privileges(statement, function, "shop_app", "warden_stranger"));
            statement.execute("SET ROLE warden_stranger");
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT warden_order_r3_check(NULL::orders)"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            connection.rollback();
        }
    }

    private static List<Boolean> privileges(Statement statement, String function, String... roles) throws SQLException {
        List<Boolean> may = new ArrayList<>();
        for (String role : roles) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT has_function_privilege('" + role + "', '" + function + "', 'EXECUTE')")) {
                rows.next();
                may.add(rows.getBoolean(1));
            }
        }
        return may;
    }

    /** The keys of the objects the demo (Warden's filter, on the owner's connection) shows the user. */
    private static <T> Set<Object> keys(ShopEntity<T> entity, SecurityContext ctx) {
        Set<Object> keys = new TreeSet<>();
        for (T object : postgres.data().as(ctx).list(entity.table())) {
            Object key = entity.key(object);
            assertFalse(key == null, "the demo shows " + entity.name() + " without a key");
            keys.add(key);
        }
        return keys;
    }

    private static String demo(ShopDatabase database) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(database).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
