package dev.warden.processor.constraint;

/**
 * An operation on every kind of right-hand side of a comparison; see {@link ExprVisitor}.
 *
 * @param <R> what the visit returns
 * @param <P> what the visit is given besides the operand
 */
public interface OperandVisitor<R, P> {
    R visitString(Operand.StringLiteral literal, P parameter);

    R visitNumber(Operand.NumberLiteral literal, P parameter);

    R visitBoolean(Operand.BooleanLiteral literal, P parameter);

    R visitEmpty(Operand.EmptyLiteral literal, P parameter);

    R visitToken(Operand.TokenRef token, P parameter);

    R visitDateArithmetic(Operand.DateArithmetic arithmetic, P parameter);

    R visitPath(Operand.PathOperand path, P parameter);
}
