package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.CUSTOMER_RULES;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.ORDER_RULES;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.data.Query.Direction;
import dev.warden.runtime.data.Query.Op;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Members as typed constants in {@link Query} and {@link WardenData#update}: each must be a member of the table's
 * entity (its index and name those of a member in the entity's rules), or the call is a programming error that names
 * the entity and the member before any statement runs.
 */
class TypedMembersTest {
    private static final Sales.Order ORDER_1 = SEED_ORDERS.get(0);

    /** A member enum nested as the processor nests {@code OrderPolicy.Member}. */
    static final class LinePolicy {
        enum Member implements EntityMember {
            ID("id"),
            QUANTITY("quantity");

            private final String memberName;

            Member(String memberName) {
                this.memberName = memberName;
            }

            @Override
            public String memberName() {
                return memberName;
            }
        }
    }

    /** A member written by hand, with any index. */
    record Stray(String memberName, int ordinal) implements EntityMember {}

    @Test
    void theFixturesMemberEnumsMatchTheirRules() {
        assertEquals(ORDER_RULES.memberCount(), OrderMember.values().length);
        for (OrderMember member : OrderMember.values()) {
            assertEquals(ORDER_RULES.memberName(member.ordinal()), member.memberName(), member.name());
        }
        assertEquals(CUSTOMER_RULES.memberCount(), CustomerMember.values().length);
        for (CustomerMember member : CustomerMember.values()) {
            assertEquals(CUSTOMER_RULES.memberName(member.ordinal()), member.memberName(), member.name());
        }
    }

    @OnBothDatabases
    void aMemberOfAnotherEntityIsAnErrorNamingTheEntityAndTheMember(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());
        String expected = "TypedMembersTest.LinePolicy.Member.QUANTITY ('quantity', index 1) is not a member of "
                + "Order: pass a constant of Order's own Member enum";
        List<Consumer<WardenData>> calls = List.of(
                data -> data.list(ORDERS, Query.where(LinePolicy.Member.QUANTITY, Op.EQ, 1)),
                data -> data.count(ORDERS, Query.where(OrderMember.NOTE, Op.IS_NULL)
                        .and(LinePolicy.Member.QUANTITY, Op.IS_NOT_NULL)),
                data -> data.list(ORDERS, Query.all().orderBy(LinePolicy.Member.QUANTITY, Direction.DESC)),
                data -> data.update(ORDERS, ORDER_1, OrderMember.NOTE, LinePolicy.Member.QUANTITY),
                data -> data.updateAll(ORDERS, List.of(ORDER_1), LinePolicy.Member.QUANTITY));

        for (Consumer<WardenData> call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(manager));
            assertEquals(expected, e.getMessage());
        }
        assertEquals("rep 1 draft", db.queryString("SELECT note FROM orders WHERE id = 1"), "nothing was updated");
    }

    @OnBothDatabases
    void aMemberWhoseIndexOrNameIsNotTheEntitysIsAnError(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        for (Stray stray : List.of(new Stray("note", 5), new Stray("total", 6), new Stray("note", 9),
                new Stray("note", -1), new Stray("Note", 6), new Stray(null, 6))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> manager.list(ORDERS, Query.where(stray, Op.IS_NULL)), stray.toString());
            assertEquals("Stray ('" + stray.memberName() + "', index " + stray.ordinal() + ") is not a member of "
                    + "Order: pass a constant of Order's own Member enum", e.getMessage());
        }
        assertEquals(List.of(5L), ids(manager.list(ORDERS, Query.where(new Stray("note", 6), Op.IS_NULL))),
                "a hand-written member with the entity's index and name is that member");
    }

    @OnBothDatabases
    void aMemberWithTheSameIndexAndNameInAnotherEntityIsTheSameMember(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertEquals(List.of(1L), ids(manager.list(ORDERS, Query.where(CustomerMember.ID, Op.EQ, 1L))),
                "Customer's id and Order's id are both member 0, named id");
        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(CustomerMember.NAME, Op.EQ, "Acme")), "member 1 is customer");
    }

    @OnBothDatabases
    void membersWithoutAColumnOrTheKeyCannotBeUpdated(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertEquals("Member 'label' of Order has no column to query", assertThrows(IllegalArgumentException.class,
                () -> manager.update(ORDERS, ORDER_1, OrderMember.LABEL)).getMessage());
        assertEquals("The key of Order cannot be updated", assertThrows(IllegalArgumentException.class,
                () -> manager.update(ORDERS, ORDER_1, OrderMember.NOTE, OrderMember.ID)).getMessage());
        assertEquals("Name the members of Order to update", assertThrows(IllegalArgumentException.class,
                () -> manager.update(ORDERS, ORDER_1)).getMessage());
        assertThrows(NullPointerException.class, () -> manager.update(ORDERS, ORDER_1, (EntityMember) null));
        assertThrows(NullPointerException.class, () -> Query.where((EntityMember) null, Op.IS_NULL));
        assertThrows(NullPointerException.class, () -> Query.all().orderBy((EntityMember) null));
    }

    @OnBothDatabases
    void aMemberNamedTwiceIsStoredOnce(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        manager.update(ORDERS, ORDER_1.withNote("once"), OrderMember.NOTE, OrderMember.NOTE);

        assertEquals("once", db.queryString("SELECT note FROM orders WHERE id = 1"));
    }
}
