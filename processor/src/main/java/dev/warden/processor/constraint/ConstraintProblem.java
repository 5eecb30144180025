package dev.warden.processor.constraint;

import java.util.Objects;

/**
 * One thing wrong with a constraint: what kind of problem, where in the constraint text
 * ({@code offset}/{@code length}, UTF-16 indices), a message saying what is wrong and, when there is one,
 * a hint saying how to fix it (often "did you mean ...?").
 */
public record ConstraintProblem(Kind kind, int offset, int length, String message, String hint) {

    /**
     * What kind of problem. {@link #SYNTAX} and {@link #UNKNOWN_FUNCTION} come from the parser, {@link #DATE_ARITHMETIC}
     * from both, all others from the checker.
     */
    public enum Kind {
        SYNTAX,
        /** A name followed by {@code (} that is not a function of the language. */
        UNKNOWN_FUNCTION,
        /** Date arithmetic that is malformed or means nothing: {@code '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'}. */
        DATE_ARITHMETIC,
        UNKNOWN_MEMBER,
        TYPE_MISMATCH,
        UNKNOWN_ENUM_CONSTANT,
        CURRENT_USER_TYPE,
        UNORDERED_COMPARISON,
        CALCULATED_MEMBER,
        UNKNOWN_TOKEN,
        AMBIGUOUS_TO_MANY,
        /** A sub-constraint, {@code path[condition]}, on a path that does not end at an association. */
        NOT_AN_ASSOCIATION,
        /** {@code reversed(Entity.member)} that names no association of another entity leading to this one. */
        REVERSED,
        /**
         * A warning, not an error: conditions joined by {@code and} that go through the same to-many association
         * separately ({@link CheckedConstraint#warnings(String)}).
         */
        SEPARATE_TO_MANY
    }

    public ConstraintProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative position " + offset + "+" + length);
        }
    }

    public ConstraintProblem(Kind kind, Span span, String message, String hint) {
        this(kind, span.offset(), span.length(), message, hint);
    }

    /** Where the problem is. */
    public Span span() {
        return new Span(offset, length);
    }

    /**
     * The message, then the line of the constraint that has the problem with a caret line under it, then
     * the hint:
     *
     * <pre>
     * unknown token [%CurrentUsr%]
     *   [owner = '[%CurrentUsr%]']
     *            ^^^^^^^^^^^^^^^^
     *   did you mean [%CurrentUser%]?
     * </pre>
     */
    public String render(String constraintText) {
        StringBuilder out = new StringBuilder(message);
        String caret = caret(constraintText, offset, length);
        for (String line : caret.split("\n", -1)) {
            out.append("\n  ").append(line);
        }
        if (hint != null && !hint.isEmpty()) {
            out.append("\n  ").append(hint);
        }
        return out.toString();
    }

    /**
     * Two lines: the line of {@code text} where the span starts, and under it a caret line marking the span
     * (at least one caret, even for an empty span at the end of the text). A span reaching past the end of
     * its line is marked up to the line end. Tabs are kept in the caret line so that it stays aligned.
     */
    public static String caret(String text, int offset, int length) {
        String source = text == null ? "" : text;
        int start = Math.max(0, Math.min(offset, source.length()));
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String line = source.substring(lineStart, lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
            lineEnd--;
        }
        int end = Math.max(start, Math.min(start + Math.max(0, length), lineEnd));
        StringBuilder marks = new StringBuilder();
        for (int i = lineStart; i < start; ) {
            int cp = source.codePointAt(i);
            marks.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        int carets = end <= start ? 1 : source.codePointCount(start, end);
        marks.append("^".repeat(Math.max(1, carets)));
        return line + "\n" + marks;
    }
}
