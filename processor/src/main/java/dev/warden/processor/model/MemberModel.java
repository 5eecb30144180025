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
 */
public record MemberModel(
        String name,
        TypeMirror type,
        MemberKind kind,
        String getter,
        String setter,
        ReadOnlyReason readOnly,
        boolean owner,
        boolean key,
        String targetEntity,
        List<MemberAccessModel> accessRights,
        Element element,
        SourceLocation location,
        SourceLocation ownerLocation) {

    /** What kind of member this is. */
    public enum MemberKind {
        ATTRIBUTE,
        TO_ONE,
        TO_MANY;

        public boolean isAssociation() {
            return this != ATTRIBUTE;
        }
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
    }

    public boolean isCalculated() {
        return readOnly == ReadOnlyReason.CALCULATED;
    }

    public boolean isWritable() {
        return readOnly == null;
    }
}
