package dev.warden.processor.constraint;

import java.util.Set;

/**
 * Splits a constraint into tokens, one at a time. Problems are thrown as {@link SyntaxError}, which the
 * parser turns into a {@link ConstraintProblem}; nothing else is thrown.
 */
final class ConstraintLexer {

    enum Type {
        LBRACKET, RBRACKET, LPAREN, RPAREN, SLASH, COMMA, OP, STRING, NUMBER, NAME, TOKEN,
        /** A quoted string that starts with a token and goes on: date arithmetic, parsed by {@link DateArithmeticParser}. */
        DATE_ARITHMETIC,
        EOF
    }

    /**
     * A token. {@code value} is the operator symbol, the decoded string, the number as written, the name,
     * or the token name without {@code [% %]}.
     */
    record Lexeme(Type type, String value, Span span) {
        boolean is(Type t) {
            return type == t;
        }

        boolean isName(String name) {
            return type == Type.NAME && value.equals(name);
        }

        /** How messages name this token: "end of text", "']'", "'owner'", "the string 'x'". */
        String describe() {
            switch (type) {
                case EOF:
                    return "end of text";
                case STRING:
                    return "the string " + quote(value);
                case NUMBER:
                    return "the number " + abbreviate(value);
                case TOKEN:
                    return "the token [%" + abbreviate(value) + "%]";
                case DATE_ARITHMETIC:
                    return "the date arithmetic " + quote(value);
                default:
                    return "'" + abbreviate(value) + "'";
            }
        }
    }

    /** A syntax problem found while lexing or parsing. Internal to the parser. */
    static final class SyntaxError extends RuntimeException {
        final ConstraintProblem.Kind kind;
        final Span span;
        final String hint;

        SyntaxError(Span span, String message, String hint) {
            this(ConstraintProblem.Kind.SYNTAX, span, message, hint);
        }

        SyntaxError(ConstraintProblem.Kind kind, Span span, String message, String hint) {
            super(message, null, false, false);
            this.kind = kind;
            this.span = span;
            this.hint = hint;
        }
    }

    /** Words with a meaning of their own; they cannot be member names. */
    static final Set<String> RESERVED = Set.of("and", "or", "not", "empty", "NULL");

    private final String text;
    private int pos;

    ConstraintLexer(String text) {
        this.text = text;
    }

    Lexeme next() {
        skipWhitespace();
        int start = pos;
        if (pos >= text.length()) {
            return new Lexeme(Type.EOF, "", new Span(text.length(), 0));
        }
        char c = text.charAt(pos);
        switch (c) {
            case '[':
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '%') {
                    return unquotedToken();
                }
                return single(Type.LBRACKET, "[");
            case ']':
                return single(Type.RBRACKET, "]");
            case '(':
                return single(Type.LPAREN, "(");
            case ')':
                return single(Type.RPAREN, ")");
            case '/':
                return single(Type.SLASH, "/");
            case ',':
                return single(Type.COMMA, ",");
            case '=':
                return single(Type.OP, "=");
            case '!':
                if (peekChar(1) == '=') {
                    pos += 2;
                    return new Lexeme(Type.OP, "!=", Span.between(start, pos));
                }
                throw new SyntaxError(new Span(start, 1), "expected '!=' but found '!'",
                        "to negate a condition, write not(...)");
            case '<':
                if (peekChar(1) == '>') {
                    throw new SyntaxError(new Span(start, 2), "'<>' is not an operator", "write '!=' for 'not equal'");
                }
                return peekChar(1) == '=' ? pair(Type.OP, "<=") : single(Type.OP, "<");
            case '>':
                return peekChar(1) == '=' ? pair(Type.OP, ">=") : single(Type.OP, ">");
            case '\'':
            case '"':
                return string(c);
            default:
                break;
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        int cp = text.codePointAt(pos);
        if (Character.isJavaIdentifierStart(cp)) {
            return name();
        }
        throw strayCharacter(start, cp);
    }

    private SyntaxError strayCharacter(int start, int cp) {
        Span span = new Span(start, Character.charCount(cp));
        String shown = displayCodePoint(cp);
        if (cp == '.') {
            return new SyntaxError(span, "unexpected character '.'",
                    "separate the members of a path with '/', as in customer/name");
        }
        if (cp == '&' || cp == '|') {
            return new SyntaxError(span, "unexpected character " + shown,
                    "join conditions with 'and' or 'or'");
        }
        if (cp == '%') {
            return new SyntaxError(span, "unexpected character '%'", "write a token as '[%Name%]'");
        }
        return new SyntaxError(span, "unexpected character " + shown, null);
    }

