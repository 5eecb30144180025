package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated {@code XxxTable}s on real databases: for the shop fixture, seeded data and several users, the
 * rows and member values that the data access layer returns through SQL (filters and masked columns inside the
 * statement) equal what the in-memory policy allows, row by row and member by member, on H2 and on PostgreSQL.
 */
class GeneratedTablesOnDatabasesTest {

    private static final String[] FIXTURES = {
        "fixture/ShopApp.java", "fixture/Scenarios.java", "fixture/shop/package-info.java",
        "fixture/shop/Customer.java", "fixture/shop/Status.java", "fixture/shop/Order.java",
        "fixture/shop/OrderLine.java", "fixture/shop/Ticket.java", "fixture/shop/Product.java"
    };

    private static final String[] SCHEMA = {
        "CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(100), region VARCHAR(100), "
                + "account_manager BIGINT, vip BOOLEAN, secret VARCHAR(100))",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customer (id), owner BIGINT, "
                + "status VARCHAR(20), total NUMERIC(12, 2), note VARCHAR(200))",
        "CREATE TABLE order_line (id BIGINT PRIMARY KEY, product VARCHAR(100), quantity INT, "
                + "order_id BIGINT REFERENCES orders (id))",
        "CREATE TABLE ticket (id BIGINT PRIMARY KEY, title VARCHAR(100), assignee BIGINT, created_by BIGINT)",
        "CREATE TABLE product (id BIGINT PRIMARY KEY, name VARCHAR(100), price NUMERIC(12, 2), cost_price NUMERIC(12, 2))",
    };

    private static ClassLoader loader;
    private static ApplicationModel app;
    private static EmbeddedPostgres postgres;
    private static DataSource h2;

    @BeforeAll
    static void compileAndSeed() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(Arrays.stream(FIXTURES)
                .map(f -> WardenCompiler.resource("fixtures/shop/" + f)).toArray(JavaFileObject[]::new));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("fixture.ShopAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:generated-tables;DB_CLOSE_DELAY=-1");
        h2 = memory;
        postgres = EmbeddedPostgres.builder().start();
        seed(h2);
        seed(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        postgres.close();
    }

    static Stream<Arguments> databasesAndUsers() {
        List<Arguments> arguments = new ArrayList<>();
        for (String database : List.of("H2", "PostgreSQL")) {
            for (String user : List.of("boss", "clerk-north", "clerk", "auditor", "buyer-30", "buyer-31", "anonymous",
                    "unknown-role", "system")) {
                arguments.add(Arguments.of(database, user));
            }
        }
        return arguments.stream();
    }

    private static DataSource database(String name) {
        return name.equals("H2") ? h2 : postgres.getPostgresDatabase();
    }

