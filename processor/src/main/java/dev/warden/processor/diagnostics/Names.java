package dev.warden.processor.diagnostics;

import dev.warden.processor.names.DidYouMean;
import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints for names that are close to a known one, by the one rule of {@link DidYouMean}. */
public final class Names {

    private Names() {}

    /** The known name closest to {@code wrong}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        return DidYouMean.closest(wrong, known);
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
}
