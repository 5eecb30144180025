package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.processor.constraint.fixture.Order;
import dev.warden.processor.constraint.fixture.OrderLine;
import dev.warden.processor.constraint.fixture.StubContext;
import dev.warden.runtime.sql.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL of {@code reversed(...)} constraints selects exactly the expected rows on H2 and PostgreSQL, for several
 * users: through the child's foreign key (Order.lines, one-to-many) and through a link table (OrderLine.tags).
 */
class ReversedSqlTest {

    private static final Long[] USERS = {7L, 8L, -2L, 9L, 12L};

    private static SqlTestData data;
    private static Connection h2;
    private static EmbeddedPostgres postgres;
    private static Connection pg;

    @BeforeAll
    static void startDatabases() throws Exception {
        data = SqlTestData.generate(20240315L, 40);
        h2 = DriverManager.getConnection("jdbc:h2:mem:reversed_sql;DB_CLOSE_DELAY=-1");
        data.store(h2);
        postgres = EmbeddedPostgres.start();
        pg = postgres.getPostgresDatabase().getConnection();
        data.store(pg);
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        try {
            if (h2 != null) {
                h2.createStatement().execute("SHUTDOWN");
                h2.close();
            }
            if (pg != null) {
                pg.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static Set<Long> select(Connection db, Dialect dialect, String table, EntityShape root, String constraint,
            Long user) throws SQLException {
        CheckResult checked = ConstraintChecker.check(ConstraintParser.parse(constraint), root, Fixtures.ENV);
        assertTrue(checked.isWellTyped(), () -> constraint + ": " + checked.problems());
        CompiledSqlConstraint compiled = SqlConstraintCompiler.compile(checked.constraint(), SqlFixtures.SCHEMA);
        SqlFixtures.Rendered rendered = SqlFixtures.render(compiled, "x", new StubContext().user(user), dialect);
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT x.id FROM " + table + " x WHERE " + rendered.sql())) {
            rendered.bind(statement, 0);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Set<Long> ids(Connection db, String sql, Long user) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, user);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    @Test
    void linesOfTheUsersOrders() throws SQLException {
        int nonEmpty = 0;
        for (Long user : USERS) {
            Set<Long> expected = new TreeSet<>();
            for (Order o : data.orders) {
                if (Objects.equals(o.getOwnerId(), user)) {
                    for (OrderLine l : o.getLines()) {
                        expected.add(l.getId());
                    }
                }
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
            for (Map.Entry<Connection, Dialect> db : Map.of(h2, Dialect.h2(), pg, Dialect.postgreSql()).entrySet()) {
                assertEquals(expected, select(db.getKey(), db.getValue(), "order_line", Fixtures.ORDER_LINE_SHAPE,
                        "[reversed(Order.lines)/ownerId = '[%CurrentUser%]']", user), "user " + user);
                Set<Long> all = select(db.getKey(), db.getValue(), "order_line", Fixtures.ORDER_LINE_SHAPE,
                        "[reversed(Order.lines)]", user);
                Set<Long> others = select(db.getKey(), db.getValue(), "order_line", Fixtures.ORDER_LINE_SHAPE,
                        "[not(reversed(Order.lines)[ownerId = '[%CurrentUser%]'])]", user);
                others.addAll(expected);
                assertEquals(all, others, "user " + user);
            }
        }
        assertTrue(nonEmpty >= 2, "the data should give several users lines");
    }

    @Test
    void tagsThroughTheLinkTable() throws SQLException {
        String expectedSql = "SELECT DISTINCT t.tag_id FROM order_line_tag t JOIN order_line l ON l.id = t.line_id"
                + " JOIN orders o ON o.id = l.order_id WHERE o.owner_id = ?";
        int nonEmpty = 0;
        for (Long user : USERS) {
            for (Map.Entry<Connection, Dialect> db : Map.of(h2, Dialect.h2(), pg, Dialect.postgreSql()).entrySet()) {
                Set<Long> expected = ids(db.getKey(), expectedSql, user);
                nonEmpty += expected.isEmpty() ? 0 : 1;
                assertEquals(expected, select(db.getKey(), db.getValue(), "tag", Fixtures.TAG_SHAPE,
                        "[reversed(OrderLine.tags)/reversed(Order.lines)/ownerId = '[%CurrentUser%]']", user),
                        "user " + user);
            }
        }
        assertTrue(nonEmpty >= 2, "the data should give several users tags");
        assertFalse(data.tags.isEmpty());
    }
}