    private static SecurityContext user(String name) {
        return switch (name) {
            case "boss" -> SecurityContext.of(app, UserIdentity.of(1L, "Boss"));
            case "clerk-north" -> SecurityContext.of(app, UserIdentity.of(20L, "Clerk").withAttribute("Region", "North"));
            case "clerk" -> SecurityContext.of(app, UserIdentity.of(21L, "Clerk"));
            case "auditor" -> SecurityContext.of(app, UserIdentity.of(22L, "Clerk", "Auditor"));
            case "buyer-30" -> SecurityContext.of(app, UserIdentity.of(30L, "Buyer"));
            case "buyer-31" -> SecurityContext.of(app, UserIdentity.of(31L, "Buyer"));
            case "anonymous" -> SecurityContext.anonymousOf(app);
            case "unknown-role" -> SecurityContext.of(app, UserIdentity.of(1L, "Bos"));
            case "system" -> SecurityContext.systemOf(app);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("databasesAndUsers")
    void sqlReturnsExactlyWhatTheInMemoryPolicyAllows(String database, String userName) throws Exception {
        SecurityContext context = user(userName);
        WardenData data = WardenData.of(database(database)).as(context);
        for (String entity : List.of("Customer", "Order", "OrderLine", "Ticket", "Product")) {
            EntityTable<Object> table = table(entity);
            List<String> expected = new ArrayList<>();
            for (Object object : objects(entity)) {
                Rights rights = table.rules().rights(context, object);
                if (rights.visible()) {
                    expected.add(row(table, object, rights));
                }
            }
            List<String> actual = new ArrayList<>();
            for (Object loaded : data.list(table)) {
                actual.add(row(table, loaded, null));
            }
            expected.sort(null);
            actual.sort(null);
            assertEquals(expected, actual, entity + " for " + userName + " on " + database);
            assertEquals(expected.size(), data.count(table), entity + " count for " + userName + " on " + database);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConditionOnAMemberTheUserCannotReadIsRejected(String database) throws Exception {
        WardenData data = WardenData.of(database(database)).as(user("clerk-north"));
        EntityTable<Object> customers = table("Customer");
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> data.list(customers, Query.where(member("Customer", "secret"), Query.Op.EQ, "s1")));
        assertTrue(denied.getMessage().contains("secret"), denied.getMessage());
        assertFalse(denied.getMessage().contains("s1"), denied.getMessage());
        // accountManager is readable only for the customers clerk 20 manages: a filter on it works on the masked
        // value, so it finds customer 1 but cannot reveal that customer 3 (visible by region) has manager 21.
        assertEquals(1, data.count(customers, Query.where(member("Customer", "accountManager"), Query.Op.EQ, 20L)));
        assertEquals(0, data.count(customers, Query.where(member("Customer", "accountManager"), Query.Op.EQ, 21L)));
        assertEquals(1, data.count(customers, Query.where(member("Customer", "name"), Query.Op.EQ, "Initech")));
    }

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private static EntityTable<Object> table(String entity) throws ReflectiveOperationException {
        return (EntityTable<Object>) loader.loadClass("fixture.shop." + entity + "Table").getField("TABLE").get(null);
    }

    /** The constant of the entity's generated {@code Member} enum for a member name. */
    private static EntityMember member(String entity, String name) throws ReflectiveOperationException {
        for (Object constant : loader.loadClass("fixture.shop." + entity + "Policy$Member").getEnumConstants()) {
            if (((EntityMember) constant).memberName().equals(name)) {
                return (EntityMember) constant;
            }
        }
        throw new IllegalArgumentException(entity + " has no member " + name);
    }

    private static List<?> objects(String entity) throws ReflectiveOperationException {
        Class<?> scenarios = loader.loadClass("fixture.Scenarios");
        return switch (entity) {
            case "Customer" -> (List<?>) scenarios.getField("CUSTOMERS").get(null);
            case "Order" -> (List<?>) scenarios.getField("ORDERS").get(null);
            case "Ticket" -> (List<?>) scenarios.getField("TICKETS").get(null);
            case "Product" -> List.of(scenarios.getField("PRODUCT").get(null));
            case "OrderLine" -> lines();
            default -> throw new IllegalArgumentException(entity);
        };
    }

    private static List<Object> lines() throws ReflectiveOperationException {
        List<Object> lines = new ArrayList<>();
        for (Object order : objects("Order")) {
            lines.addAll((List<?>) order.getClass().getMethod("getLines").invoke(order));
        }
        return lines;
    }

    /**
     * A row as text: each column member's value. Where the rights (when given) do not allow reading a member,
     * the value of a fresh object: what an object read from the table holds for a member the user may not read.
     */
    private static String row(EntityTable<Object> table, Object object, Rights rights) {
        Map<String, Object> values = new TreeMap<>();
        Object empty = table.read(new Object[table.rules().memberCount()]);
        for (int member : table.columnMembers()) {
            Object value = table.value(rights == null || rights.canRead(member) ? object : empty, member);
            if (value instanceof BigDecimal number) {
                value = number.stripTrailingZeros().toPlainString();
            }
            values.put(table.rules().memberName(member), value);
        }
        return values.toString();
    }

    private static void seed(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
            for (String entity : List.of("Customer", "Order", "Ticket", "Product")) {
                insertAll(connection, table(entity), objects(entity), null, null);
            }
            for (Object order : objects("Order")) {
                Object id = order.getClass().getMethod("getId").invoke(order);
                insertAll(connection, table("OrderLine"), (List<?>) order.getClass().getMethod("getLines").invoke(order),
                        "order_id", id);
            }
        }
    }

    /** Inserts objects with plain JDBC (no security: the test's own setup), plus an extra column if given. */
    private static void insertAll(Connection connection, EntityTable<Object> table, List<?> objects, String extraColumn,
            Object extraValue) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int member : table.columnMembers()) {
            columns.add(table.column(member));
        }
        if (extraColumn != null) {
            columns.add(extraColumn);
        }
        String sql = "INSERT INTO " + table.tableName() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object object : objects) {
                int index = 1;
                for (int member : table.columnMembers()) {
                    Object value = table.value(object, member);
                    insert.setObject(index++, value instanceof Enum<?> constant ? constant.name() : value);
                }
                if (extraColumn != null) {
                    insert.setObject(index, extraValue);
                }
                insert.executeUpdate();
            }
        }
    }
}
