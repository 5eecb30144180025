package dev.warden.runtime.data;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.runtime.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * Reads and writes secured entities over any {@link DataSource}, with the entity's rules inside every statement
 * (security model, sections 2 and 4). No ORM: each entity's {@link EntityTable} says how it is stored.
 *
 * <pre>{@code
 * WardenData data = WardenData.of(dataSource);
 * Optional<Order> order = data.find(OrderTable.TABLE, 10L);
 * List<Order> open = data.list(OrderTable.TABLE, Query.where("status", Op.EQ, Status.OPEN).page(0, 20));
 * data.update(OrderTable.TABLE, order.get().withNote("call first"), "note");
 * }</pre>
 *
 * <ul>
 *   <li>Reads apply the read filter and mask unreadable members in the SQL itself, so rows and values the user may
 *       not see never leave the database. Objects come back with the members the user cannot read set to null.
 *       Conditions and sorts on a member the user cannot read are rejected; on a member readable only in some
 *       rows they use the masked value.</li>
 *   <li>{@code update} and {@code delete} are one statement each, whose {@code WHERE} holds the key and the rules,
 *       so there is no window between check and write. When it changes no row, an {@link AccessDeniedException}
 *       says so; it reads the same whether the row is absent or only invisible to the user.</li>
 *   <li>{@code insert} and {@code update} then run the write check on the stored row in the same transaction and
 *       roll back when it fails: users cannot create rows outside their reach or move rows out of it.</li>
 *   <li>Every value is bound; no value is ever part of the SQL text.</li>
 * </ul>
 *
 * <p>Operations use {@link SecurityContext#current()} unless the instance came from {@link #as}. Each write runs
 * in its own transaction, or, inside {@link #inTransaction}, in that one, rolled back to a savepoint when it
 * fails. Instances are immutable and thread-safe.
 */
public final class WardenData {
    /** The alias of the entity's table in every statement; constraint sub-queries use {@code t_1}, ... */
    private static final String ALIAS = "t";

    /** What all views of one data source share. */
    private static final class Source {
        final DataSource dataSource;
        volatile Dialect dialect;
        final ThreadLocal<Connection> transaction = new ThreadLocal<>();

        Source(DataSource dataSource, Dialect dialect) {
            this.dataSource = dataSource;
            this.dialect = dialect;
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    /**
     * Work inside {@link #inTransaction}.
     *
     * @param <R> what it returns
     */
    @FunctionalInterface
    public interface TransactionWork<R> {
        /**
         * Does the work.
         *
         * @return the result
         * @throws Exception to roll the transaction back
         */
        R run() throws Exception;
    }

    private final Source source;
    private final SecurityContext context;

    private WardenData(Source source, SecurityContext context) {
        this.source = source;
        this.context = context;
    }

    /**
     * Data access over a data source whose dialect is detected from its first connection.
     *
     * @param dataSource the data source; H2 or PostgreSQL
     * @return the data access
     */
    public static WardenData of(DataSource dataSource) {
        return new WardenData(new Source(Objects.requireNonNull(dataSource, "dataSource"), null), null);
    }

    /**
     * Data access over a data source with a given dialect.
     *
     * @param dataSource the data source
     * @param dialect its dialect
     * @return the data access
     */
    public static WardenData of(DataSource dataSource, Dialect dialect) {
        return new WardenData(new Source(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(dialect, "dialect")), null);
    }

    /**
     * The same data access acting for a given context instead of the current one. It shares the data source and
     * the transactions of this one.
     *
     * @param ctx the context
     * @return the data access for that context
     */
    public WardenData as(SecurityContext ctx) {
        return new WardenData(source, Objects.requireNonNull(ctx, "ctx"));
    }

    /**
     * The dialect; detects it when it is not known yet.
     *
     * @return the dialect
     * @throws DataAccessException when no connection can be had to detect it
     */
    public Dialect dialect() {
        Dialect dialect = source.dialect;
        return dialect != null ? dialect : read("detect the SQL dialect", this::dialect);
    }

    private Dialect dialect(Connection connection) throws SQLException {
        Dialect dialect = source.dialect;
        if (dialect == null) {
            dialect = Dialect.of(connection);
            source.dialect = dialect;
        }
        return dialect;
    }

    private SecurityContext context() {
        return context != null ? context : SecurityContext.current();
    }

    // ------------------------------------------------------------------------------------------------- reads

    /**
     * Finds an object by its key, if the user may see it.
     *
     * @param table the entity's table
     * @param key the key
     * @param <T> the entity type
     * @return the object, with the members the user cannot read set to null; empty when there is no such object
     *     or the user may not see it
     * @throws AccessDeniedException when there is no security context
     * @throws DataAccessException when the database fails
     */
    public <T> Optional<T> find(EntityTable<T> table, Object key) {
        SecurityContext ctx = context();
        Object id = keyValue(table, key);
        return read("find " + table.entityName(), connection -> {
            QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect(connection));
            Projection projection = new Projection(filter);
            SqlFragment sql = SqlFragment.builder()
                    .sql("SELECT ").append(projection.list).sql(" FROM " + table.tableName() + " " + ALIAS)
                    .sql(" WHERE ").append(keyEquals(table, id)).sql(" AND ").append(filter.readFilter())
                    .build();
            List<T> rows = select(connection, sql, table, projection, filter.dialect());
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    /**
     * All the objects the user may see.
     *
     * @param table the entity's table
     * @param <T> the entity type
     * @return the objects, ordered by key, with the members the user cannot read set to null
     */
    public <T> List<T> list(EntityTable<T> table) {
        return list(table, Query.all());
    }

    /**
     * The objects the user may see that match a query.
     *
     * @param table the entity's table
     * @param query conditions, sort order and page
     * @param <T> the entity type
     * @return the objects, with the members the user cannot read set to null
     * @throws AccessDeniedException when the query filters or sorts by a member the user cannot read in any row,
     *     or there is no security context
     * @throws IllegalArgumentException when the query names an unknown member, one without a column, or a value
     *     that does not fit
     * @throws DataAccessException when the database fails
     */
    public <T> List<T> list(EntityTable<T> table, Query query) {
        SecurityContext ctx = context();
        Objects.requireNonNull(query, "query");
        return read("list " + table.entityName(), connection -> {
            Dialect dialect = dialect(connection);
            QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect);
            Projection projection = new Projection(filter);
            SqlFragment.Builder sql = SqlFragment.builder()
                    .sql("SELECT ").append(projection.list).sql(" FROM " + table.tableName() + " " + ALIAS)
                    .append(where(filter, query))
                    .append(orderBy(filter, query));
            if (query.limit().isPresent()) {
                sql.sql(" ").append(dialect.paging(query.offset().getAsLong(), query.limit().getAsInt()));
            }
            return select(connection, sql.build(), table, projection, dialect);
        });
    }

    /**
     * How many objects the user may see.
     *
     * @param table the entity's table
     * @param <T> the entity type
     * @return the number
     */
    public <T> long count(EntityTable<T> table) {
        return count(table, Query.all());
    }

    /**
     * How many objects the user may see match a query's conditions; its sort and page play no part.
     *
     * @param table the entity's table
     * @param query the conditions
     * @param <T> the entity type
     * @return the number
     * @throws AccessDeniedException as for {@link #list(EntityTable, Query)}
     */
    public <T> long count(EntityTable<T> table, Query query) {
        SecurityContext ctx = context();
        Objects.requireNonNull(query, "query");
        return read("count " + table.entityName(), connection -> {
            QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect(connection));
            SqlFragment sql = SqlFragment.builder()
                    .sql("SELECT COUNT(*) FROM " + table.tableName() + " " + ALIAS).append(where(filter, query))
                    .build();
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                sql.bind(statement, 1, filter.dialect());
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Inserts an object. The user needs the create right; the {@code @Owner} member gets the user's id; every
     * member given a value must be writable for the user; and after the insert, in the same transaction, a rule
     * that gives create and write access to those members must hold for the new row, else it is rolled back.
     * Members that are null are left out, so the column's default applies; so is a null key, which the database
     * generates.
     *
     * @param table the entity's table
     * @param object the object
     * @param <T> the entity type
     * @return the object as stored, with its key, read back as the user sees it
     * @throws AccessDeniedException naming the operation and member that the rules deny; nothing is stored
     * @throws DataAccessException when the database fails; nothing is stored
     */
    public <T> T insert(EntityTable<T> table, T object) {
        SecurityContext ctx = context();
        return write("insert " + table.entityName(), connection -> insert(connection, ctx, table, object));
    }

    /**
     * Inserts objects, all or none, as {@link #insert} does each.
     *
     * @param table the entity's table
     * @param objects the objects
     * @param <T> the entity type
     * @return the objects as stored, in the same order
     * @throws AccessDeniedException when the rules deny one of them; none is stored
     */
    public <T> List<T> insertAll(EntityTable<T> table, Collection<? extends T> objects) {
        SecurityContext ctx = context();
        List<T> copy = List.copyOf(objects);
        return write("insert " + table.entityName() + " objects", connection -> {
            List<T> stored = new ArrayList<>();
            for (T object : copy) {
                stored.add(insert(connection, ctx, table, object));
            }
            return stored;
        });
    }

    /**
     * Updates some members of an object with one statement,
     * {@code UPDATE table SET ... WHERE key = ? AND <write filter>}, then runs the write check on the updated row
     * in the same transaction: the user must still be allowed to write those members in it, else the update is
     * rolled back.
     *
     * @param table the entity's table
     * @param object the object with its key and the new values
     * @param changedMembers the names of the members to store, at least one; not the key
     * @param <T> the entity type
     * @return the object as stored, read back as the user sees it
     * @throws AccessDeniedException when the user may not write the members of this object (whether it does not
     *     exist or is out of reach, the message is the same), or the write check fails; nothing is changed
     * @throws NoSuchElementException for a context that does not enforce data access, when there is no such
     *     object
     * @throws IllegalArgumentException for no members, an unknown member, one without a column, or the key
     */
    public <T> T update(EntityTable<T> table, T object, String... changedMembers) {
        SecurityContext ctx = context();
        int[] members = changedMembers(table, changedMembers);
        return write("update " + table.entityName(), connection -> update(connection, ctx, table, object, members));
    }

    /**
     * Updates the same members of several objects, all or none, as {@link #update} does each.
     *
     * @param table the entity's table
     * @param objects the objects
     * @param changedMembers the names of the members to store
     * @param <T> the entity type
     * @return the objects as stored, in the same order
     * @throws AccessDeniedException when the rules deny one of them; none is changed
     */
    public <T> List<T> updateAll(EntityTable<T> table, Collection<? extends T> objects, String... changedMembers) {
        SecurityContext ctx = context();
        int[] members = changedMembers(table, changedMembers);
        List<T> copy = List.copyOf(objects);
        return write("update " + table.entityName() + " objects", connection -> {
            List<T> stored = new ArrayList<>();
            for (T object : copy) {
                stored.add(update(connection, ctx, table, object, members));
            }
            return stored;
        });
    }

    /**
     * Deletes an object with one statement, {@code DELETE FROM table WHERE key = ? AND <delete filter>}.
     *
     * @param table the entity's table
     * @param key the object's key
     * @param <T> the entity type
     * @throws AccessDeniedException when the user may not delete it, whether it does not exist or is out of reach
     * @throws NoSuchElementException for a context that does not enforce data access, when there is no such
     *     object
     */
    public <T> void delete(EntityTable<T> table, Object key) {
        SecurityContext ctx = context();
        Object id = keyValue(table, key);
        write("delete " + table.entityName(), connection -> {
            delete(connection, ctx, table, id);
            return null;
        });
    }

    /**
     * Deletes objects, all or none, as {@link #delete} does each.
     *
     * @param table the entity's table
     * @param keys the objects' keys
     * @param <T> the entity type
     * @throws AccessDeniedException when the user may not delete one of them; none is deleted
     */
    public <T> void deleteAll(EntityTable<T> table, Collection<?> keys) {
        SecurityContext ctx = context();
        List<Object> ids = new ArrayList<>();
        for (Object key : keys) {
            ids.add(keyValue(table, key));
        }
        write("delete " + table.entityName() + " objects", connection -> {
            for (Object id : ids) {
                delete(connection, ctx, table, id);
            }
            return null;
        });
    }

    /**
     * Runs work in one transaction: every operation of this data source on this thread inside it, for any
     * context, joins it. It commits when the work returns and rolls back when it throws. Nested calls join the
     * outer transaction.
     *
     * @param work the work
     * @param <R> what it returns
     * @return what the work returned
     * @throws DataAccessException when the database fails; a {@link RuntimeException} of the work is rethrown as
     *     it is, a checked exception wrapped in an {@link IllegalStateException}
     */
    public <R> R inTransaction(TransactionWork<R> work) {
        Objects.requireNonNull(work, "work");
        if (source.transaction.get() != null) {
            return runWork(work);
        }
        Connection connection;
        try {
            connection = source.dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("begin a transaction", e);
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            source.transaction.set(connection);
            try {
                R result = runWork(work);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                source.transaction.remove();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("run a transaction", e);
        }
    }

    private static <R> R runWork(TransactionWork<R> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The transaction's work failed", e);
        }
    }

    // ------------------------------------------------------------------------------------- write statements

    private <T> T insert(Connection connection, SecurityContext ctx, EntityTable<T> table, T object)
            throws SQLException {
        Objects.requireNonNull(object, "object");
        QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect(connection));
        EntityRules<T> rules = table.rules();
        if (!filter.canCreate()) {
            throw rules.denial(ctx, null, Operation.CREATE, -1);
        }
        Object[] values = new Object[rules.memberCount()];
        for (int member : table.columnMembers()) {
            values[member] = table.value(object, member);
        }
        int owner = table.ownerMember().orElse(-1);
        if (owner >= 0 && (ctx.userId() != null || ctx.enforcesDataAccess())) {
            values[owner] = ownerValue(table, ctx, owner);
        }
        List<Integer> written = new ArrayList<>();
        StringJoiner columns = new StringJoiner(", ");
        SqlFragment.Builder valueList = SqlFragment.builder();
        for (int member : table.columnMembers()) {
            if (values[member] == null) {
                continue;
            }
            if (member != table.keyMember() && member != owner) {
                if (filter.writeAccess(member) == QueryFilter.Access.NEVER) {
                    throw rules.denial(ctx, object, Operation.WRITE, member);
                }
                written.add(member);
            }
            columns.add(table.column(member));
            valueList.sql(valueList.isEmpty() ? "" : ", ").value(values[member], table.columnType(member));
        }
        String insert = "INSERT INTO " + table.tableName()
                + (columns.length() == 0 ? " DEFAULT VALUES" : " (" + columns + ") VALUES (");
        SqlFragment sql = columns.length() == 0 ? SqlFragment.of(insert)
                : SqlFragment.builder().sql(insert).append(valueList.build()).sql(")").build();
        Object key = values[table.keyMember()];
        boolean generated = key == null;
        try (PreparedStatement statement = generated
                ? connection.prepareStatement(sql.sql(), filter.dialect().generatedKeyColumns(table.keyColumn()))
                : connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, filter.dialect());
            statement.executeUpdate();
            if (generated) {
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("The database generated no key for the new "
                                + table.entityName() + "; give the object a key or make the key column generated");
                    }
                    key = filter.dialect().read(keys, 1, table.columnType(table.keyMember()));
                }
            }
        }
        int[] checked = written.stream().mapToInt(Integer::intValue).toArray();
        SqlFragment check = checked.length == 0 ? filter.createCheck()
                : SqlFragment.builder().append(filter.createCheck()).sql(" AND ")
                        .append(filter.writeCheck(checked)).build();
        Optional<T> stored = selectChecked(connection, filter, key, check);
        if (stored.isEmpty()) {
            throw writeCheckFailure(connection, filter, key, object, Operation.CREATE, checked);
        }
        return stored.get();
    }

    private static Object ownerValue(EntityTable<?> table, SecurityContext ctx, int owner) {
        Object userId = ctx.userId();
        if (userId != null && !table.columnType(owner).isInstance(userId)) {
            throw new IllegalStateException("The owner '" + table.rules().memberName(owner) + "' of "
                    + table.entityName() + " is a " + table.columnType(owner).getName() + ", but user ids are "
                    + userId.getClass().getName());
        }
        return userId;
    }

    private <T> T update(Connection connection, SecurityContext ctx, EntityTable<T> table, T object, int[] members)
            throws SQLException {
        Objects.requireNonNull(object, "object");
        QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect(connection));
        EntityRules<T> rules = table.rules();
        for (int member : members) {
            if (filter.writeAccess(member) == QueryFilter.Access.NEVER) {
                throw rules.denial(ctx, object, Operation.WRITE, member);
            }
        }
        Object key = keyValue(table, table.value(object, table.keyMember()));
        SqlFragment.Builder sql = SqlFragment.builder().sql("UPDATE " + table.tableName() + " AS " + ALIAS + " SET ");
        for (int i = 0; i < members.length; i++) {
            sql.sql((i == 0 ? "" : ", ") + table.column(members[i]) + " = ")
                    .value(table.value(object, members[i]), table.columnType(members[i]));
        }
        sql.sql(" WHERE ").append(keyEquals(table, key)).sql(" AND ").append(filter.writeFilter(members));
        if (execute(connection, sql.build(), filter.dialect()) == 0) {
            throw notFound(ctx, table, Operation.WRITE, members);
        }
        Optional<T> stored = selectChecked(connection, filter, key, filter.writeCheck(members));
        if (stored.isEmpty()) {
            throw writeCheckFailure(connection, filter, key, object, Operation.WRITE, members);
        }
        return stored.get();
    }

    private <T> void delete(Connection connection, SecurityContext ctx, EntityTable<T> table, Object key)
            throws SQLException {
        QueryFilter<T> filter = table.filter(ctx, ALIAS, dialect(connection));
        SqlFragment sql = SqlFragment.builder().sql("DELETE FROM " + table.tableName() + " AS " + ALIAS + " WHERE ")
                .append(keyEquals(table, key)).sql(" AND ").append(filter.deleteFilter()).build();
        if (execute(connection, sql, filter.dialect()) == 0) {
            throw notFound(ctx, table, Operation.DELETE, new int[0]);
        }
    }

    /**
     * The exception for a write that changed no row. It must not tell an absent row from one the user cannot
     * reach, so it depends only on the context and the statement, never on the data.
     */
    private static RuntimeException notFound(SecurityContext ctx, EntityTable<?> table, Operation operation,
            int[] members) {
        String entity = table.entityName();
        if (!ctx.enforcesDataAccess()) {
            return new NoSuchElementException("There is no " + entity + " with this key");
        }
        EntityRules<?> rules = table.rules();
        String member = members.length == 0 ? null : rules.memberName(members[0]);
        if (ctx.deniedReason().isPresent()) {
            return rules.denial(ctx, null, operation, members.length == 0 ? -1 : members[0]);
        }
        String what = operation == Operation.DELETE ? "may delete"
                : "may write " + memberNames(rules, members);
        return new AccessDeniedException(entity, member, operation, "there is no " + entity + " with this key that "
                + "user roles " + ctx.userRoles() + " " + what);
    }

    /**
     * The exception for a stored row that fails the write check, naming the first part of the check that fails:
     * the create check, or the write check of a member.
     */
    private static <T> AccessDeniedException writeCheckFailure(Connection connection, QueryFilter<T> filter,
            Object key, T object, Operation operation, int[] members) throws SQLException {
        EntityTable<T> table = filter.table();
        List<SqlFragment> parts = new ArrayList<>();
        if (operation == Operation.CREATE) {
            parts.add(filter.createCheck());
        }
        for (int member : members) {
            parts.add(filter.writeCheck(member));
        }
        SqlFragment.Builder sql = SqlFragment.builder().sql("SELECT ");
        for (int i = 0; i < parts.size(); i++) {
            sql.sql(i == 0 ? "CASE WHEN " : ", CASE WHEN ").append(parts.get(i)).sql(" THEN 1 ELSE 0 END");
        }
        sql.sql(" FROM " + table.tableName() + " " + ALIAS + " WHERE ").append(keyEquals(table, key));
        int failed = 0;
        SqlFragment query = sql.build();
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            query.bind(statement, 1, filter.dialect());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    while (failed < parts.size() - 1 && row.getInt(failed + 1) == 1) {
                        failed++;
                    }
                }
            }
        }
        String entity = table.entityName();
        SecurityContext ctx = filter.context();
        if (operation == Operation.CREATE && failed == 0) {
            return new AccessDeniedException(entity, null, Operation.CREATE, "the write check failed: no rule that "
                    + "gives user roles " + ctx.userRoles() + " create holds for the new object");
        }
        int member = members[operation == Operation.CREATE ? failed - 1 : failed];
        return new AccessDeniedException(entity, table.rules().memberName(member), Operation.WRITE,
                "the write check failed: no rule that gives user roles " + ctx.userRoles()
                        + " write access to it holds for the " + (operation == Operation.CREATE ? "new" : "updated")
                        + " object");
    }

    // ------------------------------------------------------------------------------------------------- parts

    /** The members a user-given query filters or sorts by must be readable; masked when only in some rows. */
    private static <T> SqlFragment memberExpression(QueryFilter<T> filter, String memberName) {
        EntityTable<T> table = filter.table();
        int member = memberIndex(table, memberName);
        if (filter.readAccess(member) == QueryFilter.Access.NEVER) {
            SecurityContext ctx = filter.context();
            if (ctx.deniedReason().isPresent()) {
                throw table.rules().denial(ctx, null, Operation.READ, member);
            }
            throw new AccessDeniedException(table.entityName(), memberName, Operation.READ, "no rule gives user roles "
                    + ctx.userRoles() + " read access to it, so a query may not filter or sort by it");
        }
        return filter.column(member);
    }

    private static int memberIndex(EntityTable<?> table, String memberName) {
        int member = table.rules().memberIndex(memberName);
        if (member < 0) {
            throw new IllegalArgumentException(table.entityName() + " has no member '" + memberName + "'");
        }
        if (!table.hasColumn(member)) {
            throw new IllegalArgumentException("Member '" + memberName + "' of " + table.entityName()
                    + " has no column to query");
        }
        return member;
    }

    private static <T> SqlFragment where(QueryFilter<T> filter, Query query) {
        SqlFragment.Builder where = SqlFragment.builder().sql(" WHERE ").append(filter.readFilter());
        for (Query.Condition condition : query.conditions()) {
            where.sql(" AND ").append(condition(filter, condition));
        }
        return where.build();
    }

    private static <T> SqlFragment condition(QueryFilter<T> filter, Query.Condition condition) {
        EntityTable<T> table = filter.table();
        SqlFragment expression = memberExpression(filter, condition.member());
        int member = memberIndex(table, condition.member());
        Class<?> type = table.columnType(member);
        SqlFragment.Builder sql = SqlFragment.builder().append(expression);
        Query.Op op = condition.op();
        if (op == Query.Op.IS_NULL || (op == Query.Op.EQ && condition.value() == null)) {
            return sql.sql(" IS NULL").build();
        }
        if (op == Query.Op.IS_NOT_NULL || (op == Query.Op.NE && condition.value() == null)) {
            return sql.sql(" IS NOT NULL").build();
        }
        if (op.isLike()) {
            if (type != String.class || !(condition.value() instanceof String)) {
                throw new IllegalArgumentException(op + " needs a text member and a text value: " + condition);
            }
            String literal = ((String) condition.value()).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            String pattern = (op == Query.Op.STARTS_WITH ? "" : "%") + literal + (op == Query.Op.ENDS_WITH ? "" : "%");
            return sql.sql(" LIKE ").value(pattern, String.class).sql(" ESCAPE '!'").build();
        }
        String operator;
        switch (op) {
            case EQ:
                operator = " = ";
                break;
            case NE:
                operator = " <> ";
                break;
            case LT:
                operator = " < ";
                break;
            case LE:
                operator = " <= ";
                break;
            case GT:
                operator = " > ";
                break;
            case GE:
                operator = " >= ";
                break;
            default:
                throw new AssertionError(op);
        }
        return sql.sql(operator).value(table.toColumnType(member, condition.value()), type).build();
    }

    /**
     * The query's sort keys, then the key, so that the order and the pages are stable; the key as the user may
     * read it, and not at all when the user may read it in no row.
     */
    private static <T> SqlFragment orderBy(QueryFilter<T> filter, Query query) {
        Dialect dialect = filter.dialect();
        List<SqlFragment> terms = new ArrayList<>();
        for (Query.Sort sort : query.sorts()) {
            boolean ascending = sort.direction() == Query.Direction.ASC;
            terms.add(SqlFragment.builder().append(memberExpression(filter, sort.member()))
                    .sql((ascending ? " ASC" : " DESC") + dialect.nullOrdering(ascending)).build());
        }
        int key = filter.table().keyMember();
        if (filter.readAccess(key) != QueryFilter.Access.NEVER) {
            terms.add(SqlFragment.builder().append(filter.column(key)).sql(" ASC").build());
        }
        SqlFragment.Builder order = SqlFragment.builder();
        for (SqlFragment term : terms) {
            order.sql(order.isEmpty() ? " ORDER BY " : ", ").append(term);
        }
        return order.build();
    }

    private static SqlFragment keyEquals(EntityTable<?> table, Object key) {
        return SqlFragment.builder().sql(ALIAS + "." + table.keyColumn() + " = ")
                .value(key, table.columnType(table.keyMember())).build();
    }

    private static Object keyValue(EntityTable<?> table, Object key) {
        if (key == null) {
            throw new IllegalArgumentException("The key of " + table.entityName() + " is null");
        }
        return table.toColumnType(table.keyMember(), key);
    }

    private static int[] changedMembers(EntityTable<?> table, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("Name the members to update");
        }
        Set<Integer> members = new LinkedHashSet<>();
        for (String name : names) {
            int member = memberIndex(table, Objects.requireNonNull(name, "member"));
            if (member == table.keyMember()) {
                throw new IllegalArgumentException("The key of " + table.entityName() + " cannot be updated");
            }
            members.add(member);
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String memberNames(EntityRules<?> rules, int[] members) {
        StringJoiner names = new StringJoiner(", ", "[", "]");
        Arrays.stream(members).forEach(member -> names.add(rules.memberName(member)));
        return names.toString();
    }

    /** The members a user may read in some row, selected in this order, and their select list. */
    private static final class Projection {
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
    }

    private static <T> List<T> select(Connection connection, SqlFragment sql, EntityTable<T> table,
            Projection projection, Dialect dialect) throws SQLException {
        List<T> objects = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Object[] values = new Object[table.rules().memberCount()];
                    for (int i = 0; i < projection.members.length; i++) {
                        int member = projection.members[i];
                        values[member] = dialect.read(row, i + 1, table.columnType(member));
                    }
                    objects.add(table.read(values));
                }
            }
        }
        return objects;
    }

    /** The stored row as the user sees it, if it passes a check. */
    private static <T> Optional<T> selectChecked(Connection connection, QueryFilter<T> filter, Object key,
            SqlFragment check) throws SQLException {
        EntityTable<T> table = filter.table();
        Projection projection = new Projection(filter);
        SqlFragment sql = SqlFragment.builder()
                .sql("SELECT ").append(projection.list).sql(" FROM " + table.tableName() + " " + ALIAS)
                .sql(" WHERE ").append(keyEquals(table, key)).sql(" AND ").append(check).build();
        List<T> rows = select(connection, sql, table, projection, filter.dialect());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static int execute(Connection connection, SqlFragment sql, Dialect dialect) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            return statement.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------- transactions

    /** Runs reads on the transaction's connection, or on a connection of their own. */
    private <R> R read(String what, SqlWork<R> work) {
        Connection joined = source.transaction.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = source.dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /**
     * Runs writes in a transaction of their own, or inside the current one up to a savepoint, and rolls back
     * everything they did when they throw.
     */
    private <R> R write(String what, SqlWork<R> work) {
        Connection joined = source.transaction.get();
        try {
            if (joined != null) {
                Savepoint savepoint = joined.setSavepoint();
                try {
                    R result = work.run(joined);
                    joined.releaseSavepoint(savepoint);
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    joined.rollback(savepoint);
                    throw e;
                }
            }
            try (Connection connection = source.dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    R result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "WardenData[" + (source.dialect == null ? "dialect not detected yet" : source.dialect.name())
                + (context == null ? ", current context" : ", " + context) + "]";
    }
}
