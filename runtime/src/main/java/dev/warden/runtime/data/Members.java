package dev.warden.runtime.data;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.sql.EntityTable;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The members a caller names in a query or an update, checked against the table's entity and turned into the
 * indices the rules and the table use.
 */
final class Members {
    private Members() {}

    /**
     * The index of a member of the table's entity: a constant whose index and name are those of a member in the
     * entity's rules, as the constants of the entity's generated {@code Member} enum are.
     *
     * @throws IllegalArgumentException for a member of another entity
     */
    static int index(EntityTable<?> table, EntityMember member) {
        Objects.requireNonNull(member, "member");
        EntityRules<?, ?> rules = table.rules();
        String name = member.memberName();
        int index = member.ordinal();
        if (index < 0 || index >= rules.memberCount() || !rules.memberName(index).equals(name)) {
            throw new IllegalArgumentException(describe(member) + " is not a member of " + table.entityName()
                    + ": pass a constant of " + table.entityName() + "'s own Member enum");
        }
        return index;
    }

    /**
     * The index of a member of the table's entity that has a column.
     *
     * @throws IllegalArgumentException for a member of another entity, or one without a column
     */
    static int column(EntityTable<?> table, EntityMember member) {
        int index = index(table, member);
        if (!table.hasColumn(index)) {
            throw new IllegalArgumentException("Member '" + member.memberName() + "' of " + table.entityName()
                    + " has no column to query");
        }
        return index;
    }

    /**
     * The members an update stores, each once, in the order given.
     *
     * @throws IllegalArgumentException for none, a member of another entity, one without a column, or the key
     */
    static int[] changed(EntityTable<?> table, EntityMember... changed) {
        if (changed.length == 0) {
            throw new IllegalArgumentException("Name the members of " + table.entityName() + " to update");
        }
        Set<Integer> members = new LinkedHashSet<>();
        for (EntityMember member : changed) {
            int index = column(table, Objects.requireNonNull(member, "member"));
            if (index == table.keyMember()) {
                throw new IllegalArgumentException("The key of " + table.entityName() + " cannot be updated");
            }
            if (table.versionMember().equals(java.util.OptionalInt.of(index))) {
                throw new IllegalArgumentException("The version '" + member.memberName() + "' of "
                        + table.entityName() + " cannot be updated: every update increments it");
            }
            members.add(index);
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A member for messages: {@code CustomerPolicy.Member.NAME ('name', index 1)} for a generated constant.
     */
    private static String describe(EntityMember member) {
        String constant;
        if (member instanceof Enum<?> value) {
            StringBuilder type = new StringBuilder(value.getDeclaringClass().getSimpleName());
            for (Class<?> outer = value.getDeclaringClass().getEnclosingClass(); outer != null;
                    outer = outer.getEnclosingClass()) {
                type.insert(0, outer.getSimpleName() + ".");
            }
            constant = type + "." + value.name();
        } else {
            String simpleName = member.getClass().getSimpleName();
            constant = simpleName.isEmpty() ? member.getClass().getName() : simpleName;
        }
        return constant + " ('" + member.memberName() + "', index " + member.ordinal() + ")";
    }
}
