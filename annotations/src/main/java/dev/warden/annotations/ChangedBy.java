package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the id of the user who last changed the object (Mendix's {@code System.changedBy}).
 * Its type must be the application's {@link AppSecurity#userIdType() userIdType}. Warden sets it to the current
 * user's id whenever an object is created or changed through Warden (the secured proxy's {@code create} and setters,
 * the data access layer's {@code insert} and {@code update}, the JPA listeners); an anonymous user leaves it empty.
 * No rule may make it writable, so constraints such as {@code [changedBy = '[%CurrentUser%]']} can be trusted.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ChangedBy {}
