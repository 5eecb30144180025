package dev.warden.runtime.sql;

import static dev.warden.runtime.internal.Checks.boxed;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.runtime.internal.LoadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * How a persistent entity is stored in a table, and its rules' constraints as SQL: the other half of
 * {@link EntityRules} for code that reads and writes the entity with SQL. The Warden processor generates one per
 * persistent entity with a key:
 *
 * <pre>{@code
 * public static final EntityTable<Order> TABLE = EntityTable.builder(OrderPolicy.RULES, "orders", Member.ID)
 *     .column(Member.ID, "id", Long.class)
 *     .column(Member.CUSTOMER, "customer_id", Long.class)   // a to-one association: its foreign key
 *     .column(Member.STATUS, "status", OrderStatus.class)   // enums are stored as their name()
 *     .constraint(2, "{a}.owner = ?", SqlParam.currentUser())
 *     .constructor(Order::new)
 *     .build();
 * }</pre>
 *
 * <p>Objects are read through the entity's rules ({@link EntityRules#set}); a to-one association comes back as a
 * reference that holds only the associated object's key. The rules know what was not loaded: a constraint that would
 * follow an association of such an object fails with {@link dev.warden.runtime.ConstraintFailedException} instead of
 * answering from data that is not there. {@link #filter} turns the table into the SQL filters
 * and the masked projection for one user. Instances are immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityTable<T> {
    /**
     * Makes an object from column values: for records, whose components are set by their constructor.
     *
     * @param <T> the entity type
     */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Makes an object.
         *
         * @param valuesByMember one value per member, by member index: the column's value, or null for a member
         *     without a column, not selected or masked for the user. A to-one association arrives as the
         *     reference to the associated object
         * @return the object
         */
        T read(Object[] valuesByMember);
    }

    private final EntityRules<T, ?> rules;
    private final String tableName;
    private final int keyMember;
    private final String[] columns;
    private final Class<?>[] types;
    private final int[] columnMembers;
    private final SqlTemplate[] constraints;
    private final Supplier<T> constructor;
    private final Reader<T> reader;
    private final String discriminatorColumn;
    private final String discriminatorValue;
    private final int versionMember;
    private final KeyGeneration keyGeneration;
    private final boolean[] ordinalEnums;
    /** The rendered read filters by shape of user, for {@link QueryFilter#readFilter()}. */
    private final ConcurrentHashMap<ReadShape.Key, ReadShape> readShapes = new ConcurrentHashMap<>();

    private EntityTable(Builder<T, ?> builder) {
        this.rules = builder.rules;
        this.tableName = builder.tableName;
        this.keyMember = builder.keyMember;
        this.columns = builder.columns.clone();
        this.types = builder.types.clone();
        this.columnMembers = IntStream.range(0, columns.length).filter(m -> columns[m] != null).toArray();
        this.constraints = builder.constraints.clone();
        this.constructor = builder.constructor;
        this.reader = builder.reader;
        this.discriminatorColumn = builder.discriminatorColumn;
        this.discriminatorValue = builder.discriminatorValue;
        this.versionMember = builder.versionMember;
        this.keyGeneration = builder.keyGeneration;
        this.ordinalEnums = builder.ordinalEnums.clone();
    }

    /**
     * How the key of a new object is made when the object has none.
     *
     * @param strategy the kind of generation
     * @param sequence the database sequence, for {@link Strategy#SEQUENCE}; null otherwise
     */
    public record KeyGeneration(Strategy strategy, String sequence) {
        /** The kinds of generation (JPA's {@code @GeneratedValue} strategies that Warden follows). */
        public enum Strategy {
            /** The database fills the key column in (an identity column); read back as a generated key. */
            IDENTITY,
            /** The key is the next value of a database sequence, taken before the insert. */
            SEQUENCE,
            /** A random {@link java.util.UUID}, made in Java before the insert. */
            UUID
        }

        public KeyGeneration {
            Objects.requireNonNull(strategy, "strategy");
            if ((strategy == Strategy.SEQUENCE) != (sequence != null)) {
                throw new IllegalArgumentException("A sequence goes with the SEQUENCE strategy, and only with it");
            }
            if (sequence != null) {
                SqlChecks.requireTable(sequence);
            }
        }
    }

    /**
     * Starts the table of an entity.
     *
     * @param rules the entity's rules
     * @param tableName the table, a plain SQL identifier, optionally qualified by a schema
     * @param key the member that is the key; it must get a column
     * @param <T> the entity type
     * @param <M> the entity's member enum
     * @return a builder
     */
    public static <T, M extends Enum<M> & EntityMember> Builder<T, M> builder(EntityRules<T, M> rules,
            String tableName, M key) {
        return new Builder<>(rules, tableName, key);
    }

    /**
     * Starts the table of an entity that is a class, read into objects made with its no-argument constructor.
     *
     * @param rules the entity's rules
     * @param tableName the table, a plain SQL identifier, optionally qualified by a schema
     * @param key the member that is the key; it must get a column
     * @param constructor the no-argument constructor
     * @param <T> the entity type
     * @param <M> the entity's member enum
     * @return a builder
     */
    public static <T, M extends Enum<M> & EntityMember> Builder<T, M> builder(EntityRules<T, M> rules,
            String tableName, M key, Supplier<T> constructor) {
        return new Builder<>(rules, tableName, key).constructor(constructor);
    }

    /**
     * The table of an entity, found by class.
     *
     * @param entity the entity's class
     * @return its table, or empty when the processor generated none (a non-persistent entity, or one without a
     *     key)
     */
    public static Optional<EntityTable<?>> forClass(Class<?> entity) {
        return Optional.ofNullable(GeneratedCode.tableOf(Objects.requireNonNull(entity, "entity")));
    }

    /** The entity's rules. */
    public EntityRules<T, ?> rules() {
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

    /**
     * The column that tells this entity's rows from those of the other entities stored in the same table (JPA
     * single-table inheritance), if there is one. Every filter then limits rows to this entity's value, and inserts
     * set it.
     *
     * @return the column's name
     */
    public Optional<String> discriminatorColumn() {
        return Optional.ofNullable(discriminatorColumn);
    }

    /**
     * This entity's value in the {@linkplain #discriminatorColumn() discriminator column}.
     *
     * @return the value, empty when there is no discriminator
     */
    public Optional<String> discriminatorValue() {
        return Optional.ofNullable(discriminatorValue);
    }

    /**
     * The member that holds the row's version (JPA {@code @Version}): every update increments it and succeeds only
     * when the stored version is the object's, so that a stale write fails instead of being lost.
     *
     * @return the member's index; empty when the entity has no version
     */
    public OptionalInt versionMember() {
        return versionMember < 0 ? OptionalInt.empty() : OptionalInt.of(versionMember);
    }

    /**
     * How the key of a new object without one is made (JPA {@code @GeneratedValue}).
     *
     * @return the generation; empty when the database's column default, if any, makes it (read back as a generated
     *     key)
     */
    public Optional<KeyGeneration> keyGeneration() {
        return Optional.ofNullable(keyGeneration);
    }

    /**
     * Whether an enum member's column holds the constant's ordinal (JPA's default) rather than its name.
     *
     * @param member the member's index
     * @return true for an ordinal column
     */
    public boolean storesOrdinal(int member) {
        return member >= 0 && member < ordinalEnums.length && ordinalEnums[member];
    }

    /**
     * The Java type a member's column is read and bound as: {@link #columnType}, except {@code Integer} for an enum
     * stored as its ordinal.
     *
     * @param member a member with a column
     * @return the type
     */
    public Class<?> storedType(int member) {
        return storesOrdinal(member) ? Integer.class : columnType(member);
    }

    /**
     * A member's value (of its {@link #columnType}) as its column holds it: an enum's ordinal for an ordinal column.
     *
     * @param member a member with a column
     * @param value the value, or null
     * @return the value to bind, of the {@link #storedType}
     */
    public Object toStored(int member, Object value) {
        return value != null && storesOrdinal(member) ? ((Enum<?>) value).ordinal() : value;
    }

    /**
     * A column's value (of the {@link #storedType}) as the member's value: the constant of an ordinal.
     *
     * @param member a member with a column
     * @param stored the value read, or null
     * @return the value, of the {@link #columnType}
     * @throws IllegalStateException when an ordinal column holds a number that is no constant's ordinal
     */
    public Object fromStored(int member, Object stored) {
        if (stored == null || !storesOrdinal(member)) {
            return stored;
        }
        Object[] constants = columnType(member).getEnumConstants();
        int ordinal = ((Number) stored).intValue();
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new IllegalStateException("Column " + columns[member] + " of table " + tableName + " holds "
                    + "ordinal " + ordinal + ", which is no constant of " + columnType(member).getSimpleName()
                    + " (member '" + rules.memberName(member) + "' of " + entityName() + ")");
        }
        return constants[ordinal];
    }

    /** The member that is filled with the creating user's id ({@code @Owner}), if it has a column. */
    public OptionalInt ownerMember() {
        return rules.ownerMember().filter(owner -> hasColumn(owner.ordinal()))
                .map(owner -> OptionalInt.of(owner.ordinal())).orElse(OptionalInt.empty());
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
     * Makes an object from column values. A to-one association's value is the associated object's key; the
     * object gets a reference to it that holds only the key.
     *
     * @param valuesByMember one value per member
     * @return the object
     */
    public T read(Object[] valuesByMember) {
        if (valuesByMember.length != columns.length) {
            throw new IllegalArgumentException("Expected " + columns.length + " values, got " + valuesByMember.length);
        }
        Object[] values = valuesByMember.clone();
        for (int member : columnMembers) {
            if (values[member] != null) {
                Optional<Class<?>> target = rules.associatedEntity(member);
                if (target.isPresent()) {
                    values[member] = tableOf(target.get(), member).reference(values[member]);
                }
            }
        }
        T object;
        if (reader != null) {
            object = reader.read(values);
        } else {
            object = constructor.get();
            for (int member : columnMembers) {
                if (values[member] != null && !rules.isReadOnly(member)) {
                    rules.setValue(object, member, values[member]);
                }
            }
        }
        LoadState.mark(object, LoadState.State.ROW);
        return object;
    }

    /** A reference to an object of this entity that holds only its key. */
    T reference(Object key) {
        Object[] values = new Object[columns.length];
        values[keyMember] = key;
        T object;
        if (reader != null) {
            object = reader.read(values);
        } else {
            object = constructor.get();
            rules.setValue(object, keyMember, key);
        }
        LoadState.mark(object, LoadState.State.REFERENCE);
        return object;
    }

    private EntityTable<?> tableOf(Class<?> target, int member) {
        EntityTable<?> table = GeneratedCode.tableOf(target);
        if (table == null) {
            throw new IllegalStateException("Member '" + rules.memberName(member) + "' of " + entityName()
                    + " is stored as a key of " + target.getName() + ", which has no generated table");
        }
        return table;
    }

    /** The key of an object of this entity. */
    Object keyOf(Object object) {
        @SuppressWarnings("unchecked")
        T typed = (T) object;
        return rules.getValue(typed, keyMember);
    }

    /**
     * A member's column value: the member's value, or the key of the associated object for a to-one association.
     *
     * @param object the object
     * @param member a member with a column
     * @return the value
     * @throws IllegalStateException when the value is not of the column's type
     */
    public Object value(T object, int member) {
        Objects.requireNonNull(object, "object");
        Class<?> type = columnType(member);
        Object value = rules.getValue(object, member);
        Optional<Class<?>> target = rules.associatedEntity(member);
        if (value != null && target.isPresent()) {
            value = tableOf(target.get(), member).keyOf(value);
        }
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

    /** The read filter rendered for a shape, or null when none is kept. */
    ReadShape readShape(ReadShape.Key key) {
        return readShapes.get(key);
    }

    /** How many rendered read filters the table keeps; for tests. */
    int readShapeCount() {
        return readShapes.size();
    }

    /** Keeps a rendered read filter, unless the table already keeps {@link ReadShape#MAX_PER_TABLE}. */
    void keepReadShape(ReadShape.Key key, ReadShape shape) {
        if (readShapes.size() < ReadShape.MAX_PER_TABLE) {
            readShapes.putIfAbsent(key, shape);
        }
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
     * @param <M> the entity's member enum
     */
    public static final class Builder<T, M extends Enum<M> & EntityMember> {
        private final EntityRules<T, M> rules;
        private final String tableName;
        private final int keyMember;
        private final String[] columns;
        private final Class<?>[] types;
        private final SqlTemplate[] constraints;
        private Supplier<T> constructor;
        private Reader<T> reader;
        private String discriminatorColumn;
        private String discriminatorValue;
        private int versionMember = -1;
        private KeyGeneration keyGeneration;
        private final boolean[] ordinalEnums;

        private Builder(EntityRules<T, M> rules, String tableName, M key) {
            this.rules = Objects.requireNonNull(rules, "rules");
            this.tableName = SqlChecks.requireTable(tableName);
            this.keyMember = key.ordinal();
            this.columns = new String[rules.memberCount()];
            this.types = new Class<?>[rules.memberCount()];
            this.constraints = new SqlTemplate[rules.ruleCount()];
            this.ordinalEnums = new boolean[rules.memberCount()];
        }

        /**
         * Declares the member that holds the row's version (JPA {@code @Version}), a whole number with a column.
         *
         * @param member the member
         * @return this builder
         */
        public Builder<T, M> version(M member) {
            if (versionMember >= 0) {
                throw new IllegalArgumentException("The version of " + rules.entityName() + " is declared twice");
            }
            versionMember = member.ordinal();
            return this;
        }

        /**
         * Declares how the key of a new object without one is made.
         *
         * @param generation the generation
         * @return this builder
         */
        public Builder<T, M> keyGeneration(KeyGeneration generation) {
            this.keyGeneration = Objects.requireNonNull(generation, "generation");
            return this;
        }

        /**
         * Declares that an enum member's column holds the constant's ordinal (JPA's default for enums), not its name.
         *
         * @param member an enum member with a column
         * @return this builder
         */
        public Builder<T, M> ordinal(M member) {
            ordinalEnums[member.ordinal()] = true;
            return this;
        }

        /**
         * Maps a member to a column.
         *
         * @param member the member
         * @param column the column, a plain SQL identifier
         * @param javaType the column's Java type: the member's type, or the target's key type for a to-one
         * @return this builder
         * @throws IllegalArgumentException when the member is mapped already
         */
        public Builder<T, M> column(M member, String column, Class<?> javaType) {
            int index = member.ordinal();
            if (columns[index] != null) {
                throw new IllegalArgumentException("Member '" + member.memberName() + "' is mapped twice");
            }
            columns[index] = SqlChecks.requireColumn(column);
            types[index] = boxed(Objects.requireNonNull(javaType, "javaType"));
            return this;
        }

        /**
         * Declares that the table holds the rows of other entities too, told apart by a column (JPA single-table
         * inheritance): this entity's rows are those with this value in it.
         *
         * @param column the discriminator column, a plain SQL identifier
         * @param value this entity's value
         * @return this builder
         */
        public Builder<T, M> discriminator(String column, String value) {
            this.discriminatorColumn = SqlChecks.requireColumn(column);
            this.discriminatorValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets a rule's constraint as SQL.
         *
         * @param ruleNumber the rule's number, from 1; the rule must have a constraint
         * @param sql the constraint, with {@code {a}} for the table's alias and a {@code ?} per parameter
         * @param params the parameters
         * @return this builder
         * @see SqlTemplate#of
         */
        public Builder<T, M> constraint(int ruleNumber, String sql, SqlParam... params) {
            int index = Objects.checkIndex(ruleNumber - 1, constraints.length);
            if (!rules.ruleHasConstraint(ruleNumber)) {
                throw new IllegalArgumentException("Rule " + ruleNumber + " of " + rules.entityName()
                        + " has no constraint, so it needs no SQL");
            }
            if (constraints[index] != null) {
                throw new IllegalArgumentException("Rule " + ruleNumber + " has a SQL constraint already");
            }
            constraints[index] = SqlTemplate.of(sql, params);
            return this;
        }

        /**
         * Sets how to make an empty object, whose members are then set one by one: for classes.
         *
         * @param constructor the no-argument constructor
         * @return this builder
         */
        public Builder<T, M> constructor(Supplier<T> constructor) {
            this.constructor = Objects.requireNonNull(constructor, "constructor");
            return this;
        }

        /**
         * Sets how to make an object from all its values at once: for records.
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder<T, M> reader(Reader<T> reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Builds the table and registers it as the table of its entity.
         *
         * @return the table
         * @throws IllegalStateException when the key or the owner has no column, the owner is the key, two members
         *     share a column, a rule with a constraint has no SQL for it, or there is neither a constructor nor a
         *     reader
         */
        public EntityTable<T> build() {
            String entity = rules.entityName();
            if (columns[keyMember] == null) {
                throw new IllegalStateException("The key '" + rules.memberName(keyMember) + "' of " + entity
                        + " has no column");
            }
            rules.ownerMember().ifPresent(owner -> {
                if (columns[owner.ordinal()] != null && owner.ordinal() == keyMember) {
                    throw new IllegalStateException("The owner '" + owner.memberName() + "' of " + entity
                            + " needs a column of its own, other than the key");
                }
            });
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
            if (versionMember >= 0 && (columns[versionMember] == null || !isWholeNumber(types[versionMember]))) {
                throw new IllegalStateException("The version '" + rules.memberName(versionMember) + "' of " + entity
                        + " needs a column of a whole-number type");
            }
            for (int member = 0; member < ordinalEnums.length; member++) {
                if (ordinalEnums[member] && (columns[member] == null || !types[member].isEnum())) {
                    throw new IllegalStateException("Member '" + rules.memberName(member) + "' of " + entity
                            + " is stored as an ordinal, but is no enum with a column");
                }
            }
            if (constructor == null && reader == null) {
                throw new IllegalStateException("The table of " + entity + " needs a constructor or a reader");
            }
            EntityTable<T> table = new EntityTable<>(this);
            GeneratedCode.register(rules.entityType(), table);
            return table;
        }

        private static boolean isWholeNumber(Class<?> type) {
            return type == Long.class || type == Integer.class || type == Short.class;
        }

        @Override
        public String toString() {
            return "EntityTable.Builder[" + rules.entityName() + ", columns " + Arrays.toString(columns) + "]";
        }
    }
}
