package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A custom token that constraints may use, declared inside {@link AppSecurity#tokens()}: for example a
 * tenant or region. A constraint refers to it as {@code '[%Tenant%]'}.
 *
 * <p>Its value for the current user is taken from the user's attributes (like Hasura's session variables).
 * When the current user has no value for it, every rule whose constraint uses it denies.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Token {
    /** The token's name, a Java identifier; used in constraints as {@code '[%Name%]'}. */
    String name();

    /** The type of the token's value, checked against the members it is compared with. */
    Class<?> type();
}
