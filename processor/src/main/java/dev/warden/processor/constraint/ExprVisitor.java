package dev.warden.processor.constraint;

/**
 * An operation on every kind of condition of a constraint, as {@code javax.lang.model}'s element visitors are: one
 * method per kind, so that adding a kind of condition to {@link Expr} breaks every visitor that does not handle it.
 *
 * @param <R> what the visit returns
 * @param <P> what the visit is given besides the condition (for example the entity its paths start at)
 */
public interface ExprVisitor<R, P> {
    R visitOr(Expr.Or or, P parameter);

    R visitAnd(Expr.And and, P parameter);

    R visitNot(Expr.Not not, P parameter);

    R visitComparison(Expr.Comparison comparison, P parameter);

    R visitFunctionCall(Expr.FunctionCall call, P parameter);

    R visitPathTest(Expr.PathTest test, P parameter);

    R visitTokenTest(Expr.TokenTest test, P parameter);

    R visitBooleanConstant(Expr.BooleanConstant constant, P parameter);

    R visitPredicate(Expr.Predicate predicate, P parameter);
}
