package dev.warden.processor.constraint;

import dev.warden.processor.constraint.ConstraintLexer.Lexeme;
import dev.warden.processor.constraint.ConstraintLexer.SyntaxError;
import dev.warden.processor.constraint.ConstraintLexer.Type;
import dev.warden.processor.constraint.Expr.Op;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.warden.processor.names.DidYouMean;

/**
 * Parses a constraint (security-model.md §3) into an {@link Expr}: a hand-written lexer and a
 * recursive-descent parser, one method per grammar rule. It never throws: whatever the input, the result
 * holds either the tree or the problems (the first syntax error, with its exact position).
 *
 * <pre>
 * constraint  := '[' expr ']' ( '[' expr ']' )*
 * expr        := and ( 'or' and )*
 * and         := unary ( 'and' unary )*
 * unary       := 'not' '(' expr ')' | '(' expr ')' | comparison | function | path | token | true() | false()
 * unary       := ... | predicate
 * predicate   := path '[' expr ']'                          a sub-constraint on the associated objects
 * comparison  := ( path | value '(' path ')' ) op operand
 * operand     := string | number | true() | false() | empty | NULL | token | arithmetic | path
 * arithmetic  := '\'' token ( ('+' | '-') ( integer '*' )? token )* '\''      see {@link DateArithmeticParser}
 * path        := member ( '/' member )*
 * function    := (contains | starts-with | ends-with) '(' path ',' string ')'
 * value       := string-length | length | year-from-dateTime | month-from-dateTime | day-from-dateTime
 *              | hours-from-dateTime | minutes-from-dateTime | seconds-from-dateTime | quarter-from-dateTime
 *              | week-from-dateTime | weekday-from-dateTime | day-of-year-from-dateTime
 * </pre>
 */
public final class ConstraintParser {

    /** Deeper nesting of {@code not(} and {@code (} than this is refused (and cannot overflow the stack). */
    public static final int MAX_NESTING = 100;

    private final String text;
    private final ConstraintLexer lexer;
    private Lexeme current;
    private int previousEnd;

    private ConstraintParser(String text) {
        this.text = text;
        this.lexer = new ConstraintLexer(text);
    }

    /**
     * Parses {@code text}. A null or blank text gives an {@linkplain ParseResult#isEmpty() empty} result
     * (no constraint).
     */
    public static ParseResult parse(String text) {
        String source = text == null ? "" : text;
        if (source.isBlank()) {
            return ParseResult.empty(source);
        }
        try {
            return ParseResult.of(source, new ConstraintParser(source).constraint());
        } catch (SyntaxError e) {
            return ParseResult.failed(source, List.of(new ConstraintProblem(e.kind, e.span, e.getMessage(), e.hint)));
        } catch (RuntimeException | StackOverflowError e) {
            // Not expected; the fuzz test looks for this message. Better a problem than a crashed compiler.
            return ParseResult.failed(source, List.of(new ConstraintProblem(ConstraintProblem.Kind.SYNTAX,
                    new Span(0, source.length()), "internal error while parsing the constraint: " + e, null)));
        }
    }

    // constraint := '[' expr ']' ( '[' expr ']' )*
    private Expr constraint() {
        advance();
        if (!current.is(Type.LBRACKET)) {
            String hint = (current.is(Type.NAME) || current.is(Type.TOKEN)) && text.strip().length() <= 60
                    ? "a constraint is written in square brackets, as in [" + text.strip() + "]"
                    : "a constraint is written in square brackets, as in [owner = '[%CurrentUser%]']";
            throw expected("'[' to start the constraint", hint);
        }
        int start = current.span().offset();
        List<Expr> brackets = new ArrayList<>();
        while (current.is(Type.LBRACKET)) {
            Lexeme open = current;
            advance();
            if (current.is(Type.RBRACKET)) {
                throw new SyntaxError(Span.between(open.span().offset(), current.span().end()),
                        "expected a condition inside '[ ]' but found ']'",
                        "write a condition such as [owner = '[%CurrentUser%]'], or leave the constraint out");
            }
            brackets.add(or(0));
            if (!current.is(Type.RBRACKET)) {
                throw expected("']' to close the constraint", closingHint());
            }
            advance();
        }
        if (!current.is(Type.EOF)) {
            throw expected("'[' or end of text after ']'",
                    "join conditions inside one bracket with 'and' or 'or', or add another [condition]");
        }
        return brackets.size() == 1 ? brackets.get(0) : new Expr.And(brackets, Span.between(start, previousEnd));
    }

