package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.Operation;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;

/**
 * Two users write the same row at once, and one of them moves it out of the other's reach. The other's statement
 * waits for the row lock and then finds the row out of its reach: the check is part of the statement, so there is
 * no window between check and write. Each test runs two threads with real transactions, in bounded time.
 */
class RaceTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);
    private static final long WAIT_SECONDS = 20;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_SECONDS, SECONDS), "a thread of the race did not end");
    }

    /**
     * The manager changes order 1 inside a transaction and holds it open until the rep's statement waits for the
     * row lock; then commits or rolls back. Returns what the rep's statement did.
     */
    private <R> Future<R> race(TestDatabase db, WardenData manager, Order managersChange, EntityMember member,
            boolean commit, Callable<R> repsStatement) throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        Future<?> managersTransaction = threads.submit(() -> {
            try {
                return manager.inTransaction(() -> {
                    manager.update(ORDERS, managersChange, member);
                    changed.countDown();
                    awaitBlockedSession(db);
                    if (!commit) {
                        throw new IllegalStateException("roll back");
                    }
                    return null;
                });
            } catch (IllegalStateException e) {
                return null;
            }
        });
        assertTrue(changed.await(WAIT_SECONDS, SECONDS), "the manager's update did not happen");
        Future<R> reps = threads.submit(repsStatement);
        managersTransaction.get(WAIT_SECONDS, SECONDS);
        return reps;
    }

    /** Waits until a session waits for a lock: the rep's statement is queued behind the manager's row lock. */
    private static void awaitBlockedSession(TestDatabase db) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(WAIT_SECONDS);
        while (db.blockedSessions() == 0) {
            if (System.nanoTime() > deadline) {
                fail("the rep's statement never waited for the row lock");
            }
            Thread.sleep(5);
        }
    }

    @OnBothDatabases
    void anUpdateFailsWhenAConcurrentTransactionMovesTheRowAway(TestDatabase db) throws Exception {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));
        Future<AccessDeniedException> repsUpdate = race(db, data.as(Sales.manager()), ORDER_1.withOwner(2L),
                OrderMember.OWNER, true, () -> assertThrows(AccessDeniedException.class,
                        () -> rep.update(ORDERS, ORDER_1.withNote("still mine?"), OrderMember.NOTE)));

        AccessDeniedException e = repsUpdate.get(WAIT_SECONDS, SECONDS);
        assertEquals(Operation.WRITE, e.operation());
        assertEquals(Optional.of("note"), e.member());
        assertFalse(e.reason().contains("write check"), "the UPDATE itself changed no row: " + e.getMessage());
        assertEquals(2L, db.queryLong("SELECT owner FROM orders WHERE id = 1"));
        assertEquals("rep 1 draft", db.queryString("SELECT note FROM orders WHERE id = 1"));
    }

    @OnBothDatabases
    void theWaitingUpdateGoesThroughWhenTheMoveIsRolledBack(TestDatabase db) throws Exception {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));
        Future<Order> repsUpdate = race(db, data.as(Sales.manager()), ORDER_1.withOwner(2L), OrderMember.OWNER, false,
                () -> rep.update(ORDERS, ORDER_1.withNote("still mine"), OrderMember.NOTE));

        assertEquals("still mine", repsUpdate.get(WAIT_SECONDS, SECONDS).note());
        assertEquals(1L, db.queryLong("SELECT owner FROM orders WHERE id = 1"));
        assertEquals("still mine", db.queryString("SELECT note FROM orders WHERE id = 1"));
    }

    @OnBothDatabases
    void aDeleteFailsWhenAConcurrentTransactionTakesTheRowOutOfTheDeleteRule(TestDatabase db) throws Exception {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));
        Future<AccessDeniedException> repsDelete = race(db, data.as(Sales.manager()),
                ORDER_1.withStatus(Status.SUBMITTED), OrderMember.STATUS, true,
                () -> assertThrows(AccessDeniedException.class, () -> rep.delete(ORDERS, 1L)));

        assertEquals(Operation.DELETE, repsDelete.get(WAIT_SECONDS, SECONDS).operation());
        assertEquals("SUBMITTED", db.queryString("SELECT status FROM orders WHERE id = 1"));
    }
}
