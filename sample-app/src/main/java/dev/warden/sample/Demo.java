package dev.warden.sample;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.sample.sales.Customer;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderPolicy;
import dev.warden.sample.sales.OrderStatus;
import dev.warden.sample.sales.Product;
import dev.warden.sample.sales.SecuredCustomer;
import dev.warden.sample.sales.SecuredOrder;
import dev.warden.sample.sales.SecuredProduct;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The demo: a few customers, orders and products in memory, and what each demo user may see and do with
 * them, through the generated policies and secured proxies.
 */
public final class Demo {

    /** The demo users, one per user role, as Mendix creates them for a prototype. */
    public static final List<UserIdentity> USERS = List.of(
            UserIdentity.of(1L, "Administrator"),
            UserIdentity.of(2L, "SalesRep").withAttribute("Region", "North"),
            UserIdentity.of(3L, "SalesRep").withAttribute("Region", "South"),
            UserIdentity.of(10L, "Customer"));

    private final List<Customer> customers = List.of(
            new Customer(100L, "Acme Corp", "North", 2L, 10L),
            new Customer(101L, "Globex", "North", 3L, 11L),
            new Customer(102L, "Initech", "South", 3L, 12L));
    private final List<Order> orders;
    private final List<Product> products = List.of(
            new Product(1L, "Anvil", new BigDecimal("99.00"), new BigDecimal("40.00")),
            new Product(2L, "Rocket skates", new BigDecimal("250.00"), new BigDecimal("180.00")));

    public Demo() {
        orders = List.of(
                order(1000L, customers.get(0), 10L, OrderStatus.DRAFT, "49.50"),
                order(1001L, customers.get(0), 10L, OrderStatus.SHIPPED, "120.00"),
                order(1002L, customers.get(1), 11L, OrderStatus.PLACED, "75.25"),
                order(1003L, customers.get(2), 12L, OrderStatus.DRAFT, "10.00"));
    }

    private static Order order(Long id, Customer customer, Long owner, OrderStatus status, String total) {
        Order order = new Order();
        order.setId(id);
        order.setCustomer(customer);
        order.setOwner(owner);
        order.setStatus(status);
        order.setTotal(new BigDecimal(total));
        return order;
    }

    /** Prints, for every demo user and for an anonymous visitor, what they see and may do. */
    public void run(PrintStream out) {
        for (UserIdentity user : USERS) {
            try (SecurityContext.Scope scope = SecurityContext.open(ShopApplicationSecurityModel.INSTANCE, user)) {
                out.println("== " + user.userRoles() + " user " + user.id());
                show(scope.context(), out);
            }
        }
        try (SecurityContext.Scope scope = SecurityContext.openAnonymous(ShopApplicationSecurityModel.INSTANCE)) {
            out.println("== anonymous visitor");
            show(scope.context(), out);
        }
    }

    private void show(SecurityContext context, PrintStream out) {
        out.println("  may create orders: " + OrderPolicy.canCreate(context));
        for (SecuredCustomer customer : SecuredCustomer.visibleOf(context, customers)) {
            out.println("  customer " + values(customer.readableValues()));
        }
        for (SecuredOrder order : SecuredOrder.visibleOf(context, orders)) {
            out.println("  order " + values(order.readableValues()) + (order.canDelete() ? " (may delete)" : ""));
        }
        for (SecuredProduct product : SecuredProduct.visibleOf(context, products)) {
            out.println("  product " + values(product.readableValues()));
        }
        for (Order order : orders) {
            if (OrderPolicy.isVisible(context, order)) {
                BigDecimal total = order.getTotal();
                try {
                    SecuredOrder.of(context, order).setTotal(BigDecimal.ONE);
                    out.println("  may change the total of order " + order.getId());
                    order.setTotal(total);
                } catch (AccessDeniedException denied) {
                    out.println("  denied: " + denied.getMessage());
                }
                break;
            }
        }
    }

    private static String values(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            Object shown = value instanceof SecuredCustomer c ? "Customer " + c.readableValues().getOrDefault("name", "(name hidden)") : value;
            out.append(name).append('=').append(shown);
        });
        return out.append('}').toString();
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: java -jar warden-sample-app.jar [demo]");
            System.out.println("  demo   print what every demo user may see and do (the default)");
            return;
        }
        if (args.length > 0 && !args[0].equals("demo")) {
            System.err.println("unknown command '" + args[0] + "'; try --help");
            System.exit(2);
        }
        new Demo().run(System.out);
    }
}
