package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemberSetTest {
    @Test
    void containsExactlyItsMembers() {
        MemberSet set = MemberSet.of(0, 2, 70);

        assertTrue(set.contains(0));
        assertFalse(set.contains(1));
        assertTrue(set.contains(2));
        assertTrue(set.contains(70));
        assertFalse(set.contains(6), "70 must not wrap around to 70 % 64");
        assertFalse(set.contains(-1));
        assertFalse(set.contains(1000));
        assertEquals("{0, 2, 70}", set.toString());
    }

    @Test
    void allHoldsTheFirstCountMembers() {
        MemberSet all = MemberSet.all(65);

        assertTrue(all.contains(0));
        assertTrue(all.contains(63));
        assertTrue(all.contains(64));
        assertFalse(all.contains(65));
        assertEquals(MemberSet.of(0, 1, 2), MemberSet.all(3));
        assertEquals(MemberSet.none(), MemberSet.all(0));
    }

    @Test
    void unionAndEquality() {
        MemberSet union = MemberSet.of(1).union(MemberSet.of(3, 100));

        assertEquals(MemberSet.of(1, 3, 100), union);
        assertEquals(MemberSet.of(1, 3, 100).hashCode(), union.hashCode());
        assertNotEquals(MemberSet.of(1, 3), union);
        assertSame(union, union.union(MemberSet.of(3)), "a union that adds nothing is the set itself");
    }

    @Test
    void emptiness() {
        assertTrue(MemberSet.none().isEmpty());
        assertTrue(MemberSet.of().isEmpty());
        assertFalse(MemberSet.of(5).isEmpty());
        assertEquals(MemberSet.none(), MemberSet.of());
    }

    @Test
    void rejectsNegativeIndices() {
        assertThrows(IllegalArgumentException.class, () -> MemberSet.of(-1));
        assertThrows(IllegalArgumentException.class, () -> MemberSet.all(-1));
    }
}
