package dev.warden.processor.constraint;

import java.util.stream.Collectors;

/** Prints a tree as a compact S-expression, so that parser tests can state the expected tree in one line. */
final class AstPrinter {
    private AstPrinter() {}

    static String print(Expr e) {
        if (e instanceof Expr.Or) {
            return "(or " + ((Expr.Or) e).operands().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + ")";
        } else if (e instanceof Expr.And) {
            return "(and " + ((Expr.And) e).operands().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + ")";
        } else if (e instanceof Expr.Not) {
            return "(not " + print(((Expr.Not) e).operand()) + ")";
        } else if (e instanceof Expr.Comparison) {
            Expr.Comparison c = (Expr.Comparison) e;
            return "(" + c.op().symbol() + " " + c.left().text() + " " + print(c.right()) + ")";
        } else if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall f = (Expr.FunctionCall) e;
            return "(" + f.function().keyword() + " " + f.path().text() + " '" + f.text() + "')";
        } else if (e instanceof Expr.PathTest) {
            return ((Expr.PathTest) e).path().text();
        } else {
            return print(((Expr.TokenTest) e).token());
        }
    }

    static String print(Operand o) {
        if (o instanceof Operand.StringLiteral) {
            return "'" + ((Operand.StringLiteral) o).value() + "'";
        } else if (o instanceof Operand.NumberLiteral) {
            return "#" + ((Operand.NumberLiteral) o).text();
        } else if (o instanceof Operand.BooleanLiteral) {
            return ((Operand.BooleanLiteral) o).value() + "()";
        } else if (o instanceof Operand.EmptyLiteral) {
            return "empty";
        } else if (o instanceof Operand.TokenRef) {
            return ((Operand.TokenRef) o).display();
        } else {
            return "/" + ((Operand.PathOperand) o).path().text();
        }
    }
}
