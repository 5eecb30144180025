package dev.warden.processor.model;

import java.util.List;

/**
 * A user role declared with {@code @UserRole}, and the qualified module roles it maps to.
 *
 * @param name the name
 * @param moduleRoles the qualified module roles, as written
 * @param location the {@code name} value
 * @param moduleRolesLocation the {@code moduleRoles} value, or the {@code @UserRole} annotation when it is left out
 */
public record UserRoleModel(String name, List<NameRef> moduleRoles, SourceLocation location,
        SourceLocation moduleRolesLocation) {

    public UserRoleModel {
        moduleRoles = List.copyOf(moduleRoles);
    }
}
