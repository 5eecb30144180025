package dev.warden.processor.model;

/**
 * A right on a member, as written in {@code @Member(access = ...)}, {@code @MemberAccess} and
 * {@code defaultAccess}: the processor's own copy of {@code dev.warden.annotations.Access}, read from annotation
 * mirrors by name, so that the processor needs nothing but its own jar on the processor path.
 */
public enum Access {
    NONE,
    READ,
    READ_WRITE
}
