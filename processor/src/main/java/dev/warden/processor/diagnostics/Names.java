package dev.warden.processor.diagnostics;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for names that are close to a known one. */
public final class Names {

    private Names() {}

    /** The known name closest to {@code wrong}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = candidate.equalsIgnoreCase(wrong) ? 0 : distance(wrong.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'X'?" or, failing that, the list of known names. */
    public static String suggestion(String wrong, Collection<String> known, String what) {
        Optional<String> closest = closest(wrong, known);
        if (closest.isPresent()) {
            return "did you mean '" + closest.get() + "'?";
        }
        if (known.isEmpty()) {
            return "no " + what + " is declared";
        }
        return "known " + what + ": " + String.join(", ", known);
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
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
