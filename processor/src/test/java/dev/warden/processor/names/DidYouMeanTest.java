package dev.warden.processor.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

    private static final List<String> MEMBERS = List.of("owner", "ownerName", "status", "id", "lines");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ownr, owner",
        "onwer, owner",            // a swap is one edit
        "OWNERNAME, ownerName",    // case only
        "Owner, owner",
        "stats, status",
        "statsu, status",
        "ownerNmae, ownerName",
        "owenrNmae, ownerName",    // two swaps in a nine-letter name
        "ID, id",
    })
    void suggestsANameThatIsGenuinelyClose(String written, String expected) {
        assertEquals(Optional.of(expected), DidYouMean.closest(written, MEMBERS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"total", "x", "i", "lins2x", "name", "owners1234"})
    void suggestsNothingForANameThatIsNotClose(String written) {
        assertEquals(Optional.empty(), DidYouMean.closest(written, MEMBERS));
    }

    /** The bug of the two implementations: a length difference of three was taken for a distance of three. */
    @Test
    void accountantIsNotAMisspeltManager() {
        assertEquals(Optional.empty(), DidYouMean.closest("Accountant", List.of("User", "Manager")));
        assertEquals(Optional.empty(), DidYouMean.closest("Administrator", List.of("Admin")));
    }

    @Test
    void longerNamesMayBeFurtherAway() {
        List<String> roles = List.of("User", "Manager", "Administrator");
        assertEquals(Optional.of("User"), DidYouMean.closest("Usr", roles));
        assertEquals(Optional.of("Manager"), DidYouMean.closest("Mangaer", roles));
        assertEquals(Optional.of("Administrator"), DidYouMean.closest("Adminstratr", roles), "two edits in eleven");
        assertEquals(Optional.of("Administrator"), DidYouMean.closest("Admnstratr", roles), "three edits in ten");
        assertEquals(Optional.empty(), DidYouMean.closest("Mngr", roles), "three edits in four");
        assertEquals(Optional.empty(), DidYouMean.closest("Admnstrtr", roles), "four edits");
    }

    @Test
    void oneLetterNamesOnlyGetCaseSuggestions() {
        assertEquals(Optional.empty(), DidYouMean.closest("x", List.of("y", "xy")));
        assertEquals(Optional.of("X"), DidYouMean.closest("x", List.of("y", "X")));
    }

    @Test
    void anExactMatchIsNoSuggestionAndTiesGoToTheEarlierCandidate() {
        assertEquals(Optional.empty(), DidYouMean.closest("owner", List.of("owner")));
        assertEquals(Optional.of("cat"), DidYouMean.closest("bat", List.of("cat", "hat")));
        assertEquals(Optional.of("hat"), DidYouMean.closest("bat", List.of("hat", "cat")));
        assertEquals(Optional.of("BAT"), DidYouMean.closest("bat", List.of("cat", "BAT")), "case only beats one edit");
    }

    @Test
    void distanceIsTheOptimalStringAlignmentDistance() {
        assertEquals(0, DidYouMean.distance("", ""));
        assertEquals(1, DidYouMean.distance("ab", "ba"));
        assertEquals(3, DidYouMean.distance("abc", "abcdef"));
        assertEquals(3, DidYouMean.distance("ca", "abc"), "OSA, not full Damerau-Levenshtein (which says 2)");
        assertEquals(9, DidYouMean.distance("accountant", "manager"));
        assertEquals(1, DidYouMean.distance("a", "A"), "case-sensitive; closest() ignores case");
    }
}
