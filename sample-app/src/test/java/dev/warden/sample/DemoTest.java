package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.sample.sales.Customer;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderPolicy;
import dev.warden.sample.sales.SecuredOrder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample compiles through Maven with the processor on the annotationProcessorPaths (this test would not
 * compile otherwise) and its demo shows each user what the rules allow.
 */
class DemoTest {

    private static List<String> demoOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo().run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private static List<String> section(List<String> lines, String header) {
        int start = lines.indexOf(header);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("==")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    @Test
    void administratorSeesEverythingIncludingCostPrices() {
        List<String> admin = section(demoOutput(), "== [Administrator] user 1");
        assertEquals(4, admin.stream().filter(l -> l.startsWith("  order ")).count());
        assertTrue(admin.contains("  product {id=1, name=Anvil, price=99.00, costPrice=40.00}"), admin.toString());
        assertTrue(admin.contains("  may change the total of order 1000"), admin.toString());
    }

    @Test
    void salesRepSeesManagedCustomersAndOnlyTheNamesOfOthersInTheirRegion() {
        List<String> rep = section(demoOutput(), "== [SalesRep] user 2");
        assertEquals(List.of(
                "  may create orders: false",
                "  customer {id=100, name=Acme Corp, region=North, accountManager=2, userId=10}",
                "  customer {name=Globex}"), rep.subList(0, 3));
        assertEquals(2, rep.stream().filter(l -> l.startsWith("  order ")).count());
        assertTrue(rep.contains("  denied: Access denied: cannot WRITE member 'total' of Order: "
                + "no active rule grants write access for user roles [SalesRep]"), rep.toString());
    }

    @Test
    void customerSeesOwnOrdersAndNoCostPrices() {
        List<String> customer = section(demoOutput(), "== [Customer] user 10");
        assertTrue(customer.contains("  product {id=1, name=Anvil, price=99.00}"), customer.toString());
        assertEquals(2, customer.stream().filter(l -> l.startsWith("  order ")).count());
        assertTrue(customer.stream().anyMatch(l -> l.startsWith("  order {id=1000") && l.endsWith("(may delete)")));
        assertTrue(customer.stream().anyMatch(l -> l.startsWith("  order {id=1001") && !l.endsWith("(may delete)")));
    }

    @Test
    void anonymousVisitorSeesOnlyTheCatalogue() {
        List<String> guest = section(demoOutput(), "== anonymous visitor");
        assertEquals(List.of("  may create orders: false",
                "  product {id=1, name=Anvil, price=99.00}",
                "  product {id=2, name=Rocket skates, price=250.00}"), guest);
    }

    @Test
    void theGeneratedApplicationModelIsFoundThroughServiceLoader() {
        assertEquals("ShopApplication", ApplicationModel.defaultModel().name());
        try (SecurityContext.Scope scope = SecurityContext.open(UserIdentity.of(10L, "Customer"))) {
            Order order = new Order();
            order.setOwner(10L);
            assertTrue(OrderPolicy.isVisible(order));
        }
    }

    @Test
    void withoutASignedInUserTheAnonymousRoleApplies() {
        Order order = new Order();
        order.setCustomer(new Customer(1L, "x", "North", 2L, 10L));
        assertTrue(SecurityContext.current().isAnonymous());
        assertFalse(OrderPolicy.isVisible(order));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> SecuredOrder.of(order));
        assertEquals("Order", denied.entity());
    }
}
