package dev.warden.runtime.data;

import static dev.warden.runtime.data.Statements.ALIAS;
import static dev.warden.runtime.data.Statements.keyEquals;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.SystemMembers;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.runtime.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * The insert, update and delete statements of {@link WardenData}, each followed by its write check: the rules in
 * the {@code WHERE} of every update and delete, the write check on the stored row, and the exceptions that say
 * what the rules deny. They run inside the transaction {@link Transactions#write} gives them and throw to have it
 * rolled back. Stateless.
 */
final class WriteStatements {
    private WriteStatements() {}

    /**
     * {@code INSERT INTO table (...) VALUES (...)} of the members given a value, then the create check and the write
     * check of those members on the new row.
     */
    static <T> T insert(Connection connection, QueryFilter<T> filter, T object, TableSchema schema)
            throws SQLException {
        Objects.requireNonNull(object, "object");
        EntityTable<T> table = filter.table();
        SecurityContext ctx = filter.context();
        EntityRules<T, ?> rules = table.rules();
        EntityRules<? extends T, ?> judge = rules.rulesFor(object);
        if (judge != rules) {
            // Its rules are the specialization's (security model §6), and its row needs the specialization's
            // columns and discriminator: stored through this table it would become a row of this entity.
            throw new IllegalArgumentException("The object is a " + judge.entityName() + ", which has rules and a "
                    + "table of its own: insert it through " + judge.entityName() + "Table, not through the table of "
                    + table.entityName());
        }
        if (!filter.canCreate()) {
            throw rules.denial(ctx, null, Operation.CREATE, -1);
        }
        Object[] values = new Object[rules.memberCount()];
        for (int member : table.columnMembers()) {
            values[member] = table.value(object, member);
        }
        // The owner, changedBy, the dates and the presets: what Warden fills in, whatever the caller put there.
        for (int member : table.columnMembers()) {
            values[member] = filledValue(table, ctx, member, true, values[member]);
        }
        // The one create check (security model §6): what the caller set needs the right to write it, the key
        // included; the write check on the stored row below covers the constraints.
        MemberSet set = ctx.enforcesDataAccess() ? rules.membersSetOn(object) : MemberSet.none();
        List<Integer> written = new ArrayList<>();
        for (int member = 0; member < rules.memberCount(); member++) {
            if (set.contains(member)) {
                if (filter.writeAccess(member) == QueryFilter.Access.NEVER) {
                    throw rules.denial(ctx, object, Operation.WRITE, member);
                }
                written.add(member);
            }
        }
        int keyMember = table.keyMember();
        Object key = values[keyMember];
        boolean keyMade = key == null;
        if (keyMade && table.keyGeneration().isPresent()) {
            key = newKey(connection, filter, table.keyGeneration().get());
            values[keyMember] = key;
        }
        OptionalInt version = table.versionMember();
        if (version.isPresent() && (values[version.getAsInt()] == null || ctx.enforcesDataAccess())) {
            // a new row's version, as Hibernate starts it, whatever the caller put there
            values[version.getAsInt()] = versionValue(table.columnType(version.getAsInt()), 0);
        }
        for (int member : table.columnMembers()) {
            schema.checkWrite(member, table.toStored(member, values[member]), true);
        }
        checkAssociationsVisible(connection, filter, values, written.stream().mapToInt(Integer::intValue).toArray());
        StringJoiner columns = new StringJoiner(", ");
        SqlFragment.Builder valueList = SqlFragment.builder();
        for (int member : table.columnMembers()) {
            if (values[member] == null) {
                continue;
            }
            columns.add(table.column(member));
            valueList.sql(valueList.isEmpty() ? "" : ", ").value(table.toStored(member, values[member]),
                    table.storedType(member));
        }
        if (table.discriminatorColumn().isPresent()) {
            columns.add(table.discriminatorColumn().get());
            valueList.sql(valueList.isEmpty() ? "" : ", ").value(table.discriminatorValue().orElseThrow(), String.class);
        }
        String insert = "INSERT INTO " + table.tableName()
                + (columns.length() == 0 ? " DEFAULT VALUES" : " (" + columns + ") VALUES (");
        SqlFragment sql = columns.length() == 0 ? SqlFragment.of(insert)
                : SqlFragment.builder().sql(insert).append(valueList.build()).sql(")").build();
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
        Optional<T> stored = storedRow(connection, filter, key, check);
        if (stored.isEmpty()) {
            throw writeCheckFailure(connection, filter, key, Operation.CREATE, checked);
        }
        // as JPA's persist does: the object given gets the key made for it and the version it starts with
        if (keyMade) {
            setIfSettable(table, object, keyMember, key);
        }
        if (version.isPresent()) {
            setIfSettable(table, object, version.getAsInt(), values[version.getAsInt()]);
        }
        return stored.get();
    }

    /** The key of a new object that has none: the next value of its sequence, or a random UUID. */
    private static Object newKey(Connection connection, QueryFilter<?> filter, EntityTable.KeyGeneration generation)
            throws SQLException {
        EntityTable<?> table = filter.table();
        Class<?> type = table.columnType(table.keyMember());
        switch (generation.strategy()) {
            case UUID:
                return table.toColumnType(table.keyMember(), java.util.UUID.randomUUID());
            case SEQUENCE:
                // The value itself, whatever the sequence's increment: Hibernate's pooled optimizers take the values
                // of a block on one side of each value the sequence hands out, never the value of another caller.
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + filter.dialect().nextValue(generation.sequence()));
                        ResultSet row = statement.executeQuery()) {
                    row.next();
                    return table.toColumnType(table.keyMember(), row.getLong(1));
                }
            default:
                return null; // IDENTITY: the database fills the column in, read back as the generated key
        }
    }

    /** A whole number of a version member's type. */
    private static Object versionValue(Class<?> type, long value) {
        if (type == Integer.class) {
            return Math.toIntExact(value);
        }
        return type == Short.class ? (Object) (short) value : (Object) value;
    }

    /** Sets a member on an object the caller passed, unless it cannot be set (a record component). */
    private static <T> void setIfSettable(EntityTable<T> table, T object, int member, Object value) {
        if (!table.rules().isReadOnly(member)) {
            table.rules().setValue(object, member, value);
        }
    }

    /** The value Warden fills a member's column with (see {@link EntityRules#filledValue}), of the column's type. */
    private static Object filledValue(EntityTable<?> table, SecurityContext ctx, int member, boolean create,
            Object current) {
        EntityRules<?, ?> rules = table.rules();
        if (rules.systemMember(member).isEmpty()) {
            return current;
        }
        Object value = rules.filledValue(ctx, member, create, current);
        if (value != null && !table.columnType(member).isInstance(value)) {
            throw new IllegalStateException("The " + rules.systemMember(member).get().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' ') + " '" + rules.memberName(member) + "' of "
                    + table.entityName() + " is a " + table.columnType(member).getName() + ", but Warden fills it "
                    + "with a " + value.getClass().getName());
        }
        return value;
    }

    /**
     * {@code UPDATE table AS t SET ... WHERE t.key = ? AND <write filter>}, then the write check of the members on
     * the updated row.
     */
    static <T> T update(Connection connection, QueryFilter<T> filter, T object, int[] members, TableSchema schema)
            throws SQLException {
        Objects.requireNonNull(object, "object");
        EntityTable<T> table = filter.table();
        SecurityContext ctx = filter.context();
        EntityRules<T, ?> rules = table.rules();
        for (int member : members) {
            if (filter.writeAccess(member) == QueryFilter.Access.NEVER) {
                throw rules.denial(ctx, object, Operation.WRITE, member);
            }
        }
        Object key = Statements.keyValue(table, table.value(object, table.keyMember()));
        OptionalInt version = table.versionMember();
        Object expected = null;
        if (version.isPresent()) {
            expected = table.value(object, version.getAsInt());
            if (expected == null) {
                throw new IllegalArgumentException("The " + table.entityName() + " with key " + key + " has no "
                        + "version ('" + rules.memberName(version.getAsInt()) + "' is null): update an object read "
                        + "from the database, or insert a new one");
            }
        }
        Object[] values = new Object[rules.memberCount()];
        for (int member : members) {
            values[member] = table.value(object, member);
            schema.checkWrite(member, table.toStored(member, values[member]), false);
        }
        checkAssociationsVisible(connection, filter, values, members);
        SqlFragment.Builder sql = SqlFragment.builder().sql("UPDATE " + table.tableName() + " AS " + ALIAS + " SET ");
        for (int i = 0; i < members.length; i++) {
            sql.sql((i == 0 ? "" : ", ") + table.column(members[i]) + " = ")
                    .value(table.toStored(members[i], values[members[i]]), table.storedType(members[i]));
        }
        if (version.isPresent()) {
            String column = table.column(version.getAsInt());
            sql.sql(", " + column + " = " + ALIAS + "." + column + " + 1");
        }
        // changedBy and the changed date go with every change (unless the system stores them itself)
        for (int stamped : table.columnMembers()) {
            boolean onUpdate = rules.systemMember(stamped).map(SystemMembers.Kind::onUpdate).orElse(false);
            if (onUpdate && !contains(members, stamped)) {
                sql.sql(", " + table.column(stamped) + " = ").value(
                        filledValue(table, ctx, stamped, false, table.value(object, stamped)),
                        table.columnType(stamped));
            }
        }
        sql.sql(" WHERE ").append(keyEquals(table, key));
        if (version.isPresent()) {
            int member = version.getAsInt();
            sql.sql(" AND " + ALIAS + "." + table.column(member) + " = ").value(expected, table.columnType(member));
        }
        sql.sql(" AND ").append(RowLocks.lockingSubQueries(filter.writeFilter(members), filter.dialect()));
        int changed = Statements.execute(connection, sql.build(), filter.dialect());
        if (changed == 0) {
            if (version.isPresent() && writable(connection, filter, key, members)) {
                // the user may write the row: only its version stopped the update
                throw new StaleObjectException(table.entityName(), rules.memberName(version.getAsInt()), key);
            }
            throw notFound(ctx, table, Operation.WRITE, members);
        }
        requireOneRow(table, changed, "update");
        Optional<T> stored = storedRow(connection, filter, key, filter.writeCheck(members));
        if (stored.isEmpty()) {
            throw writeCheckFailure(connection, filter, key, Operation.WRITE, members);
        }
        if (version.isPresent()) {
            int member = version.getAsInt();
            Object next = versionValue(table.columnType(member), ((Number) expected).longValue() + 1);
            setIfSettable(table, object, member, next);
            setIfSettable(table, stored.get(), member, next);
        }
        return stored.get();
    }

    /** Whether the row with a key is there and passes the write filter of the members. */
    private static <T> boolean writable(Connection connection, QueryFilter<T> filter, Object key, int[] members)
            throws SQLException {
        SqlFragment sql = SqlFragment.builder().sql("SELECT 1 FROM " + filter.table().tableName() + " " + ALIAS
                + " WHERE ").append(keyEquals(filter.table(), key)).sql(" AND ").append(filter.writeFilter(members))
                .build();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, filter.dialect());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** {@code DELETE FROM table AS t WHERE t.key = ? AND <delete filter>}. */
    static <T> void delete(Connection connection, QueryFilter<T> filter, Object key) throws SQLException {
        SqlFragment sql = SqlFragment.builder()
                .sql("DELETE FROM " + filter.table().tableName() + " AS " + ALIAS + " WHERE ")
                .append(keyEquals(filter.table(), key)).sql(" AND ")
                .append(RowLocks.lockingSubQueries(filter.deleteFilter(), filter.dialect())).build();
        int deleted = Statements.execute(connection, sql, filter.dialect());
        if (deleted == 0) {
            throw notFound(filter.context(), filter.table(), Operation.DELETE, new int[0]);
        }
        requireOneRow(filter.table(), deleted, "delete");
    }

    /**
     * The stored row with a key, as the user sees it, if it passes a check (the create or write check), which locks
     * the other rows it reads ({@link RowLocks}). The check is judged on the one row with the key: when the key
     * column holds the key more than once, another row must not pass the check for it, so that fails.
     */
    private static <T> Optional<T> storedRow(Connection connection, QueryFilter<T> filter, Object key,
            SqlFragment check) throws SQLException {
        List<Statements.Checked<T>> rows = Statements.selectByKeyWithCheck(connection, filter, key,
                RowLocks.lockingSubQueries(check, filter.dialect()));
        requireOneRow(filter.table(), rows.size(), "check");
        return rows.isEmpty() || !rows.get(0).passed() ? Optional.empty() : Optional.of(rows.get(0).object());
    }

    /**
     * Fails, so that the write is rolled back, when a statement by key found more than one row: the key column is
     * not unique, and a write or check meant for one object must not reach others.
     */
    static void requireOneRow(EntityTable<?> table, int rows, String what) {
        if (rows > 1) {
            throw new IllegalStateException("The " + what + " of one " + table.entityName() + " by its key found "
                    + rows + " rows in " + table.tableName() + ": its key column " + table.keyColumn()
                    + " is not unique, so nothing was changed; make it the primary key or unique");
        }
    }

    /**
     * Every to-one association a write sets must point to an object the user can see (security model, section 6,
     * the one create check; the proxy checks the same in memory). An absent object and one out of the user's reach
     * get the same exception, so the database's foreign-key error never tells them apart. The row found is locked
     * as a foreign-key check locks it, with the rows its read filter reads ({@link RowLocks}), so that it stays
     * visible until the write commits.
     */
    private static <T> void checkAssociationsVisible(Connection connection, QueryFilter<T> filter, Object[] values,
            int[] members) throws SQLException {
        SecurityContext ctx = filter.context();
        if (!ctx.enforcesDataAccess()) {
            return;
        }
        EntityTable<T> table = filter.table();
        EntityRules<T, ?> rules = table.rules();
        for (int member : members) {
            Optional<Class<?>> target = rules.associatedEntity(member);
            if (target.isEmpty() || values[member] == null) {
                continue;
            }
            EntityTable<?> targetTable = EntityTable.forClass(target.get()).orElseThrow(() -> new IllegalStateException(
                    "Member '" + rules.memberName(member) + "' of " + table.entityName() + " refers to "
                            + target.get().getName() + ", which has no generated table"));
            QueryFilter<?> targetFilter = targetTable.filter(ctx, ALIAS, filter.dialect());
            SqlFragment sql = SqlFragment.builder().sql("SELECT 1 FROM " + targetTable.tableName() + " " + ALIAS
                    + " WHERE ").append(keyEquals(targetTable, targetTable.toColumnType(targetTable.keyMember(),
                            values[member])))
                    .sql(" AND ").append(RowLocks.lockingSubQueries(targetFilter.readFilter(), filter.dialect()))
                    .sql(RowLocks.clause(filter.dialect())).build();
            boolean found;
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                sql.bind(statement, 1, filter.dialect());
                try (ResultSet row = statement.executeQuery()) {
                    found = row.next();
                }
            }
            if (!found) {
                throw new AccessDeniedException(table.entityName(), rules.memberName(member), Operation.WRITE,
                        "an object it would refer to is not visible to user roles " + ctx.userRoles());
            }
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
        EntityRules<?, ?> rules = table.rules();
        String member = members.length == 0 ? null : rules.memberName(members[0]);
        if (ctx.deniedReason().isPresent()) {
            return rules.denial(ctx, null, operation, members.length == 0 ? -1 : members[0]);
        }
        String what = operation == Operation.DELETE ? "may delete"
                : "may write " + Statements.memberNames(rules, members);
        return new AccessDeniedException(entity, member, operation, "there is no " + entity + " with this key that "
                + "user roles " + ctx.userRoles() + " " + what);
    }

    /**
     * The exception for a stored row that fails the write check, naming the first part of the check that fails:
     * the create check, or the write check of a member.
     */
    private static <T> AccessDeniedException writeCheckFailure(Connection connection, QueryFilter<T> filter,
            Object key, Operation operation, int[] members) throws SQLException {
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

    private static boolean contains(int[] members, int member) {
        for (int m : members) {
            if (m == member) {
                return true;
            }
        }
        return false;
    }
}
