package dev.warden.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when the current user may not do what was attempted: see an object, create one, read or write a
 * member, delete one, run an operation protected with {@code @AllowedRoles}, or do anything at all because there is
 * no usable security context.
 *
 * <p>The message names the entity, the member and the operation (or the protected operation and the user's user
 * roles), and says why; it never contains the value of a member.
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
    /** The protected operation ({@code OrderService.placeOrder}) that was denied, or null. */
    private final String securedOperation;
    /** The user roles of the user who was denied, where the denial records them. */
    private final List<String> userRoles;

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
        this.securedOperation = null;
        this.userRoles = List.of();
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
        this.securedOperation = null;
        this.userRoles = List.of();
    }

    private AccessDeniedException(String securedOperation, Collection<String> userRoles, String reason) {
        super("Access denied: cannot run " + securedOperation + ": " + reason);
        this.entity = null;
        this.member = null;
        this.operation = null;
        this.reason = reason;
        this.securedOperation = securedOperation;
        this.userRoles = List.copyOf(userRoles);
    }

    /**
     * A denial of an operation protected with {@code @AllowedRoles} (or of one that is not registered).
     *
     * @param operation the operation, as {@link SecuredOperation#name()} gives it: {@code "OrderService.placeOrder"}
     * @param userRoles the user roles of the user who was denied (empty for a context without user roles)
     * @param reason why, for example {@code "it is for module roles Sales.Manager, Sales.Rep; user roles [Customer]
     *     hold none of them"}
     * @return the exception, with the message {@code "Access denied: cannot run <operation>: <reason>"}
     */
    public static AccessDeniedException forOperation(String operation, Collection<String> userRoles, String reason) {
        return new AccessDeniedException(Objects.requireNonNull(operation, "operation"),
                Objects.requireNonNull(userRoles, "userRoles"), Objects.requireNonNull(reason, "reason"));
    }

    private static String message(String entity, String member, Operation operation, String reason) {
        String target = member == null ? entity : "member '" + member + "' of " + entity;
        return "Access denied: cannot " + operation + " " + target + ": " + reason;
    }

    /** The entity's name; null for a denial not tied to an entity (such as the denial of a protected operation). */
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

    /**
     * The protected operation that was denied.
     *
     * @return {@code "OrderService.placeOrder"}; empty for a denial of entity access
     */
    public Optional<String> securedOperation() {
        return Optional.ofNullable(securedOperation);
    }

    /**
     * The user roles of the user who was denied, for the denial of a protected operation.
     *
     * @return the names in the user's order; empty when the denial does not record them (entity access, where the
     *     reason names them) or the user had none
     */
    public List<String> userRoles() {
        // null when deserialised from a stream written before the field existed
        return userRoles == null ? List.of() : userRoles;
    }
}
