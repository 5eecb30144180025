package dev.warden.processor.constraint;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;

/**
 * A member of an entity as constraints see it.
 *
 * @param name           the member's name, as written in constraints ({@code owner})
 * @param kind           what kind of value it holds
 * @param javaType       its Java type; for a to-many association the collection type (a {@code java.util.Collection})
 * @param accessor       the method to call on the object to read it ({@code getOwner} or {@code owner})
 * @param calculated     a calculated member, which constraints may not use
 * @param enumConstants  for an {@link ValueKind#ENUM ENUM}, the constant names in declaration order; else empty
 * @param targetEntity   for an {@link ValueKind#ASSOCIATION ASSOCIATION}, the qualified name of the associated
 *                       entity (the element entity for to-many); else null
 * @param toMany         a to-many association
 * @param embedded       for a JPA {@code @Embedded} member (its type an {@code @Embeddable}), the embeddable's
 *                       attributes, which a path reaches with {@code address/city}; else empty
 * @param embeddedIn     for an attribute of an embeddable reached through a path, the embedded member it is read
 *                       from ({@code address}); its name is then {@code address.city} and its type boxed, since a
 *                       null embeddable has null values; else null
 */
public record MemberShape(
        String name,
        ValueKind kind,
        TypeName javaType,
        String accessor,
        boolean calculated,
        List<String> enumConstants,
        String targetEntity,
        boolean toMany,
        List<MemberShape> embedded,
        MemberShape embeddedIn) {

    public MemberShape(String name, ValueKind kind, TypeName javaType, String accessor, boolean calculated,
            List<String> enumConstants, String targetEntity, boolean toMany) {
        this(name, kind, javaType, accessor, calculated, enumConstants, targetEntity, toMany, List.of(), null);
    }

    public MemberShape {
        embedded = embedded == null ? List.of() : List.copyOf(embedded);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(accessor, "accessor");
        enumConstants = enumConstants == null ? List.of() : List.copyOf(enumConstants);
        if (kind == ValueKind.ASSOCIATION && targetEntity == null) {
            throw new IllegalArgumentException("association '" + name + "' needs a target entity");
        }
        if (kind != ValueKind.ASSOCIATION && toMany) {
            throw new IllegalArgumentException("only an association can be to-many: '" + name + "'");
        }
    }

    /** An attribute (not an association, not calculated, no enum constants). */
    public static MemberShape attribute(String name, ValueKind kind, TypeName javaType, String accessor) {
        return new MemberShape(name, kind, javaType, accessor, false, List.of(), null, false);
    }

    /** An enum attribute. */
    public static MemberShape enumAttribute(String name, TypeName javaType, String accessor, List<String> constants) {
        return new MemberShape(name, ValueKind.ENUM, javaType, accessor, false, constants, null, false);
    }

    /** A to-one association. */
    public static MemberShape toOne(String name, TypeName javaType, String accessor, String targetEntity) {
        return new MemberShape(name, ValueKind.ASSOCIATION, javaType, accessor, false, List.of(), targetEntity, false);
    }

    /** A to-many association; {@code collectionType} is e.g. {@code List<OrderLine>}. */
    public static MemberShape toMany(String name, TypeName collectionType, String accessor, String targetEntity) {
        return new MemberShape(name, ValueKind.ASSOCIATION, collectionType, accessor, false, List.of(), targetEntity, true);
    }

    /** This member, marked calculated. */
    public MemberShape asCalculated() {
        return new MemberShape(name, kind, javaType, accessor, true, enumConstants, targetEntity, toMany, embedded,
                embeddedIn);
    }

    /** This attribute as a JPA {@code @Embedded} member whose embeddable has these attributes. */
    public MemberShape asEmbedded(List<MemberShape> attributes) {
        return new MemberShape(name, kind, javaType, accessor, calculated, enumConstants, targetEntity, toMany,
                attributes, null);
    }

    /**
     * {@code attribute} of this embedded member's embeddable, as a path {@code address/city} reaches it: named
     * {@code address.city}, read through this member.
     */
    public MemberShape reach(MemberShape attribute) {
        return new MemberShape(name + "." + attribute.name(), attribute.kind(), attribute.javaType().box(),
                attribute.accessor(), attribute.calculated(), attribute.enumConstants(), null, false, List.of(), this);
    }

    /** A JPA {@code @Embedded} member, whose attributes paths can reach. */
    public boolean isEmbedded() {
        return !embedded.isEmpty();
    }

    /** The attribute of this embedded member's embeddable with this name. */
    public java.util.Optional<MemberShape> embeddedMember(String attribute) {
        return embedded.stream().filter(m -> m.name().equals(attribute)).findFirst();
    }

    /** An association (to-one or to-many). */
    public boolean isAssociation() {
        return kind == ValueKind.ASSOCIATION;
    }
}
