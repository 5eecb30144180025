package dev.warden.runtime.internal;

import java.util.Locale;

/**
 * The functions of the constraint language as the generated policies call them: {@code contains},
 * {@code starts-with}, {@code ends-with}, {@code string-length} and the date parts. Each gives the same answer as the
 * SQL the processor generates for it (with {@link dev.warden.runtime.sql.Dialect#sqlFunction}). Not part of Warden's
 * API: only generated code calls it.
 *
 * <p>An empty (null) member contains, starts and ends with nothing; the value of a function of an empty member is
 * empty (null).
 */
public final class ConstraintFunctions {
    private ConstraintFunctions() {}

    /**
     * Text as the string functions compare it, without regard to case: the Unicode lower case of the root locale
     * ({@link String#toLowerCase(Locale) toLowerCase(Locale.ROOT)}), with the Greek final sigma {@code ς} taken as
     * {@code σ}, so that a word-final {@code Σ} (which lower-cases to {@code ς}) matches {@code σ} and {@code Σ}.
     *
     * @param text the text
     * @return its case-insensitive form
     */
    public static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }

    /**
     * {@code contains(member, 'text')}.
     *
     * @param value the member's value, or null
     * @param lowerText the text to look for, already in its {@link #lowerCase} form (the processor folds the literal)
     * @return whether the value contains the text, regardless of case; false for null
     */
    public static boolean contains(String value, String lowerText) {
        return value != null && lowerCase(value).contains(lowerText);
    }

    /**
     * {@code starts-with(member, 'text')}.
     *
     * @param value the member's value, or null
     * @param lowerText the prefix, in its {@link #lowerCase} form
     * @return whether the value starts with the text, regardless of case; false for null
     */
    public static boolean startsWith(String value, String lowerText) {
        return value != null && lowerCase(value).startsWith(lowerText);
    }

    /**
     * {@code ends-with(member, 'text')}.
     *
     * @param value the member's value, or null
     * @param lowerText the suffix, in its {@link #lowerCase} form
     * @return whether the value ends with the text, regardless of case; false for null
     */
    public static boolean endsWith(String value, String lowerText) {
        return value != null && lowerCase(value).endsWith(lowerText);
    }

    /**
     * {@code string-length(member)} and {@code length(member)}: the number of characters, counted as Unicode code
     * points (so {@code 😀} is one), as PostgreSQL's {@code CHAR_LENGTH} counts them.
     *
     * @param value the member's value, or null
     * @return the length; null (empty) for null
     */
    public static Integer length(String value) {
        return value == null ? null : value.codePointCount(0, value.length());
    }

    /**
     * {@code reversed(Owner.pets)} in a constraint evaluated in memory, on an object without a database at hand: the
     * objects whose association holds {@code object} cannot be found from it, so this throws and the rule fails with
     * {@link dev.warden.runtime.ConstraintFailedException} (never a silent "no").
     *
     * @param association the reversed association as written, {@code reversed(Owner.pets)}
     * @param object the object the constraint is on; only its class is named
     * @param <T> the entity that declares the association
     * @return never
     */
    public static <T> java.util.List<T> reversed(String association, Object object) {
        throw new UnsupportedOperationException(association + " cannot be followed in memory from a "
                + (object == null ? "null" : object.getClass().getSimpleName()) + ": it needs the database; check the "
                + "rule in a query (readable, the query filters) instead");
    }
}
