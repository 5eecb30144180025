package dev.warden.processor.model;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One member of an entity: an attribute (a JavaBean property or record component) or an association to
 * another secured entity.
 *
 * @param name the member name ({@code total} for {@code getTotal()})
 * @param type the member's type as the getter returns it
 * @param kind attribute, to-one or to-many association
 * @param container for an association, the container its objects come in ({@code NONE} for a plain to-one);
 *     for an attribute {@code NONE}, or {@code UNKNOWN} when its type is a container whose element type cannot be
 *     told (a raw or wildcard {@code List}, {@code Map}, {@code Optional}, an {@code Object[]}), which might hold
 *     secured entities
 * @param copy how the secured proxy keeps the value from being shared: mutable values are copied in and out
 * @param getter the accessor method name ({@code getTotal}, or {@code total} for a record)
 * @param setter the setter method name, or {@code null} when there is none
 * @param readOnly why the member cannot be written, or {@code null} when it can
 * @param owner whether it is marked {@code @Owner}
 * @param key whether it is the entity's key ({@code id}, or marked with a JPA {@code @Id})
 * @param targetEntity for an association, the qualified name of the associated entity
 * @param accessRights the {@code @MemberAccess} annotations on the member
 * @param element the field, getter or record component that declares the member
 * @param location the declaring element, for messages
 * @param ownerLocation the {@code @Owner} annotation when {@code owner}, else {@code null}
 * @param systemMarkers the annotations that make Warden fill the member in besides {@code @Owner}
 *     ({@code @ChangedBy}, {@code @CreatedDate}, {@code @ChangedDate}, {@code @Preset}), normally none or one
 */
public record MemberModel(
        String name,
        TypeMirror type,
        MemberKind kind,
        Container container,
        ValueCopy copy,
        String getter,
        String setter,
        ReadOnlyReason readOnly,
        boolean owner,
        boolean key,
        String targetEntity,
        List<MemberAccessModel> accessRights,
        Element element,
        SourceLocation location,
        SourceLocation ownerLocation,
        List<SystemMarker> systemMarkers) {

    /** What kind of member this is. */
    public enum MemberKind {
        ATTRIBUTE,
        TO_ONE,
        TO_MANY;

        public boolean isAssociation() {
            return this != ATTRIBUTE;
        }
    }

    /** The container an association's objects come in. */
    public enum Container {
        /** A plain to-one association, or an attribute. */
        NONE,
        /** {@code Optional<T>}: a to-one association. */
        OPTIONAL,
        /** A {@code java.util.Collection} of {@code T} (list, set, ...): a to-many association. */
        COLLECTION,
        /** An {@code Iterable<T>} that is not a collection: a to-many association. */
        ITERABLE,
        /** {@code T[]}: a to-many association. */
        ARRAY,
        /** {@code Map<K, T>}: a to-many association of its values. */
        MAP,
        /** A container whose element type cannot be told; an error in a secured entity. */
        UNKNOWN
    }

    /** How a secured proxy keeps a member's value from being shared with the object behind it. */
    public enum ValueCopy {
        /** Immutable (or an entity, wrapped in its own proxy): handed out as it is. */
        NONE,
        /** Mutable (a date, a calendar, an array, a collection, a map): copied in and out. */
        COPY,
        /** Mutable, of a type Warden cannot copy (a {@code Queue}, a custom collection class); an error. */
        UNSUPPORTED
    }

    /** Why a member cannot be written. */
    public enum ReadOnlyReason {
        CALCULATED("it is @Calculated"),
        GETTER_ONLY("it has a getter but no setter"),
        FINAL_FIELD("its field is final"),
        RECORD_COMPONENT("it is a record component, and records are immutable");

        private final String explanation;

        ReadOnlyReason(String explanation) {
            this.explanation = explanation;
        }

        /** A sentence fragment: "it is @Calculated". */
        public String explanation() {
            return explanation;
        }
    }

    public MemberModel {
        accessRights = List.copyOf(accessRights);
        systemMarkers = List.copyOf(systemMarkers);
    }

    /** The first annotation that makes Warden fill the member in besides {@code @Owner}, if any. */
    public java.util.Optional<SystemMarker> systemMarker() {
        return systemMarkers.stream().findFirst();
    }

    /**
     * Whether Warden fills the member in, so that no user may write it: {@code @Owner}, a system marker, or JPA's
     * {@code @Version}.
     */
    public boolean isFilledByWarden() {
        return owner || !systemMarkers.isEmpty() || KeyAndVersion.isVersion(this);
    }

    public boolean isCalculated() {
        return readOnly == ReadOnlyReason.CALCULATED;
    }

    public boolean isWritable() {
        return readOnly == null;
    }

    /**
     * Whether the member is stored in the entity's table: a plain attribute, a plain to-one association or a
     * to-many collection; not a member in another container, which constraints therefore cannot follow.
     */
    public boolean isStorable() {
        return container == Container.NONE || container == Container.COLLECTION;
    }
}
