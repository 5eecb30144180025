package dev.warden.processor.model;

import java.util.List;

/** One {@code @MemberAccess(roles, value)} on a member. */
public record MemberAccessModel(List<NameRef> roles, Access access, SourceLocation location) {

    public MemberAccessModel {
        roles = List.copyOf(roles);
    }
}
