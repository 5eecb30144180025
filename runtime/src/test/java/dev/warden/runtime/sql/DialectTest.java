package dev.warden.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialects' JDBC types, binding and reading of every supported Java type (round trips through H2 in memory),
 * paging, key columns, and the SQL values' equality. Written to kill mutants that PIT found uncovered by the runtime's
 * own fast tests (the data tests, which also cover them, start PostgreSQL and are left out of mutation testing).
 */
class DialectTest {

    private static Connection connection;

    enum Colour { RED, GREEN }

    @BeforeAll
    static void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dialect-test;DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Binds the value as a parameter of {@code SELECT CAST(? AS sqlType)} and reads it back as the Java type. */
    private static Object roundTrip(Dialect dialect, Object value, Class<?> type, String sqlType) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS " + sqlType + ")")) {
            dialect.bind(statement, 1, value, type);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                return dialect.read(row, 1, type);
            }
        }
    }

    @Test
    void everySupportedTypeSurvivesARoundTrip() throws SQLException {
        Dialect h2 = Dialect.h2();
        assertEquals("text", roundTrip(h2, "text", String.class, "VARCHAR"));
        assertEquals('x', roundTrip(h2, 'x', Character.class, "VARCHAR"));
        assertNull(roundTrip(h2, "", Character.class, "VARCHAR"));
        assertEquals(Colour.GREEN, roundTrip(h2, Colour.GREEN, Colour.class, "VARCHAR"));
        assertThrows(IllegalStateException.class, () -> roundTrip(h2, "BLUE", Colour.class, "VARCHAR"));
        assertEquals(42L, roundTrip(h2, 42L, Long.class, "BIGINT"));
        assertEquals(7, roundTrip(h2, 7, Integer.class, "INT"));
        assertEquals((short) 3, roundTrip(h2, (short) 3, Short.class, "SMALLINT"));
        assertEquals((byte) 2, roundTrip(h2, (byte) 2, Byte.class, "TINYINT"));
        assertEquals(1.5, roundTrip(h2, 1.5, Double.class, "DOUBLE PRECISION"));
        assertEquals(2.5f, roundTrip(h2, 2.5f, Float.class, "REAL"));
        assertEquals(true, roundTrip(h2, true, Boolean.class, "BOOLEAN"));
        assertEquals(false, roundTrip(h2, false, Boolean.class, "BOOLEAN"));
        assertEquals(0, new BigDecimal("12.50").compareTo((BigDecimal) roundTrip(h2, new BigDecimal("12.50"),
                BigDecimal.class, "NUMERIC(10, 2)")));
        assertEquals(BigInteger.valueOf(12345678901L), roundTrip(h2, BigInteger.valueOf(12345678901L), BigInteger.class,
                "NUMERIC(20)"));
        assertEquals(LocalDate.of(2026, 1, 2), roundTrip(h2, LocalDate.of(2026, 1, 2), LocalDate.class, "DATE"));
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4), roundTrip(h2, LocalDateTime.of(2026, 1, 2, 3, 4),
                LocalDateTime.class, "TIMESTAMP"));
        assertEquals(LocalTime.of(3, 4), roundTrip(h2, LocalTime.of(3, 4), LocalTime.class, "TIME"));
        Instant instant = Instant.parse("2026-01-02T03:04:05Z");
        assertEquals(instant, roundTrip(h2, instant, Instant.class, "TIMESTAMP WITH TIME ZONE"));
        ZonedDateTime zoned = ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        assertTrue(zoned.isEqual((ZonedDateTime) roundTrip(h2, zoned, ZonedDateTime.class, "TIMESTAMP WITH TIME ZONE")));
        OffsetDateTime offset = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        assertTrue(offset.isEqual((OffsetDateTime) roundTrip(h2, offset, OffsetDateTime.class,
                "TIMESTAMP WITH TIME ZONE")));
        Date date = new Date(instant.toEpochMilli());
        assertEquals(date.getTime(), ((Date) roundTrip(h2, date, Date.class, "TIMESTAMP")).getTime());
        Timestamp timestamp = new Timestamp(instant.toEpochMilli());
        assertEquals(timestamp, roundTrip(h2, timestamp, Timestamp.class, "TIMESTAMP"));
        java.sql.Date sqlDate = java.sql.Date.valueOf(LocalDate.of(2026, 1, 2));
        assertEquals(sqlDate, roundTrip(h2, sqlDate, java.sql.Date.class, "DATE"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(h2, new byte[] {1, 2, 3}, byte[].class, "VARBINARY"));
        UUID uuid = UUID.randomUUID();
        assertEquals(uuid, roundTrip(h2, uuid, UUID.class, "UUID"));
    }

    @Test
    void nullsStayNullForEveryType() throws SQLException {
        Dialect h2 = Dialect.h2();
        Object[][] cases = {
            {String.class, "VARCHAR"}, {Character.class, "VARCHAR"}, {Colour.class, "VARCHAR"}, {Long.class, "BIGINT"},
            {Integer.class, "INT"}, {Short.class, "SMALLINT"}, {Byte.class, "TINYINT"}, {Double.class, "DOUBLE PRECISION"},
            {Float.class, "REAL"}, {Boolean.class, "BOOLEAN"}, {BigDecimal.class, "NUMERIC"}, {BigInteger.class, "NUMERIC"},
            {LocalDate.class, "DATE"}, {LocalDateTime.class, "TIMESTAMP"}, {LocalTime.class, "TIME"},
            {Instant.class, "TIMESTAMP WITH TIME ZONE"}, {ZonedDateTime.class, "TIMESTAMP WITH TIME ZONE"},
            {Date.class, "TIMESTAMP"}, {java.sql.Date.class, "DATE"}, {byte[].class, "VARBINARY"}, {UUID.class, "UUID"},
        };
        for (Object[] c : cases) {
            assertNull(roundTrip(h2, null, (Class<?>) c[0], (String) c[1]), () -> "null " + c[0]);
        }
    }

    @Test
    void jdbcTypes() {
        Dialect h2 = Dialect.h2();
        Dialect postgres = Dialect.postgreSql();
        assertEquals(Types.VARCHAR, h2.sqlType(String.class));
        assertEquals(Types.VARCHAR, h2.sqlType(Character.class));
        assertEquals(Types.VARCHAR, h2.sqlType(Colour.class));
        assertEquals(Types.BIGINT, h2.sqlType(Long.class));
        assertEquals(Types.INTEGER, h2.sqlType(Integer.class));
        assertEquals(Types.SMALLINT, h2.sqlType(Short.class));
        assertEquals(Types.TINYINT, h2.sqlType(Byte.class));
        assertEquals(Types.SMALLINT, postgres.sqlType(Byte.class));
        assertEquals(Types.BOOLEAN, h2.sqlType(Boolean.class));
        assertEquals(Types.NUMERIC, h2.sqlType(BigDecimal.class));
        assertEquals(Types.NUMERIC, h2.sqlType(BigInteger.class));
        assertEquals(Types.DOUBLE, h2.sqlType(Double.class));
        assertEquals(Types.REAL, h2.sqlType(Float.class));
        assertEquals(Types.DATE, h2.sqlType(LocalDate.class));
        assertEquals(Types.DATE, h2.sqlType(java.sql.Date.class));
        assertEquals(Types.TIME, h2.sqlType(LocalTime.class));
        assertEquals(Types.TIMESTAMP, h2.sqlType(LocalDateTime.class));
        assertEquals(Types.TIMESTAMP, h2.sqlType(Date.class));
        assertEquals(Types.TIMESTAMP, h2.sqlType(Timestamp.class));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, h2.sqlType(OffsetDateTime.class));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, h2.sqlType(Instant.class));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, h2.sqlType(ZonedDateTime.class));
        assertEquals(Types.VARBINARY, h2.sqlType(byte[].class));
        assertEquals(Types.NULL, h2.sqlType(UUID.class));
        assertEquals(Types.OTHER, postgres.sqlType(UUID.class));
        assertEquals(Types.BIGINT, postgres.sqlType(Long.class));
    }

    @Test
    void namesLiteralsOrderingPagingAndKeys() throws SQLException {
        Dialect h2 = Dialect.h2();
        Dialect postgres = Dialect.postgreSql();
        assertEquals("H2", h2.name());
        assertEquals("PostgreSQL", postgres.name());
        assertEquals("Dialect[H2]", h2.toString());
        assertEquals("Dialect[PostgreSQL]", postgres.toString());
        assertEquals("TRUE", h2.booleanLiteral(true));
        assertEquals("FALSE", h2.booleanLiteral(false));
        assertEquals(" NULLS FIRST", h2.nullOrdering(true));
        assertEquals(" NULLS LAST", h2.nullOrdering(false));
        assertArrayEquals(new String[] {"ID"}, h2.generatedKeyColumns("id"));
        assertArrayEquals(new String[] {"id"}, postgres.generatedKeyColumns("ID"));
        assertEquals("OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", h2.paging(20, 10).sql());
        assertEquals(List.of(20L, 10), h2.paging(20, 10).values());
        assertEquals("LIMIT ? OFFSET ?", postgres.paging(20, 10).sql());
        assertEquals(List.of(10, 20L), postgres.paging(20, 10).values());
        assertEquals("LIMIT ? OFFSET ?", postgres.paging(0, 1).sql());
        assertThrows(IllegalArgumentException.class, () -> h2.paging(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> h2.paging(0, 0));
        assertThrows(IllegalArgumentException.class, () -> postgres.paging(0, -1));
        assertSame(h2, Dialect.forProductName("h2"));
        assertSame(postgres, Dialect.forProductName("POSTGRESQL"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.forProductName("Oracle"));
        assertSame(h2, Dialect.of(connection));
    }

    @Test
    void fragmentsBindTheirValuesInOrder() throws SQLException {
        SqlFragment fragment = SqlFragment.builder().sql("SELECT ").value("a", String.class).sql(" || ")
                .value(7, Integer.class).build();
        assertFalse(fragment.isEmpty());
        assertTrue(SqlFragment.empty().isEmpty());
        assertEquals(fragment, SqlFragment.builder().sql("SELECT ").value("a", String.class).sql(" || ")
                .value(7, Integer.class).build());
        assertEquals(fragment.hashCode(), SqlFragment.builder().sql("SELECT ").value("a", String.class).sql(" || ")
                .value(7, Integer.class).build().hashCode());
        assertNotEquals(fragment, SqlFragment.builder().sql("SELECT ").value("b", String.class).sql(" || ")
                .value(7, Integer.class).build());
        assertNotEquals(fragment, SqlFragment.of("SELECT 1"));
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS VARCHAR) || CAST(? AS VARCHAR), ?")) {
            SqlFragment values = SqlFragment.builder().value("x", String.class).value(3, Integer.class)
                    .value(null, Long.class).build();
            assertEquals(4, values.bind(statement, 1, Dialect.h2()));
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                assertEquals("x3", row.getString(1));
                row.getObject(2);
                assertTrue(row.wasNull());
            }
        }
    }

    @Test
    void parametersAndTemplatesAreValues() {
        assertEquals(SqlParam.constant("DRAFT", String.class), SqlParam.constant("DRAFT", String.class));
        assertEquals(SqlParam.constant("DRAFT", String.class).hashCode(), SqlParam.constant("DRAFT", String.class).hashCode());
        assertNotEquals(SqlParam.constant("DRAFT", String.class), SqlParam.constant("OPEN", String.class));
        assertNotEquals(SqlParam.constant(1L, Long.class), SqlParam.constant(1, Integer.class));
        assertNotEquals(SqlParam.token("Region", String.class), SqlParam.token("Tenant", String.class));
        assertNotEquals(SqlParam.currentUser(), SqlParam.userRole("A"));
        assertNotEquals(SqlParam.currentUser(), "[%CurrentUser%]");
        assertEquals(SqlParam.currentDateTime(Instant.class), SqlParam.currentDateTime(Instant.class));
        assertNotEquals(SqlParam.currentDateTime(Instant.class), SqlParam.beginOfCurrentDay(Instant.class));
        assertEquals(SqlParam.Kind.TOKEN, SqlParam.token("Region", String.class).kind());
        assertEquals("Region", SqlParam.token("Region", String.class).name());
        assertEquals(String.class, SqlParam.token("Region", String.class).javaType());
        assertEquals("constant String", SqlParam.constant("secret", String.class).toString());
        assertEquals("[%CurrentUser%]", SqlParam.currentUser().toString());
        assertEquals("[%Region%] String", SqlParam.token("Region", String.class).toString());
        assertEquals("[%UserRole_Boss%]", SqlParam.userRole("Boss").toString());
        assertTrue(SqlParam.endOfCurrentDay(LocalDate.class).toString().endsWith("LocalDate"));

        SqlTemplate template = SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser());
        assertEquals(template, SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser()));
        assertEquals(template.hashCode(), SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser()).hashCode());
        assertNotEquals(template, SqlTemplate.of("{a}.owner <> ?", SqlParam.currentUser()));
        assertNotEquals(template, SqlTemplate.of("{a}.owner = ?", SqlParam.userRole("A")));
        assertNotEquals(template, "{a}.owner = ?");
        assertEquals("{a}.owner = ?", template.sql());
        assertTrue(template.toString().contains("{a}.owner = ?"), template::toString);
    }
}