    private Lexeme single(Type type, String value) {
        pos++;
        return new Lexeme(type, value, new Span(pos - 1, 1));
    }

    private Lexeme pair(Type type, String value) {
        pos += 2;
        return new Lexeme(type, value, new Span(pos - 2, 2));
    }

    private Lexeme unquotedToken() {
        int start = pos;
        int close = text.indexOf("%]", start + 2);
        if (close < 0) {
            throw new SyntaxError(Span.between(start, text.length()),
                    "unterminated token: expected '%]' but found end of text", "write a token as '[%Name%]'");
        }
        pos = close + 2;
        Span span = Span.between(start, pos);
        return new Lexeme(Type.TOKEN, tokenName(text.substring(start + 2, close), span), span);
    }

    private Lexeme string(char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError(Span.between(start, text.length()),
                        "unterminated string: expected a closing " + quote + " but found end of text",
                        "to write the quote itself inside the string, double it: " + quote + quote);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                if (peekChar(1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            value.append(c);
            pos++;
        }
        Span span = Span.between(start, pos);
        String content = value.toString();
        int tokenEnd = content.startsWith("[%") ? content.indexOf("%]", 2) : -1;
        if (tokenEnd >= 0 && tokenEnd + 2 == content.length()) {
            return new Lexeme(Type.TOKEN, tokenName(content.substring(2, content.length() - 2), span), span);
        }
        if (tokenEnd >= 0) {
            return new Lexeme(Type.DATE_ARITHMETIC, content, span);
        }
        return new Lexeme(Type.STRING, content, span);
    }

    private static String tokenName(String name, Span span) {
        if (!isIdentifier(name)) {
            throw new SyntaxError(span, "malformed token [%" + abbreviate(name) + "%]: a token name is a Java identifier",
                    "for example '[%CurrentUser%]' or '[%UserRole_Manager%]'");
        }
        return name;
    }

    private Lexeme number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw new SyntaxError(new Span(start, 1), "expected a digit after '-' but found "
                        + describeCharAt(pos), null);
            }
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw new SyntaxError(Span.between(start, pos), "expected a digit after '.' in the number "
                        + text.substring(start, pos) + " but found " + describeCharAt(pos), null);
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        return new Lexeme(Type.NUMBER, text.substring(start, pos), Span.between(start, pos));
    }

    private Lexeme name() {
        int start = pos;
        pos = identifierEnd(pos);
        if (text.substring(start, pos).equals(Reversed.KEYWORD) && nextNonBlankIs(pos, '(')) {
            return reversed(start);
        }
        // Function names have hyphens (starts-with, year-from-dateTime): a hyphenated word followed by '(' is one
        // name; elsewhere a '-' is not part of a name.
        int end = pos;
        while (end + 1 < text.length() && text.charAt(end) == '-'
                && Character.isJavaIdentifierStart(text.codePointAt(end + 1))) {
            end = identifierEnd(end + 1);
        }
        if (end > pos && nextNonBlankIs(end, '(')) {
            pos = end;
        }
        return new Lexeme(Type.NAME, text.substring(start, pos), Span.between(start, pos));
    }

    /**
     * {@code reversed(Owner.pets)}: one path segment, named as written without blanks, read by {@link Reversed}; the
     * checker reports a malformed argument on the whole segment.
     */
    private Lexeme reversed(int start) {
        int close = text.indexOf(')', pos);
        if (close < 0) {
            throw new SyntaxError(Span.between(start, text.length()), "expected ')' to close reversed(",
                    "name the association as Entity.member, as in reversed(Owner.pets)");
        }
        pos = close + 1;
        String value = text.substring(start, pos).replaceAll("\\s+", "");
        return new Lexeme(Type.NAME, value, Span.between(start, pos));
    }

    /** The end of the identifier that starts at {@code at}. */
    private int identifierEnd(int at) {
        int i = at + Character.charCount(text.codePointAt(at));
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private boolean nextNonBlankIs(int at, char c) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == c;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                return;
            }
            pos += Character.charCount(cp);
        }
    }

    private char peekChar(int ahead) {
        int at = pos + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private String describeCharAt(int at) {
        return at >= text.length() ? "end of text" : displayCodePoint(text.codePointAt(at));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static String displayCodePoint(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || !Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    static String quote(String value) {
        return "'" + abbreviate(value).replace("'", "''") + "'";
    }

    static String abbreviate(String value) {
        int limit = 40;
        if (value.length() <= limit) {
            return value;
        }
        int cut = limit;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "...";
    }
}
