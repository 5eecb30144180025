package dev.warden.runtime;

/**
 * A member of a secured entity, as the processor generates it: the constants of {@code OrderPolicy.Member}
 * implement this interface, so that APIs take members as typed constants instead of names or indices
 * ({@code Query.where(OrderPolicy.Member.STATUS, Op.EQ, OrderStatus.DRAFT)}).
 */
public interface EntityMember {
    /**
     * The member's name as written in rules and constraints.
     *
     * @return for example {@code "totalWithVat"}
     */
    String memberName();

    /**
     * The member's index in its entity: the position of its rights in the rule tables.
     *
     * @return 0 or more
     */
    int ordinal();
}
