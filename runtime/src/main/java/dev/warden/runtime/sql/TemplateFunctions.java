package dev.warden.runtime.sql;

/**
 * The functions of a {@link SqlTemplate} whose SQL differs between databases, written {@code {name(argument)}} or
 * {@code {name}} (for example {@code {lower({a}.name)} LIKE ?}), and rendered by {@link Dialect#sqlFunction}. The
 * argument is SQL of the template itself (it may hold {@code {a}}, {@code ?} and other functions); a dialect puts it
 * into its SQL exactly once, so the parameters keep their order.
 */
final class TemplateFunctions {
    private TemplateFunctions() {}

    /**
     * Checks a function's name and argument: {@code lower} and {@code length} take one, {@code isoweek} none.
     *
     * @return the name
     * @throws IllegalArgumentException for an unknown function, or a missing or extra argument
     */
    static String require(String name, String argument) {
        boolean takesArgument;
        switch (String.valueOf(name)) {
            case "lower":
            case "length":
                takesArgument = true;
                break;
            case "isoweek":
                takesArgument = false;
                break;
            default:
                throw new IllegalArgumentException("Unknown template function {" + name + "}");
        }
        if (takesArgument != (argument != null)) {
            throw new IllegalArgumentException("The template function {" + name + "} takes "
                    + (takesArgument ? "one argument" : "no argument"));
        }
        return name;
    }

    /** Whether the template text has a function (outside quotes). */
    static boolean present(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) {
                    return false;
                }
                i = close;
            } else if (c == '{' && nameEnd(sql, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the name of a function that starts with the brace at {@code brace} (the index of the {@code (} or
     * {@code }} after it), or -1 when no function starts there ({@code {a}} is the alias, not a function).
     */
    static int nameEnd(String sql, int brace) {
        int i = brace + 1;
        while (i < sql.length() && sql.charAt(i) >= 'a' && sql.charAt(i) <= 'z') {
            i++;
        }
        boolean named = i > brace + 1 && i < sql.length() && (sql.charAt(i) == '(' || sql.charAt(i) == '}');
        return named && !sql.startsWith("{a}", brace) ? i : -1;
    }

    /**
     * The index of the {@code )} that closes the argument of the function whose {@code (} is at {@code open}; it is
     * followed by {@code }}. Quotes and nested parentheses are skipped.
     *
     * @throws IllegalArgumentException when the argument is not closed by {@code )}}
     */
    static int argumentEnd(String sql, int open) {
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
            } else if (c == ')' && --depth == 0) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '}') {
                    return i;
                }
                break;
            }
        }
        throw new IllegalArgumentException("A template function at offset " + (open - 1) + " is not closed with )}: "
                + sql);
    }

    /** The template text with every function rendered by the dialect, innermost first. */
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
                out.append(render(dialect, name, null, sql));
                i = nameEnd + 1;
            } else {
                int end = argumentEnd(sql, nameEnd);
                String argument = expand(sql.substring(nameEnd + 1, end), dialect);
                out.append(render(dialect, name, argument, sql));
                i = end + 2;
            }
        }
        return out.toString();
    }

    private static String render(Dialect dialect, String name, String argument, String sql) {
        String rendered = dialect.sqlFunction(name, argument);
        if (rendered == null || argument != null && !rendered.contains(argument)) {
            throw new IllegalStateException(dialect + " renders {" + name + "(...)} without its argument: " + sql);
        }
        return rendered;
    }
}
