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
        SourceLocation defaultAccessLocation) {

    public RuleModel {
        roles = List.copyOf(roles);
        members = List.copyOf(members);
    }

    public boolean hasConstraint() {
        return !constraint.isBlank();
    }
}
