package dev.warden.processor.names;

import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?": the one rule for which known name a misspelt one was probably meant to be, shared by the
 * constraint language and the diagnostics of declarations (roles, members, modules, tokens).
 *
 * <p>A candidate is close when it differs only in case, or when it is at most {@link #allowedEdits(String)} edits away
 * (insertions, deletions, substitutions and swaps of adjacent characters, ignoring case): one edit for names of up to
 * five characters, two for up to eight, three for longer ones, and always fewer than the name has characters (a
 * one-letter name is only ever a case away from a suggestion). So {@code Usr} suggests {@code User} and
 * {@code Adminstrator} suggests {@code Administrator}, but {@code Accountant} suggests neither {@code User} nor
 * {@code Manager}: a suggestion that is not genuinely close misleads more than none.
 */
public final class DidYouMean {

    private DidYouMean() {}

    /**
     * The candidate closest to {@code name}, if one is close: one that differs only in case, else the one with the
     * fewest edits, ties going to the earlier candidate. {@code name} itself is never suggested.
     *
     * @param name       the name as written
     * @param candidates the known names, in the order ties are decided in
     * @return the suggestion, or empty
     */
    public static Optional<String> closest(String name, Iterable<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = allowedEdits(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            String other = candidate.toLowerCase(Locale.ROOT);
            if (!other.equals(lower) && Math.abs(other.length() - lower.length()) > allowed) {
                continue; // too far apart whatever the letters
            }
            int distance = other.equals(lower) ? 0 : distance(lower, other);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        boolean close = bestDistance == 0 || bestDistance <= allowed && bestDistance < lower.length();
        return best != null && close ? Optional.of(best) : Optional.empty();
    }

    /** How many edits a name of this length may be away from a suggestion: 1, 2 or 3. */
    public static int allowedEdits(String name) {
        int length = name.codePointCount(0, name.length());
        return length <= 5 ? 1 : length <= 8 ? 2 : 3;
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b} (Damerau-Levenshtein without repeated edits
     * of a substring), case-sensitive, by UTF-16 code unit.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