    private String closingHint() {
        if (current.is(Type.NAME)) {
            String lower = current.value().toLowerCase(Locale.ROOT);
            if (!lower.equals(current.value()) && (lower.equals("and") || lower.equals("or"))) {
                return "keywords are lower-case: write '" + lower + "'";
            }
            return "join conditions with 'and' or 'or'";
        }
        return null;
    }

    // expr := and ( 'or' and )*
    private Expr or(int depth) {
        int start = current.span().offset();
        List<Expr> operands = new ArrayList<>();
        operands.add(and(depth));
        while (current.isName("or")) {
            advance();
            operands.add(and(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands, Span.between(start, previousEnd));
    }

    // and := unary ( 'and' unary )*
    private Expr and(int depth) {
        int start = current.span().offset();
        List<Expr> operands = new ArrayList<>();
        operands.add(unary(depth));
        while (current.isName("and")) {
            advance();
            operands.add(unary(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.And(operands, Span.between(start, previousEnd));
    }

    // unary := 'not' '(' expr ')' | '(' expr ')' | comparison | function | path | token | true() | false()
    private Expr unary(int depth) {
        Lexeme first = current;
        if (first.isName("not")) {
            checkDepth(depth);
            advance();
            if (!current.is(Type.LPAREN)) {
                throw expected("'(' after 'not'", "write not(condition), as in not(lines)");
            }
            advance();
            Expr operand = or(depth + 1);
            expectClose("')' to close 'not('");
            return new Expr.Not(operand, Span.between(first.span().offset(), previousEnd));
        }
        if (first.is(Type.LPAREN)) {
            checkDepth(depth);
            advance();
            Expr inner = or(depth + 1);
            expectClose("')' to close '('");
            return inner;
        }
        if (first.is(Type.NAME)) {
            Expr.Function function = function(first.value());
            if (function != null && lexerPeekIsParen()) {
                return functionCall(function);
            }
            if (first.value().equals("true") || first.value().equals("false")) {
                return booleanConstant(first);
            }
            Expr.ValueFunction valueFunction = Expr.ValueFunction.named(first.value());
            if (valueFunction != null && lexerPeekIsParen()) {
                return valueComparison(valueFunction);
            }
            if (lexerPeekIsParen() && !ConstraintLexer.RESERVED.contains(first.value())) {
                throw unknownFunction(first);
            }
            Path path = path("a condition");
            if (current.is(Type.LBRACKET)) {
                return predicate(path, depth);
            }
            if (current.is(Type.OP)) {
                return comparison(path);
            }
            if (current.is(Type.STRING) || current.is(Type.NUMBER) || current.is(Type.TOKEN)) {
                throw expected("an operator (= != < <= > >=) after '" + path.text() + "'", null);
            }
            return new Expr.PathTest(path, path.span());
        }
        if (first.is(Type.TOKEN)) {
            advance();
            Operand.TokenRef token = new Operand.TokenRef(first.value(), isQuoted(first), first.span());
            if (current.is(Type.OP)) {
                throw new SyntaxError(Span.between(first.span().offset(), current.span().end()),
                        "a comparison must start with a member path, not with a token",
                        "swap the two sides, as in [owner " + current.value() + " " + first.span().of(text) + "]");
            }
            return new Expr.TokenTest(token, first.span());
        }
        if (first.is(Type.STRING) || first.is(Type.NUMBER) || first.is(Type.DATE_ARITHMETIC)) {
            throw expected("a condition", "a comparison starts with a member path, as in [name = 'Alice']");
        }
        throw expected("a condition", null);
    }

    /** Every function of the language, for "did you mean" when a name before '(' is none of them. */
    static final List<String> FUNCTION_NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("not", "true", "false"));
        for (Expr.Function f : Expr.Function.values()) {
            names.add(f.keyword());
        }
        for (Expr.ValueFunction f : Expr.ValueFunction.values()) {
            names.add(f.keyword());
        }
        FUNCTION_NAMES = List.copyOf(names);
    }

    private SyntaxError unknownFunction(Lexeme name) {
        String hint = DidYouMean.closest(name.value(), FUNCTION_NAMES).map(f -> "did you mean " + f + "()?")
                .orElse("the functions are " + String.join("(), ", FUNCTION_NAMES) + "()");
        return new SyntaxError(ConstraintProblem.Kind.UNKNOWN_FUNCTION, name.span(),
                "unknown function '" + ConstraintLexer.abbreviate(name.value()) + "'", hint);
    }

    // function '(' path ')' op operand, as in string-length(name) > 3
    private Expr valueComparison(Expr.ValueFunction function) {
        int start = current.span().offset();
        String name = function.keyword();
        advance();
        advance(); // the '(' checked by lexerPeekIsParen
        Path path = path("a member path as the argument of " + name + "()");
        expectClose("')' to close " + name + "(");
        if (!current.is(Type.OP)) {
            throw expected("an operator (= != < <= > >=) after " + name + "(" + path.text() + ")",
                    "compare the function's value, as in [" + name + "(" + path.text() + ") > 3]");
        }
        Lexeme opToken = current;
        Op op = op(opToken.value());
        advance();
        Operand right = operand(opToken);
        return new Expr.Comparison(function, path, op, opToken.span(), right, Span.between(start, previousEnd));
    }

    // predicate := path '[' expr ']'
    private Expr predicate(Path path, int depth) {
        checkDepth(depth);
        Lexeme open = current;
        advance();
        if (current.is(Type.RBRACKET)) {
            throw new SyntaxError(Span.between(open.span().offset(), current.span().end()),
                    "expected a condition inside '[ ]' after '" + path.text() + "' but found ']'",
                    "write a condition on the associated objects, as in " + path.text() + "[name = 'x']");
        }
        Expr condition = or(depth + 1);
        if (!current.is(Type.RBRACKET)) {
            throw expected("']' to close the sub-constraint on '" + path.text() + "'", closingHint());
        }
        advance();
        Span span = Span.between(path.span().offset(), previousEnd);
        if (current.is(Type.SLASH)) {
            throw expected("a condition to end after the sub-constraint on '" + path.text() + "'",
                    "a path cannot go on after a sub-constraint: put the rest inside it, as in "
                            + path.text() + "[member/... = ...]");
        }
        if (current.is(Type.OP)) {
            throw expected("'and', 'or' or the end of the condition after the sub-constraint on '" + path.text() + "'",
                    "a sub-constraint is a condition, not a value: compare inside it, as in " + path.text()
                            + "[member " + current.value() + " ...]");
        }
        return new Expr.Predicate(path, condition, span);
    }

    // 'true()' | 'false()' as a condition
    private Expr booleanConstant(Lexeme word) {
        advance();
        if (!current.is(Type.LPAREN)) {
            throw expected("'(' after '" + word.value() + "'", "write " + word.value() + "(), as in [" + word.value()
                    + "()] or [active = " + word.value() + "()]");
        }
        advance();
        if (!current.is(Type.RPAREN)) {
            throw expected("')' after '" + word.value() + "('", "write " + word.value() + "()");
        }
        advance();
        Span span = Span.between(word.span().offset(), previousEnd);
        if (current.is(Type.OP)) {
            throw new SyntaxError(Span.between(word.span().offset(), current.span().end()),
                    "a comparison must start with a member path, not with " + word.value() + "()",
                    "swap the two sides, as in [active " + current.value() + " " + word.value() + "()]");
        }
        return new Expr.BooleanConstant(word.value().equals("true"), span);
    }

    private boolean isQuoted(Lexeme token) {
        char c = text.charAt(token.span().offset());
        return c == '\'' || c == '"';
    }

    private void checkDepth(int depth) {
        if (depth >= MAX_NESTING) {
            throw new SyntaxError(current.span(),
                    "the constraint nests parentheses more than " + MAX_NESTING + " levels deep", null);
        }
    }

    private static Expr.Function function(String name) {
        for (Expr.Function f : Expr.Function.values()) {
            if (f.keyword().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private boolean lexerPeekIsParen() {
        // A function name must be followed by '('; otherwise the word is an ordinary member name.
        int at = current.span().end();
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at < text.length() && text.charAt(at) == '(';
    }

    // function := (contains | starts-with | ends-with) '(' path ',' string ')'
    private Expr functionCall(Expr.Function function) {
        int start = current.span().offset();
        String name = function.keyword();
        advance();
        advance(); // the '(' checked by lexerPeekIsParen
        Path path = path("a member path as the first argument of " + name + "()");
        if (!current.is(Type.COMMA)) {
            throw expected("',' after the member path in " + name + "()",
                    "write " + name + "(" + path.text() + ", 'text')");
        }
        advance();
        if (!current.is(Type.STRING)) {
            String hint = current.is(Type.TOKEN)
                    ? "the text to look for must be a string literal; tokens are not supported here"
                    : "write " + name + "(" + path.text() + ", 'text')";
            throw expected("a string as the second argument of " + name + "()", hint);
        }
        Lexeme literal = current;
        advance();
        expectClose("')' to close " + name + "(");
        return new Expr.FunctionCall(function, path, literal.value(), literal.span(), Span.between(start, previousEnd));
    }

    // comparison := path op operand
    private Expr comparison(Path left) {
        Lexeme opToken = current;
        Op op = op(opToken.value());
        advance();
        Operand right = operand(opToken);
        return new Expr.Comparison(left, op, opToken.span(), right,
                Span.between(left.span().offset(), previousEnd));
    }

    private static Op op(String symbol) {
        for (Op op : Op.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        throw new IllegalStateException("lexer produced unknown operator " + symbol);
    }

    // operand := string | number | true() | false() | empty | NULL | token | path
    private Operand operand(Lexeme opToken) {
        Lexeme t = current;
        String what = "a value after '" + opToken.value() + "'";
        switch (t.type()) {
            case STRING:
                advance();
                return new Operand.StringLiteral(t.value(), t.span());
            case NUMBER:
                advance();
                return new Operand.NumberLiteral(t.value(), new BigDecimal(t.value()), t.span());
            case TOKEN:
                advance();
                return new Operand.TokenRef(t.value(), isQuoted(t), t.span());
            case DATE_ARITHMETIC:
                advance();
                return DateArithmeticParser.parse(t.value(), t.span());
            case NAME:
                if (t.value().equals("true") || t.value().equals("false")) {
                    advance();
                    if (!current.is(Type.LPAREN)) {
                        throw expected("'(' after '" + t.value() + "'", "write " + t.value() + "()");
                    }
                    advance();
                    if (!current.is(Type.RPAREN)) {
                        throw expected("')' after '" + t.value() + "('", "write " + t.value() + "()");
                    }
                    advance();
                    return new Operand.BooleanLiteral(t.value().equals("true"), Span.between(t.span().offset(), previousEnd));
                }
                if (t.value().equals(Operand.EmptyLiteral.EMPTY) || t.value().equals(Operand.EmptyLiteral.NULL)) {
                    advance();
                    return new Operand.EmptyLiteral(t.value(), t.span());
                }
                if (t.value().equalsIgnoreCase("null")) {
                    throw expected(what, "no value is written NULL (in capitals) or empty");
                }
                if (ConstraintLexer.RESERVED.contains(t.value())) {
                    throw expected(what, null);
                }
                return new Operand.PathOperand(path(what));
            default:
                String hint = t.is(Type.OP)
                        ? "write one operator: = != < <= > >="
                        : "compare with a string, a number, true(), false(), empty, NULL, a token or a member path";
                throw expected(what, hint);
        }
    }

    // path := member ( '/' member )*
    private Path path(String what) {
        List<Path.Segment> segments = new ArrayList<>();
        segments.add(member(what));
        while (current.is(Type.SLASH)) {
            advance();
            segments.add(member("a member name after '/'"));
        }
        return new Path(segments, Span.covering(segments.get(0).span(), segments.get(segments.size() - 1).span()));
    }

    private Path.Segment member(String what) {
        if (!current.is(Type.NAME)) {
            throw expected(what, null);
        }
        if (ConstraintLexer.RESERVED.contains(current.value()) || function(current.value()) != null
                && lexerPeekIsParen()) {
            throw expected(what, "'" + current.value() + "' is a keyword, not a member name");
        }
        if (current.value().equals("true") || current.value().equals("false")) {
            throw expected(what, null);
        }
        Path.Segment segment = new Path.Segment(current.value(), current.span());
        advance();
        return segment;
    }

    private void expectClose(String what) {
        if (!current.is(Type.RPAREN)) {
            throw expected(what, closingHint());
        }
        advance();
    }

    private SyntaxError expected(String what, String hint) {
        return new SyntaxError(current.span(), "expected " + what + " but found " + current.describe(), hint);
    }

    private void advance() {
        if (current != null) {
            previousEnd = current.span().end();
        }
        current = lexer.next();
    }
}
