package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.sample.app.Accounts;
import dev.warden.sample.app.ShopDatabase;
import dev.warden.sample.app.ShopSnapshot;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderStatus;
import dev.warden.sample.sales.SecuredOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's system members and its date token on the in-memory path (the generated proxy {@code SecuredOrder}),
 * with the clock of the security context: {@code Order.createdDate} ({@code @CreatedDate}) and {@code changedBy}
 * ({@code @ChangedBy}) are filled in by Warden, and a rep may move an order along only from
 * {@code [%BeginOfCurrentDay%] - 7 * [%DayLength%]} on. DemoTest and ApiTest show the same through WardenData.
 */
class OrderSystemMembersTest {
    /** Noon UTC, so that the start of the day in UTC is twelve hours earlier. */
    private static final Instant NOON = Instant.parse("2026-03-20T12:00:00Z");

    private ShopDatabase database;
    private ShopSnapshot shop;

    @BeforeEach
    void seed() {
        database = ShopDatabase.createAndSeed();
        shop = ShopSnapshot.load(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SecurityContext at(long id, String userRole, Instant now) {
        return Accounts.contextOf(UserIdentity.of(id, userRole)).withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aRepMovesAnOrderCreatedInTheLastSevenDaysAndBecomesItsChangedBy() {
        Order order = shop.order(1004L);
        assertEquals(2L, order.getChangedBy());
        // seven days before the start of today: the first moment the rule allows
        order.setCreatedDate(NOON.minus(Duration.ofHours(12)).minus(Duration.ofDays(7)));
        SecuredOrder secured = SecuredOrder.of(at(3L, "SalesRep", NOON), order);
        secured.setStatus(OrderStatus.SHIPPED);
        assertEquals(OrderStatus.SHIPPED, order.getStatus());
        assertEquals(3L, order.getChangedBy());
    }

    @Test
    void aRepMayNotMoveAnOrderCreatedBeforeThatAndNothingChanges() {
        Order order = shop.order(1004L);
        order.setCreatedDate(NOON.minus(Duration.ofHours(12)).minus(Duration.ofDays(7)).minusNanos(1000));
        SecuredOrder secured = SecuredOrder.of(at(3L, "SalesRep", NOON), order);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> secured.setStatus(OrderStatus.SHIPPED));
        assertTrue(denied.getMessage().startsWith("Access denied: cannot WRITE member 'status' of Order"),
                denied.getMessage());
        assertEquals(OrderStatus.PLACED, order.getStatus());
        assertEquals(2L, order.getChangedBy());
    }

    @Test
    void aManagersNewOrderGetsTheCreatorTheClocksMomentAndNotWhatTheCallerSet() {
        Order order = new Order();
        order.setCustomer(shop.customer(100L));
        order.setStatus(OrderStatus.PLACED);
        order.setOwner(1L);
        order.setChangedBy(1L);
        order.setCreatedDate(Instant.EPOCH);
        SecuredOrder.create(at(2L, "SalesManager", NOON), order);
        assertEquals(2L, order.getOwner());
        assertEquals(2L, order.getChangedBy());
        assertEquals(NOON, order.getCreatedDate());
        // and a rep whose customer it is may move it along on its first day
        SecuredOrder.of(at(3L, "SalesRep", NOON.plus(Duration.ofHours(1))), order).setStatus(OrderStatus.SHIPPED);
        assertEquals(3L, order.getChangedBy());
        assertEquals(NOON, order.getCreatedDate());
    }
}
