package dev.warden.runtime;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable set of member indices of one entity: the members a rule lets a role read or write. Members are
 * numbered from 0 in the order the policy declares them.
 */
public final class MemberSet {
    private static final MemberSet NONE = new MemberSet(new long[0]);

    /** One bit per member; never ends in a zero word, so that equal sets have equal arrays. */
    private final long[] words;

    private MemberSet(long[] words) {
        this.words = words;
    }

    /**
     * The set of the given members.
     *
     * @param indices member indices, 0 or more
     * @return the set
     * @throws IllegalArgumentException when an index is negative
     */
    public static MemberSet of(int... indices) {
        int max = -1;
        for (int index : indices) {
            if (index < 0) {
                throw new IllegalArgumentException("Member index " + index + " is negative");
            }
            max = Math.max(max, index);
        }
        if (max < 0) {
            return NONE;
        }
        long[] words = new long[wordIndex(max) + 1];
        for (int index : indices) {
            words[wordIndex(index)] |= 1L << index;
        }
        return new MemberSet(words);
    }

    /** The empty set. */
    public static MemberSet none() {
        return NONE;
    }

    /**
     * The set of all members of an entity.
     *
     * @param memberCount the entity's number of members
     * @return the set of the members {@code 0 .. memberCount - 1}
     */
    public static MemberSet all(int memberCount) {
        if (memberCount < 0) {
            throw new IllegalArgumentException("Member count " + memberCount + " is negative");
        }
        if (memberCount == 0) {
            return NONE;
        }
        long[] words = new long[wordIndex(memberCount - 1) + 1];
        Arrays.fill(words, -1L);
        int usedInLastWord = memberCount % Long.SIZE;
        if (usedInLastWord != 0) {
            words[words.length - 1] = (1L << usedInLastWord) - 1;
        }
        return new MemberSet(words);
    }

    private static int wordIndex(int index) {
        return index / Long.SIZE;
    }

    /**
     * Whether the set holds a member.
     *
     * @param index a member index
     * @return true when the member is in the set; false for any index outside it, negative ones included
     */
    public boolean contains(int index) {
        if (index < 0) {
            return false;
        }
        int word = wordIndex(index);
        return word < words.length && (words[word] & (1L << index)) != 0;
    }

    /**
     * The members in this set or the other.
     *
     * @param other another set
     * @return the union; this set itself when the other adds nothing
     */
    public MemberSet union(MemberSet other) {
        if (other.isSubsetOf(this)) {
            return this;
        }
        if (isSubsetOf(other)) {
            return other;
        }
        long[] union = Arrays.copyOf(words, Math.max(words.length, other.words.length));
        for (int i = 0; i < other.words.length; i++) {
            union[i] |= other.words[i];
        }
        return new MemberSet(union);
    }

    /**
     * The set of the indices {@code i} below {@code count} for which {@code indices[i]} is in this set: this set
     * renumbered, for example into the members of a generalization.
     */
    MemberSet select(int[] indices, int count) {
        long[] selected = new long[count == 0 ? 0 : wordIndex(count - 1) + 1];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            if (contains(indices[i])) {
                selected[wordIndex(i)] |= 1L << i;
                any = true;
            }
        }
        return any ? new MemberSet(trim(selected)) : NONE;
    }

    private static long[] trim(long[] words) {
        int length = words.length;
        while (length > 0 && words[length - 1] == 0) {
            length--;
        }
        return length == words.length ? words : Arrays.copyOf(words, length);
    }

    /** The members with an index below 64, as the bits of a {@code long}. */
    long firstWord() {
        return words.length == 0 ? 0L : words[0];
    }

    private boolean isSubsetOf(MemberSet other) {
        if (words.length > other.words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if ((words[i] & ~other.words[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the set has no members. */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /**
     * The largest index in the set plus one: every index in the set is below it.
     *
     * @return 0 for the empty set
     */
    int bound() {
        if (words.length == 0) {
            return 0;
        }
        int last = words.length - 1;
        return last * Long.SIZE + Long.SIZE - Long.numberOfLeadingZeros(words[last]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberSet && Arrays.equals(words, ((MemberSet) other).words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    /** The indices, for example {@code {0, 2, 5}}. */
    @Override
    public String toString() {
        StringJoiner indices = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < bound(); i++) {
            if (contains(i)) {
                indices.add(Integer.toString(i));
            }
        }
        return indices.toString();
    }
}
