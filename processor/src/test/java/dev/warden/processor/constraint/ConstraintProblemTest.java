package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.processor.constraint.ConstraintProblem.Kind;
import org.junit.jupiter.api.Test;

class ConstraintProblemTest {

    @Test
    void caretUnderTheSpan() {
        assertEquals("[owner = '[%CurrentUsr%]']\n         ^^^^^^^^^^^^^^^^",
                ConstraintProblem.caret("[owner = '[%CurrentUsr%]']", 9, 16));
    }

    @Test
    void emptySpanAtTheEndGetsOneCaret() {
        assertEquals("[a = 1\n      ^", ConstraintProblem.caret("[a = 1", 6, 0));
    }

    @Test
    void onlyTheLineOfTheProblemIsShownAndTheCaretStopsAtItsEnd() {
        String text = "[a = 1 and\n\tb = 'x\n   and c]";
        assertEquals("\tb = 'x\n\t    ^^", ConstraintProblem.caret(text, 16, 13));
        assertEquals("   and c]\n       ^", ConstraintProblem.caret(text, 26, 1));
        assertEquals("[a = 1 and\n      ^^^", ConstraintProblem.caret("[a = 1 and\r\n b]", 6, 3));
    }

    @Test
    void surrogatePairsCountAsOneColumn() {
        assertEquals("[😀 # x]\n   ^", ConstraintProblem.caret("[😀 # x]", 4, 1));
        assertEquals("[a = 😀]\n     ^", ConstraintProblem.caret("[a = 😀]", 5, 2));
    }

    @Test
    void outOfRangeSpansAreClamped() {
        assertEquals("ab\n  ^", ConstraintProblem.caret("ab", 10, 5));
        assertEquals("\n^", ConstraintProblem.caret(null, 0, 0));
    }

    @Test
    void renderAddsMessageAndHint() {
        ConstraintProblem p = new ConstraintProblem(Kind.SYNTAX, 6, 0, "expected ']' to close the constraint but found end of text", null);
        assertEquals("expected ']' to close the constraint but found end of text\n  [a = 1\n        ^",
                p.render("[a = 1"));
    }

    @Test
    void rejectsNegativePositions() {
        assertThrows(IllegalArgumentException.class, () -> new ConstraintProblem(Kind.SYNTAX, -1, 0, "m", null));
    }
}
