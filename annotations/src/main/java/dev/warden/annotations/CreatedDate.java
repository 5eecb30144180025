package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the moment the object was created (Mendix's {@code System.createdDate}): an
 * {@code Instant}, an {@code OffsetDateTime} or a {@code LocalDateTime} (the wall-clock time in the zone of the user
 * who creates it). Warden sets it from the security context's clock when an object is created through Warden; no
 * rule may make it writable. Constraints compare it with the date-time tokens:
 * {@code [createdDate > '[%BeginOfCurrentDay%]']}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface CreatedDate {}
