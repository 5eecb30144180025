package dev.warden.runtime.data;

import static dev.warden.runtime.data.Statements.ALIAS;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecuredObject;
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
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads that hand out secured proxies whose rights were worked out in SQL, on the rows as stored: the select has, next
 * to the masked projection, one column per constrained rule that applies to the user saying whether it holds for the
 * row. The rights then agree with the read filter and the masking of the same statement, also where a constraint
 * follows an association whose objects the data layer does not load. Stateless.
 */
final class SecuredReads {
    private SecuredReads() {}

    static <T> List<SecuredObject<T, ?>> list(Connection connection, QueryFilter<T> filter, Query query,
            Object keyOrNull, TableSchema schema) throws SQLException {
        EntityTable<T> table = filter.table();
        EntityRules<T, ?> rules = table.rules();
        SecurityContext ctx = filter.context();
        Dialect dialect = filter.dialect();
        Statements.Projection projection = new Statements.Projection(filter);
        List<Integer> flagged = new ArrayList<>();
        BitSet always = new BitSet();
        SqlFragment.Builder select = SqlFragment.builder().sql("SELECT ").append(projection.list);
        if (filter.enforces()) {
            for (int rule = 1; rule <= rules.ruleCount(); rule++) {
                Optional<SqlFragment> condition = filter.ruleCondition(rule);
                if (condition.isEmpty()) {
                    continue;
                }
                if (!rules.ruleHasConstraint(rule)) {
                    always.set(rule);
                } else {
                    select.sql(", CASE WHEN ").append(condition.get()).sql(" THEN 1 ELSE 0 END");
                    flagged.add(rule);
                }
            }
        }
        select.sql(" FROM " + table.tableName() + " " + ALIAS);
        if (keyOrNull != null) {
            select.sql(" WHERE ").append(Statements.keyEquals(table, keyOrNull)).sql(" AND ")
                    .append(filter.readFilter());
        } else {
            select.append(ReadStatements.where(filter, query, schema)).append(ReadStatements.orderBy(filter, query));
            if (query.limit().isPresent()) {
                select.sql(" ").append(dialect.paging(query.offset().getAsLong(), query.limit().getAsInt()));
            }
        }
        SqlFragment sql = select.build();
        List<SecuredObject<T, ?>> proxies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement, 1, dialect);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Object[] values = new Object[rules.memberCount()];
                    for (int i = 0; i < projection.members.length; i++) {
                        int member = projection.members[i];
                        values[member] = table.fromStored(member, dialect.read(row, i + 1, table.storedType(member)));
                    }
                    BitSet active = (BitSet) always.clone();
                    for (int i = 0; i < flagged.size(); i++) {
                        if (row.getInt(projection.columnCount() + 1 + i) == 1) {
                            active.set(flagged.get(i));
                        }
                    }
                    T object = table.read(values);
                    Rights rights = rules.rightsOfActiveRules(ctx, active);
                    proxies.add(rules.secure(ctx, object, rights));
                }
            }
        }
        return proxies;
    }
}
