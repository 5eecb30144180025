package dev.warden.processor.codegen;

import dev.warden.processor.constraint.CheckResult;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.CompiledJavaConstraint;
import dev.warden.processor.constraint.CompiledSqlConstraint;
import dev.warden.processor.constraint.SqlConstraintCompiler;
import dev.warden.processor.constraint.SqlParamSpec;
import dev.warden.processor.constraint.SqlSchema;
import dev.warden.processor.constraint.ConstraintChecker;
import dev.warden.processor.constraint.ConstraintEnvironment;
import dev.warden.processor.constraint.ConstraintParser;
import dev.warden.processor.constraint.JavaConstraintCompiler;
import dev.warden.processor.constraint.ParseResult;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.ShapeCatalog;
import dev.warden.processor.constraint.TokenMeaning;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Compiles the constraints of a validated entity's rules to Java, for {@link PolicyWriter}. */
public final class ConstraintCompilation {

    private final ShapeCatalog shapes;
    private final SqlSchema schema;

    public ConstraintCompilation(ShapeCatalog shapes, SqlSchema schema) {
        this.shapes = shapes;
        this.schema = schema;
    }

    /**
     * The compiled constraint of every rule that has one, by rule number.
     *
     * @throws IllegalStateException if a constraint does not check, which validation should have reported
     */
    public Map<Integer, CompiledRule> compile(EntityModel entity, ConstraintEnvironment environment) {
        Map<Integer, CompiledRule> compiled = new LinkedHashMap<>();
        String object = Naming.variableName(entity.simpleName());
        for (RuleModel rule : entity.rules()) {
            if (!rule.hasConstraint()) {
                continue;
            }
            ParseResult parsed = ConstraintParser.parse(rule.constraint());
            if (parsed.hasProblems() || parsed.expression().isEmpty()) {
                throw new IllegalStateException("constraint of rule " + rule.number() + " does not parse");
            }
            CheckResult checked = ConstraintChecker.check(parsed.expression().get(), shapes.shapeOf(entity), environment);
            if (!checked.isWellTyped()) {
                throw new IllegalStateException("constraint of rule " + rule.number() + " does not type-check");
            }
            CompiledJavaConstraint java = JavaConstraintCompiler.compile(checked.constraint(), shapes.shapeOf(entity), environment, object,
                    PolicyWriter.CONTEXT, "RULE_" + rule.number());
            // Tokens without a value deny: the custom ones, and [%CurrentUser%] for a user without an id.
            Set<String> tokens = new LinkedHashSet<>(java.customTokens());
            if (checked.constraint().usesCurrentUser()) {
                tokens.add(TokenMeaning.Kind.CURRENT_USER.tokenName());
            }
            compiled.put(rule.number(), new CompiledRule(java.expression(), java.constants(), tokens,
                    rule.constraint()));
        }
        return compiled;
    }

    /**
     * The constraint of every rule that has one compiled to SQL, by rule number, as the code that builds its
     * {@code SqlTemplate}.
     *
     * @throws IllegalStateException if an entity the constraints reach has no table mapping (no key)
     */
    public Map<Integer, CompiledSql> compileSql(EntityModel entity, ConstraintEnvironment environment) {
        Map<Integer, CompiledSql> compiled = new LinkedHashMap<>();
        for (RuleModel rule : entity.rules()) {
            if (!rule.hasConstraint()) {
                continue;
            }
            ParseResult parsed = ConstraintParser.parse(rule.constraint());
            CheckResult checked = ConstraintChecker.check(parsed.expression().orElseThrow(), shapes.shapeOf(entity),
                    environment);
            CompiledSqlConstraint sql = SqlConstraintCompiler.compile(checked.constraint(), schema);
            CodeBlock.Builder template = CodeBlock.builder().add("$T.of($S", TableWriter.SQL_TEMPLATE, sql.sql());
            for (SqlParamSpec param : sql.params()) {
                template.add(",\n    $L", param(param));
            }
            compiled.put(rule.number(), new CompiledSql(template.add(")").build()));
        }
        return compiled;
    }

    private static CodeBlock param(SqlParamSpec param) {
        ClassName sqlParam = TableWriter.SQL_PARAM;
        TypeName type = param.javaType();
        return switch (param.kind()) {
            case CONSTANT -> CodeBlock.of("$T.constant($L, $T.class)", sqlParam, constant(param.constant()), type);
            case CURRENT_USER -> CodeBlock.of("$T.currentUser()", sqlParam);
            case CURRENT_DATE_TIME -> CodeBlock.of("$T.currentDateTime($T.class)", sqlParam, type);
            case BEGIN_OF_CURRENT_DAY -> CodeBlock.of("$T.beginOfCurrentDay($T.class)", sqlParam, type);
            case END_OF_CURRENT_DAY -> CodeBlock.of("$T.endOfCurrentDay($T.class)", sqlParam, type);
            case CUSTOM_TOKEN -> CodeBlock.of("$T.token($S, $T.class)", sqlParam, param.name(), type);
            case USER_ROLE -> CodeBlock.of("$T.userRole($S)", sqlParam, param.name());
        };
    }

    private static CodeBlock constant(Object value) {
        if (value instanceof String text) {
            return CodeBlock.of("$S", text);
        }
        if (value instanceof java.math.BigDecimal number) {
            return CodeBlock.of("new $T($S)", java.math.BigDecimal.class, number.toPlainString());
        }
        return CodeBlock.of("$L", value);
    }
}
