package dev.warden.runtime.data;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entity's table as the database describes it ({@link DatabaseMetaData#getColumns}), checked against the mapping
 * (issue 10, section 7) and used to check values against their columns before they are bound (section 6).
 *
 * <p>The check refuses, naming table and column: a missing table or column; a column whose type cannot hold the
 * member (text for a number, an enum constant longer than the column, a date for a date-time, ...); and a column
 * that a rule's constraint uses, in this table or a table its sub-queries read, that is blank-padded
 * ({@code CHAR(n)}: {@code 'bob'} equals {@code 'bob '} in SQL, not in Java) or compares without regard to case
 * (H2's {@code VARCHAR_IGNORECASE}, PostgreSQL's {@code citext} or a nondeterministic collation). Immutable.
 */
final class TableSchema {
    /** A column as the database describes it. */
    record Column(String name, int jdbcType, String typeName, int size, int scale, boolean nullable,
            boolean hasDefault) {
        String describe() {
            return typeName + (isNumeric(jdbcType) && size > 0 && size < UNBOUNDED ? "(" + size + ", " + scale + ")"
                    : isText(jdbcType) && size > 0 && size < Integer.MAX_VALUE ? "(" + size + ")" : "");
        }

        boolean padded() {
            return jdbcType == Types.CHAR || jdbcType == Types.NCHAR || typeName.equalsIgnoreCase("bpchar");
        }

        boolean ignoresCase() {
            String type = typeName.toLowerCase(Locale.ROOT);
            return type.contains("ignorecase") || type.equals("citext");
        }
    }

    /** A precision from which on a NUMERIC column counts as unbounded (PostgreSQL reports 1000 for {@code numeric}). */
    private static final int UNBOUNDED = 1000;
    /** The most digits before and after the point a value for an unbounded NUMERIC column may have. */
    private static final int MAX_DIGITS = 1000;

    private static final Pattern SUB_QUERY_TABLE =
            Pattern.compile("(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)?)\\s+\\{a\\}_(\\d+)");
    private static final Pattern COLUMN_REFERENCE = Pattern.compile("\\{a\\}(?:_(\\d+))?\\.([A-Za-z_][A-Za-z0-9_$]*)");

    private final EntityTable<?> table;
    /** By member index; null for members without a column. */
    private final Column[] columns;
    /** Whether the database counts a string's length in code points (PostgreSQL) or UTF-16 units (H2). */
    private final boolean codePoints;

    private TableSchema(EntityTable<?> table, Column[] columns, boolean codePoints) {
        this.table = table;
        this.columns = columns;
        this.codePoints = codePoints;
    }

    // -------------------------------------------------------------------------------------------- the check

