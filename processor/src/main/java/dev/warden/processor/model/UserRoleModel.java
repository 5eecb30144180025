package dev.warden.processor.model;

import java.util.List;

/**
 * A user role declared with {@code @UserRole}.
 *
 * @param name the name
 * @param moduleRoles the qualified module roles it maps to, as written
 * @param location the {@code name} value
 * @param moduleRolesLocation the {@code moduleRoles} value, or the {@code @UserRole} annotation when it is left out
 * @param manageableRoles the user roles its holders may manage ({@code manageableRoles}), as written
 */
public record UserRoleModel(String name, List<NameRef> moduleRoles, SourceLocation location,
        SourceLocation moduleRolesLocation, List<NameRef> manageableRoles) {

    public UserRoleModel {
        moduleRoles = List.copyOf(moduleRoles);
        manageableRoles = List.copyOf(manageableRoles);
    }

    /** The names of the user roles it may manage, without repetitions, in the order written. */
    public List<String> manageableRoleNames() {
        return manageableRoles.stream().map(NameRef::text).distinct().toList();
    }
}
