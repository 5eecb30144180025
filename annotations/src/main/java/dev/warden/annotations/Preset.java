package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a member that Warden fills from one of the user's {@linkplain AppSecurity#tokens() tokens} when an object is
 * created, typically the tenant: {@code @Preset(token = "Tenant") private String tenant;}. Its type must be the
 * token's type. No rule may make it writable, so a rule {@code [tenant = '[%Tenant%]']} keeps every user inside their
 * own tenant; a user without a value for the token may not create objects of the entity.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Preset {
    /** The name of a token declared in {@link AppSecurity#tokens()}, without {@code [% %]}: {@code "Tenant"}. */
    String token();
}
