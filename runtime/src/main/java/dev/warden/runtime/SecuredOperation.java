package dev.warden.runtime;

import static dev.warden.runtime.internal.Checks.requireName;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An operation protected with {@code @AllowedRoles}: a method name of a type, and the module roles that may run it.
 * The processor generates one constant per operation ({@code OrderServiceOperations.PLACE_ORDER}); {@link Operations}
 * finds them by type and name.
 *
 * <p>Whether a context may run it (security-model.md §6, "Operation access"):
 * <ul>
 *   <li>no context: denied;</li>
 *   <li>the system context, and every context at security level {@code OFF}: allowed, nothing is checked
 *       ({@link SecurityContext#enforcesOperationAccess()} is false);</li>
 *   <li>a context that denies everything (an undeclared user role, no user roles, a bad user id): denied;</li>
 *   <li>otherwise, at {@code PROTOTYPE} and {@code PRODUCTION}: allowed exactly when the user holds one of the
 *       operation's module roles. An anonymous user holds the module roles of the anonymous user role; a context
 *       without a user holds none.</li>
 * </ul>
 *
 * <p>Instances are immutable and compared by identity.
 */
public final class SecuredOperation {
    private final Class<?> type;
    private final String methodName;
    private final Set<String> allowedRoles;
    private final String name;

    private SecuredOperation(Class<?> type, String methodName, Set<String> allowedRoles) {
        this.type = type;
        this.methodName = methodName;
        this.allowedRoles = allowedRoles;
        this.name = name(type, methodName);
    }

    /** {@code OrderService.placeOrder}, {@code Shop.OrderService.placeOrder} for a nested type. */
    static String name(Class<?> type, String methodName) {
        String binaryName = type.getName();
        String packageName = type.getPackageName();
        return (packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1)).replace('$', '.')
                + "." + methodName;
    }

    /**
     * An operation; the generated {@code ...Operations} classes make them.
     *
     * @param type the type that declares or inherits the method
     * @param methodName the method's name; all overloads are the same operation
     * @param allowedModuleRoles the module roles that may run it, qualified with their module ({@code "Sales.Rep"});
     *     at least one
     * @return the operation
     * @throws IllegalArgumentException when there is no role, or a role is not qualified
     */
    public static SecuredOperation of(Class<?> type, String methodName, String... allowedModuleRoles) {
        Objects.requireNonNull(type, "type");
        requireName(methodName, "method name");
        if (allowedModuleRoles.length == 0) {
            throw new IllegalArgumentException("Operation " + type.getName() + "." + methodName
                    + " is for no module role: nobody could run it");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : allowedModuleRoles) {
            Objects.requireNonNull(role, "module role");
            int dot = role.indexOf('.');
            if (dot <= 0 || dot == role.length() - 1) {
                throw new IllegalArgumentException("Module role '" + role + "' of operation " + type.getName() + "."
                        + methodName + " must be qualified with its module, as in 'Sales.User'");
            }
            roles.add(role);
        }
        return new SecuredOperation(type, methodName, Collections.unmodifiableSet(roles));
    }

    /** The type the operation belongs to. */
    public Class<?> type() {
        return type;
    }

    /** The method's name, {@code placeOrder}. */
    public String methodName() {
        return methodName;
    }

    /** The operation's name in messages: the type's name without its package, and the method, {@code OrderService.placeOrder}. */
    public String name() {
        return name;
    }

    /** The module roles that may run the operation, qualified, in declaration order. */
    public Set<String> allowedRoles() {
        return allowedRoles;
    }

    /**
     * Whether a context may run the operation (see the class comment).
     *
     * @param ctx the context, or null for none
     * @return the answer; false for no context
     */
    public boolean isAllowed(SecurityContext ctx) {
        return ctx != null && (!ctx.enforcesOperationAccess() || (ctx.deniedReason().isEmpty() && holdsOne(ctx)));
    }

    private boolean holdsOne(SecurityContext ctx) {
        for (String role : allowedRoles) {
            if (ctx.hasModuleRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws unless a context may run the operation.
     *
     * @param ctx the context, or null for none
     * @throws AccessDeniedException naming the operation, the user's user roles and why
     */
    public void check(SecurityContext ctx) {
        if (!isAllowed(ctx)) {
            throw AccessDeniedException.forOperation(name, ctx == null ? List.of() : List.copyOf(ctx.userRoles()),
                    whyNot(ctx));
        }
    }

    /**
     * Throws unless the current context ({@link SecurityContext#currentIfPresent()}) may run the operation.
     *
     * @throws AccessDeniedException when there is no current context, or it may not
     */
    public void check() {
        check(SecurityContext.currentIfPresent().orElse(null));
    }

    /**
     * Why a context may or may not run the operation, for people: the user's roles and the operation's, which of the
     * user's module roles allowed it, or why nothing was checked.
     *
     * @param ctx the context, or null for none
     * @return one sentence, starting with "allowed" or "denied"
     */
    public String explain(SecurityContext ctx) {
        if (isAllowed(ctx)) {
            if (ctx.isSystem()) {
                return "allowed: " + name + " is not checked for the system context";
            }
            if (!ctx.enforcesOperationAccess()) {
                return "allowed: " + name + " is not checked at security level " + ctx.level();
            }
            List<String> held = allowedRoles.stream().filter(ctx::hasModuleRole).toList();
            return "allowed: " + name + " is for module roles " + String.join(", ", allowedRoles) + "; user roles "
                    + ctx.userRoles() + " hold " + String.join(", ", held);
        }
        return "denied: " + name + ": " + whyNot(ctx);
    }

    private String whyNot(SecurityContext ctx) {
        if (ctx == null) {
            return "there is no security context; open one with SecurityContext.open(user)";
        }
        if (ctx.deniedReason().isPresent()) {
            return "the security context denies all access: " + ctx.deniedReason().get();
        }
        String who = ctx.userRoles().isEmpty() ? (ctx.isAnonymous() ? "the anonymous user" : "a context without user")
                + " holds no module role" : "user roles " + ctx.userRoles() + " hold none of them";
        return "it is for module roles " + String.join(", ", allowedRoles) + "; " + who;
    }

    @Override
    public String toString() {
        return "SecuredOperation " + name + " for module roles " + allowedRoles;
    }
}
