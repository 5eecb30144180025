package dev.warden.processor.constraint;

import java.util.stream.Collectors;

/** Prints a tree as a compact S-expression, so that parser tests can state the expected tree in one line. */
final class AstPrinter {
    private AstPrinter() {}

    private static final ExprVisitor<String, Void> CONDITIONS = new ExprVisitor<>() {
        @Override
        public String visitOr(Expr.Or or, Void unused) {
            return "(or " + or.operands().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + ")";
        }

        @Override
        public String visitAnd(Expr.And and, Void unused) {
            return "(and " + and.operands().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + ")";
        }

        @Override
        public String visitNot(Expr.Not not, Void unused) {
            return "(not " + print(not.operand()) + ")";
        }

        @Override
        public String visitComparison(Expr.Comparison c, Void unused) {
            return "(" + c.op().symbol() + " " + c.leftText() + " " + print(c.right()) + ")";
        }

        @Override
        public String visitFunctionCall(Expr.FunctionCall f, Void unused) {
            return "(" + f.function().keyword() + " " + f.path().text() + " '" + f.text() + "')";
        }

        @Override
        public String visitPathTest(Expr.PathTest test, Void unused) {
            return test.path().text();
        }

        @Override
        public String visitTokenTest(Expr.TokenTest test, Void unused) {
            return print(test.token());
        }

        @Override
        public String visitBooleanConstant(Expr.BooleanConstant constant, Void unused) {
            return constant.value() + "()";
        }

        @Override
        public String visitPredicate(Expr.Predicate predicate, Void unused) {
            return predicate.path().text() + "[" + print(predicate.condition()) + "]";
        }
    };

    private static final OperandVisitor<String, Void> OPERANDS = new OperandVisitor<>() {
        @Override
        public String visitString(Operand.StringLiteral literal, Void unused) {
            return "'" + literal.value() + "'";
        }

        @Override
        public String visitNumber(Operand.NumberLiteral literal, Void unused) {
            return "#" + literal.text();
        }

        @Override
        public String visitBoolean(Operand.BooleanLiteral literal, Void unused) {
            return literal.value() + "()";
        }

        @Override
        public String visitEmpty(Operand.EmptyLiteral literal, Void unused) {
            return literal.keyword();
        }

        @Override
        public String visitToken(Operand.TokenRef token, Void unused) {
            return token.display();
        }

        @Override
        public String visitDateArithmetic(Operand.DateArithmetic arithmetic, Void unused) {
            StringBuilder text = new StringBuilder("(time ").append(arithmetic.base().display());
            for (Operand.Offset offset : arithmetic.offsets()) {
                text.append(offset.minus() ? " - " : " + ").append(offset.factor()).append(' ')
                        .append(offset.period().display());
            }
            return text.append(')').toString();
        }

        @Override
        public String visitPath(Operand.PathOperand path, Void unused) {
            return "/" + path.path().text();
        }
    };

    static String print(Expr e) {
        return e.accept(CONDITIONS, null);
    }

    static String print(Operand o) {
        return o.accept(OPERANDS, null);
    }
}
