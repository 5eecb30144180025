package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link CompiledSqlConstraint} as PostgreSQL row-level security needs it: with no parameter to bind. Literals
 * become SQL literals, and the user's values are read from the settings the runtime sets for each transaction,
 * through {@code (SELECT current_setting('warden.user_id', true))}: a sub-query without a reference to the row, which
 * PostgreSQL evaluates once per statement (an init plan) and can use in an index condition, as it uses a bound
 * parameter of Warden's own filter.
 *
 * <p>The settings ({@code set_config(name, value, true)}; the runtime's {@code dev.warden.runtime.postgres}):
 * <ul>
 *   <li>{@value #USER_ID}: the user's id, empty for a user without one;</li>
 *   <li>{@value #MODULE_ROLES}: the user's module roles, qualified ({@code Sales.User}), separated by commas;</li>
 *   <li>{@value #USER_ROLES}: the user's user roles, separated by commas;</li>
 *   <li>{@value #ZONE}: the user's time zone, as {@code AT TIME ZONE} takes it;</li>
 *   <li>{@value #TOKEN_PREFIX}{@code <name>}: a custom token's value, empty when it has none.</li>
 * </ul>
 * An empty or missing setting is a token without a value: the rules that need it do not hold. Date-time tokens
 * ({@code [%CurrentDateTime%]}, {@code [%BeginOfCurrentDay%]}, ...) are not expressed: their values depend on the
 * clock and calendar of the application, which a policy cannot reproduce exactly ({@link #unsupported}).
 */
public final class PolicySql {
    /** The setting with the user's id. */
    public static final String USER_ID = "warden.user_id";
    /** The setting with the user's module roles. */
    public static final String MODULE_ROLES = "warden.module_roles";
    /** The setting with the user's user roles. */
    public static final String USER_ROLES = "warden.user_roles";
    /** The setting with the user's time zone. */
    public static final String ZONE = "warden.zone";
    /** The prefix of the settings of custom tokens, followed by the token's name in lower case. */
    public static final String TOKEN_PREFIX = "warden.token.";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("java.lang.String", "text"),
            Map.entry("java.lang.Long", "bigint"),
            Map.entry("java.lang.Integer", "integer"),
            Map.entry("java.lang.Short", "smallint"),
            Map.entry("java.lang.Byte", "smallint"),
            Map.entry("java.lang.Boolean", "boolean"),
            Map.entry("java.math.BigDecimal", "numeric"),
            Map.entry("java.math.BigInteger", "numeric"),
            Map.entry("java.lang.Double", "double precision"),
            Map.entry("java.lang.Float", "real"),
            Map.entry("java.util.UUID", "uuid"));
    private static final Pattern FUNCTION = Pattern.compile("\\{(lower|length)\\(([^{}()]*)\\)\\}|\\{isoweek\\}");

    private PolicySql() {}

    /**
     * Why the constraint cannot be a policy's condition, if it cannot: a date-time token, or a token or user id of
     * a type with no PostgreSQL counterpart here.
     */
    public static Optional<String> unsupported(CompiledSqlConstraint constraint) {
        for (SqlParamSpec param : constraint.params()) {
            switch (param.kind()) {
                case DATE_TIME:
                    return Optional.of("it uses [%" + param.name() + "%], whose value depends on the application's "
                            + "clock and the user's calendar");
                case CURRENT_USER:
                case CUSTOM_TOKEN:
                    if (sqlType(param.javaType()) == null) {
                        return Optional.of("it compares with a value of type " + JavaTypes.display(param.javaType())
                                + ", which a setting cannot hold");
                    }
                    break;
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /** The PostgreSQL type a setting's text is cast to for a value of this Java type; null when there is none. */
    public static String sqlType(TypeName javaType) {
        return TYPES.get(javaType.toString());
    }

    /**
     * The condition, with {@code alias} for the row's table ({@code {a}_1}, ... becoming {@code alias_1}, ...),
     * PostgreSQL's functions, literals and settings for the parameters.
     *
     * @throws IllegalArgumentException when the constraint is {@link #unsupported}
     */
    public static String render(CompiledSqlConstraint constraint, String alias) {
        unsupported(constraint).ifPresent(reason -> {
            throw new IllegalArgumentException("not expressible as a policy: " + reason);
        });
        String sql = functions(constraint.sql(alias));
        List<SqlParamSpec> params = constraint.params();
        StringBuilder out = new StringBuilder(sql.length() + 64 * params.size());
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                out.append(value(params.get(next++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The dialect's functions of the constraint SQL, as PostgreSQL's runtime dialect renders them. */
    private static String functions(String sql) {
        Matcher m = FUNCTION.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "WEEK";
            } else if (m.group(1).equals("lower")) {
                replacement = "REPLACE(LOWER(" + m.group(2) + " COLLATE \"und-x-icu\"), 'ς', 'σ')";
            } else {
                replacement = "CHAR_LENGTH(" + m.group(2) + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What stands for one parameter. */
    private static String value(SqlParamSpec param) {
        switch (param.kind()) {
            case CONSTANT:
                return literal(param.constant(), param.javaType());
            case CURRENT_USER:
                return setting(USER_ID, sqlType(param.javaType()));
            case CUSTOM_TOKEN:
                return setting(tokenSetting(param.name()), sqlType(param.javaType()));
            case ZONE:
                return "(SELECT current_setting('" + ZONE + "', true))";
            case USER_ROLE:
                return "(SELECT COALESCE(" + quote(param.name()) + " = ANY (string_to_array(current_setting('"
                        + USER_ROLES + "', true), ',')), FALSE))";
            default:
                throw new IllegalArgumentException("not expressible as a policy: " + param);
        }
    }

    /** The setting of a custom token. */
    public static String tokenSetting(String token) {
        return TOKEN_PREFIX + token.toLowerCase(Locale.ROOT);
    }

    /** A setting's value as {@code type}, NULL when it is missing or empty; evaluated once per statement. */
    public static String setting(String name, String type) {
        String text = "NULLIF(current_setting('" + name + "', true), '')";
        return "(SELECT " + (type.equals("text") ? text : "CAST(" + text + " AS " + type + ")") + ")";
    }

    /** That a setting has a value; evaluated once per statement. */
    public static String hasSetting(String name) {
        return "(SELECT current_setting('" + name + "', true) <> '')";
    }

    /** That the user holds one of these module roles (qualified); evaluated once per statement. */
    public static String holdsOneOf(List<String> qualifiedModuleRoles) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < qualifiedModuleRoles.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(quote(qualifiedModuleRoles.get(i)));
        }
        return "(SELECT string_to_array(current_setting('" + MODULE_ROLES + "', true), ',') && " + array
                + "]::text[])";
    }

    private static String literal(Object constant, TypeName javaType) {
        if (constant instanceof String text) {
            return quote(text);
        }
        if (constant instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        String number = ((BigDecimal) constant).toPlainString();
        String type = sqlType(javaType);
        if ("double precision".equals(type) || "real".equals(type)) {
            return "CAST('" + number + "' AS " + type + ")";
        }
        return number.startsWith("-") ? "(" + number + ")" : number;
    }

    /** A string literal: single quotes doubled (standard-conforming strings, where backslashes are plain). */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
