package dev.warden.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A class or record annotated {@code @SecuredEntity}, with its members and rules.
 *
 * @param element the entity type
 * @param qualifiedName its qualified name
 * @param packageName its package
 * @param simpleName its simple name
 * @param record whether it is a record (otherwise a JavaBean class)
 * @param table the table name as written in {@code @SecuredEntity(table)}, empty for the default
 * @param persistent whether it is stored in a database
 * @param module the module its package belongs to, empty when none
 * @param members the members, inherited ones first, in declaration order
 * @param rules the access rules in declaration order
 * @param securedSuperclass the nearest superclass that is itself a secured entity, if any
 * @param location the {@code @SecuredEntity} annotation
 */
public record EntityModel(
        TypeElement element,
        String qualifiedName,
        String packageName,
        String simpleName,
        boolean record,
        String table,
        boolean persistent,
        Optional<ModuleModel> module,
        List<MemberModel> members,
        List<RuleModel> rules,
        Optional<String> securedSuperclass,
        SourceLocation location) {

    public EntityModel {
        members = List.copyOf(members);
        rules = List.copyOf(rules);
    }

    /** The member with this name. */
    public Optional<MemberModel> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The index of the member with this name, or -1. */
    public int memberIndex(String name) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The key member, if the entity has one. */
    public Optional<MemberModel> keyMember() {
        return members.stream().filter(MemberModel::key).findFirst();
    }

    /**
     * Whether objects can be made with {@code new Entity()}: a class that is not abstract, with a public constructor
     * without parameters (or no constructor at all).
     */
    public boolean hasPublicNoArgConstructor() {
        if (record || element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
            return false;
        }
        List<javax.lang.model.element.ExecutableElement> constructors =
                javax.lang.model.util.ElementFilter.constructorsIn(element.getEnclosedElements());
        return constructors.isEmpty() || constructors.stream().anyMatch(c -> c.getParameters().isEmpty()
                && c.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC));
    }

    /** The member marked {@code @Owner}, if any. */
    public Optional<MemberModel> ownerMember() {
        return members.stream().filter(MemberModel::owner).findFirst();
    }

    /** The member marked with this system annotation ({@code @ChangedBy}, ...), the first if several are. */
    public Optional<MemberModel> systemMember(SystemMarker.Kind kind) {
        return members.stream().filter(m -> m.systemMarkers().stream().anyMatch(s -> s.kind() == kind)).findFirst();
    }
}
