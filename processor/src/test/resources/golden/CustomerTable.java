package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;

/** How {@link Customer} is stored in table {@code customer}, with its rules' constraints as SQL. */
@Generated("dev.warden.processor.WardenProcessor")
public final class CustomerTable {
  public static final EntityTable<Customer> TABLE = EntityTable.builder(CustomerPolicy.RULES, "customer", CustomerPolicy.Member.ID)
      .column(CustomerPolicy.Member.ID, "id", Long.class)
      .column(CustomerPolicy.Member.NAME, "name", String.class)
      .column(CustomerPolicy.Member.REGION, "region", String.class)
      .constraint(2, "{a}.region IS NOT NULL AND {a}.region = ?",
              SqlParam.token("Region", String.class))
      .reader(CustomerTable::read)
      .build();

  private CustomerTable() {}

  private static Customer read(Object[] values) {
    return new Customer(
          (Long) values[0],
          (String) values[1],
          (String) values[2]);
  }
}
