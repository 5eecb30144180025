package dev.warden.processor.constraint;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a misspelt one. */
public final class Suggestions {

    /** Names further apart than this (in edits) are not suggested. */
    public static final int MAX_DISTANCE = 2;

    private Suggestions() {}

    /**
     * The candidate closest to {@code name}: one that differs only in case, else the one with the smallest
     * edit distance (insertions, deletions, substitutions and swaps of adjacent characters) of at most
     * {@link #MAX_DISTANCE} and less than the length of {@code name}. Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            int distance = candidate.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > MAX_DISTANCE || bestDistance > 0 && bestDistance >= name.length()) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) {
            return Math.abs(a.length() - b.length());
        }
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
