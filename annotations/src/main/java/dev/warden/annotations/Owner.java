package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the id of the user who created the object (Mendix's {@code System.owner}).
 * Its type must be the application's {@link AppSecurity#userIdType() userIdType}. Warden fills it in with the
 * current user's id when an object is created through Warden, so that constraints such as
 * {@code [owner = '[%CurrentUser%]']} work.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Owner {}
