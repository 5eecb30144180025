package dev.warden.runtime;

/** What a user tried to do with an object of an entity, as reported by {@link AccessDeniedException}. */
public enum Operation {
    /** Create a new object. */
    CREATE,
    /** Read a member of an object. */
    READ,
    /** Change a member of an object. */
    WRITE,
    /** Delete an object. */
    DELETE,
    /** Retrieve or see an object at all. */
    VIEW
}
