package dev.warden.runtime.sql;

import dev.warden.runtime.SecurityContext;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQL form of a rule's constraint, as the Warden processor generates it: a boolean expression whose text
 * uses {@code {a}} for the alias of the entity's table and {@code {a}_1}, {@code {a}_2}, ... for the aliases of
 * its sub-queries, with one {@code ?} per {@link SqlParam}, in order. No value is ever part of the text. Functions
 * whose SQL differs between databases are written {@code {name(argument)}} or {@code {name}} and rendered by the
 * {@linkplain Dialect#sqlFunction dialect}: {@code {lower({a}.name)} LIKE ?}.
 *
 * <pre>{@code
 * SqlTemplate.of("{a}.owner IS NOT NULL AND {a}.owner = ?", SqlParam.currentUser())
 * }</pre>
 *
 * <p>{@link #render} puts in the alias and takes the parameters' values from a security context. Instances are
 * immutable.
 */
public final class SqlTemplate {
    private static final String ALIAS = "{a}";

    private final String sql;
    private final List<SqlParam> params;
    /** The text between the {@code ?}s: one more than there are parameters; null when the text has functions. */
    private final List<String> pieces;
    /** For a text with functions: the pieces as the dialect last used renders them. */
    private volatile DialectPieces rendered;

    private SqlTemplate(String sql, List<SqlParam> params, List<String> pieces) {
        this.sql = sql;
        this.params = params;
        this.pieces = pieces;
    }

    private record DialectPieces(Dialect dialect, List<String> pieces) {}

    /**
     * A template.
     *
     * @param sql the boolean expression, with {@code {a}} for the table alias and a {@code ?} per parameter
     * @param params the parameters, in the order of their {@code ?}s
     * @return the template
     * @throws IllegalArgumentException when the number of {@code ?}s (outside quotes) is not the number of
     *     parameters, when a brace is not part of {@code {a}} or of a function, or when a quote is not closed
     */
    public static SqlTemplate of(String sql, SqlParam... params) {
        Objects.requireNonNull(sql, "sql");
        List<SqlParam> paramList = List.of(params);
        if (sql.isBlank()) {
            throw new IllegalArgumentException("A constraint template is empty");
        }
        List<String> pieces = split(sql, true);
        if (pieces.size() - 1 != paramList.size()) {
            throw new IllegalArgumentException("The template has " + (pieces.size() - 1) + " ? but "
                    + paramList.size() + " parameters: " + sql);
        }
        return new SqlTemplate(sql, paramList, TemplateFunctions.present(sql) ? null : pieces);
    }

    /** The template's text, with {@code {a}} and {@code ?}s. */
    public String sql() {
        return sql;
    }

    /** The parameters, in the order of their {@code ?}s. */
    public List<SqlParam> params() {
        return params;
    }

    /**
     * The expression for a table alias and a security context.
     *
     * @param alias the table alias, a plain SQL identifier
     * @param ctx the context the token values come from
     * @param dialect the dialect of the literals that user-role tokens become
     * @return the expression, or empty when the context has no value for one of the parameters (a rule that
     *     needs it is dropped, as when its constraint is evaluated in memory)
     * @throws IllegalArgumentException when the alias is not a plain identifier
     */
    public Optional<SqlFragment> render(String alias, SecurityContext ctx, Dialect dialect) {
        return Optional.ofNullable(render(SqlChecks.requireAlias(alias), ctx, ctx.now(), dialect));
    }

    /** As {@link #render(String, SecurityContext, Dialect)} with a validated alias and a given now; null to drop. */
    SqlFragment render(String alias, SecurityContext ctx, ZonedDateTime now, Dialect dialect) {
        List<String> pieces = piecesFor(dialect);
        SqlFragment.Builder out = SqlFragment.builder();
        out.sql(pieces.get(0).replace(ALIAS, alias));
        for (int i = 0; i < params.size(); i++) {
            SqlParam param = params.get(i);
            Object value = param.valueFor(ctx, now);
            if (value == null) {
                return null;
            }
            if (param.isFolded()) {
                out.sql(dialect.booleanLiteral((Boolean) value));
            } else {
                out.value(value, param.bindType(ctx));
            }
            out.sql(pieces.get(i + 1).replace(ALIAS, alias));
        }
        return out.build();
    }

    /** The text between the {@code ?}s, with the functions rendered for the dialect. */
    private List<String> piecesFor(Dialect dialect) {
        if (pieces != null) {
            return pieces;
        }
        DialectPieces last = rendered;
        if (last != null && last.dialect == dialect) {
            return last.pieces;
        }
        String text = TemplateFunctions.expand(sql, dialect);
        List<String> split = split(text, false);
        if (split.size() != params.size() + 1) {
            throw new IllegalStateException(dialect + " renders the functions of the template with " + (split.size() - 1)
                    + " ? instead of " + params.size() + ": " + text);
        }
        rendered = new DialectPieces(dialect, split);
        return split;
    }

    /** The template's text and parameter kinds; never a constant's value. */
    @Override
    public String toString() {
        return sql + " " + params;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlTemplate && sql.equals(((SqlTemplate) other).sql)
                && params.equals(((SqlTemplate) other).params);
    }

    @Override
    public int hashCode() {
        return sql.hashCode() * 31 + params.hashCode();
    }

    /** The number of {@code ?} outside quotes. */
    static int countParameters(String sql) {
        return split(sql, false).size() - 1;
    }

    /**
     * Splits SQL at its {@code ?}s outside single-quoted strings and double-quoted identifiers, checking that
     * quotes are closed and, for a template, that every brace outside quotes belongs to a {@code {a}} or to a
     * function ({@code {name}} or {@code {name(argument)}}).
     */
    private static List<String> split(String sql, boolean template) {
        List<String> pieces = new ArrayList<>();
        /** The ends of the arguments of the functions we are in, innermost last. */
        List<Integer> argumentEnds = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed " + c + " at offset " + i + " in: " + sql);
                }
                i = close + 1; // a doubled quote simply starts the next quoted run
            } else if (c == '?') {
                pieces.add(sql.substring(start, i));
                start = ++i;
            } else if (template && !argumentEnds.isEmpty() && i == argumentEnds.get(argumentEnds.size() - 1)) {
                argumentEnds.remove(argumentEnds.size() - 1);
                i += 2; // the ")}" that closes a function
            } else if (template && c == '{' && TemplateFunctions.nameEnd(sql, i) > 0) {
                int nameEnd = TemplateFunctions.nameEnd(sql, i);
                TemplateFunctions.require(sql.substring(i + 1, nameEnd), sql.charAt(nameEnd) == '(' ? "" : null);
                if (sql.charAt(nameEnd) == '(') {
                    argumentEnds.add(TemplateFunctions.argumentEnd(sql, nameEnd));
                }
                i = nameEnd + 1;
            } else if (template && (c == '{' || c == '}')) {
                if (!sql.startsWith(ALIAS, c == '{' ? i : i - 2)) {
                    throw new IllegalArgumentException(
                            "A brace that is not part of " + ALIAS + " at offset " + i + " in: " + sql);
                }
                i++;
            } else {
                i++;
            }
        }
        pieces.add(sql.substring(start));
        return pieces;
    }
}
