package dev.warden.processor.constraint;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A constraint compiled to SQL by {@link SqlConstraintCompiler}.
 *
 * @param sql          a boolean expression, valid in H2 and PostgreSQL, over the root entity's table whose alias is
 *                     written {@value SqlConstraintCompiler#ALIAS}; sub-queries use the aliases {@code {a}_1},
 *                     {@code {a}_2}, ... (so replacing every {@code {a}} with the alias names them all). It never
 *                     evaluates to NULL, so it may be negated or selected as a value, and it holds for exactly the
 *                     rows for which the Java twin ({@link JavaConstraintCompiler}) holds for the same data. It
 *                     contains identifiers, keywords, operators, the alias markers and {@code ?}, and no value; it is
 *                     not parenthesized as a whole, so put it in parentheses when combining it with other conditions.
 * @param params       one per {@code ?} of {@code sql}, in order
 * @param customTokens the custom tokens the constraint uses (as for the Java twin); each needs a value, else the rule
 *                     is dropped
 */
public record CompiledSqlConstraint(String sql, List<SqlParamSpec> params, Set<String> customTokens) {
    public CompiledSqlConstraint {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
        customTokens = Collections.unmodifiableSet(new LinkedHashSet<>(customTokens));
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != params.size()) {
            throw new IllegalArgumentException(marks + " '?' but " + params.size() + " parameters in " + sql);
        }
    }

    /** The SQL with the alias markers replaced by {@code alias} ({@code {a}_1} becomes {@code alias_1}). */
    public String sql(String alias) {
        return sql.replace(SqlConstraintCompiler.ALIAS, alias);
    }
}
