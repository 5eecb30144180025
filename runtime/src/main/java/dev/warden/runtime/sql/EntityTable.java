package dev.warden.runtime.sql;

import static dev.warden.runtime.internal.Checks.boxed;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How a persistent entity is stored in a table, and its rules' constraints as SQL: the other half of
 * {@link EntityRules} for code that reads and writes the entity with SQL. The Warden processor generates one per
 * persistent entity:
 *
 * <pre>{@code
 * public static final EntityTable<Order> TABLE = EntityTable.<Order>builder(OrderPolicy.rules(), "orders", 0)
 *     .column(0, "id", Long.class)
 *     .column(1, "customer_id", Long.class)   // a to-one association: its foreign key, typed as the target's key
 *     .column(3, "status", Status.class)      // enums are stored as their name()
 *     .owner(2)
 *     .constraint(2, SqlTemplate.of("{a}.owner = ?", SqlParam.currentUser()))
 *     .reader(OrderTable::read)
 *     .writer(OrderTable::value)
 *     .build();
 * }</pre>
 *
 * <p>{@link #filter} turns it into the SQL filters and the masked projection for one user. Instances are
 * immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityTable<T> {
    /**
     * Makes an object from column values.
     *
     * @param <T> the entity type
     */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Makes an object.
         *
         * @param valuesByMember one value per member, by member index: the column's value, or null for a member
         *     without a column, not selected or masked for the user. A to-one association arrives as the value of
         *     its foreign key; the reader makes a reference that holds only the key
         * @return the object
         */
        T read(Object[] valuesByMember);
    }

    /**
     * Takes column values from an object.
     *
     * @param <T> the entity type
     */
    @FunctionalInterface
    public interface Writer<T> {
        /**
         * The value to store in a member's column.
         *
         * @param object the object
         * @param member the member's index; only members with a column are asked for
         * @return the value, of the column's type; for a to-one association, the target's key; enum constants as
         *     they are
         */
        Object value(T object, int member);
    }

    private final EntityRules<T> rules;
    private final String tableName;
    private final int keyMember;
    private final String[] columns;
    private final Class<?>[] types;
    private final int[] columnMembers;
    private final SqlTemplate[] constraints;
    private final int ownerMember;
    private final Reader<T> reader;
    private final Writer<T> writer;

    private EntityTable(Builder<T> builder) {
        this.rules = builder.rules;
        this.tableName = builder.tableName;
        this.keyMember = builder.keyMember;
        this.columns = builder.columns.clone();
        this.types = builder.types.clone();
        this.columnMembers = IntStream.range(0, columns.length)
                .filter(m -> columns[m] != null).toArray();
        this.constraints = builder.constraints.clone();
        this.ownerMember = builder.ownerMember;
        this.reader = builder.reader;
        this.writer = builder.writer;
    }

    /**
     * Starts the table of an entity.
     *
     * @param rules the entity's rules
     * @param tableName the table, a plain SQL identifier, optionally qualified by a schema
     * @param keyMember the index of the member that is the key; it must get a column
     * @param <T> the entity type
     * @return a builder
     */
    public static <T> Builder<T> builder(EntityRules<T> rules, String tableName, int keyMember) {
        return new Builder<>(rules, tableName, keyMember);
    }

    /** The entity's rules. */
    public EntityRules<T> rules() {
        return rules;
    }

    /** The entity's name. */
    public String entityName() {
        return rules.entityName();
    }

    /** The table's name. */
    public String tableName() {
        return tableName;
    }

    /** The index of the key member. */
    public int keyMember() {
        return keyMember;
    }

    /** The key's column. */
    public String keyColumn() {
        return columns[keyMember];
    }

    /** The indices of the members that have a column, in ascending order. */
    public int[] columnMembers() {
        return columnMembers.clone();
    }

    /**
     * Whether a member has a column.
     *
     * @param member the member's index
     * @return false for members without one (calculated members, to-many associations) and unknown indices
     */
    public boolean hasColumn(int member) {
        return member >= 0 && member < columns.length && columns[member] != null;
    }

    /**
     * A member's column.
     *
     * @param member the member's index
     * @return the column's name
     * @throws IllegalArgumentException when the member has none
     */
    public String column(int member) {
        requireColumn(member);
        return columns[member];
    }

    /**
     * The Java type of a member's column: the member's type, boxed, or the target's key type for a to-one.
     *
     * @param member the member's index
     * @return the type
     * @throws IllegalArgumentException when the member has no column
     */
    public Class<?> columnType(int member) {
        requireColumn(member);
        return types[member];
    }

    /** The member that is filled with the creating user's id ({@code @Owner}), if any. */
    public OptionalInt ownerMember() {
        return ownerMember < 0 ? OptionalInt.empty() : OptionalInt.of(ownerMember);
    }

    /**
     * A rule's constraint as SQL.
     *
     * @param ruleNumber the rule's number, from 1
     * @return the template; empty for a rule without constraint
     * @throws IndexOutOfBoundsException when there is no such rule
     */
    public Optional<SqlTemplate> constraint(int ruleNumber) {
        return Optional.ofNullable(constraints[Objects.checkIndex(ruleNumber - 1, constraints.length)]);
    }

    /**
     * Makes an object from column values, with the generated reader.
     *
     * @param valuesByMember one value per member
     * @return the object
     */
    public T read(Object[] valuesByMember) {
        if (valuesByMember.length != columns.length) {
            throw new IllegalArgumentException("Expected " + columns.length + " values, got " + valuesByMember.length);
        }
        return reader.read(valuesByMember);
    }

    /**
     * A member's column value, with the generated writer.
     *
     * @param object the object
     * @param member a member with a column
     * @return the value
     * @throws IllegalStateException when the writer returns a value that is not of the column's type
     */
    public Object value(T object, int member) {
        Object value = writer.value(Objects.requireNonNull(object, "object"), member);
        Class<?> type = columnType(member);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException("The value of " + entityName() + "." + rules.memberName(member) + " is a "
                    + value.getClass().getName() + ", not a " + type.getName());
        }
        return value;
    }

    /**
     * A value given for a member's column, as the column's type: numbers are converted when they fit exactly,
     * and a {@code String} is taken as the name of a constant for an enum column.
     *
     * @param member a member with a column
     * @param value the value, or null
     * @return the value to bind
     * @throws IllegalArgumentException when the value does not fit the column
     */
    public Object toColumnType(int member, Object value) {
        Class<?> type = columnType(member);
        if (value == null || type.isInstance(value)) {
            return value;
        }
        try {
            return SqlParam.convert(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "A value for " + entityName() + "." + rules.memberName(member) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SQL filters and projection of this entity for one user.
     *
     * @param ctx the security context
     * @param alias the alias the table has in the caller's statement, a plain SQL identifier; sub-queries of the
     *     constraints use {@code alias_1}, {@code alias_2}, ...
     * @param dialect the database's dialect
     * @return the filter
     * @throws IllegalArgumentException when the alias is not a plain identifier
     */
    public QueryFilter<T> filter(SecurityContext ctx, String alias, Dialect dialect) {
        return new QueryFilter<>(this, Objects.requireNonNull(ctx, "ctx"), SqlChecks.requireAlias(alias),
                Objects.requireNonNull(dialect, "dialect"));
    }

    private void requireColumn(int member) {
        if (!hasColumn(member)) {
            throw new IllegalArgumentException(member >= 0 && member < columns.length
                    ? "Member '" + rules.memberName(member) + "' of " + entityName() + " has no column"
                    : "No member " + member + " in " + entityName());
        }
    }

    @Override
    public String toString() {
        return "EntityTable[" + entityName() + " in " + tableName + "]";
    }

    /**
     * Collects the mapping of an entity. Not thread-safe.
     *
     * @param <T> the entity type
     */
    public static final class Builder<T> {
        private final EntityRules<T> rules;
        private final String tableName;
        private final int keyMember;
        private final String[] columns;
        private final Class<?>[] types;
        private final SqlTemplate[] constraints;
        private int ownerMember = -1;
        private Reader<T> reader;
        private Writer<T> writer;

        private Builder(EntityRules<T> rules, String tableName, int keyMember) {
            this.rules = Objects.requireNonNull(rules, "rules");
            this.tableName = SqlChecks.requireTable(tableName);
            this.keyMember = Objects.checkIndex(keyMember, rules.memberCount());
            this.columns = new String[rules.memberCount()];
            this.types = new Class<?>[rules.memberCount()];
            this.constraints = new SqlTemplate[rules.ruleCount()];
        }

        /**
         * Maps a member to a column.
         *
         * @param member the member's index
         * @param column the column, a plain SQL identifier
         * @param javaType the column's Java type: the member's type, or the target's key type for a to-one
         * @return this builder
         * @throws IllegalArgumentException when the member is mapped already
         */
        public Builder<T> column(int member, String column, Class<?> javaType) {
            Objects.checkIndex(member, columns.length);
            if (columns[member] != null) {
                throw new IllegalArgumentException("Member '" + rules.memberName(member) + "' is mapped twice");
            }
            columns[member] = SqlChecks.requireColumn(column);
            types[member] = boxed(Objects.requireNonNull(javaType, "javaType"));
            return this;
        }

        /**
         * Sets a rule's constraint as SQL.
         *
         * @param ruleNumber the rule's number, from 1; the rule must have a constraint
         * @param template the constraint
         * @return this builder
         */
        public Builder<T> constraint(int ruleNumber, SqlTemplate template) {
            int index = Objects.checkIndex(ruleNumber - 1, constraints.length);
            if (!rules.ruleHasConstraint(ruleNumber)) {
                throw new IllegalArgumentException("Rule " + ruleNumber + " of " + rules.entityName()
                        + " has no constraint, so it needs no SQL");
            }
            if (constraints[index] != null) {
                throw new IllegalArgumentException("Rule " + ruleNumber + " has a SQL constraint already");
            }
            constraints[index] = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * Names the member that holds the creating user's id ({@code @Owner}); inserts fill it in.
         *
         * @param member the member's index; it must have a column and not be the key
         * @return this builder
         */
        public Builder<T> owner(int member) {
            ownerMember = Objects.checkIndex(member, columns.length);
            return this;
        }

        /**
         * Sets the function that makes objects from column values.
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder<T> reader(Reader<T> reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Sets the function that takes column values from objects.
         *
         * @param writer the writer
         * @return this builder
         */
        public Builder<T> writer(Writer<T> writer) {
            this.writer = Objects.requireNonNull(writer, "writer");
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IllegalStateException when the key or the owner has no column, the owner is the key, two members
         *     share a column, a rule with a constraint has no SQL for it, or the reader or writer is missing
         */
        public EntityTable<T> build() {
            String entity = rules.entityName();
            if (columns[keyMember] == null) {
                throw new IllegalStateException("The key '" + rules.memberName(keyMember) + "' of " + entity
                        + " has no column");
            }
            if (ownerMember >= 0 && (columns[ownerMember] == null || ownerMember == keyMember)) {
                throw new IllegalStateException("The owner '" + rules.memberName(ownerMember) + "' of " + entity
                        + " needs a column of its own, other than the key");
            }
            Set<String> seen = new HashSet<>();
            for (String column : columns) {
                if (column != null && !seen.add(column.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException("Two members of " + entity + " share column " + column);
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int rule = 1; rule <= constraints.length; rule++) {
                if (rules.ruleHasConstraint(rule) && constraints[rule - 1] == null) {
                    missing.add(rule);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Rules " + missing + " of " + entity
                        + " have a constraint but no SQL for it");
            }
            if (reader == null || writer == null) {
                throw new IllegalStateException("The table of " + entity + " needs a reader and a writer");
            }
            return new EntityTable<>(this);
        }

        @Override
        public String toString() {
            return "EntityTable.Builder[" + rules.entityName() + ", columns " + Arrays.toString(columns) + "]";
        }
    }
}
