package dev.warden.processor.constraint;

import java.util.Locale;

/**
 * How {@code contains}, {@code starts-with} and {@code ends-with} compare text (security-model.md §6): without regard
 * to case, by the Unicode lower case of the root locale, with the Greek final sigma {@code ς} taken as {@code σ} (so
 * that {@code 'ΟΔΟΣ'}, whose lower case ends in {@code ς}, contains {@code 'Σ'}). The processor folds a function's
 * literal this way once, at compile time; the generated code folds the member's value with the runtime's twin,
 * {@code dev.warden.runtime.internal.ConstraintFunctions.lowerCase}, and the SQL with the dialect's {@code {lower(x)}}.
 * Comparisons with {@code =}, {@code !=}, {@code <} ... stay case-sensitive and exact.
 */
final class CaseInsensitive {
    private CaseInsensitive() {}

    /** The case-insensitive form of {@code text}. */
    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
