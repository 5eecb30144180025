package dev.warden.processor.codegen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last touch on a generated source, after JavaPoet has written it: a method (or constructor) whose body is one
 * short statement goes on one line, as people write getters, and enum constants follow each other without blank
 * lines. Nothing else changes; the result is the same for the same input.
 */
public final class CompactSource {

    /** Lines longer than this stay as JavaPoet wrote them. */
    static final int MAX_LINE = 120;

    /**
     * A method header line ending in {@code {}, one statement line, and the closing brace at the header's indentation.
     * The header must be a signature (it has a parameter list and is not a control statement or a class).
     */
    private static final Pattern ONE_STATEMENT_METHOD = Pattern.compile(
            "(?m)^( +)(\\S[^\\n]*\\)[^\\n;{}]*) \\{\\n +([^\\n]*;)\\n\\1\\}$");

    /** An enum constant with arguments, followed by a blank line before the next one. */
    private static final Pattern SPACED_ENUM_CONSTANT = Pattern.compile("(?m)^( +[A-Z_][A-Z_0-9]*\\([^\\n]*\\),)\\n\\n");

    /** A method or constructor with an empty body. */
    private static final Pattern EMPTY_BODY = Pattern.compile("(?m)^( +)(\\S[^\\n]*\\)) \\{\\n\\1\\}$");

    /** A Javadoc comment of one line of text. */
    private static final Pattern ONE_LINE_JAVADOC = Pattern.compile("(?m)^( *)/\\*\\*\\n\\1 \\* ([^\\n]+)\\n\\1 \\*/$");

    /** A blank line between two members written on one line each (accessors), which then read as one block. */
    private static final Pattern BLANK_BETWEEN_ONE_LINERS =
            Pattern.compile("(?m)^( +[^\\n]*\\) \\{ [^\\n]* \\})\\n\\n(?=\\1?( +)[^\\n]*\\) \\{ [^\\n]* \\}$)");

    /** A static one-line member directly followed by an instance one. */
    private static final Pattern STATIC_THEN_INSTANCE = Pattern.compile(
            "(?m)^( +[^\\n]* static [^\\n]*\\) \\{ [^\\n]* \\})\\n( +(?:public|protected|private) (?!static)[^\\n]*\\) \\{ )");

    /** The field, constructor and accessor of a member enum's name, as JavaPoet spaces them. */
    private static final Pattern MEMBER_NAME_BLOCK = Pattern.compile(
            "(?m)^( +private final String memberName;)\\n\\n( +Member\\(String memberName\\) \\{ [^\\n]* \\})\\n\\n"
                    + "( +@Override)$");

    private CompactSource() {}

    /**
     * The compact form of a source.
     *
     * @param source the source as JavaPoet wrote it
     * @return the source with one-statement methods on one line and enum constants without blank lines between them
     */
    public static String compact(String source) {
        Matcher methods = ONE_STATEMENT_METHOD.matcher(source);
        StringBuilder out = new StringBuilder();
        while (methods.find()) {
            String indent = methods.group(1);
            String header = methods.group(2);
            String statement = methods.group(3);
            String line = indent + header + " { " + statement + " }";
            boolean signature = !header.trim().matches("^(if|for|while|switch|synchronized|try|catch|else|do)\\b.*")
                    && !header.contains(" class ") && !header.contains(" enum ") && !header.contains(" record ")
                    && !header.contains(" interface ") && !statement.startsWith("case ");
            methods.appendReplacement(out, Matcher.quoteReplacement(
                    signature && line.length() <= MAX_LINE ? line : methods.group()));
        }
        methods.appendTail(out);
        String compact = SPACED_ENUM_CONSTANT.matcher(out).replaceAll("$1\n");
        compact = EMPTY_BODY.matcher(compact).replaceAll("$1$2 {}");
        compact = oneLineJavadoc(compact);
        compact = BLANK_BETWEEN_ONE_LINERS.matcher(compact).replaceAll("$1\n");
        // A member enum's name field, constructor and accessor read as one block.
        compact = MEMBER_NAME_BLOCK.matcher(compact).replaceAll("$1\n$2\n$3");
        // The instance one-liners (accessors) start a block of their own after the static ones (factories).
        return STATIC_THEN_INSTANCE.matcher(compact).replaceAll("$1\n\n$2");
    }

    private static String oneLineJavadoc(String source) {
        Matcher javadoc = ONE_LINE_JAVADOC.matcher(source);
        StringBuilder out = new StringBuilder();
        while (javadoc.find()) {
            String line = javadoc.group(1) + "/** " + javadoc.group(2) + " */";
            javadoc.appendReplacement(out, Matcher.quoteReplacement(line.length() <= MAX_LINE ? line : javadoc.group()));
        }
        return javadoc.appendTail(out).toString();
    }
}
