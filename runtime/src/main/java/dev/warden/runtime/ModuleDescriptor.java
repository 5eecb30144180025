package dev.warden.runtime;

import static dev.warden.runtime.internal.Checks.requireName;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A module and its module roles, as the policy engine sees them. Role {@code i} (in declaration order) is
 * represented by the bit {@code 1L << i}, so a set of roles of one module is a {@code long} mask.
 *
 * <p>The processor generates one constant per {@code @Module}. Instances are compared by identity.
 */
public final class ModuleDescriptor {
    /** The most roles a module may have: one bit of a {@code long} each. */
    public static final int MAX_ROLES = Long.SIZE;

    private final String name;
    private final List<String> roles;
    private final Map<String, Long> bits = new HashMap<>();

    /**
     * A module.
     *
     * @param name the module's name, for example {@code "Sales"}
     * @param roles the module's roles as simple names ({@code "User"}), in declaration order; at most 64
     * @throws IllegalArgumentException when there are more than 64 roles, or a role is empty or repeated
     */
    public ModuleDescriptor(String name, String... roles) {
        this.name = requireName(name, "module name");
        if (roles.length > MAX_ROLES) {
            throw new IllegalArgumentException(
                    "Module " + name + " has " + roles.length + " roles; at most " + MAX_ROLES + " are supported");
        }
        this.roles = List.of(roles);
        for (int i = 0; i < roles.length; i++) {
            String role = requireName(roles[i], "role name");
            if (bits.put(role, 1L << i) != null) {
                throw new IllegalArgumentException("Module " + name + " declares role '" + role + "' twice");
            }
        }
    }

    /** The module's name. */
    public String name() {
        return name;
    }

    /** The module's roles as simple names, in declaration order. */
    public List<String> roles() {
        return roles;
    }

    /**
     * The bit of one role.
     *
     * @param simpleRole the role's simple name, {@code "User"} rather than {@code "Sales.User"}
     * @return the role's bit, or 0 when the module has no such role
     */
    public long bit(String simpleRole) {
        Long bit = bits.get(simpleRole);
        return bit == null ? 0L : bit;
    }

    /**
     * Names the roles in a mask, qualified with the module name and in declaration order.
     *
     * @param mask a set of this module's roles
     * @return for example {@code "Sales.User, Sales.Manager"}; empty for a mask without roles
     */
    public String describe(long mask) {
        StringJoiner names = new StringJoiner(", ");
        for (int i = 0; i < roles.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                names.add(name + "." + roles.get(i));
            }
        }
        return names.toString();
    }

    @Override
    public String toString() {
        return "Module " + name + " " + roles;
    }
}
