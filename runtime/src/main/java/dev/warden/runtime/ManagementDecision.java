package dev.warden.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a user may manage users with some user roles, and why: which of the user's own user roles allows each of
 * them ({@code @UserRole(manageableRoles)}), or which one none of them allows. Made by
 * {@link SecurityContext#explainAssign(Collection, Collection)}; {@link #toString()} is meant for people.
 *
 * <p>The rule (Mendix's user management): a user may assign and revoke only user roles in the union of the manageable
 * roles of their user roles, and may manage (change, assign roles to, delete) another user only when every user role
 * of that user is in that union. The system context may manage everybody; at security level {@code OFF} nothing is
 * checked; a context that denies everything (or no context) may manage nobody; a user role that is not declared can
 * be managed by nobody.
 */
public final class ManagementDecision {
    private final boolean allowed;
    private final String summary;
    private final Map<String, String> allowedBy;
    private final List<String> refused;

    private ManagementDecision(boolean allowed, String summary, Map<String, String> allowedBy, List<String> refused) {
        this.allowed = allowed;
        this.summary = summary;
        this.allowedBy = Collections.unmodifiableMap(new LinkedHashMap<>(allowedBy));
        this.refused = List.copyOf(refused);
    }

    /** The decision for a context, the target's current user roles and the user roles to give it. */
    static ManagementDecision decide(SecurityContext ctx, Collection<String> targetRoles, Collection<String> roles) {
        Objects.requireNonNull(targetRoles, "targetRoles");
        Objects.requireNonNull(roles, "roles");
        Set<String> asked = new LinkedHashSet<>();
        targetRoles.forEach(role -> asked.add(Objects.requireNonNull(role, "user role")));
        roles.forEach(role -> asked.add(Objects.requireNonNull(role, "user role")));
        if (ctx == null) {
            return new ManagementDecision(false, "there is no security context", Map.of(), List.copyOf(asked));
        }
        ApplicationModel app = ctx.application();
        List<String> undeclared = asked.stream().filter(role -> !app.userRoles().contains(role)).toList();
        if (!undeclared.isEmpty()) {
            return new ManagementDecision(false, "user role" + (undeclared.size() == 1 ? " '" + undeclared.get(0)
                    + "' is" : "s " + quoted(undeclared) + " are") + " not declared in @AppSecurity of " + app.name()
                    + ", and nobody may manage an undeclared user role", Map.of(), undeclared);
        }
        if (ctx.isSystem()) {
            return new ManagementDecision(true, "the system context may manage every user", Map.of(), List.of());
        }
        if (ctx.deniedReason().isPresent()) {
            return new ManagementDecision(false, "the security context denies all access: "
                    + ctx.deniedReason().get(), Map.of(), List.copyOf(asked));
        }
        if (!ctx.enforcesOperationAccess()) {
            return new ManagementDecision(true, "user management is not checked at security level " + ctx.level(),
                    Map.of(), List.of());
        }
        Map<String, String> allowedBy = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (String role : asked) {
            String by = ctx.userRoles().stream().filter(own -> app.manageableRolesOf(own).contains(role)).findFirst()
                    .orElse(null);
            if (by == null) {
                refused.add(role);
            } else {
                allowedBy.put(role, by);
            }
        }
        StringBuilder summary = new StringBuilder();
        if (refused.isEmpty()) {
            summary.append(asked.isEmpty() ? "no user role is involved" : describe(allowedBy));
        } else {
            Set<String> manageable = new LinkedHashSet<>();
            ctx.userRoles().forEach(own -> manageable.addAll(app.manageableRolesOf(own)));
            summary.append(ctx.userRoles().isEmpty() ? (ctx.isAnonymous() ? "the anonymous user" : "a context without user")
                    + " has no user role" : "user roles " + ctx.userRoles() + (manageable.isEmpty() ? " may manage no user role"
                            : " may manage only " + String.join(", ", manageable)))
                    .append("; ").append(refused.size() == 1 ? refused.get(0) + " is" : quotedPlain(refused) + " are")
                    .append(" not among them");
        }
        return new ManagementDecision(refused.isEmpty(), summary.toString(), allowedBy, refused);
    }

    private static String describe(Map<String, String> allowedBy) {
        Map<String, List<String>> byOwnRole = new LinkedHashMap<>();
        allowedBy.forEach((role, by) -> byOwnRole.computeIfAbsent(by, k -> new ArrayList<>()).add(role));
        List<String> parts = byOwnRole.entrySet().stream()
                .map(e -> "user role " + e.getKey() + " may manage " + String.join(", ", e.getValue())).toList();
        return String.join("; ", parts);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    private static String quotedPlain(List<String> names) {
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Whether it is allowed. */
    public boolean allowed() {
        return allowed;
    }

    /**
     * For each user role involved that the user may manage, the user's own user role that allows it (the first in
     * the user's order). Empty when nothing is checked (the system, level {@code OFF}).
     */
    public Map<String, String> allowedBy() {
        return allowedBy;
    }

    /** The user roles involved that the user may not manage; empty when it is allowed. */
    public List<String> refused() {
        return refused;
    }

    /** The reason, without "allowed" or "denied". */
    public String reason() {
        return summary;
    }

    /** {@code "allowed: user role SalesManager may manage SalesRep, Customer"} or {@code "denied: ..."}. */
    @Override
    public String toString() {
        return (allowed ? "allowed: " : "denied: ") + summary;
    }
}
