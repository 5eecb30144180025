package dev.warden.sample.app;

import dev.warden.sample.administration.Account;
import dev.warden.sample.administration.AccountPolicy;
import dev.warden.sample.administration.AccountTable;
import dev.warden.sample.sales.Customer;
import dev.warden.sample.sales.CustomerPolicy;
import dev.warden.sample.sales.CustomerTable;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderLine;
import dev.warden.sample.sales.OrderLinePolicy;
import dev.warden.sample.sales.OrderLineTable;
import dev.warden.sample.sales.OrderPolicy;
import dev.warden.sample.sales.OrderTable;
import dev.warden.sample.sales.Product;
import dev.warden.sample.sales.ProductPolicy;
import dev.warden.sample.sales.ProductTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's entities, in the order the demo shows them. */
public final class ShopEntities {
    public static final ShopEntity<Account> ACCOUNTS = new ShopEntity<>("accounts", AccountTable.TABLE,
            List.of(AccountPolicy.Member.values()), Map.of(), Map.of());
    public static final ShopEntity<Customer> CUSTOMERS = new ShopEntity<>("customers", CustomerTable.TABLE,
            List.of(CustomerPolicy.Member.values()), Map.of(), Map.of());
    public static final ShopEntity<Product> PRODUCTS = new ShopEntity<>("products", ProductTable.TABLE,
            List.of(ProductPolicy.Member.values()), Map.of(), Map.of());
    public static final ShopEntity<Order> ORDERS = new ShopEntity<>("orders", OrderTable.TABLE,
            List.of(OrderPolicy.Member.values()), Map.of("totalWithVat", Order::getTotalWithVat),
            Map.of("customer", "customers"));
    public static final ShopEntity<OrderLine> ORDER_LINES = new ShopEntity<>("order-lines", OrderLineTable.TABLE,
            List.of(OrderLinePolicy.Member.values()), Map.of("lineTotal", OrderLine::getLineTotal),
            Map.of("order", "orders", "product", "products"));

    /** All of them. */
    public static final List<ShopEntity<?>> ALL = List.of(ACCOUNTS, CUSTOMERS, PRODUCTS, ORDERS, ORDER_LINES);

    private ShopEntities() {}

    /**
     * The entity served under a path segment.
     *
     * @param resource such as {@code orders}
     * @return the entity, or empty
     */
    public static Optional<ShopEntity<?>> byResource(String resource) {
        return ALL.stream().filter(entity -> entity.resource().equals(resource)).findFirst();
    }
}
