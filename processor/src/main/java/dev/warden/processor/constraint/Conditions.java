package dev.warden.processor.constraint;

/** Counts the conditions of a parsed constraint: comparisons, functions, paths, tokens and constants, at any depth. */
public final class Conditions {
    private Conditions() {}

    private static final ExprVisitor<Integer, Void> COUNT = new ExprVisitor<>() {
        @Override
        public Integer visitOr(Expr.Or or, Void unused) {
            return or.operands().stream().mapToInt(o -> o.accept(this, null)).sum();
        }

        @Override
        public Integer visitAnd(Expr.And and, Void unused) {
            return and.operands().stream().mapToInt(o -> o.accept(this, null)).sum();
        }

        @Override
        public Integer visitNot(Expr.Not not, Void unused) {
            return not.operand().accept(this, null);
        }

        @Override
        public Integer visitComparison(Expr.Comparison comparison, Void unused) {
            return 1;
        }

        @Override
        public Integer visitFunctionCall(Expr.FunctionCall call, Void unused) {
            return 1;
        }

        @Override
        public Integer visitPathTest(Expr.PathTest test, Void unused) {
            return 1;
        }

        @Override
        public Integer visitTokenTest(Expr.TokenTest test, Void unused) {
            return 1;
        }

        @Override
        public Integer visitBooleanConstant(Expr.BooleanConstant constant, Void unused) {
            return 1;
        }

        /** The sub-constraint itself, and the conditions inside it. */
        @Override
        public Integer visitPredicate(Expr.Predicate predicate, Void unused) {
            return 1 + predicate.condition().accept(this, null);
        }
    };

    /** The number of conditions in {@code expr}. */
    public static int count(Expr expr) {
        return expr.accept(COUNT, null);
    }
}
