package dev.warden.processor.codegen;

import dev.warden.processor.constraint.CheckResult;
import dev.warden.processor.constraint.CompiledJavaConstraint;
import dev.warden.processor.constraint.ConstraintChecker;
import dev.warden.processor.constraint.ConstraintEnvironment;
import dev.warden.processor.constraint.ConstraintParser;
import dev.warden.processor.constraint.JavaConstraintCompiler;
import dev.warden.processor.constraint.ParseResult;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.ShapeCatalog;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles the constraints of a validated entity's rules to Java, for {@link PolicyWriter}. */
public final class ConstraintCompilation {

    private final ShapeCatalog shapes;

    public ConstraintCompilation(ShapeCatalog shapes) {
        this.shapes = shapes;
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
            compiled.put(rule.number(), new CompiledRule(java.expression(), java.constants(), java.customTokens(),
                    rule.constraint()));
        }
        return compiled;
    }
}
