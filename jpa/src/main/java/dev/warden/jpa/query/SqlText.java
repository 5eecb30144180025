package dev.warden.jpa.query;

import dev.warden.runtime.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a generated table's constraint template ({@code {a}.owner = ? AND {lower({a}.name)} LIKE ?}) made SQL
 * for one alias and database: {@code {a}} replaced by the alias, the template functions ({@code {lower(...)}},
 * {@code {length(...)}}, {@code {isoweek}}) rendered by the dialect, and split at its {@code ?}s, so that the HQL
 * function can put its own parameters there. The same rendering as the runtime's templates.
 */
final class SqlText {
    private SqlText() {}

    /** The text between the {@code ?}s (outside quotes), rendered. */
    static List<String> pieces(String template, String alias, Dialect dialect) {
        String text = expand(template, dialect).replace("{a}", alias);
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                int end = close < 0 ? text.length() : close + 1;
                piece.append(text, i, end);
                i = end - 1;
            } else if (c == '?') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /** The template with its functions rendered, innermost first. */
    static String expand(String sql, Dialect dialect) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                int end = close < 0 ? sql.length() : close + 1;
                out.append(sql, i, end);
                i = end;
                continue;
            }
            int nameEnd = c == '{' ? nameEnd(sql, i) : -1;
            if (nameEnd < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = sql.substring(i + 1, nameEnd);
            if (sql.charAt(nameEnd) == '}') {
                out.append(dialect.sqlFunction(name, null));
                i = nameEnd + 1;
            } else {
                int end = argumentEnd(sql, nameEnd);
                out.append(dialect.sqlFunction(name, expand(sql.substring(nameEnd + 1, end), dialect)));
                i = end + 2;
            }
        }
        return out.toString();
    }

    /** The end of a function's name after the brace at {@code brace}, or -1 ({@code {a}} is no function). */
    private static int nameEnd(String sql, int brace) {
        int i = brace + 1;
        while (i < sql.length() && sql.charAt(i) >= 'a' && sql.charAt(i) <= 'z') {
            i++;
        }
        boolean named = i > brace + 1 && i < sql.length() && (sql.charAt(i) == '(' || sql.charAt(i) == '}');
        return named && !sql.startsWith("{a}", brace) ? i : -1;
    }

    /** The {@code )} that closes the argument opened at {@code open} and is followed by {@code }}. */
    private static int argumentEnd(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) {
                    break;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && i + 1 < sql.length() && sql.charAt(i + 1) == '}') {
                return i;
            }
        }
        throw new IllegalArgumentException("a template function is not closed with )}: " + sql);
    }
}
