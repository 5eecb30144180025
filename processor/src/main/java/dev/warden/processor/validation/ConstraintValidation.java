package dev.warden.processor.validation;

import dev.warden.processor.constraint.CheckResult;
import dev.warden.processor.constraint.ConstraintChecker;
import dev.warden.processor.constraint.ConstraintProblem;
import dev.warden.processor.constraint.ConstraintParser;
import dev.warden.processor.constraint.ParseResult;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.ShapeCatalog;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * Parses and type-checks the constraint of a rule, reporting each problem with the constraint text and a
 * caret line under the part that is wrong.
 */
public final class ConstraintValidation {

    private final ShapeCatalog shapes;

    public ConstraintValidation(ShapeCatalog shapes) {
        this.shapes = shapes;
    }

    /**
     * Checks a rule's constraint; returns the members of the entity it depends on (empty when it has
     * errors).
     */
    Set<String> check(EntityModel entity, RuleModel rule, Optional<AppModel> app, Report report) {
        String text = rule.constraint();
        ParseResult parsed = ConstraintParser.parse(text);
        if (parsed.hasProblems()) {
            report(parsed.problems(), entity, rule, report);
            return Set.of();
        }
        if (parsed.expression().isEmpty()) {
            return Set.of();
        }
        CheckResult checked = ConstraintChecker.check(parsed.expression().get(), shapes.shapeOf(entity),
                shapes.environment(app));
        if (!checked.isWellTyped()) {
            report(checked.problems(), entity, rule, report);
            return Set.of();
        }
        return checked.rootMembers();
    }

    boolean isComparableTokenType(TypeMirror type) {
        return shapes.isComparableTokenType(type);
    }

    private static void report(List<ConstraintProblem> problems, EntityModel entity, RuleModel rule, Report report) {
        for (ConstraintProblem problem : problems) {
            String caret = ConstraintProblem.caret(rule.constraint(), problem.offset(), problem.length());
            String detail = "    " + caret.replace("\n", "\n    ");
            report.addWithDetail(message(problem.kind()), rule.constraintLocation(), problem.hint(), detail,
                    rule.number(), entity.simpleName(), problem.message());
        }
    }

    private static Message message(ConstraintProblem.Kind kind) {
        return switch (kind) {
            case SYNTAX -> Message.CONSTRAINT_SYNTAX;
            case UNKNOWN_MEMBER -> Message.CONSTRAINT_UNKNOWN_MEMBER;
            case TYPE_MISMATCH -> Message.CONSTRAINT_TYPE_MISMATCH;
            case UNKNOWN_ENUM_CONSTANT -> Message.CONSTRAINT_UNKNOWN_ENUM_CONSTANT;
            case CURRENT_USER_TYPE -> Message.CONSTRAINT_CURRENT_USER_TYPE;
            case UNORDERED_COMPARISON -> Message.CONSTRAINT_UNORDERED;
            case CALCULATED_MEMBER -> Message.CONSTRAINT_CALCULATED_MEMBER;
            case UNKNOWN_TOKEN -> Message.CONSTRAINT_UNKNOWN_TOKEN;
            case AMBIGUOUS_TO_MANY -> Message.CONSTRAINT_AMBIGUOUS_TO_MANY;
        };
    }
}
