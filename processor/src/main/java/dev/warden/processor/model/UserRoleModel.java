package dev.warden.processor.model;

import java.util.List;

/** A user role declared with {@code @UserRole}, and the qualified module roles it maps to. */
public record UserRoleModel(String name, List<NameRef> moduleRoles, SourceLocation location) {

    public UserRoleModel {
        moduleRoles = List.copyOf(moduleRoles);
    }
}
