package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A user role of the application: what a signed-in user "is" (an Administrator, a SalesRep), declared inside
 * {@link AppSecurity#userRoles()}.
 *
 * <p>A user has one or more user roles and gets the union of the module roles they map to.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface UserRole {
    /** The user role's name, unique in the application, for example {@code "SalesManager"}. */
    String name();

    /**
     * The module roles this user role grants, each qualified with its module: {@code {"Sales.Manager",
     * "Administration.User"}}.
     */
    String[] moduleRoles() default {};

    /**
     * User management (Mendix's "manageable roles"): the user roles whose holders a user with this role may create,
     * change, and give or take away. A user may assign and revoke only the roles that the manageable roles of one of
     * their user roles include, and may manage another user only when every user role of that user is among them.
     * Empty (the default): users with this role manage nobody.
     *
     * <pre>{@code @UserRole(name = "SalesManager", moduleRoles = "Sales.Manager", manageableRoles = {"SalesRep", "Customer"})}</pre>
     */
    String[] manageableRoles() default {};
}
