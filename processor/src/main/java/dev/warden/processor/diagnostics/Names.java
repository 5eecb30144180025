package dev.warden.processor.diagnostics;

import dev.warden.processor.constraint.Suggestions;
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

    /** Edit distance with adjacent transpositions, the same measure the constraint language uses. */
    static int distance(String a, String b) {
        return Suggestions.distance(a, b);
    }
}
