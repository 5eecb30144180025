package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a constraint may refer to besides the members of its entity.
 *
 * @param entities     finds the entities that associations lead to
 * @param userIdType   the type of {@code [%CurrentUser%]} ({@code @AppSecurity(userIdType)}); null when unknown, and
 *                     then comparisons with it are not type-checked
 * @param customTokens the custom tokens by name
 * @param userRoles    the user role names, for {@code [%UserRole_Name%]}; null when unknown, and then any name is
 *                     accepted
 */
public record ConstraintEnvironment(
        EntityLookup entities, TypeName userIdType, Map<String, TokenShape> customTokens, Set<String> userRoles) {

    public ConstraintEnvironment {
        Objects.requireNonNull(entities, "entities");
        customTokens = customTokens == null ? Map.of() : Map.copyOf(customTokens);
        userRoles = userRoles == null ? null : Set.copyOf(userRoles);
    }
}
