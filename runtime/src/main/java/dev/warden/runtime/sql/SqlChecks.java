package dev.warden.runtime.sql;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks of the SQL layer: names put into SQL text must be plain identifiers, so that no name can carry SQL
 * of its own.
 */
final class SqlChecks {
    /** Unquoted identifiers: a letter or underscore, then letters, digits and underscores; PostgreSQL keeps 63. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern QUALIFIED = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

    private SqlChecks() {}

    /** A table alias: a plain identifier. */
    static String requireAlias(String alias) {
        return require(alias, IDENTIFIER, "table alias");
    }

    /** A column name: a plain identifier. */
    static String requireColumn(String column) {
        return require(column, IDENTIFIER, "column name");
    }

    /** A table name: a plain identifier, optionally qualified by a schema ({@code sales.orders}). */
    static String requireTable(String table) {
        return require(table, QUALIFIED, "table name");
    }

    private static String require(String name, Pattern pattern, String what) {
        Objects.requireNonNull(name, what);
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " '" + name + "' is not a plain SQL identifier "
                    + "(a letter or _, then letters, digits or _, at most 63 characters)");
        }
        return name;
    }

    /** A page: an offset of 0 or more and a limit of 1 or more. */
    static void requirePage(long offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException(
                    "A page needs an offset >= 0 and a limit >= 1, not " + offset + " and " + limit);
        }
    }
}
