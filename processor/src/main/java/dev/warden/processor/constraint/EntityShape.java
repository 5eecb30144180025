package dev.warden.processor.constraint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity as constraints see it.
 *
 * @param qualifiedName its qualified class name ({@code com.acme.Order})
 * @param simpleName    its simple name, used in messages ({@code Order})
 * @param members       its members (attributes and associations)
 * @param idMember      the name of its key member, or null when it has none; needed to compare an association to
 *                      it with {@code [%CurrentUser%]}
 */
public record EntityShape(String qualifiedName, String simpleName, List<MemberShape> members, String idMember) {
    public EntityShape {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(simpleName, "simpleName");
        members = List.copyOf(members);
    }

    /** The member with this exact name. */
    public Optional<MemberShape> member(String name) {
        for (MemberShape m : members) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The key member, when it has one and it exists. */
    public Optional<MemberShape> id() {
        return idMember == null ? Optional.empty() : member(idMember);
    }
}
