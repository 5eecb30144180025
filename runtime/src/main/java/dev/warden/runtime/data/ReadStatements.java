package dev.warden.runtime.data;

import static dev.warden.runtime.data.Statements.ALIAS;

import dev.warden.runtime.AccessDeniedException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The select and count statements of {@link WardenData}: the read filter in the {@code WHERE}, the masked
 * projection, the caller's conditions and sort keys on the values as the user sees them. Stateless.
 */
final class ReadStatements {
    private ReadStatements() {}

    /** {@code SELECT <projection> FROM table t WHERE t.key = ? AND <read filter>}. */
    static <T> Optional<T> find(Connection connection, QueryFilter<T> filter, Object key) throws SQLException {
        return Statements.selectByKey(connection, filter, key, filter.readFilter());
    }

    /** {@code SELECT <projection> FROM table t WHERE <read filter> AND <conditions> ORDER BY ... <page>}. */
    static <T> List<T> list(Connection connection, QueryFilter<T> filter, Query query, TableSchema schema)
            throws SQLException {
        EntityTable<T> table = filter.table();
        Dialect dialect = filter.dialect();
        Statements.Projection projection = new Statements.Projection(filter);
        SqlFragment.Builder sql = SqlFragment.builder()
                .sql("SELECT ").append(projection.list).sql(" FROM " + table.tableName() + " " + ALIAS)
                .append(where(filter, query, schema))
                .append(orderBy(filter, query));
        if (query.limit().isPresent()) {
            sql.sql(" ").append(dialect.paging(query.offset().getAsLong(), query.limit().getAsInt()));
        }
        return Statements.select(connection, sql.build(), table, projection, dialect);
    }

    /** {@code SELECT COUNT(*) FROM table t WHERE <read filter> AND <conditions>}. */
    static <T> long count(Connection connection, QueryFilter<T> filter, Query query, TableSchema schema)
            throws SQLException {
        SqlFragment sql = SqlFragment.builder()
                .sql("SELECT COUNT(*) FROM " + filter.table().tableName() + " " + ALIAS).append(where(filter, query, schema))
                .build();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, filter.dialect());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The members a user-given query filters or sorts by must be readable; masked when only in some rows. */
    private static <T> SqlFragment memberExpression(QueryFilter<T> filter, int member) {
        if (filter.readAccess(member) == QueryFilter.Access.NEVER) {
            EntityTable<T> table = filter.table();
            SecurityContext ctx = filter.context();
            if (ctx.deniedReason().isPresent()) {
                throw table.rules().denial(ctx, null, Operation.READ, member);
            }
            throw new AccessDeniedException(table.entityName(), table.rules().memberName(member), Operation.READ,
                    "no rule gives user roles " + ctx.userRoles() + " read access to it, so a query may not filter "
                            + "or sort by it");
        }
        return filter.column(member);
    }

    /** The read filter and the query's conditions, their values checked against the columns. */
    static <T> SqlFragment where(QueryFilter<T> filter, Query query, TableSchema schema) {
        SqlFragment.Builder where = SqlFragment.builder().sql(" WHERE ").append(filter.readFilter());
        for (Query.Condition condition : query.conditions()) {
            where.sql(" AND ").append(condition(filter, condition, schema));
        }
        return where.build();
    }

    private static <T> SqlFragment condition(QueryFilter<T> filter, Query.Condition condition,
            TableSchema schema) {
        EntityTable<T> table = filter.table();
        int member = Members.column(table, condition.member());
        SqlFragment expression = memberExpression(filter, member);
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
        Object value = table.toColumnType(member, condition.value());
        schema.checkQueryValue(member, value);
        return sql.sql(comparison(op)).value(table.toStored(member, value), table.storedType(member)).build();
    }

    private static String comparison(Query.Op op) {
        switch (op) {
            case EQ:
                return " = ";
            case NE:
                return " <> ";
            case LT:
                return " < ";
            case LE:
                return " <= ";
            case GT:
                return " > ";
            case GE:
                return " >= ";
            default:
                throw new AssertionError(op);
        }
    }

    /**
     * The query's sort keys, then the key, so that the order and the pages are stable; the key as the user may
     * read it, and not at all when the user may read it in no row.
     */
    static <T> SqlFragment orderBy(QueryFilter<T> filter, Query query) {
        Dialect dialect = filter.dialect();
        List<SqlFragment> terms = new ArrayList<>();
        for (Query.Sort sort : query.sorts()) {
            boolean ascending = sort.direction() == Query.Direction.ASC;
            int member = Members.column(filter.table(), sort.member());
            terms.add(SqlFragment.builder().append(memberExpression(filter, member))
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
}
