package dev.warden.sample.app;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.sql.EntityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entity as the demo and the API use it: its generated table and member constants, the URL path it is served
 * under, how to compute its calculated members, and which of its members are associations to which other entity.
 *
 * @param resource the path segment in the API, such as {@code orders}
 * @param table the generated table
 * @param members the constants of the generated {@code Member} enum, such as {@code OrderPolicy.Member.values()}
 * @param calculated the calculated members by name, computed from an object
 * @param references the association members by name, with the resource of the entity they point to
 * @param <T> the entity type
 */
public record ShopEntity<T>(String resource, EntityTable<T> table, List<EntityMember> members,
        Map<String, Function<T, Object>> calculated, Map<String, String> references) {

    /** Checks the parts and copies the members. */
    public ShopEntity {
        members = List.copyOf(members);
    }

    /**
     * The member of a name, as a request or a command names it.
     *
     * @param name such as {@code totalWithVat}
     * @return the generated constant, or empty when the entity has no such member
     */
    public Optional<EntityMember> member(String name) {
        return members.stream().filter(member -> member.memberName().equals(name)).findFirst();
    }

    /** The entity's name, such as {@code Order}. */
    public String name() {
        return table.entityName();
    }

    /** The module and entity name, such as {@code Sales.Order}. */
    public String qualifiedName() {
        return rules().module().name() + "." + name();
    }

    /** The generated rules. */
    public EntityRules<T, ?> rules() {
        return table.rules();
    }

    /** The indices of the members shown: stored members in column order, then the calculated ones. */
    public List<Integer> shownMembers() {
        List<Integer> members = new ArrayList<>();
        for (int member : table.columnMembers()) {
            members.add(member);
        }
        for (String name : calculated.keySet()) {
            members.add(rules().memberIndex(name));
        }
        return members;
    }

    /** Whether a member is stored in a column (not calculated). */
    public boolean isStored(int member) {
        return table.hasColumn(member);
    }

    /**
     * A member's value: the column value for a stored member (the key of an associated object), the computed value
     * for a calculated one.
     *
     * @param object the object
     * @param member the member's index
     * @return the value
     */
    public Object value(T object, int member) {
        if (table.hasColumn(member)) {
            return table.value(object, member);
        }
        return calculated.get(rules().memberName(member)).apply(object);
    }

    /** The key of an object. */
    public Object key(T object) {
        return table.value(object, table.keyMember());
    }

    /** Casts an object known to be of this entity. */
    @SuppressWarnings("unchecked")
    public T cast(Object object) {
        return (T) object;
    }
}
