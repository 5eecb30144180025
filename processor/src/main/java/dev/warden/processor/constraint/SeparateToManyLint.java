package dev.warden.processor.constraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the mistake Mendix modellers make most with to-many associations: two conditions joined by {@code and} (or
 * in two brackets) that each go through the same to-many association, as in
 * {@code [lines/quantity > 10][lines/product = 'Anvil']}. Each holds when <em>some</em> line satisfies it, so two
 * different lines may satisfy them; when one line must satisfy both, the constraint is
 * {@code [lines[quantity > 10 and product = 'Anvil']]}. It is a warning, not an error: sometimes two lines are meant.
 * Sub-constraints are searched the same way, their paths starting at their entity.
 */
final class SeparateToManyLint {

    private final CheckedConstraint checked;
    private final String text;
    private final List<ConstraintProblem> warnings = new ArrayList<>();

    private SeparateToManyLint(CheckedConstraint checked, String text) {
        this.checked = checked;
        this.text = text;
    }

    /** The warnings for a checked constraint whose text is {@code text}, in order of appearance. */
    static List<ConstraintProblem> warnings(CheckedConstraint checked, String text) {
        SeparateToManyLint lint = new SeparateToManyLint(checked, text);
        lint.conjunction(checked.expression());
        return lint.warnings;
    }

    /**
     * Collects the comparisons and string functions that must hold together, by the to-many association they go
     * through first: the operands of ands outside any or and not; a sub-constraint starts a conjunction of its own.
     */
    private final class Conjunction implements ExprVisitor<Void, Map<String, List<Expr>>> {
        @Override
        public Void visitOr(Expr.Or or, Map<String, List<Expr>> groups) {
            return null;
        }

        @Override
        public Void visitAnd(Expr.And and, Map<String, List<Expr>> groups) {
            and.operands().forEach(operand -> operand.accept(this, groups));
            return null;
        }

        @Override
        public Void visitNot(Expr.Not not, Map<String, List<Expr>> groups) {
            return null;
        }

        @Override
        public Void visitComparison(Expr.Comparison comparison, Map<String, List<Expr>> groups) {
            if (!(comparison.right() instanceof Operand.PathOperand)) {
                group(comparison, comparison.left(), groups);
            }
            return null;
        }

        @Override
        public Void visitFunctionCall(Expr.FunctionCall call, Map<String, List<Expr>> groups) {
            group(call, call.path(), groups);
            return null;
        }

        @Override
        public Void visitPathTest(Expr.PathTest test, Map<String, List<Expr>> groups) {
            return null;
        }

        @Override
        public Void visitTokenTest(Expr.TokenTest test, Map<String, List<Expr>> groups) {
            return null;
        }

        @Override
        public Void visitBooleanConstant(Expr.BooleanConstant constant, Map<String, List<Expr>> groups) {
            return null;
        }

        @Override
        public Void visitPredicate(Expr.Predicate predicate, Map<String, List<Expr>> groups) {
            conjunction(predicate.condition());
            return null;
        }

        private void group(Expr condition, Path path, Map<String, List<Expr>> groups) {
            String association = toManyPrefix(path);
            if (association != null) {
                groups.computeIfAbsent(association, a -> new ArrayList<>()).add(condition);
            }
        }
    }

    private void conjunction(Expr expression) {
        Map<String, List<Expr>> groups = new LinkedHashMap<>();
        expression.accept(new Conjunction(), groups);
        groups.forEach((association, together) -> {
            if (together.size() > 1) {
                warn(association, together);
            }
        });
    }

    /**
     * The path up to the first to-many association it goes through (as written: {@code customer/orders}), when it
     * goes on after it; else null.
     */
    private String toManyPrefix(Path path) {
        List<MemberShape> members = checked.members(path);
        for (int i = 0; i < members.size() - 1; i++) {
            if (members.get(i).toMany()) {
                StringBuilder prefix = new StringBuilder();
                for (int j = 0; j <= i; j++) {
                    prefix.append(j > 0 ? "/" : "").append(path.segments().get(j).name());
                }
                return prefix.toString();
            }
        }
        return null;
    }

    private void warn(String association, List<Expr> together) {
        List<String> inside = new ArrayList<>();
        for (Expr condition : together) {
            inside.add(condition.span().of(text).replaceFirst(Pattern.quote(association + "/"), ""));
        }
        String conditions = together.size() == 2 ? "two conditions" : together.size() + " conditions";
        warnings.add(new ConstraintProblem(ConstraintProblem.Kind.SEPARATE_TO_MANY, together.get(1).span(), conditions
                + " go through the to-many association '" + association + "' separately, so different objects of it "
                + "may satisfy them",
                "to require one object to satisfy all of them, write " + association + "[" + String.join(" and ", inside)
                        + "]; if different objects are meant, suppress this warning with "
                        + "@SuppressWarnings(\"warden:separate-to-many\")"));
    }
}
