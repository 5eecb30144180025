package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import java.math.BigDecimal;
import java.util.List;

/** How {@link Order} is stored in table {@code orders}, with its rules' constraints as SQL. */
@Generated("dev.warden.processor.WardenProcessor")
public final class OrderTable {
  public static final EntityTable<Order> TABLE = EntityTable.builder(OrderPolicy.RULES, "orders", OrderPolicy.Member.ID, Order::new)
      .column(OrderPolicy.Member.ID, "id", Long.class)
      .column(OrderPolicy.Member.CUSTOMER, "customer_id", Long.class)
      .column(OrderPolicy.Member.OWNER, "owner", Long.class)
      .column(OrderPolicy.Member.TOTAL, "total", BigDecimal.class)
      .column(OrderPolicy.Member.TAGS, "tags", List.class)
      .constraint(2, "{a}.owner IS NOT NULL AND {a}.owner = ? AND EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.region = ?) AND {a}.total IS NOT NULL AND {a}.total > ?",
              SqlParam.currentUser(),
              SqlParam.token("Region", String.class),
              SqlParam.constant(new BigDecimal("10.50"), BigDecimal.class))
      .build();

  private OrderTable() {}
}
