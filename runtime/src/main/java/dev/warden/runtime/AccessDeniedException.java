package dev.warden.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when the current user may not do what was attempted: see an object, create one, read or write a
 * member, delete one, or do anything at all because there is no usable security context.
 *
 * <p>The message names the entity, the member and the operation, and says why; it never contains the value of
 * a member.
 */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The entity's name, or null for a denial not tied to an entity. */
    private final String entity;
    /** The member's name, or null. */
    private final String member;
    /** What was attempted, or null for a denial not tied to an entity. */
    private final Operation operation;
    /** Why access was denied. */
    private final String reason;

    /**
     * A denial of an operation on an entity.
     *
     * @param entity the entity's name, for example {@code "Order"}
     * @param member the member's name, or null when the operation is on the whole object
     * @param operation what was attempted
     * @param reason why it is denied, for example {@code "no active rule grants write access for user roles
     *     [SalesRep]"}
     */
    public AccessDeniedException(String entity, String member, Operation operation, String reason) {
        super(message(Objects.requireNonNull(entity, "entity"), member,
                Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(reason, "reason")));
        this.entity = entity;
        this.member = member;
        this.operation = operation;
        this.reason = reason;
    }

    /**
     * A denial of everything, not tied to an entity: for example when there is no security context.
     *
     * @param reason why, which is also the message
     */
    public AccessDeniedException(String reason) {
        super(Objects.requireNonNull(reason, "reason"));
        this.entity = null;
        this.member = null;
        this.operation = null;
        this.reason = reason;
    }

    private static String message(String entity, String member, Operation operation, String reason) {
        String target = member == null ? entity : "member '" + member + "' of " + entity;
        return "Access denied: cannot " + operation + " " + target + ": " + reason;
    }

    /** The entity's name; null for a denial not tied to an entity. */
    public String entity() {
        return entity;
    }

    /** The member's name; empty when the operation is on a whole object or not tied to an entity. */
    public Optional<String> member() {
        return Optional.ofNullable(member);
    }

    /** What was attempted; null for a denial not tied to an entity. */
    public Operation operation() {
        return operation;
    }

    /** Why access was denied. */
    public String reason() {
        return reason;
    }
}
