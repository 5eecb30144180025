package dev.warden.processor.model;

/**
 * The application's security level, as written in {@code @AppSecurity(level = ...)}: the processor's own copy of
 * {@code dev.warden.annotations.SecurityLevel}, read from annotation mirrors by name.
 */
public enum SecurityLevel {
    OFF,
    PROTOTYPE,
    PRODUCTION
}
