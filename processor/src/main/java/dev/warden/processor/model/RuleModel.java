package dev.warden.processor.model;

import java.util.List;

/**
 * One {@code @AccessRule} of an entity.
 *
 * @param number the rule's number on its entity, from 1 in declaration order
 * @param roles the role names as written (simple or qualified)
 * @param create whether the roles may create objects
 * @param delete whether the roles may delete the objects the rule is active for
 * @param defaultAccess the right on members not listed
 * @param members the listed members
 * @param constraint the constraint text, empty for none
 * @param location the annotation
 * @param constraintLocation the {@code constraint} value (or the annotation when absent)
 * @param defaultAccessLocation the {@code defaultAccess} value (or the annotation when absent)
 * @param reusedFrom for a reusable rule, declared on an annotation type that the entity carries, that annotation on
 *     the entity; {@code null} for a rule declared on the entity itself
 */
public record RuleModel(
        int number,
        List<NameRef> roles,
        boolean create,
        boolean delete,
        Access defaultAccess,
        List<MemberEntry> members,
        String constraint,
        SourceLocation location,
        SourceLocation rolesLocation,
        SourceLocation constraintLocation,
        SourceLocation defaultAccessLocation,
        ReusedFrom reusedFrom) {

    /**
     * Where a reusable rule comes from: {@code @TenantScoped} on the entity, whose annotation type carries the rule.
     *
     * @param annotationName the simple name of the annotation type, {@code TenantScoped}
     * @param usage the annotation on the entity
     */
    public record ReusedFrom(String annotationName, SourceLocation usage) {}

    public RuleModel {
        roles = List.copyOf(roles);
        members = List.copyOf(members);
    }

    /** Whether the rule is declared on an annotation type the entity carries, rather than on the entity. */
    public boolean isReused() {
        return reusedFrom != null;
    }

    public boolean hasConstraint() {
        return !constraint.isBlank();
    }
}
