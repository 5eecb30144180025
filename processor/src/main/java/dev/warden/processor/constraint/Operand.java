package dev.warden.processor.constraint;

import java.math.BigDecimal;
import java.util.List;

/** The right-hand side of a comparison. */
public sealed interface Operand extends Node
        permits Operand.StringLiteral, Operand.NumberLiteral, Operand.BooleanLiteral, Operand.EmptyLiteral,
                Operand.TokenRef, Operand.DateArithmetic, Operand.PathOperand {

    /** Calls the visitor's method for this kind of operand. */
    <R, P> R accept(OperandVisitor<R, P> visitor, P parameter);

    /** {@code 'text'} or {@code "text"}; {@code value} has the quotes removed and escapes resolved. */
    record StringLiteral(String value, Span span) implements Operand {
        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitString(this, parameter);
        }
    }

    /** {@code 42}, {@code -1.50}: {@code text} exactly as written, {@code value} its exact value. */
    record NumberLiteral(String text, BigDecimal value, Span span) implements Operand {
        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitNumber(this, parameter);
        }

        /** Written without a fraction part ({@code 42}, not {@code 42.0}). */
        public boolean isWhole() {
            return text.indexOf('.') < 0;
        }
    }

    /** {@code true()} or {@code false()}. */
    record BooleanLiteral(boolean value, Span span) implements Operand {
        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitBoolean(this, parameter);
        }
    }

    /**
     * {@code empty} or {@code NULL}: no value (a null attribute, an unset association, a collection with no element).
     * {@code keyword} is the word as written, for messages.
     */
    record EmptyLiteral(String keyword, Span span) implements Operand {
        /** The keywords that stand for no value. */
        public static final String EMPTY = "empty";
        public static final String NULL = "NULL";

        /** {@code empty}. */
        public EmptyLiteral(Span span) {
            this(EMPTY, span);
        }

        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitEmpty(this, parameter);
        }
    }

    /**
     * A token: {@code '[%CurrentUser%]'} (or unquoted {@code [%CurrentUser%]}); {@code name} is
     * {@code CurrentUser}.
     */
    record TokenRef(String name, boolean quoted, Span span) implements Operand {
        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitToken(this, parameter);
        }

        /** {@code [%Name%]}, the way messages show a token. */
        public String display() {
            return "[%" + name + "%]";
        }
    }

    /**
     * A date-time token with periods added or subtracted, in one quoted string (security-model.md §6):
     * {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'}. {@code span} is the whole string, quotes included.
     */
    record DateArithmetic(TokenRef base, List<Offset> offsets, Span span) implements Operand {
        public DateArithmetic {
            offsets = List.copyOf(offsets);
        }

        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitDateArithmetic(this, parameter);
        }
    }

    /**
     * {@code + 3 * [%DayLength%]} or {@code - [%HourLength%]} (a factor of 1) in date arithmetic; {@code span} runs
     * from the sign to the period token.
     */
    record Offset(boolean minus, long factor, TokenRef period, Span span) implements Node {
        /** The signed number of periods. */
        public long amount() {
            return minus ? -factor : factor;
        }
    }

    /** Another member path, compared with the left-hand side. */
    record PathOperand(Path path) implements Operand {
        @Override
        public <R, P> R accept(OperandVisitor<R, P> visitor, P parameter) {
            return visitor.visitPath(this, parameter);
        }

        @Override
        public Span span() {
            return path.span();
        }
    }
}
