package dev.warden.runtime;

/**
 * The constraint of an access rule, compiled to Java by the Warden processor: whether the rule holds for one
 * object and one user.
 *
 * <p>A constraint must not have side effects. If it throws, the rule counts as not active: access is denied.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface Constraint<T> {
    /**
     * Whether the constraint holds.
     *
     * @param ctx the user's security context; the source of token values such as the user's id
     * @param object the object the rule is being checked for
     * @return true when the rule is active for this object
     */
    boolean test(SecurityContext ctx, T object);
}
