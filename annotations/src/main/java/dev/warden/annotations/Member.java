package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right on one member under one {@link AccessRule}, overriding the rule's
 * {@link AccessRule#defaultAccess() defaultAccess}.
 *
 * <pre>{@code @AccessRule(roles = "User", members = @Member(name = "total", access = Access.READ))}</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Member {
    /** The member's name: the field, property or record component name, for example {@code "total"}. */
    String name();

    /** The right this rule grants on the member. */
    Access access();
}
