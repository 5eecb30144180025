package dev.warden.processor.validation;

import dev.warden.processor.constraint.CheckResult;
import dev.warden.processor.constraint.CheckedConstraint;
import dev.warden.processor.constraint.MemberShape;
import dev.warden.processor.constraint.Path;
import dev.warden.processor.constraint.Span;
import dev.warden.processor.model.MemberModel;
import dev.warden.processor.constraint.ConstraintChecker;
import dev.warden.processor.constraint.ConstraintProblem;
import dev.warden.processor.constraint.Conditions;
import dev.warden.processor.constraint.Expr;
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
     * Checks a rule's constraint.
     *
     * @return the checked constraint; empty when it has errors, which are reported
     */
    Optional<CheckedConstraint> check(EntityModel entity, RuleModel rule, Optional<AppModel> app, Report report) {
        String text = rule.constraint();
        ParseResult parsed = ConstraintParser.parse(text);
        if (parsed.hasProblems()) {
            report(parsed.problems(), entity, rule, report);
            return Optional.empty();
        }
        if (parsed.expression().isEmpty()) {
            return Optional.empty();
        }
        if (conditions(parsed.expression().get()) > MAX_CONDITIONS) {
            report(List.of(new ConstraintProblem(ConstraintProblem.Kind.SYNTAX, 0, text.length(),
                    "the constraint has more than " + MAX_CONDITIONS + " conditions, more than the generated Java "
                            + "can hold (javac would overflow its stack)",
                    "split it over several rules")), entity, rule, report);
            return Optional.empty();
        }
        CheckResult checked = ConstraintChecker.check(parsed.expression().get(), shapes.shapeOf(entity),
                shapes.environment(app));
        if (!checked.isWellTyped()) {
            report(checked.problems(), entity, rule, report);
            return Optional.empty();
        }
        if (notStored(checked.constraint(), entity, rule, report)) {
            return Optional.empty();
        }
        report(checked.constraint().warnings(text), entity, rule, report);
        return checked.checked();
    }

    /**
     * Reports each path through a member that is not stored in a table (an association in an {@code Optional}, an
     * array, a map or an iterable that is not a collection), which the SQL filters could not follow.
     *
     * @return whether there was one
     */
    private boolean notStored(CheckedConstraint checked, EntityModel entity, RuleModel rule, Report report) {
        boolean found = false;
        for (Path path : checked.paths()) {
            List<MemberShape> members = checked.members(path);
            for (int i = 0; i < members.size(); i++) {
                Optional<MemberModel> member = shapes.modelOf(members.get(i));
                if (member.isPresent() && !member.get().isStorable()) {
                    Span span = path.segments().get(i).span();
                    String detail = "    " + ConstraintProblem.caret(rule.constraint(), span.offset(), span.length())
                            .replace("\n", "\n    ");
                    report.addWithDetail(Message.CONSTRAINT_UNSTORED_MEMBER, rule.constraintLocation(),
                            "constraints can follow plain to-one associations and collections (List, Set, "
                                    + "Collection) that are stored in tables; declare the association as one of them",
                            detail, rule.number(), entity.simpleName(), member.get().name(),
                            containerName(member.get().container()));
                    found = true;
                }
            }
        }
        return found;
    }

    private static String containerName(MemberModel.Container container) {
        return switch (container) {
            case OPTIONAL -> "an Optional";
            case ARRAY -> "an array";
            case MAP -> "a Map";
            case ITERABLE -> "an Iterable that is not a Collection";
            default -> "a container";
        };
    }

    /** Constraints with more conditions than this are refused: javac cannot compile the Java they become. */
    static final int MAX_CONDITIONS = 256;

    /** The number of conditions (comparisons, functions, paths and tokens) in a parsed constraint. */
    private static int conditions(Expr expr) {
        return Conditions.count(expr);
    }

    boolean isComparableTokenType(TypeMirror type) {
        return shapes.isComparableTokenType(type);
    }

    private static void report(List<ConstraintProblem> problems, EntityModel entity, RuleModel rule, Report report) {
        for (ConstraintProblem problem : problems) {
            String caret = ConstraintProblem.caret(rule.constraint(), problem.offset(), problem.length());
            String detail = "    " + caret.replace("\n", "\n    ");
            String hint = problem.hint() != null && !problem.hint().isBlank() ? problem.hint() : fallbackHint(problem.kind());
            report.addWithDetail(message(problem.kind()), rule.constraintLocation(), hint, detail,
                    rule.number(), entity.simpleName(), problem.message());
        }
    }

    /**
     * How to fix a problem for which the constraint language has no more specific advice: every Warden
     * diagnostic says how to fix it.
     */
    private static String fallbackHint(ConstraintProblem.Kind kind) {
        return switch (kind) {
            case SYNTAX -> "correct the constraint where the caret points; it is one or more [condition]s, "
                    + "as in [status = 'DRAFT'] or [customer/name = 'ACME' and total > 100]";
            case UNKNOWN_FUNCTION -> "use one of the functions of the constraint language, such as contains() or "
                    + "year-from-dateTime()";
            case DATE_ARITHMETIC -> "write date arithmetic as in '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'";
            case UNKNOWN_MEMBER -> "name a member of the entity, or follow an association with '/'";
            case TYPE_MISMATCH -> "compare the member with a value, token or member of its own type";
            case UNKNOWN_ENUM_CONSTANT -> "use one of the enum's constants, in quotes";
            case CURRENT_USER_TYPE -> "compare [%CurrentUser%] with a member of the user-id type, "
                    + "or change @AppSecurity(userIdType)";
            case UNORDERED_COMPARISON -> "compare it with = or !=";
            case CALCULATED_MEMBER -> "constrain the stored members it is calculated from";
            case UNKNOWN_TOKEN -> "use a built-in token such as [%CurrentUser%], or declare it with "
                    + "@AppSecurity(tokens = @Token(...))";
            case AMBIGUOUS_TO_MANY -> "compare an attribute reached through the to-many association, "
                    + "or test the association itself";
            case NOT_AN_ASSOCIATION -> "write a sub-constraint after an association, as in lines[quantity > 10]";
            case REVERSED -> "name an association of another entity that leads to this one, as in "
                    + "reversed(Owner.pets)/name = 'x'";
            case SEPARATE_TO_MANY -> "write the conditions in one sub-constraint, as in lines[quantity > 10 and sku = 'x']";
        };
    }

    private static Message message(ConstraintProblem.Kind kind) {
        return switch (kind) {
            case SYNTAX -> Message.CONSTRAINT_SYNTAX;
            case UNKNOWN_FUNCTION -> Message.CONSTRAINT_UNKNOWN_FUNCTION;
            case DATE_ARITHMETIC -> Message.CONSTRAINT_DATE_ARITHMETIC;
            case UNKNOWN_MEMBER -> Message.CONSTRAINT_UNKNOWN_MEMBER;
            case TYPE_MISMATCH -> Message.CONSTRAINT_TYPE_MISMATCH;
            case UNKNOWN_ENUM_CONSTANT -> Message.CONSTRAINT_UNKNOWN_ENUM_CONSTANT;
            case CURRENT_USER_TYPE -> Message.CONSTRAINT_CURRENT_USER_TYPE;
            case UNORDERED_COMPARISON -> Message.CONSTRAINT_UNORDERED;
            case CALCULATED_MEMBER -> Message.CONSTRAINT_CALCULATED_MEMBER;
            case UNKNOWN_TOKEN -> Message.CONSTRAINT_UNKNOWN_TOKEN;
            case AMBIGUOUS_TO_MANY -> Message.CONSTRAINT_AMBIGUOUS_TO_MANY;
            case NOT_AN_ASSOCIATION -> Message.CONSTRAINT_NOT_AN_ASSOCIATION;
            case REVERSED -> Message.CONSTRAINT_REVERSED;
            case SEPARATE_TO_MANY -> Message.SEPARATE_TO_MANY_CONDITIONS;
        };
    }
}
