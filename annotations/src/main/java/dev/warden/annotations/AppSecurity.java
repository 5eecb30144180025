package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application's security settings: its security level, its user roles and how they map to module roles,
 * the anonymous role, the type of user ids and custom tokens. Exactly one type per application carries it.
 *
 * <pre>{@code
 * @AppSecurity(
 *     userRoles = {
 *         @UserRole(name = "Administrator", moduleRoles = {"Sales.Manager", "Administration.Admin"}),
 *         @UserRole(name = "SalesRep", moduleRoles = "Sales.User"),
 *         @UserRole(name = "Guest", moduleRoles = "Sales.Anonymous")},
 *     anonymousRole = "Guest",
 *     userIdType = Long.class,
 *     tokens = @Token(name = "Region", type = String.class))
 * public class ShopApplication {}
 * }</pre>
 *
 * <p>The processor generates an application model from it ({@code ShopApplicationSecurityModel}) that the runtime
 * uses to turn a user's user roles into module roles.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AppSecurity {
    /** How strictly security is enforced. Defaults to {@link SecurityLevel#PRODUCTION}. */
    SecurityLevel level() default SecurityLevel.PRODUCTION;

    /** The application's user roles. */
    UserRole[] userRoles();

    /**
     * The name of the user role given to a request with no signed-in user. Empty (the default) means
     * anonymous access is off: a request without a user sees nothing.
     */
    String anonymousRole() default "";

    /**
     * The type of user ids, the value of {@code [%CurrentUser%]}. Members compared with
     * {@code [%CurrentUser%]} and {@link Owner @Owner} members must have this type.
     */
    Class<?> userIdType() default Long.class;

    /** Custom tokens that constraints may use in addition to the built-in ones. */
    Token[] tokens() default {};
}
