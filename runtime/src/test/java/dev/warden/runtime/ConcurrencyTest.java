package dev.warden.runtime;

import static dev.warden.runtime.Shop.NOTE;
import static dev.warden.runtime.Shop.ORDER_RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.Shop.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many users checking access at the same time, each through their own thread-bound scope, while also sharing
 * one context object between all threads (whose module-role cache they fill concurrently).
 */
@SuppressWarnings("try") // scopes are opened for their effect on the thread, not used in the body
class ConcurrencyTest extends GlobalStateReset {
    private static final int THREADS = 16;
    private static final int ITERATIONS = 2_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void noUserEverSeesAnotherUsersOrder() throws Exception {
        ApplicationModel app = Shop.app();
        List<Order> orders = new ArrayList<>();
        for (long owner = 0; owner < THREADS; owner++) {
            orders.add(Order.ownedBy(owner).inRegion("Region" + owner));
        }
        SecurityContext sharedManager = Shop.manager(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (long user = 0; user < THREADS; user++) {
                long userId = user;
                Callable<Integer> task = () -> {
                    start.await();
                    int visibleChecks = 0;
                    for (int i = 0; i < ITERATIONS; i++) {
                        // A fresh scope (and context) per iteration, as per request in a server.
                        try (SecurityContext.Scope scope = SecurityContext.open(app,
                                UserIdentity.of(userId, "SalesRep"))) {
                            Order order = orders.get(i % THREADS);
                            boolean own = order.owner() == userId;
                            SecurityContext ctx = SecurityContext.current();
                            assertEquals(userId, ctx.userId(), "the thread sees its own user");
                            assertEquals(own, ORDER_RULES.isVisible(ctx, order),
                                    () -> "user " + userId + " and the order of " + order.owner());
                            assertEquals(own, ORDER_RULES.rights(ctx, order).canWrite(NOTE));
                            assertTrue(ORDER_RULES.isVisible(sharedManager, order));
                            visibleChecks += own ? 1 : 0;
                        }
                    }
                    return visibleChecks;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(ITERATIONS / THREADS, result.get(30, TimeUnit.SECONDS),
                        "each user sees exactly their own order, once per round");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
