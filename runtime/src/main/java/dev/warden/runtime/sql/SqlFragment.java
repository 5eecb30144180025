package dev.warden.runtime.sql;

import static dev.warden.runtime.internal.Checks.boxed;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with its bound values: one value, with its Java type, for each {@code ?} in order. Immutable.
 *
 * <p>{@link #toString()} shows the SQL with its {@code ?}s and never the values, which may be token values or
 * data; bind them with {@link #bind}.
 */
public final class SqlFragment {
    private static final SqlFragment EMPTY = new SqlFragment("", new Object[0], new Class<?>[0]);

    private final String sql;
    private final Object[] values;
    private final Class<?>[] types;

    private SqlFragment(String sql, Object[] values, Class<?>[] types) {
        this.sql = sql;
        this.values = values;
        this.types = types;
    }

    /**
     * SQL without parameters.
     *
     * @param sql the SQL; it must not contain a {@code ?} outside quotes
     * @return the fragment
     * @throws IllegalArgumentException when it does
     */
    public static SqlFragment of(String sql) {
        if (SqlTemplate.countParameters(Objects.requireNonNull(sql, "sql")) != 0) {
            throw new IllegalArgumentException("SQL with a ? needs a value for it: use builder().value(...)");
        }
        return sql.isEmpty() ? EMPTY : new SqlFragment(sql, new Object[0], new Class<?>[0]);
    }

    /** A fragment from its parts, for the filters' cached shapes; the arrays are taken as they are. */
    static SqlFragment of(String sql, Object[] values, Class<?>[] types) {
        return new SqlFragment(sql, values, types);
    }

    /** The bind types as the array the fragment holds, for the filters' cached shapes; not to be changed. */
    Class<?>[] typeArray() {
        return types;
    }

    /** The values as the array the fragment holds, for the filters' cached shapes; not to be changed. */
    Object[] valueArray() {
        return values;
    }

    /** The empty fragment. */
    public static SqlFragment empty() {
        return EMPTY;
    }

    /** Starts a fragment. */
    public static Builder builder() {
        return new Builder();
    }

    /** The SQL, with a {@code ?} for each value. */
    public String sql() {
        return sql;
    }

    /** The values, in the order of their {@code ?}s; a value may be null. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** The Java types of the values, in the same order. */
    public List<Class<?>> types() {
        return List.of(types);
    }

    /** Whether the SQL is empty. */
    public boolean isEmpty() {
        return sql.isEmpty();
    }

    /**
     * Binds the values to a statement.
     *
     * @param statement the statement prepared from SQL that contains this fragment
     * @param firstIndex the JDBC index of this fragment's first {@code ?}
     * @param dialect how to bind values of the statement's database
     * @return the index after this fragment's last {@code ?}
     * @throws SQLException when the driver refuses a value
     */
    public int bind(PreparedStatement statement, int firstIndex, Dialect dialect) throws SQLException {
        int index = firstIndex;
        for (int i = 0; i < values.length; i++) {
            dialect.bind(statement, index++, values[i], types[i]);
        }
        return index;
    }

    /** The SQL with {@code ?} for the values, which it never shows. */
    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlFragment && sql.equals(((SqlFragment) other).sql)
                && Arrays.equals(values, ((SqlFragment) other).values)
                && Arrays.equals(types, ((SqlFragment) other).types);
    }

    @Override
    public int hashCode() {
        return sql.hashCode() * 31 + Arrays.hashCode(values);
    }

    /** Builds a fragment from SQL text, other fragments and values. Not thread-safe. */
    public static final class Builder {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();
        private final List<Class<?>> types = new ArrayList<>();

        private Builder() {}

        /**
         * Appends SQL text, which must not contain a {@code ?} outside quotes.
         *
         * @param text the text
         * @return this builder
         * @throws IllegalArgumentException when it does
         */
        public Builder sql(String text) {
            if (SqlTemplate.countParameters(text) != 0) {
                throw new IllegalArgumentException("Append values with value(...), not as a ? in the SQL text");
            }
            sql.append(text);
            return this;
        }

        /**
         * Appends a fragment: its SQL and its values.
         *
         * @param fragment the fragment
         * @return this builder
         */
        public Builder append(SqlFragment fragment) {
            sql.append(fragment.sql);
            values.addAll(Arrays.asList(fragment.values));
            types.addAll(Arrays.asList(fragment.types));
            return this;
        }

        /**
         * Appends a {@code ?} and its value.
         *
         * @param value the value, possibly null
         * @param javaType the type of the value, used to bind it, and to bind null
         * @return this builder
         * @throws IllegalArgumentException when the value is not of the type
         */
        public Builder value(Object value, Class<?> javaType) {
            Class<?> type = boxed(Objects.requireNonNull(javaType, "javaType"));
            if (value != null && !type.isInstance(value) && !(type.isEnum() && value instanceof String)) {
                throw new IllegalArgumentException(
                        "A " + value.getClass().getName() + " is not a " + type.getName());
            }
            sql.append('?');
            values.add(value);
            types.add(type);
            return this;
        }

        /** Whether nothing was appended yet. */
        public boolean isEmpty() {
            return sql.length() == 0;
        }

        /** The fragment. */
        public SqlFragment build() {
            return sql.length() == 0 ? EMPTY
                    : new SqlFragment(sql.toString(), values.toArray(), types.toArray(new Class<?>[0]));
        }
    }
}
