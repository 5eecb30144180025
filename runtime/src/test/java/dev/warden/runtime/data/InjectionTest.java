package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.ids;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.runtime.data.Query.Op;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import java.util.List;

/**
 * Token values and query values that would break SQL if they were spliced into it: each is bound, so the tables
 * survive and each value comes back exactly as it went in.
 */
class InjectionTest {
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE orders; --",
            "x' OR '1'='1",
            "\"; DELETE FROM customers; --",
            "/* comment */ OR 1=1 --",
            "*/ OR TRUE /*",
            "semi;colon; TRUNCATE orders;",
            "back\\slash \\' quote''",
            "Ünïcödé ✓ 日本語 𝄞 🎉 ‮reversed",
            "100% _literal_ !bang [x]",
            "? $1 :name {a}.owner",
            "line\nbreak\ttab\r");

    private static void assertTablesIntact(TestDatabase db, long orders) {
        assertEquals(orders, db.queryLong("SELECT COUNT(*) FROM orders"));
        assertEquals(3, db.queryLong("SELECT COUNT(*) FROM customers"));
    }

    private static Order hostileOrder(String text) {
        return new Order(null, null, null, text, Status.DRAFT, money("1.00"), text, null);
    }

    @OnBothDatabases
    void tokenValuesAreBoundNeverSpliced(TestDatabase db) {
        WardenData data = db.fresh();

        for (String hostile : HOSTILE) {
            assertEquals(List.of(), data.as(Sales.rep(7, hostile)).list(ORDERS), hostile);
            assertEquals(0, data.as(Sales.rep(7, hostile))
                    .count(ORDERS, Query.where(OrderMember.REGION, Op.EQ, hostile)));
        }
        assertTablesIntact(db, 6);

        for (String hostile : HOSTILE) {
            Order stored = data.as(Sales.manager()).insert(ORDERS, hostileOrder(hostile));
            assertEquals(List.of(stored.id()), ids(data.as(Sales.rep(7, hostile)).list(ORDERS)),
                    "the region rule matches the value exactly: " + hostile);
        }
        assertTablesIntact(db, 6 + HOSTILE.size());
    }

    @OnBothDatabases
    void queryValuesAreBoundNeverSpliced(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());
        List<Order> stored = manager.insertAll(ORDERS, HOSTILE.stream().map(InjectionTest::hostileOrder).toList());

        for (int i = 0; i < HOSTILE.size(); i++) {
            String hostile = HOSTILE.get(i);
            long id = stored.get(i).id();
            assertEquals(hostile, stored.get(i).note(), "round trip");
            assertEquals(hostile, db.queryString("SELECT note FROM orders WHERE id = ?", id), "stored as is");
            assertEquals(List.of(id), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.EQ, hostile))), hostile);
            assertEquals(List.of(id), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.CONTAINS, hostile))),
                    "wildcards are literal: " + hostile);
            assertEquals(List.of(id), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.STARTS_WITH, hostile)
                    .and(OrderMember.REGION, Op.ENDS_WITH, hostile))));
            Order updated = manager.update(ORDERS, stored.get(i).withNote(hostile + hostile), OrderMember.NOTE);
            assertEquals(hostile + hostile, updated.note());
        }
        long percent = stored.get(HOSTILE.indexOf("100% _literal_ !bang [x]")).id();
        assertEquals(List.of(percent), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.CONTAINS, "%"))),
                "a % in a value matches only a %");
        assertEquals(List.of(percent), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.CONTAINS, "_"))));
        assertTablesIntact(db, 6 + HOSTILE.size());
    }
}
