package dev.warden.processor.constraint;

import dev.warden.processor.constraint.ConstraintLexer.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the date arithmetic inside one quoted string (security-model.md §6), as Mendix writes it:
 *
 * <pre>
 * arithmetic := token ( ('+' | '-') ( integer '*' )? token )*      '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'
 * </pre>
 *
 * Spaces may stand between the parts. The first token should be a date-time token and the others periods; the checker
 * decides that, as it resolves every token. Problems are {@link ConstraintProblem.Kind#DATE_ARITHMETIC} syntax errors
 * at their position in the whole constraint.
 */
final class DateArithmeticParser {

    /** A factor with more digits than this is refused (the checker bounds the whole offset). */
    static final int MAX_FACTOR_DIGITS = 9;

    private final String text;
    /** The offset of {@code text}'s first character in the constraint. */
    private final int base;
    private int pos;

    private DateArithmeticParser(String text, int base) {
        this.text = text;
        this.base = base;
    }

    /**
     * Parses {@code content}, the text between the quotes of the string whose span is {@code string}.
     *
     * @throws SyntaxError when the arithmetic is malformed
     */
    static Operand.DateArithmetic parse(String content, Span string) {
        if (content.indexOf('\'') >= 0 || content.indexOf('"') >= 0) {
            throw error(string, "date arithmetic holds no quotes", null);
        }
        return new DateArithmeticParser(content, string.offset() + 1).arithmetic(string);
    }

    private Operand.DateArithmetic arithmetic(Span string) {
        Operand.TokenRef first = token("a date-time token such as [%BeginOfCurrentDay%]");
        List<Operand.Offset> offsets = new ArrayList<>();
        skipBlanks();
        while (pos < text.length()) {
            int start = pos;
            char sign = text.charAt(pos);
            if (sign != '+' && sign != '-') {
                throw error(here(1), "expected '+' or '-' after " + lastToken(offsets, first) + " but found "
                        + found(), "write the arithmetic as in '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'");
            }
            pos++;
            skipBlanks();
            long factor = 1;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                int digits = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos - digits > MAX_FACTOR_DIGITS) {
                    throw error(Span.between(base + digits, base + pos), "the factor " + abbreviate(digits)
                            + " has more than " + MAX_FACTOR_DIGITS + " digits", "use a smaller period, such as "
                            + "[%YearLength%] instead of [%DayLength%]");
                }
                factor = Long.parseLong(text.substring(digits, pos));
                skipBlanks();
                if (pos >= text.length() || text.charAt(pos) != '*') {
                    throw error(here(1), "expected '*' after the factor " + factor + " but found " + found(),
                            "multiply a period by a whole number, as in 3 * [%DayLength%]");
                }
                pos++;
                skipBlanks();
            }
            Operand.TokenRef period = token("a period token such as [%DayLength%] after '" + sign + "'");
            offsets.add(new Operand.Offset(sign == '-', factor, period, Span.between(base + start, period.span().end())));
            skipBlanks();
        }
        return new Operand.DateArithmetic(first, offsets, string);
    }

    /** {@code [%Name%]} at the current position. */
    private Operand.TokenRef token(String what) {
        skipBlanks();
        int start = pos;
        if (!text.startsWith("[%", pos)) {
            throw error(here(1), "expected " + what + " but found " + found(), null);
        }
        int close = text.indexOf("%]", pos + 2);
        if (close < 0) {
            throw error(Span.between(base + start, base + text.length()), "unterminated token: expected '%]' but "
                    + "found the end of the string", "write a token as [%Name%]");
        }
        String name = text.substring(pos + 2, close);
        pos = close + 2;
        Span span = Span.between(base + start, base + pos);
        if (!ConstraintLexer.isIdentifier(name)) {
            throw error(span, "malformed token [%" + ConstraintLexer.abbreviate(name) + "%]: a token name is a Java "
                    + "identifier", null);
        }
        return new Operand.TokenRef(name, true, span);
    }

    private static String lastToken(List<Operand.Offset> offsets, Operand.TokenRef first) {
        return (offsets.isEmpty() ? first : offsets.get(offsets.size() - 1).period()).display();
    }

    private String abbreviate(int from) {
        return ConstraintLexer.abbreviate(text.substring(from, pos));
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Span here(int length) {
        return new Span(base + pos, pos < text.length() ? length : 0);
    }

    private String found() {
        return pos >= text.length() ? "the end of the string" : ConstraintLexer.displayCodePoint(text.codePointAt(pos));
    }

    private static SyntaxError error(Span span, String message, String hint) {
        return new SyntaxError(ConstraintProblem.Kind.DATE_ARITHMETIC, span, message, hint);
    }
}
