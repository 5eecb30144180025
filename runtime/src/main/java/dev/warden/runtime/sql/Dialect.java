package dev.warden.runtime.sql;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What differs between the databases Warden writes SQL for: literals, paging, generated keys, and how Java values
 * are bound and read. {@link #h2()} and {@link #postgreSql()} are built in; {@link #of(Connection)} picks one from
 * the connection's {@link java.sql.DatabaseMetaData#getDatabaseProductName() product name}.
 *
 * <p>Values of these Java types are bound and read: {@code String}, {@code Boolean}, {@code Long}, {@code Integer},
 * {@code Short}, {@code Byte}, {@code Double}, {@code Float}, {@code BigDecimal}, {@code BigInteger}, enums (as
 * their {@code name()}), {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime}, {@code OffsetDateTime},
 * {@code Instant} and {@code ZonedDateTime} (as an offset date-time), {@code java.util.Date} and its
 * {@code java.sql} subclasses, {@code UUID} and {@code byte[]}; {@code ZoneId}s are bound (not read) as the
 * {@linkplain #timeZoneName name} the database's {@code AT TIME ZONE} takes; others are left to the driver.
 */
public interface Dialect {
    /** The dialect's name, {@code "H2"} or {@code "PostgreSQL"}. */
    String name();

    /**
     * The SQL literal of a boolean, in a place where a condition is expected.
     *
     * @param value the value
     * @return {@code TRUE} or {@code FALSE}
     */
    default String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /**
     * The SQL of a function of the constraint language whose SQL differs between databases, for a
     * {@link SqlTemplate}'s {@code {name(argument)}} (or {@code {name}}). The result contains the argument exactly
     * once, so that the template's parameters keep their order. The functions, each the twin of the Java the
     * processor generates (see {@code dev.warden.runtime.internal.ConstraintFunctions}):
     *
     * <ul>
     *   <li>{@code lower}: the case-insensitive form of a string, as {@code contains}, {@code starts-with} and
     *       {@code ends-with} compare it: Unicode lower case of the root locale, with the final sigma {@code ς}
     *       taken as {@code σ}. This default is {@code REPLACE(LOWER(x), 'ς', 'σ')}, exact only where the
     *       database's {@code LOWER} is the root locale's.</li>
     *   <li>{@code length}: the number of characters (Unicode code points) of a string, for {@code string-length};
     *       by default {@code CHAR_LENGTH(x)}.</li>
     *   <li>{@code isoweek} (no argument): the {@code EXTRACT} field of the ISO 8601 week of the year, for
     *       {@code week-from-dateTime}; by default {@code WEEK}.</li>
     * </ul>
     *
     * @param name the function's name
     * @param argument the argument's SQL, or null for a function without one
     * @return the function's SQL
     * @throws IllegalArgumentException for an unknown function, or a missing or extra argument
     */
    default String sqlFunction(String name, String argument) {
        switch (TemplateFunctions.require(name, argument)) {
            case "lower":
                return "REPLACE(LOWER(" + argument + "), 'ς', 'σ')";
            case "length":
                return "CHAR_LENGTH(" + argument + ")";
            default:
                return "WEEK";
        }
    }

    /**
     * The name of a time zone as the database's {@code x AT TIME ZONE ?} takes it, where the date parts of the
     * constraint language bind the user's zone: by default the zone's id, fixed offsets normalized ({@code GMT+2} is
     * {@code +02:00}).
     *
     * @param zone the zone
     * @return its name for the database
     */
    default String timeZoneName(ZoneId zone) {
        return zone.normalized().getId();
    }

    /**
     * The clause that limits a query's rows, to append after its {@code ORDER BY}.
     *
     * @param offset the number of rows to skip, 0 or more
     * @param limit the most rows to return, 1 or more
     * @return the clause, with both numbers bound
     */
    SqlFragment paging(long offset, int limit);

    /**
     * What to append to an {@code ORDER BY} term so that nulls sort the same way in every database: first when
     * ascending, last when descending, as if null were the smallest value.
     *
     * @param ascending the direction
     * @return {@code " NULLS FIRST"} or {@code " NULLS LAST"}
     */
    default String nullOrdering(boolean ascending) {
        return ascending ? " NULLS FIRST" : " NULLS LAST";
    }

    /**
     * The names to pass to {@link Connection#prepareStatement(String, String[])} to get the generated key of an
     * insert back.
     *
     * @param keyColumn the key column, as the table's mapping names it (unquoted)
     * @return the names as the database stores them
     */
    String[] generatedKeyColumns(String keyColumn);

    /**
     * The expression for the next value of a sequence, for {@code SELECT <it>}.
     *
     * @param sequence the sequence, a plain SQL identifier, optionally qualified by a schema
     * @return {@code nextval('orders_seq')}; H2 overrides it with {@code NEXT VALUE FOR orders_seq}
     */
    default String nextValue(String sequence) {
        return "nextval('" + SqlChecks.requireTable(sequence) + "')";
    }

    /**
     * The {@link Types} constant to bind a null of a Java type as.
     *
     * @param javaType the type
     * @return the SQL type
     */
    default int sqlType(Class<?> javaType) {
        if (javaType == String.class || javaType == Character.class || javaType.isEnum()
                || ZoneId.class.isAssignableFrom(javaType)) {
            return Types.VARCHAR;
        } else if (javaType == Long.class) {
            return Types.BIGINT;
        } else if (javaType == Integer.class) {
            return Types.INTEGER;
        } else if (javaType == Short.class) {
            return Types.SMALLINT;
        } else if (javaType == Byte.class) {
            return Types.TINYINT;
        } else if (javaType == Boolean.class) {
            return Types.BOOLEAN;
        } else if (javaType == BigDecimal.class || javaType == BigInteger.class) {
            return Types.NUMERIC;
        } else if (javaType == Double.class) {
            return Types.DOUBLE;
        } else if (javaType == Float.class) {
            return Types.REAL;
        } else if (javaType == LocalDate.class || javaType == java.sql.Date.class) {
            return Types.DATE;
        } else if (javaType == LocalTime.class) {
            return Types.TIME;
        } else if (javaType == LocalDateTime.class || Date.class.isAssignableFrom(javaType)) {
            return Types.TIMESTAMP;
        } else if (javaType == OffsetDateTime.class || javaType == Instant.class
                || javaType == ZonedDateTime.class) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        } else if (javaType == byte[].class) {
            return Types.VARBINARY;
        }
        return Types.OTHER;
    }

    /**
     * Binds a value.
     *
     * @param statement the statement
     * @param index the parameter's JDBC index, from 1
     * @param value the value, or null
     * @param javaType the value's type; for null, the type of what it stands for
     * @throws SQLException when the driver refuses it
     */
    default void bind(PreparedStatement statement, int index, Object value, Class<?> javaType)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType(javaType));
        } else if (value instanceof Enum) {
            statement.setString(index, ((Enum<?>) value).name());
        } else if (value instanceof String || value instanceof Character) {
            statement.setString(index, value.toString());
        } else if (value instanceof ZoneId) {
            statement.setString(index, timeZoneName((ZoneId) value));
        } else if (value instanceof Instant) {
            statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        } else if (value instanceof ZonedDateTime) {
            statement.setObject(index, ((ZonedDateTime) value).toOffsetDateTime());
        } else if (value instanceof BigInteger) {
            statement.setBigDecimal(index, new BigDecimal((BigInteger) value));
        } else if (value instanceof Date && !(value instanceof java.sql.Date) && !(value instanceof java.sql.Time)
                && !(value instanceof Timestamp)) {
            statement.setTimestamp(index, new Timestamp(((Date) value).getTime()));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Reads a value.
     *
     * @param row the result set, on a row
     * @param column the column's JDBC index, from 1
     * @param javaType the type to read it as
     * @return the value, or null for SQL null
     * @throws SQLException when the driver cannot read it as that type
     * @throws IllegalStateException when an enum column holds a name that is not one of the enum's constants
     */
    default Object read(ResultSet row, int column, Class<?> javaType) throws SQLException {
        Object value;
        if (javaType == String.class) {
            return row.getString(column);
        } else if (javaType == Long.class) {
            value = row.getLong(column);
        } else if (javaType == Integer.class) {
            value = row.getInt(column);
        } else if (javaType == Short.class) {
            value = row.getShort(column);
        } else if (javaType == Byte.class) {
            value = row.getByte(column);
        } else if (javaType == Double.class) {
            value = row.getDouble(column);
        } else if (javaType == Float.class) {
            value = row.getFloat(column);
        } else if (javaType == Boolean.class) {
            value = row.getBoolean(column);
        } else if (javaType == BigDecimal.class) {
            return row.getBigDecimal(column);
        } else if (javaType == BigInteger.class) {
            BigDecimal number = row.getBigDecimal(column);
            return number == null ? null : number.toBigIntegerExact();
        } else if (javaType == Character.class) {
            String text = row.getString(column);
            return text == null || text.isEmpty() ? null : text.charAt(0);
        } else if (javaType.isEnum()) {
            String name = row.getString(column);
            return name == null ? null : enumConstant(javaType, name);
        } else if (javaType == Instant.class || javaType == ZonedDateTime.class) {
            OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
            return time == null ? null : javaType == Instant.class ? time.toInstant() : time.toZonedDateTime();
        } else if (javaType == Timestamp.class || javaType == Date.class) {
            return row.getTimestamp(column);
        } else if (javaType == java.sql.Date.class) {
            return row.getDate(column);
        } else if (javaType == byte[].class) {
            return row.getBytes(column);
        } else {
            return row.getObject(column, javaType);
        }
        return row.wasNull() ? null : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A column of " + type.getName() + " holds a name that is not one of its "
                    + "constants", e);
        }
    }

    /** The dialect of H2. */
    static Dialect h2() {
        return H2Dialect.INSTANCE;
    }

    /** The dialect of PostgreSQL. */
    static Dialect postgreSql() {
        return PostgreSqlDialect.INSTANCE;
    }

    /**
     * The dialect of a connection's database.
     *
     * @param connection a connection
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     * @throws IllegalArgumentException when no built-in dialect fits; pass one explicitly then
     */
    static Dialect of(Connection connection) throws SQLException {
        return forProductName(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * The built-in dialect for a product name as JDBC reports it.
     *
     * @param productName {@code "H2"} or {@code "PostgreSQL"}
     * @return the dialect
     * @throws IllegalArgumentException for another product
     */
    static Dialect forProductName(String productName) {
        String product = Objects.requireNonNull(productName, "productName").toLowerCase(Locale.ROOT);
        if (product.equals("h2")) {
            return h2();
        } else if (product.equals("postgresql")) {
            return postgreSql();
        }
        throw new IllegalArgumentException("Warden has no SQL dialect for " + productName + "; it supports H2 "
                + "and PostgreSQL, or pass your own Dialect");
    }
}
