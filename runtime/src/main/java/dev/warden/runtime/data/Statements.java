package dev.warden.runtime.data;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.runtime.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What the read and the write statements of {@link WardenData} share: the table's alias, the key condition, the
 * masked projection, and running a select or an update. Stateless.
 */
final class Statements {
    /** The alias of the entity's table in every statement; constraint sub-queries use {@code t_1}, ... */
    static final String ALIAS = "t";

    private Statements() {}

    /** {@code t.key = ?}, the key bound as the key column's type. */
    static SqlFragment keyEquals(EntityTable<?> table, Object key) {
        return SqlFragment.builder().sql(ALIAS + "." + table.keyColumn() + " = ")
                .value(key, table.columnType(table.keyMember())).build();
    }

    /** A key given by the caller, as the key column's type. */
    static Object keyValue(EntityTable<?> table, Object key) {
        if (key == null) {
            throw new IllegalArgumentException("The key of " + table.entityName() + " is null");
        }
        return table.toColumnType(table.keyMember(), key);
    }

    /** The names of members, for messages: {@code [note, region]}. */
    static String memberNames(EntityRules<?, ?> rules, int[] members) {
        StringJoiner names = new StringJoiner(", ", "[", "]");
        Arrays.stream(members).forEach(member -> names.add(rules.memberName(member)));
        return names.toString();
    }

    /** The members a user may read in some row, selected in this order, and their select list. */
    static final class Projection {
        final int[] members;
        final SqlFragment list;

        Projection(QueryFilter<?> filter) {
            members = Arrays.stream(filter.table().columnMembers())
                    .filter(member -> filter.readAccess(member) != QueryFilter.Access.NEVER).toArray();
            SqlFragment.Builder builder = SqlFragment.builder();
            for (int member : members) {
                builder.sql(builder.isEmpty() ? "" : ", ").append(filter.column(member));
            }
            list = members.length == 0 ? SqlFragment.of("NULL") : builder.build();
        }

        /** How many columns the list selects: one {@code NULL} when the user may read no member. */
        int columnCount() {
            return Math.max(members.length, 1);
        }
    }

    /** Runs a select of a projection and makes an object of each row. */
    static <T> List<T> select(Connection connection, SqlFragment sql, EntityTable<T> table, Projection projection,
            Dialect dialect) throws SQLException {
        List<T> objects = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    objects.add(table.read(values(row, table, projection, dialect)));
                }
            }
        }
        return objects;
    }

    /** The row with a key as the user sees it, if it passes a check. */
    static <T> Optional<T> selectByKey(Connection connection, QueryFilter<T> filter, Object key, SqlFragment check)
            throws SQLException {
        EntityTable<T> table = filter.table();
        Projection projection = new Projection(filter);
        SqlFragment sql = SqlFragment.builder()
                .sql("SELECT ").append(projection.list).sql(" FROM " + table.tableName() + " " + ALIAS)
                .sql(" WHERE ").append(keyEquals(table, key)).sql(" AND ").append(check).build();
        List<T> rows = select(connection, sql, table, projection, filter.dialect());
        WriteStatements.requireOneRow(table, rows.size(), "read");
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A row read with whether it passed a check. */
    record Checked<T>(T object, boolean passed) {}

    /**
     * Every row with a key, as the user sees it, each with whether it passes a check:
     * {@code SELECT <projection>, CASE WHEN <check> THEN 1 ELSE 0 END FROM table t WHERE t.key = ?}.
     */
    static <T> List<Checked<T>> selectByKeyWithCheck(Connection connection, QueryFilter<T> filter, Object key,
            SqlFragment check) throws SQLException {
        EntityTable<T> table = filter.table();
        Projection projection = new Projection(filter);
        SqlFragment sql = SqlFragment.builder()
                .sql("SELECT ").append(projection.list).sql(", CASE WHEN ").append(check).sql(" THEN 1 ELSE 0 END")
                .sql(" FROM " + table.tableName() + " " + ALIAS).sql(" WHERE ").append(keyEquals(table, key)).build();
        Dialect dialect = filter.dialect();
        List<Checked<T>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Checked<>(table.read(values(row, table, projection, dialect)),
                            row.getInt(projection.columnCount() + 1) == 1));
                }
            }
        }
        return rows;
    }

    /** The values of a row of a projection, by member index. */
    private static Object[] values(ResultSet row, EntityTable<?> table, Projection projection, Dialect dialect)
            throws SQLException {
        Object[] values = new Object[table.rules().memberCount()];
        for (int i = 0; i < projection.members.length; i++) {
            int member = projection.members[i];
            values[member] = table.fromStored(member, dialect.read(row, i + 1, table.storedType(member)));
        }
        return values;
    }

    /** Runs an insert, update or delete and returns the number of rows it changed. */
    static int execute(Connection connection, SqlFragment sql, Dialect dialect) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            return statement.executeUpdate();
        }
    }
}
