package dev.warden.runtime.data;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.QueryFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Reads and writes secured entities over any {@link DataSource}, with the entity's rules inside every statement
 * (security model, sections 2 and 4). No ORM: each entity's {@link EntityTable} says how it is stored.
 *
 * <pre>{@code
 * WardenData data = WardenData.of(dataSource);
 * Optional<Order> order = data.find(OrderTable.TABLE, 10L);
 * List<Order> placed = data.list(OrderTable.TABLE,
 *         Query.where(OrderPolicy.Member.STATUS, Op.EQ, OrderStatus.PLACED).page(0, 20));
 * order.get().setNote("call first");
 * data.update(OrderTable.TABLE, order.get(), OrderPolicy.Member.NOTE);
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
 * fails. Over a {@link ConnectionProvider} that says a caller's transaction is active ({@link CallerTransaction},
 * a framework's transactions), operations take part in that transaction instead: Warden never commits or rolls
 * back what it did not begin, undoes a failed write up to a savepoint, and marks the caller's transaction
 * rollback-only when it denies a write. Instances are immutable and thread-safe.
 */
public final class WardenData {
    /** What all views of one data source share. */
    private static final class Source {
        final Transactions transactions;
        volatile Dialect dialect;
        /** The tables checked against the database, as it describes them. */
        final ConcurrentHashMap<EntityTable<?>, TableSchema> schemas = new ConcurrentHashMap<>();

        Source(Transactions transactions, Dialect dialect) {
            this.transactions = transactions;
            this.dialect = dialect;
        }
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
     * Data access over a data source whose dialect is detected from its first connection. Every operation takes a
     * connection of its own from it, and every write runs in a transaction of its own, unless it is inside
     * {@link #inTransaction}.
     *
     * @param dataSource the data source; H2 or PostgreSQL
     * @return the data access
     */
    public static WardenData of(DataSource dataSource) {
        return of(ConnectionProvider.of(dataSource));
    }

    /**
     * Data access over a data source with a given dialect.
     *
     * @param dataSource the data source
     * @param dialect its dialect
     * @return the data access
     */
    public static WardenData of(DataSource dataSource, Dialect dialect) {
        return of(ConnectionProvider.of(dataSource), dialect);
    }

    /**
     * Data access over the connections of a provider, taking part in the caller's transactions where the provider
     * says there is one (a {@link CallerTransaction}, a framework's transactions); the dialect is detected from its
     * first connection.
     *
     * @param connections where the connections come from and whose transaction they are in
     * @return the data access
     */
    public static WardenData of(ConnectionProvider connections) {
        return new WardenData(new Source(new Transactions(connections), null), null);
    }

    /**
     * Data access over the connections of a provider, with a given dialect.
     *
     * @param connections where the connections come from and whose transaction they are in
     * @param dialect the database's dialect
     * @return the data access
     */
    public static WardenData of(ConnectionProvider connections, Dialect dialect) {
        return new WardenData(new Source(new Transactions(connections), Objects.requireNonNull(dialect, "dialect")),
                null);
    }

    /**
     * The same data access acting for a given context instead of the current one. It shares the connections and
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
        return dialect != null ? dialect : source.transactions.read("detect the SQL dialect", this::dialect);
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

    /**
     * The entity's SQL filters for the user, in the dialect of a connection; the first use of a table checks it
     * against the database.
     */
    private <T> QueryFilter<T> filter(EntityTable<T> table, SecurityContext ctx, Connection connection)
            throws SQLException {
        schema(table, connection);
        return table.filter(ctx, Statements.ALIAS, dialect(connection));
    }

    /** The table as the database describes it, read and checked against the mapping on first use. */
    private TableSchema schema(EntityTable<?> table, Connection connection) throws SQLException {
        TableSchema schema = source.schemas.get(table);
        if (schema == null) {
            schema = TableSchema.read(connection, table, dialect(connection));
            source.schemas.putIfAbsent(table, schema);
        }
        return schema;
    }

    /**
     * Checks tables against the database, as the first use of each does (security model: Java and SQL must agree),
     * for an application to call at startup: each table and each column mapped must exist with a type that can
     * hold its member, and no column a rule's constraint uses may be blank-padded ({@code CHAR(n)}) or compare
     * without regard to case, since SQL would then match rows the rules in Java do not.
     *
     * @param tables the tables, for example {@code OrderTable.TABLE}
     * @throws SchemaMismatchException naming the entity and, per problem, the table and column
     * @throws DataAccessException when the database's metadata cannot be read
     */
    public void checkSchema(EntityTable<?>... tables) {
        List<EntityTable<?>> copy = List.of(tables);
        source.transactions.read("check the schema", connection -> {
            for (EntityTable<?> table : copy) {
                source.schemas.put(table, TableSchema.read(connection, table, dialect(connection)));
            }
            return null;
        });
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
        Object id = Statements.keyValue(table, key);
        return source.transactions.read("find " + table.entityName(),
                connection -> ReadStatements.find(connection, filter(table, ctx, connection), id));
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
     * @throws IllegalArgumentException when the query names a member of another entity, one without a column, or a
     *     value that does not fit
     * @throws DataAccessException when the database fails
     */
    public <T> List<T> list(EntityTable<T> table, Query query) {
        SecurityContext ctx = context();
        Objects.requireNonNull(query, "query");
        return source.transactions.read("list " + table.entityName(),
                connection -> ReadStatements.list(connection, filter(table, ctx, connection), query,
                        schema(table, connection)));
    }

    /**
     * Finds an object by its key, if the user may see it, wrapped in its generated proxy with the rights worked out in
     * SQL on the row as stored (so they agree with the read filter, also where a constraint follows an association
     * whose objects are not loaded: in memory such a constraint fails with {@code ConstraintFailedException}).
     * Changes through the proxy run the write check in memory; store them with {@link #update}.
     *
     * @param table the entity's table
     * @param key the key
     * @param <T> the entity type
     * @return the proxy; empty when there is no such object or the user may not see it
     */
    public <T> Optional<SecuredObject<T, ?>> findSecured(EntityTable<T> table, Object key) {
        SecurityContext ctx = context();
        Object id = Statements.keyValue(table, key);
        return source.transactions.read("find " + table.entityName(), connection -> SecuredReads
                .list(connection, filter(table, ctx, connection), Query.all(), id, schema(table, connection)).stream()
                .findFirst());
    }

    /**
     * The objects the user may see that match a query, each wrapped in its generated proxy with the rights worked out
     * in SQL, as {@link #findSecured} does.
     *
     * @param table the entity's table
     * @param query conditions, sort order and page
     * @param <T> the entity type
     * @return the proxies
     */
    public <T> List<SecuredObject<T, ?>> listSecured(EntityTable<T> table, Query query) {
        SecurityContext ctx = context();
        Objects.requireNonNull(query, "query");
        return source.transactions.read("list " + table.entityName(),
                connection -> SecuredReads.list(connection, filter(table, ctx, connection), query, null,
                        schema(table, connection)));
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
        return source.transactions.read("count " + table.entityName(),
                connection -> ReadStatements.count(connection, filter(table, ctx, connection), query,
                        schema(table, connection)));
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
     * @throws IllegalArgumentException when the object is of a secured specialization of the table's entity, which
     *     is judged by its own rules and inserted through its own table; nothing is stored
     */
    public <T> T insert(EntityTable<T> table, T object) {
        SecurityContext ctx = context();
        return source.transactions.write("insert " + table.entityName(),
                refusedAsDenied(table, Operation.CREATE, connection -> WriteStatements.insert(connection,
                        filter(table, ctx, connection), object, schema(table, connection))));
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
        return source.transactions.write("insert " + table.entityName() + " objects",
                refusedAsDenied(table, Operation.CREATE, connection -> {
            QueryFilter<T> filter = filter(table, ctx, connection);
            List<T> stored = new ArrayList<>();
            for (T object : copy) {
                stored.add(WriteStatements.insert(connection, filter, object, schema(table, connection)));
            }
            return stored;
        }));
    }

    /**
     * Updates some members of an object with one statement,
     * {@code UPDATE table SET ... WHERE key = ? AND <write filter>}, then runs the write check on the updated row
     * in the same transaction: the user must still be allowed to write those members in it, else the update is
     * rolled back.
     *
     * @param table the entity's table
     * @param object the object with its key and the new values
     * @param changedMembers the members to store, at least one, constants of the entity's {@code Member} enum; not
     *     the key
     * @param <T> the entity type
     * @return the object as stored, read back as the user sees it
     * @throws AccessDeniedException when the user may not write the members of this object (whether it does not
     *     exist or is out of reach, the message is the same), or the write check fails; nothing is changed
     * @throws NoSuchElementException for a context that does not enforce data access, when there is no such
     *     object
     * @throws IllegalArgumentException for no members, a member of another entity, one without a column, or the
     *     key
     */
    public <T> T update(EntityTable<T> table, T object, EntityMember... changedMembers) {
        SecurityContext ctx = context();
        int[] members = Members.changed(table, changedMembers);
        return source.transactions.write("update " + table.entityName(),
                refusedAsDenied(table, Operation.WRITE, connection -> WriteStatements.update(connection,
                        filter(table, ctx, connection), object, members, schema(table, connection))));
    }

    /**
     * Updates the same members of several objects, all or none, as {@link #update} does each.
     *
     * @param table the entity's table
     * @param objects the objects
     * @param changedMembers the members to store
     * @param <T> the entity type
     * @return the objects as stored, in the same order
     * @throws AccessDeniedException when the rules deny one of them; none is changed
     * @throws IllegalArgumentException as for {@link #update}
     */
    public <T> List<T> updateAll(EntityTable<T> table, Collection<? extends T> objects,
            EntityMember... changedMembers) {
        SecurityContext ctx = context();
        int[] members = Members.changed(table, changedMembers);
        List<T> copy = List.copyOf(objects);
        return source.transactions.write("update " + table.entityName() + " objects",
                refusedAsDenied(table, Operation.WRITE, connection -> {
            QueryFilter<T> filter = filter(table, ctx, connection);
            List<T> stored = new ArrayList<>();
            for (T object : copy) {
                stored.add(WriteStatements.update(connection, filter, object, members, schema(table, connection)));
            }
            return stored;
        }));
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
        Object id = Statements.keyValue(table, key);
        source.transactions.write("delete " + table.entityName(),
                refusedAsDenied(table, Operation.DELETE, connection -> {
            WriteStatements.delete(connection, filter(table, ctx, connection), id);
            return null;
        }));
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
            ids.add(Statements.keyValue(table, key));
        }
        source.transactions.write("delete " + table.entityName() + " objects",
                refusedAsDenied(table, Operation.DELETE, connection -> {
            QueryFilter<T> filter = filter(table, ctx, connection);
            for (Object id : ids) {
                WriteStatements.delete(connection, filter, id);
            }
            return null;
        }));
    }

    /** SQLState of a refusal by the database's privileges or its row-level security policies. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /**
     * The database's own refusal of a write (a row-level security policy, a missing privilege: SQLState 42501) as
     * the denial it is, an {@link AccessDeniedException} naming the entity and the operation, with the database's
     * error as its cause; other failures stay {@link DataAccessException}s.
     */
    private static <R> Transactions.SqlWork<R> refusedAsDenied(EntityTable<?> table, Operation operation,
            Transactions.SqlWork<R> work) {
        return connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e;
                }
                AccessDeniedException denial = new AccessDeniedException(table.entityName(), null, operation,
                        "the database refused it (SQLState 42501: its row-level security policies or privileges)");
                denial.initCause(e);
                throw denial;
            }
        };
    }

    /**
     * Runs work in one transaction: every operation of this data access on this thread inside it, for any
     * context, joins it. It commits when the work returns and rolls back when it throws. Nested calls join the
     * outer transaction. A write in it that fails is undone up to its savepoint and the rest of the transaction
     * goes on; a write that could not be undone makes the whole transaction roll back.
     *
     * <p>When the connection provider says the caller has a transaction active (a {@link CallerTransaction}, a
     * framework's transaction), the work takes part in that one instead: nothing is committed or rolled back here,
     * and when the work throws, the caller's transaction is marked rollback-only
     * ({@link ConnectionProvider#setRollbackOnly}).
     *
     * @param work the work
     * @param <R> what it returns
     * @return what the work returned
     * @throws DataAccessException when the database fails; a {@link RuntimeException} of the work is rethrown as
     *     it is, a checked exception wrapped in an {@link IllegalStateException}
     * @throws IllegalStateException when a write in it could not be undone to its savepoint: the transaction was
     *     rolled back
     */
    public <R> R inTransaction(TransactionWork<R> work) {
        return source.transactions.inTransaction(work);
    }

    @Override
    public String toString() {
        return "WardenData[" + (source.dialect == null ? "dialect not detected yet" : source.dialect.name())
                + (context == null ? ", current context" : ", " + context) + "]";
    }
}
