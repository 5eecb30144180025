package dev.warden.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * A module declared with {@code @Module} on a package, from the sources being compiled or from a class
 * file on the class path.
 *
 * @param name the module name
 * @param packageName the package carrying {@code @Module}
 * @param roles the module roles in declaration order (role {@code i} has bit {@code 1L << i})
 * @param location the {@code @Module} annotation
 * @param fromSources whether the module is compiled now (and its descriptor class must be generated)
 * @param nameLocation the {@code name} value
 * @param rolesLocation the {@code roles} value
 */
public record ModuleModel(
        String name, String packageName, List<NameRef> roles, SourceLocation location, boolean fromSources,
        SourceLocation nameLocation, SourceLocation rolesLocation) {

    public ModuleModel {
        roles = List.copyOf(roles);
    }

    /** The role names in declaration order. */
    public List<String> roleNames() {
        return roles.stream().map(NameRef::text).toList();
    }

    /** The qualified name of a role of this module: {@code Sales.User}. */
    public String qualify(String role) {
        return name + "." + role;
    }

    /** The declared role with this simple name. */
    public Optional<NameRef> role(String simpleName) {
        return roles.stream().filter(r -> r.text().equals(simpleName)).findFirst();
    }

    /**
     * The simple name of a role of this module as written in a rule, {@code "User"} or {@code "Sales.User"};
     * empty when it is not one of this module's roles.
     */
    public Optional<String> resolveRole(String written) {
        String simple = written.startsWith(name + ".") ? written.substring(name.length() + 1) : written;
        return role(simple).map(NameRef::text);
    }

    /** The simple name of the generated descriptor class, {@code SalesModule}. */
    public String descriptorClassName() {
        return name + "Module";
    }
}
