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
                Expr.BooleanConstant, Expr.Predicate {

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

    /**
     * {@code left op right}, e.g. {@code owner = '[%CurrentUser%]'}, or {@code function(left) op right}, e.g.
     * {@code string-length(name) > 3}: {@code function} is null when the member itself is compared. {@code opSpan} is
     * where the operator is.
     */
    record Comparison(ValueFunction function, Path left, Op op, Span opSpan, Operand right, Span span) implements Expr {
        /** A comparison of the member itself. */
        public Comparison(Path left, Op op, Span opSpan, Operand right, Span span) {
            this(null, left, op, opSpan, right, span);
        }

        /** What is compared, as written without spaces: {@code name}, {@code string-length(customer/name)}. */
        public String leftText() {
            return function == null ? left.text() : function.keyword() + "(" + left.text() + ")";
        }

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

    /**
     * A sub-constraint on an association's objects, {@code lines[quantity > 10 and product/active = true()]}: true when
     * one object the path leads to satisfies the whole {@code condition}, whose paths start at that object's entity
     * (security-model.md §6). {@code [lines/quantity > 10][lines/product/active = true()]} may be met by two different
     * lines; this may not.
     */
    record Predicate(Path path, Expr condition, Span span) implements Expr {
        @Override
        public <R, P> R accept(ExprVisitor<R, P> visitor, P parameter) {
            return visitor.visitPredicate(this, parameter);
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

    /**
     * The functions whose value a comparison compares (security-model.md §6), all whole numbers: the length of a
     * string, and the parts of a date and time.
     */
    enum ValueFunction {
        STRING_LENGTH("string-length", null),
        LENGTH("length", null),
        YEAR("year-from-dateTime", "YEAR"),
        MONTH("month-from-dateTime", "MONTH"),
        DAY("day-from-dateTime", "DAY"),
        HOURS("hours-from-dateTime", "HOURS"),
        MINUTES("minutes-from-dateTime", "MINUTES"),
        SECONDS("seconds-from-dateTime", "SECONDS"),
        QUARTER("quarter-from-dateTime", "QUARTER"),
        WEEK("week-from-dateTime", "WEEK"),
        WEEKDAY("weekday-from-dateTime", "WEEKDAY"),
        DAY_OF_YEAR("day-of-year-from-dateTime", "DAY_OF_YEAR");

        private final String keyword;
        private final String datePart;

        ValueFunction(String keyword, String datePart) {
            this.keyword = keyword;
            this.datePart = datePart;
        }

        /** How the function is written in a constraint. */
        public String keyword() {
            return keyword;
        }

        /** For a date part, the runtime's {@code dev.warden.runtime.internal.DatePart} constant; else null. */
        public String datePart() {
            return datePart;
        }

        /** One of the date parts ({@code year-from-dateTime}, ...), as opposed to a length. */
        public boolean isDatePart() {
            return datePart != null;
        }

        /** A part of the time of day, which a date ({@code LocalDate}) does not have. */
        public boolean isTimeOfDay() {
            return this == HOURS || this == MINUTES || this == SECONDS;
        }

        /** The function written {@code keyword}. */
        static ValueFunction named(String keyword) {
            for (ValueFunction f : values()) {
                if (f.keyword.equals(keyword)) {
                    return f;
                }
            }
            return null;
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
