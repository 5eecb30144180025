package dev.warden.annotations;

/**
 * How strictly an application enforces its security model, as in Mendix's project security level.
 */
public enum SecurityLevel {
    /** Nothing is checked: every user may do everything. Only for early development. */
    OFF,
    /**
     * Operation access is checked (which roles may call which service), but data access is not: every
     * user sees and may change every object. Useful while the access rules are being written.
     */
    PROTOTYPE,
    /**
     * Everything is checked, and everything that is not explicitly allowed is denied. The default, and the
     * only level suitable for real users.
     */
    PRODUCTION
}
