package dev.warden.runtime.data;

import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.SqlFragment;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the checks of a write atomic against concurrent changes of the other rows they read (issue: write skew under
 * READ COMMITTED). A constraint that follows an association reads other rows in an {@code EXISTS} sub-query; in a
 * write's filter or write check each such sub-query gets the dialect's row lock, so the rows that made the check
 * true stay as they are until the writing transaction ends, as PostgreSQL's own foreign-key checks lock the row they
 * find. A sub-query that meets a row another transaction has changed but not committed waits for it and then reads
 * the row as committed: when the change took the row out of the constraint, the check fails.
 *
 * <p>The lock is {@code FOR SHARE} on PostgreSQL (writers of the row wait, other checks do not) and
 * {@code FOR UPDATE} on H2 and other databases, which have no shared row lock. What a lock cannot keep is an
 * absence: a condition that holds because no row matches ({@code not(...)}, an empty to-many association) is
 * not protected against a concurrent insert; use SERIALIZABLE transactions for those. Stateless.
 */
final class RowLocks {
    private static final String SUB_QUERY = "EXISTS (SELECT ";

    private RowLocks() {}

    /** The clause that locks the rows a sub-query returns. */
    static String clause(Dialect dialect) {
        return dialect.name().equals("PostgreSQL") ? " FOR SHARE" : " FOR UPDATE";
    }

    /**
     * The check with the row lock at the end of each of its {@code EXISTS} sub-queries, nested ones included; the
     * values are bound as before.
     */
    static SqlFragment lockingSubQueries(SqlFragment check, Dialect dialect) {
        String sql = check.sql();
        if (!sql.contains(SUB_QUERY)) {
            return check;
        }
        String lock = clause(dialect);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i);
            } else if (sql.startsWith(SUB_QUERY, i)) {
                ends.add(closingParenthesis(sql, i + "EXISTS ".length()));
            }
        }
        StringBuilder locked = new StringBuilder(sql);
        ends.sort(null);
        for (int i = ends.size() - 1; i >= 0; i--) {
            locked.insert(ends.get(i), lock);
        }
        return rebuild(locked.toString(), check);
    }

    private static int closingQuote(String sql, int open) {
        int close = sql.indexOf(sql.charAt(open), open + 1);
        if (close < 0) {
            throw new IllegalStateException("An unclosed quote in a rule's SQL: " + sql);
        }
        return close;
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("An unclosed sub-query in a rule's SQL: " + sql);
    }

    /** A fragment of new text with the values of the old one, in order: the text differs only outside the ?s. */
    private static SqlFragment rebuild(String sql, SqlFragment old) {
        SqlFragment.Builder builder = SqlFragment.builder();
        List<Object> values = old.values();
        List<Class<?>> types = old.types();
        int parameter = 0;
        int start = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i);
            } else if (c == '?') {
                builder.sql(sql.substring(start, i)).value(values.get(parameter), types.get(parameter));
                parameter++;
                start = i + 1;
            }
        }
        if (parameter != values.size()) {
            throw new IllegalStateException("A rule's SQL has " + parameter + " parameters for " + values.size()
                    + " values");
        }
        return builder.sql(sql.substring(start)).build();
    }
}
