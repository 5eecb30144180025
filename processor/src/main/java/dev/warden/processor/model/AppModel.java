package dev.warden.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * The application's security settings from {@code @AppSecurity}.
 *
 * @param qualifiedName the annotated type
 * @param packageName its package
 * @param simpleName its simple name
 * @param level the security level
 * @param levelLocation where {@code level} is written (the annotation when it is left out)
 * @param userRoles the user roles in declaration order
 * @param anonymousRole the anonymous user role, empty when anonymous access is off
 * @param userIdType the type of user ids
 * @param userIdTypeLocation where {@code userIdType} is written (the annotation when it is left out)
 * @param tokens the custom tokens
 * @param location the {@code @AppSecurity} annotation
 * @param fromSources whether the application is compiled now (and its model must be generated)
 */
public record AppModel(
        String qualifiedName,
        String packageName,
        String simpleName,
        SecurityLevel level,
        SourceLocation levelLocation,
        List<UserRoleModel> userRoles,
        Optional<NameRef> anonymousRole,
        TypeMirror userIdType,
        SourceLocation userIdTypeLocation,
        List<TokenModel> tokens,
        SourceLocation location,
        boolean fromSources) {

    public AppModel {
        userRoles = List.copyOf(userRoles);
        tokens = List.copyOf(tokens);
    }

    /** The simple name of the generated application model class, {@code ShopApplicationSecurityModel}. */
    public String modelClassName() {
        return simpleName + "SecurityModel";
    }

    /** The user role with this name. */
    public Optional<UserRoleModel> userRole(String name) {
        return userRoles.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
