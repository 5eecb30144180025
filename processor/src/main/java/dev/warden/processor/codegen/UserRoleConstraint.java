package dev.warden.processor.codegen;

import dev.warden.processor.constraint.Expr;
import dev.warden.processor.constraint.Node;
import dev.warden.processor.constraint.Operand;
import dev.warden.processor.constraint.TokenMeaning;
import java.util.ArrayList;
import java.util.List;

/**
 * A constraint as it reads for a user who has exactly one user role: every {@code '[%UserRole_X%]'} replaced by
 * whether X is that role, and the boolean expression simplified as far as those constants allow, for the security
 * overview. {@code [status = 'CANCELLED' or '[%UserRole_Administrator%]']} is "always" for an Administrator and
 * {@code [status = 'CANCELLED']} for everyone else; {@code [not('[%UserRole_Guest%]') and active = true()]} is
 * {@code [active = true()]} for everyone but a Guest, and "never" for a Guest.
 *
 * <p>Only the constants are folded: a condition without a role token is kept exactly as written (it may be true or
 * false depending on the object), and a constraint without a role token comes back unchanged, character for
 * character.
 */
final class UserRoleConstraint {

    /**
     * The outcome.
     *
     * @param always the constraint holds for every object
     * @param never it holds for none
     * @param text otherwise the constraint that remains, written as a constraint ({@code [status = 'CANCELLED']})
     */
    record Resolved(boolean always, boolean never, String text) {}

    private enum Kind { TRUE, FALSE, CONDITION }

    /** Binding strength of what a part's text is, for parentheses: an or, an and, or something tighter. */
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int ATOM = 3;

    /** A simplified sub-expression: a constant, or a condition with its text. */
    private record Part(Kind kind, String text, int strength, boolean changed) {
        static final Part TRUE = new Part(Kind.TRUE, "true()", ATOM, true);
        static final Part FALSE = new Part(Kind.FALSE, "false()", ATOM, true);
    }

    private UserRoleConstraint() {}

    /**
     * Resolves the role tokens of a constraint for a user role, from the expression validation parsed and checked
     * (the rule's {@code CheckedConstraint} in its plan); nothing is parsed here.
     *
     * @param expression the constraint's checked expression
     * @param constraint the constraint as written, whose text the expression's spans point into
     * @param userRole the user role
     * @return always, never, or the remaining constraint
     */
    static Resolved resolve(Expr expression, String constraint, String userRole) {
        Part part = simplify(expression, constraint, userRole);
        return switch (part.kind()) {
            case TRUE -> new Resolved(true, false, constraint);
            case FALSE -> new Resolved(false, true, constraint);
            case CONDITION -> new Resolved(false, false, part.changed() ? "[" + part.text() + "]" : constraint);
        };
    }

    private static Part simplify(Expr expr, String source, String userRole) {
        if (expr instanceof Expr.TokenTest test) {
            Boolean value = roleValue(test.token(), userRole);
            return value == null ? leaf(test, source) : value ? Part.TRUE : Part.FALSE;
        }
        if (expr instanceof Expr.Comparison comparison && comparison.right() instanceof Operand.TokenRef token
                && roleValue(token, userRole) != null) {
            // [flag = '[%UserRole_X%]']: the token is a constant for this user role
            return new Part(Kind.CONDITION, comparison.left().text() + " " + comparison.op().symbol() + " "
                    + (roleValue(token, userRole) ? "true()" : "false()"), ATOM, true);
        }
        if (expr instanceof Expr.Not not) {
            Part inner = simplify(not.operand(), source, userRole);
            return switch (inner.kind()) {
                case TRUE -> Part.FALSE;
                case FALSE -> Part.TRUE;
                case CONDITION -> new Part(Kind.CONDITION, "not(" + inner.text() + ")", ATOM, inner.changed());
            };
        }
        if (expr instanceof Expr.And and) {
            return combine(and.operands(), source, userRole, Kind.FALSE, " and ", AND);
        }
        if (expr instanceof Expr.Or or) {
            return combine(or.operands(), source, userRole, Kind.TRUE, " or ", OR);
        }
        return leaf(expr, source);
    }

    /**
     * An {@code and} ({@code absorbing} FALSE: one false operand makes it false, true operands drop out) or an
     * {@code or} (absorbing TRUE).
     */
    private static Part combine(List<Expr> operands, String source, String userRole, Kind absorbing, String joiner,
            int strength) {
        List<Part> kept = new ArrayList<>();
        boolean changed = false;
        for (Expr operand : operands) {
            Part part = simplify(operand, source, userRole);
            changed |= part.changed();
            if (part.kind() == absorbing) {
                return absorbing == Kind.TRUE ? Part.TRUE : Part.FALSE;
            }
            if (part.kind() == Kind.CONDITION) {
                kept.add(part);
            }
        }
        if (kept.isEmpty()) {
            return absorbing == Kind.TRUE ? Part.FALSE : Part.TRUE;
        }
        if (kept.size() == 1) {
            Part only = kept.get(0);
            return new Part(Kind.CONDITION, only.text(), only.strength(), true);
        }
        List<String> texts = new ArrayList<>();
        for (Part part : kept) {
            texts.add(part.strength() < strength ? "(" + part.text() + ")" : part.text());
        }
        return new Part(Kind.CONDITION, String.join(joiner, texts), strength, changed);
    }

    /** A condition without role tokens, as written. */
    private static Part leaf(Node node, String source) {
        return new Part(Kind.CONDITION, node.span().of(source), ATOM, false);
    }

    /** Whether a user with only {@code userRole} has the role a token tests; null for another token. */
    private static Boolean roleValue(Operand.TokenRef token, String userRole) {
        if (!token.name().startsWith(TokenMeaning.USER_ROLE_PREFIX)) {
            return null;
        }
        return token.name().substring(TokenMeaning.USER_ROLE_PREFIX.length()).equals(userRole);
    }
}
