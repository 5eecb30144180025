package dev.warden.processor.diagnostics;

/**
 * Finds one element of an annotation's array value in Java source text, for {@link EclipsePositions}: from where
 * the attribute starts ({@code roles = {"A",\n "B"}}, or the {@code {} of a single-member annotation's value), the
 * offset of the {@code index}-th element. It skips comments, string, text-block and character literals and nested
 * brackets; anything it does not expect gives {@code -1}.
 */
final class SourceScanner {

    private SourceScanner() {}

    /** The offset where the index-th element of the array value starting at {@code start} begins, or -1. */
    static int arrayElement(char[] text, int start, int index) {
        int i = skipSpace(text, start);
        if (i < text.length && Character.isJavaIdentifierStart(text[i])) {
            while (i < text.length && Character.isJavaIdentifierPart(text[i])) {
                i++;
            }
            i = skipSpace(text, i);
            if (i >= text.length || text[i] != '=') {
                return -1;
            }
            i = skipSpace(text, i + 1);
        }
        if (i >= text.length) {
            return -1;
        }
        if (text[i] != '{') {
            return index == 0 ? i : -1;
        }
        i++;
        for (int element = 0; ; element++) {
            i = skipSpace(text, i);
            if (i >= text.length || text[i] == '}') {
                return -1;
            }
            if (element == index) {
                return i;
            }
            i = elementEnd(text, i);
            if (i < 0 || i >= text.length || text[i] != ',') {
                return -1;
            }
            i++;
        }
    }

    /** The offset of the {@code ,} or closing bracket that ends the expression starting at {@code start}. */
    static int elementEnd(char[] text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length) {
            char c = text[i];
            if (c == '"' || c == '\'') {
                i = literalEnd(text, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '/' && i + 1 < text.length && (text[i + 1] == '/' || text[i + 1] == '*')) {
                i = skipSpace(text, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The offset after the string, text block or character literal that starts at {@code start}, or -1. */
    private static int literalEnd(char[] text, int start) {
        char quote = text[start];
        if (quote == '"' && start + 2 < text.length && text[start + 1] == '"' && text[start + 2] == '"') {
            for (int i = start + 3; i + 2 < text.length; i++) {
                if (text[i] == '\\') {
                    i++;
                } else if (text[i] == '"' && text[i + 1] == '"' && text[i + 2] == '"') {
                    return i + 3;
                }
            }
            return -1;
        }
        for (int i = start + 1; i < text.length; i++) {
            if (text[i] == '\\') {
                i++;
            } else if (text[i] == quote) {
                return i + 1;
            } else if (text[i] == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The offset of the first character from {@code start} that is neither white space nor in a comment. */
    private static int skipSpace(char[] text, int start) {
        int i = start;
        while (i < text.length) {
            if (Character.isWhitespace(text[i])) {
                i++;
            } else if (text[i] == '/' && i + 1 < text.length && text[i + 1] == '/') {
                while (i < text.length && text[i] != '\n') {
                    i++;
                }
            } else if (text[i] == '/' && i + 1 < text.length && text[i + 1] == '*') {
                int end = i + 2;
                while (end + 1 < text.length && !(text[end] == '*' && text[end + 1] == '/')) {
                    end++;
                }
                i = end + 2;
            } else {
                return i;
            }
        }
        return text.length;
    }
}
