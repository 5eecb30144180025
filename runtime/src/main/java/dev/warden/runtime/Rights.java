package dev.warden.runtime;

/**
 * What one user may do with one object, worked out at once by {@link EntityRules#rights}: whether they may see
 * it, delete it, and read and write which of its members. Immutable.
 */
public final class Rights {
    private final boolean visible;
    private final boolean delete;
    private final MemberSet readable;
    private final MemberSet writable;

    Rights(boolean visible, boolean delete, MemberSet readable, MemberSet writable) {
        this.visible = visible;
        this.delete = delete;
        this.readable = readable;
        this.writable = writable;
    }

    /** Whether the user may see the object at all. */
    public boolean visible() {
        return visible;
    }

    /** Whether the user may delete the object. */
    public boolean canDelete() {
        return delete;
    }

    /**
     * Whether the user may read a member.
     *
     * @param member the member's index
     * @return true when readable
     */
    public boolean canRead(int member) {
        return readable.contains(member);
    }

    /**
     * Whether the user may write a member.
     *
     * @param member the member's index
     * @return true when writable
     */
    public boolean canWrite(int member) {
        return writable.contains(member);
    }

    /** The members the user may read. */
    public MemberSet readable() {
        return readable;
    }

    /** The members the user may write; always within {@link #readable()}. */
    public MemberSet writable() {
        return writable;
    }

    /**
     * These rights, seen through a generalization: member {@code i} of the generalization is member
     * {@code indexHere[i]} of the entity these rights are for.
     */
    Rights inMembersOf(int[] indexHere, int memberCount) {
        if (!visible) {
            return this;
        }
        return new Rights(true, delete, readable.select(indexHere, memberCount),
                writable.select(indexHere, memberCount));
    }

    @Override
    public String toString() {
        return "Rights[visible=" + visible + ", delete=" + delete + ", readable=" + readable + ", writable="
                + writable + "]";
    }
}
