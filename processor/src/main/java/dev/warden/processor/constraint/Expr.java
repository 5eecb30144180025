package dev.warden.processor.constraint;

import java.util.List;

/**
 * A condition in a parsed constraint. The tree is free of any code-generation concern, so that the checker
 * ({@link ConstraintChecker}), the Java compiler ({@link JavaConstraintCompiler}) and the SQL compiler
 * ({@link SqlConstraintCompiler}) share it. Each of them walks it with an {@link ExprVisitor}, so that a new kind of
 * condition is a compile error in every one of them until it handles it.
 */
public sealed interface Expr extends Node
        permits Expr.Or, Expr.And, Expr.Not, Expr.Comparison, Expr.FunctionCall, Expr.PathTest, Expr.TokenTest,
                Expr.BooleanConstant {

    /** Calls the visitor's method for this kind of condition. */
    <R, P> R accept(ExprVisitor<R, P> visitor, P parameter);

    /** {@code a or b or ...}: true when any operand is (two or more operands). */
    record Or(List<Expr> operands, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitOr(this, parameter);
        }

        public Or {
            operands = List.copyOf(operands);
        }
    }

    /**
     * {@code a and b and ...}: true when every operand is (two or more operands). Several brackets
     * {@code [a][b]} also become an {@code And}, one operand per bracket.
     */
    record And(List<Expr> operands, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitAnd(this, parameter);
        }

        public And {
            operands = List.copyOf(operands);
        }
    }

    /** {@code not(operand)}. */
    record Not(Expr operand, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitNot(this, parameter);
        }
    }

    /** {@code left op right}, e.g. {@code owner = '[%CurrentUser%]'}. {@code opSpan} is where the operator is. */
    record Comparison(Path left, Op op, Span opSpan, Operand right, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitComparison(this, parameter);
        }
    }

    /** {@code contains(path, 'text')}, {@code starts-with(...)} or {@code ends-with(...)}. */
    record FunctionCall(Function function, Path path, String text, Span textSpan, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitFunctionCall(this, parameter);
        }
    }

    /**
     * A bare path: the association is set (to-one), has an element (to-many), or the boolean attribute is true.
     */
    record PathTest(Path path, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitPathTest(this, parameter);
        }
    }

    /** A bare boolean token such as {@code '[%UserRole_Manager%]'} (Warden's extension of the grammar). */
    record TokenTest(Operand.TokenRef token, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitTokenTest(this, parameter);
        }
    }

    /** {@code true()} or {@code false()} as a condition: {@code [true()]} holds for every object, {@code [false()]} for none. */
    record BooleanConstant(boolean value, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitBooleanConstant(this, parameter);
        }
    }

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** How the operator is written in a constraint. */
        public String symbol() {
            return symbol;
        }

        /** {@code < <= > >=}: needs a type with an order. */
        public boolean isOrdering() {
            return this != EQ && this != NE;
        }
    }

    /** String functions. */
    enum Function {
        CONTAINS("contains"), STARTS_WITH("starts-with"), ENDS_WITH("ends-with");

        private final String keyword;

        Function(String keyword) {
            this.keyword = keyword;
        }

        /** How the function is written in a constraint. */
        public String keyword() {
            return keyword;
        }
    }
}
