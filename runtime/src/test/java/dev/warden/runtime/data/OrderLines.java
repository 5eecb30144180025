package dev.warden.runtime.data;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.TestRules;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The lines of {@link Sales}' orders, whose rules read the order: reps may change and add the lines of their own
 * draft orders ({@code [order/owner = '[%CurrentUser%]'][order/status = 'DRAFT']}), managers everything. Written
 * by hand as the processor generates it; the table has no foreign key, so that {@link TestDatabase#fresh()} can
 * drop the orders under it.
 */
final class OrderLines {
    static final int ID = 0;
    static final int ORDER = 1;
    static final int PRODUCT = 2;
    static final int QUANTITY = 3;
    static final int PRICE = 4;

    /** A line of an order; the order arrives as a reference that holds only its key. */
    record Line(Long id, Order order, String product, Integer quantity, BigDecimal price) {
        Line withQuantity(Integer newQuantity) {
            return new Line(id, order, product, newQuantity, price);
        }

        Line withOrder(Order newOrder) {
            return new Line(id, newOrder, product, quantity, price);
        }
    }

    /** The members of a line. */
    enum LineMember implements EntityMember {
        ID, ORDER, PRODUCT, QUANTITY, PRICE;

        @Override
        public String memberName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final EntityRules<Line, LineMember> LINE_RULES = TestRules
            .builder(Line.class, LineMember.class, Sales.SALES)
            .association(LineMember.ORDER, Order.class)
            .readOnly(LineMember.values())
            .getter((line, member) -> switch (member) {
                case ID -> line.id();
                case ORDER -> line.order();
                case PRODUCT -> line.product();
                case QUANTITY -> line.quantity();
                case PRICE -> line.price();
            })
            .rule("Managers: everything", null)
            .grant(Sales.MANAGER, true, true, MemberSet.all(5), MemberSet.of(ID, ORDER, PRODUCT, QUANTITY, PRICE))
            .rule("Reps: the lines of their own draft orders", (ctx, line) -> line.order() != null
                    && line.order().owner() != null && line.order().owner().equals(ctx.currentUserId())
                    && line.order().status() == Status.DRAFT)
            .grant(Sales.USER, true, true, MemberSet.all(5), MemberSet.of(ID, ORDER, PRODUCT, QUANTITY, PRICE))
            .build();

    static final EntityTable<Line> LINES = EntityTable.builder(LINE_RULES, "lines", LineMember.ID)
            .column(LineMember.ID, "id", Long.class)
            .column(LineMember.ORDER, "order_id", Long.class)
            .column(LineMember.PRODUCT, "product", String.class)
            .column(LineMember.QUANTITY, "quantity", Integer.class)
            .column(LineMember.PRICE, "price", BigDecimal.class)
            .constraint(2, "EXISTS (SELECT 1 FROM orders {a}_1 WHERE {a}_1.id = {a}.order_id "
                    + "AND {a}_1.owner = ? AND {a}_1.status = ?)",
                    SqlParam.currentUser(), SqlParam.constant("DRAFT", Status.class))
            .reader(values -> new Line((Long) values[ID], (Order) values[ORDER], (String) values[PRODUCT],
                    (Integer) values[QUANTITY], (BigDecimal) values[PRICE]))
            .build();

    /** Makes the lines table anew, after {@link TestDatabase#fresh()}, with one anvil on order 1. */
    static void create(TestDatabase db) {
        db.execute("DROP TABLE IF EXISTS lines");
        db.execute("CREATE TABLE lines (id BIGINT PRIMARY KEY, order_id BIGINT, product VARCHAR(100), "
                + "quantity INTEGER, price NUMERIC(12, 2))");
        db.execute("INSERT INTO lines (id, order_id, product, quantity, price) VALUES (5000, 1, 'Anvil', 1, 0.99)");
    }

    private OrderLines() {}
}
