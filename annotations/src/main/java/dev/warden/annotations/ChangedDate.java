package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the moment the object was last changed (Mendix's {@code System.changedDate}): an
 * {@code Instant}, an {@code OffsetDateTime} or a {@code LocalDateTime}. Warden sets it from the security context's
 * clock whenever an object is created or changed through Warden; no rule may make it writable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ChangedDate {}