    /**
     * Reads the table's columns and those of the tables its constraints read, and checks them against the mapping.
     *
     * @throws SchemaMismatchException naming every problem found
     */
    static TableSchema read(Connection connection, EntityTable<?> table, Dialect dialect) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        EntityRules<?, ?> rules = table.rules();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Column>> described = new HashMap<>();
        Map<String, Column> own = describe(connection, meta, table.tableName(), described);
        Column[] columns = new Column[rules.memberCount()];
        if (own.isEmpty()) {
            problems.add("table " + table.tableName() + " does not exist");
        } else {
            for (int member : table.columnMembers()) {
                Column column = own.get(normalize(table.column(member)));
                if (column == null) {
                    problems.add("column " + table.column(member) + " of table " + table.tableName() + " for member '"
                            + rules.memberName(member) + "' does not exist");
                    continue;
                }
                columns[member] = column;
                cannotHold(table.storedType(member), column).ifPresent(why -> problems.add("column "
                        + table.column(member) + " of table " + table.tableName() + " is " + column.describe()
                        + ", which cannot hold member '" + rules.memberName(member) + "' (" + why + ")"));
            }
            if (table.discriminatorColumn().isPresent()
                    && !own.containsKey(normalize(table.discriminatorColumn().get()))) {
                problems.add("discriminator column " + table.discriminatorColumn().get() + " of table "
                        + table.tableName() + " does not exist");
            }
        }
        for (int rule = 1; rule <= rules.ruleCount(); rule++) {
            Optional<SqlTemplate> constraint = table.constraint(rule);
            if (constraint.isPresent()) {
                checkConstraintColumns(connection, meta, table, rule, constraint.get().sql(), described, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException(table.entityName(), problems);
        }
        return new TableSchema(table, columns, dialect.name().equals("PostgreSQL"));
    }

    /** The columns a rule's SQL uses must exist and compare in SQL as in Java. */
    private static void checkConstraintColumns(Connection connection, DatabaseMetaData meta, EntityTable<?> table,
            int rule, String sql, Map<String, Map<String, Column>> described, List<String> problems)
            throws SQLException {
        Map<String, String> tables = new HashMap<>();
        tables.put("", table.tableName());
        Matcher from = SUB_QUERY_TABLE.matcher(sql);
        while (from.find()) {
            tables.put(from.group(2), from.group(1));
        }
        Set<String> seen = new LinkedHashSet<>();
        Matcher reference = COLUMN_REFERENCE.matcher(sql);
        while (reference.find()) {
            String tableName = tables.get(reference.group(1) == null ? "" : reference.group(1));
            String columnName = reference.group(2);
            if (tableName == null || !seen.add(normalize(tableName) + "." + normalize(columnName))) {
                continue;
            }
            Map<String, Column> columns = describe(connection, meta, tableName, described);
            if (columns.isEmpty()) {
                if (!tableName.equals(table.tableName())) {
                    problems.add("table " + tableName + ", which rule " + rule + " of " + table.entityName()
                            + " reads, does not exist");
                }
                continue;
            }
            Column column = columns.get(normalize(columnName));
            String where = "column " + columnName + " of table " + tableName + ", which rule " + rule + " of "
                    + table.entityName() + " uses,";
            if (column == null) {
                if (!tableName.equals(table.tableName()) || !isMapped(table, columnName)) {
                    problems.add(where + " does not exist");
                }
            } else if (column.padded()) {
                problems.add(where + " is " + column.describe() + ", blank-padded: SQL would find 'bob' equal to "
                        + "'bob ' where Java does not; make it VARCHAR");
            } else if (column.ignoresCase() || nondeterministic(connection, tableName, column)) {
                problems.add(where + " compares without regard to case (" + column.typeName() + "), where Java "
                        + "and the rules compare exactly; make it VARCHAR with a case-sensitive collation");
            }
        }
    }

    private static boolean isMapped(EntityTable<?> table, String column) {
        for (int member : table.columnMembers()) {
            if (normalize(table.column(member)).equals(normalize(column))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a PostgreSQL text column has a nondeterministic (for example case-insensitive) collation. */
    private static boolean nondeterministic(Connection connection, String tableName, Column column)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!meta.getDatabaseProductName().equals("PostgreSQL") || meta.getDatabaseMajorVersion() < 12
                || !isText(column.jdbcType())) {
            return false;
        }
        try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT NOT c.collisdeterministic "
                + "FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation "
                + "WHERE a.attrelid = to_regclass(?) AND a.attname = ?")) {
            statement.setString(1, tableName);
            statement.setString(2, column.name());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** The columns of a table by normalized name; empty when there is no such table. */
    private static Map<String, Column> describe(Connection connection, DatabaseMetaData meta, String tableName,
            Map<String, Map<String, Column>> described) throws SQLException {
        Map<String, Column> known = described.get(normalize(tableName));
        if (known != null) {
            return known;
        }
        int dot = tableName.indexOf('.');
        String schema = dot < 0 ? connection.getSchema() : stored(meta, tableName.substring(0, dot));
        String name = stored(meta, dot < 0 ? tableName : tableName.substring(dot + 1));
        Map<String, Column> columns = columns(meta, schema, name);
        if (columns.isEmpty() && dot < 0) {
            columns = columns(meta, null, name);
        }
        described.put(normalize(tableName), columns);
        return columns;
    }

    /** The columns of the first schema that has a table of this name. */
    private static Map<String, Column> columns(DatabaseMetaData meta, String schema, String name)
            throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        String firstSchema = null;
        try (ResultSet row = meta.getColumns(null, schema, name, "%")) {
            while (row.next()) {
                if (!row.getString("TABLE_NAME").equals(name)) {
                    continue; // _ in a pattern matches any character
                }
                String rowSchema = row.getString("TABLE_SCHEM");
                if (firstSchema == null) {
                    firstSchema = rowSchema;
                } else if (!firstSchema.equals(rowSchema)) {
                    continue;
                }
                String def = row.getString("COLUMN_DEF");
                boolean generated = "YES".equalsIgnoreCase(row.getString("IS_AUTOINCREMENT"))
                        || "YES".equalsIgnoreCase(row.getString("IS_GENERATEDCOLUMN"));
                String column = row.getString("COLUMN_NAME");
                columns.put(normalize(column), new Column(column, row.getInt("DATA_TYPE"),
                        String.valueOf(row.getString("TYPE_NAME")), row.getInt("COLUMN_SIZE"),
                        row.getInt("DECIMAL_DIGITS"), row.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        def != null || generated));
            }
        }
        return columns;
    }

    /** An unquoted identifier as the database stores it. */
    private static String stored(DatabaseMetaData meta, String identifier) throws SQLException {
        if (meta.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        return meta.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

    private static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** Why a column cannot hold a member of a type; empty when it can, or when Warden does not know the type. */
    private static Optional<String> cannotHold(Class<?> type, Column column) {
        int jdbc = column.jdbcType();
        String name = column.typeName().toLowerCase(Locale.ROOT);
        boolean fits;
        if (type == String.class || type == Character.class) {
            fits = isText(jdbc) || name.equals("citext");
        } else if (type.isEnum() && name.startsWith("enum(")) {
            // H2's ENUM type, which Hibernate creates for @Enumerated(STRING): it must list every constant
            for (Object constant : type.getEnumConstants()) {
                if (!name.contains("'" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "'")) {
                    return Optional.of("it has no value " + ((Enum<?>) constant).name());
                }
            }
            fits = true;
        } else if (type.isEnum()) {
            if (!isText(jdbc)) {
                fits = false;
            } else {
                int longest = 0;
                for (Object constant : type.getEnumConstants()) {
                    longest = Math.max(longest, ((Enum<?>) constant).name().length());
                }
                if (column.size() > 0 && column.size() < longest) {
                    return Optional.of("its longest constant has " + longest + " characters");
                }
                fits = true;
            }
        } else if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            fits = isInteger(jdbc) || (isNumeric(jdbc) && column.scale() == 0);
        } else if (type == BigDecimal.class) {
            fits = isNumeric(jdbc) || isInteger(jdbc);
        } else if (type == Double.class || type == Float.class) {
            fits = jdbc == Types.DOUBLE || jdbc == Types.FLOAT || jdbc == Types.REAL || isNumeric(jdbc);
        } else if (type == Boolean.class) {
            fits = jdbc == Types.BOOLEAN || jdbc == Types.BIT;
        } else if (type == LocalDate.class || type == java.sql.Date.class) {
            fits = jdbc == Types.DATE || isTimestamp(jdbc);
        } else if (type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Date.class || type == java.sql.Timestamp.class) {
            fits = isTimestamp(jdbc);
        } else if (type == LocalTime.class || type == java.sql.Time.class) {
            fits = jdbc == Types.TIME || jdbc == Types.TIME_WITH_TIMEZONE;
        } else if (type == UUID.class) {
            fits = name.equals("uuid") || jdbc == Types.BINARY || jdbc == Types.OTHER || isText(jdbc);
        } else if (type == byte[].class) {
            fits = jdbc == Types.BINARY || jdbc == Types.VARBINARY || jdbc == Types.LONGVARBINARY
                    || jdbc == Types.BLOB;
        } else {
            return Optional.empty();
        }
        return fits ? Optional.empty() : Optional.of("a " + type.getSimpleName());
    }

    private static boolean isText(int jdbc) {
        return jdbc == Types.CHAR || jdbc == Types.VARCHAR || jdbc == Types.LONGVARCHAR || jdbc == Types.NCHAR
                || jdbc == Types.NVARCHAR || jdbc == Types.LONGNVARCHAR || jdbc == Types.CLOB || jdbc == Types.NCLOB;
    }

    private static boolean isInteger(int jdbc) {
        return jdbc == Types.TINYINT || jdbc == Types.SMALLINT || jdbc == Types.INTEGER || jdbc == Types.BIGINT;
    }

    private static boolean isNumeric(int jdbc) {
        return jdbc == Types.NUMERIC || jdbc == Types.DECIMAL;
    }

    private static boolean isTimestamp(int jdbc) {
        return jdbc == Types.TIMESTAMP || jdbc == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    // --------------------------------------------------------------------------------------- values vs column

    /**
     * Checks a value about to be written to a member's column: not null for a NOT NULL column, text no longer than
     * the column, numbers within its precision and scale (no silent rounding) and its range.
     *
     * @param member a member with a column
     * @param value the value as the column's type
     * @param inserted true for an insert, where a null is left out so that the column's default applies
     * @throws IllegalArgumentException naming entity, member, table and column, never the value
     */
    void checkWrite(int member, Object value, boolean inserted) {
        Column column = columns[member];
        if (column == null) {
            return;
        }
        if (value == null) {
            if (!column.nullable() && !(inserted && column.hasDefault())) {
                throw doesNotFit(member, column, "the column is NOT NULL" + (inserted ? " and has no default" : "")
                        + ", so the member needs a value");
            }
            return;
        }
        String text = value instanceof Enum<?> constant ? constant.name()
                : value instanceof String || value instanceof Character ? value.toString() : null;
        if (text != null && isText(column.jdbcType()) && column.size() > 0) {
            long length = codePoints ? text.codePointCount(0, text.length()) : text.length();
            if (length > column.size()) {
                throw doesNotFit(member, column, "the text is longer than " + column.size() + " characters");
            }
        }
        BigDecimal number = decimal(member, column, value);
        if (number == null) {
            return;
        }
        if (isInteger(column.jdbcType())) {
            checkIntegerRange(member, column, number);
        } else if (isNumeric(column.jdbcType())) {
            checkDigits(member, column, number, false);
        }
    }

    /**
     * Checks a value a query compares a member's column with: a number must have no more digits before the point
     * than the column, and no more after it than the column has digits at all, so that the database is not made to
     * scale a number of millions of digits.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    void checkQueryValue(int member, Object value) {
        Column column = columns[member];
        if (column == null || value == null || !isNumeric(column.jdbcType())) {
            return;
        }
        BigDecimal number = decimal(member, column, value);
        if (number != null) {
            checkDigits(member, column, number, true);
        }
    }

    private BigDecimal decimal(int member, Column column, Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        } else if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                if (isNumeric(column.jdbcType()) || isInteger(column.jdbcType())) {
                    throw doesNotFit(member, column, "it is not a finite number");
                }
                return null;
            }
            return isNumeric(column.jdbcType()) || isInteger(column.jdbcType()) ? BigDecimal.valueOf(number) : null;
        }
        return null;
    }

    private void checkIntegerRange(int member, Column column, BigDecimal number) {
        long bits = switch (column.jdbcType()) {
            case Types.TINYINT -> 8;
            case Types.SMALLINT -> 16;
            case Types.INTEGER -> 32;
            default -> 64;
        };
        BigDecimal max = BigDecimal.valueOf(2).pow((int) bits - 1);
        if (integerDigits(number) > 19 || number.compareTo(max) >= 0 || number.compareTo(max.negate()) < 0) {
            throw doesNotFit(member, column, "the number is out of the column's range");
        }
        if (fractionDigits(number) > 0) {
            throw doesNotFit(member, column, "the column holds whole numbers only");
        }
    }

    private void checkDigits(int member, Column column, BigDecimal number, boolean query) {
        boolean bounded = column.size() > 0 && column.size() < UNBOUNDED;
        long precision = bounded ? column.size() : MAX_DIGITS;
        long scale = bounded ? column.scale() : MAX_DIGITS;
        long before = bounded ? precision - scale : MAX_DIGITS;
        if (integerDigits(number) > before) {
            throw doesNotFit(member, column, "the number has more than " + before
                    + " digits before the decimal point");
        }
        long after = query ? precision : scale;
        if (fractionDigits(number) > after) {
            throw doesNotFit(member, column, "the number has more than " + after + " digits after the decimal point");
        }
    }

    /** The digits before the point; at most a few more than the input's length, whatever its exponent. */
    private static long integerDigits(BigDecimal number) {
        return number.signum() == 0 ? 0 : (long) number.precision() - number.scale();
    }

    private static long fractionDigits(BigDecimal number) {
        if (number.scale() <= 0) {
            return 0;
        }
        return Math.max(0, number.stripTrailingZeros().scale());
    }

    private IllegalArgumentException doesNotFit(int member, Column column, String why) {
        return new IllegalArgumentException("A value for " + table.entityName() + "." + table.rules().memberName(member)
                + " does not fit column " + column.name() + " " + column.describe() + " of table " + table.tableName()
                + ": " + why);
    }
}
