package dev.warden.runtime.data;

import dev.warden.runtime.sql.EntityTable;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The members a caller names in a query or an update, checked against the table and turned into indices. */
final class Members {
    private Members() {}

    /**
     * The index of a member that has a column.
     *
     * @throws IllegalArgumentException for an unknown member or one without a column
     */
    static int column(EntityTable<?> table, String memberName) {
        int member = table.rules().memberIndex(memberName);
        if (member < 0) {
            throw new IllegalArgumentException(table.entityName() + " has no member '" + memberName + "'");
        }
        if (!table.hasColumn(member)) {
            throw new IllegalArgumentException("Member '" + memberName + "' of " + table.entityName()
                    + " has no column to query");
        }
        return member;
    }

    /**
     * The members an update stores, each once, in the order given.
     *
     * @throws IllegalArgumentException for none, an unknown member, one without a column, or the key
     */
    static int[] changed(EntityTable<?> table, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("Name the members to update");
        }
        Set<Integer> members = new LinkedHashSet<>();
        for (String name : names) {
            int member = column(table, Objects.requireNonNull(name, "member"));
            if (member == table.keyMember()) {
                throw new IllegalArgumentException("The key of " + table.entityName() + " cannot be updated");
            }
            members.add(member);
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }
}
