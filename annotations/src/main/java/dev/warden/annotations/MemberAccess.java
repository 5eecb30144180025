package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right of some module roles on this member, written next to the member instead of inside the rule.
 *
 * <pre>{@code
 * @MemberAccess(roles = "Customer", value = Access.NONE)
 * private BigDecimal costPrice;
 * }</pre>
 *
 * <p>It overrides, for the listed roles, both the {@link AccessRule#members()} entry and the
 * {@link AccessRule#defaultAccess()} of every rule that lists one of those roles. It grants nothing on its
 * own: a role still needs a rule on the entity.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Repeatable(MemberAccesses.class)
public @interface MemberAccess {
    /** The module roles of the entity's module this right is for: {@code "User"} or {@code "Sales.User"}. */
    String[] roles();

    /** The right. */
    Access value();
}
