package dev.warden.annotations;

/**
 * How much of one member (a field, attribute or association) a user may touch under one access rule.
 *
 * <p>Rights are additive across rules: a user gets the most any of their active rules grants.
 */
public enum Access {
    /** The member is hidden: reading it through a secured proxy throws, and it is left out of query results. */
    NONE,
    /** The member may be read but not changed. */
    READ,
    /** The member may be read and changed. Writing implies reading. */
    READ_WRITE
}
