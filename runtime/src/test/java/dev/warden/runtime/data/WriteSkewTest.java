package dev.warden.runtime.data;

import static dev.warden.runtime.data.OrderLines.LINES;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.data.OrderLines.Line;
import dev.warden.runtime.data.OrderLines.LineMember;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;

/**
 * Write skew under READ COMMITTED (issue 10, section 5): a manager places order 1 (reads its lines, computes the
 * total, sets it SUBMITTED) in one transaction; while that is open, its rep raises the anvil's quantity from 1 to 100
 * and adds a line. Each write is allowed alone, as the order is still a draft in the committed data; together they
 * would leave a placed order with a total that does not match its lines. The rep's rule reads the order
 * ({@code [order/status = 'DRAFT']}), so the rep's statements lock the order row they read: they wait for the
 * manager's transaction and then see the order as placed. Real transactions on two threads, in bounded time.
 */
class WriteSkewTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);
    private static final Line ANVIL = new Line(5000L, ORDER_1, "Anvil", 1, new BigDecimal("0.99"));
    private static final Line ANOTHER_LINE = new Line(5001L, ORDER_1, "Anvil", 99, new BigDecimal("0.99"));
    private static final long WAIT_SECONDS = 20;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_SECONDS, SECONDS), "a thread of the test did not end");
    }

    /** What the rep's two statements did: the exception each threw, or null when it went through. */
    private record RepsWrites(Throwable update, Throwable insert) {}

    /**
     * The manager places order 1 in a transaction and keeps it open until both of the rep's statements wait for a
     * lock (or are done, as they are when nothing makes them wait); then commits or rolls back.
     */
    private RepsWrites placeWhileTheRepWrites(TestDatabase db, boolean commit) throws Exception {
        WardenData data = db.fresh();
        OrderLines.create(db);
        WardenData manager = data.as(Sales.manager());
        WardenData rep = data.as(Sales.rep(1));
        CountDownLatch placed = new CountDownLatch(1);
        CountDownLatch repsDone = new CountDownLatch(2);
        Future<?> placing = threads.submit(() -> {
            try {
                return manager.inTransaction(() -> {
                    List<Line> lines = manager.list(LINES, Query.where(LineMember.ORDER, Query.Op.EQ, 1L));
                    BigDecimal total = lines.stream()
                            .map(line -> line.price().multiply(BigDecimal.valueOf(line.quantity())))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    manager.update(ORDERS, ORDER_1.withStatus(Status.SUBMITTED).withTotal(total),
                            OrderMember.STATUS, OrderMember.TOTAL);
                    placed.countDown();
                    long deadline = System.nanoTime() + SECONDS.toNanos(WAIT_SECONDS);
                    while (db.blockedSessions() < 2 && repsDone.getCount() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    if (!commit) {
                        throw new IllegalStateException("roll back");
                    }
                    return null;
                });
            } catch (IllegalStateException e) {
                return null;
            }
        });
        assertTrue(placed.await(WAIT_SECONDS, SECONDS), "the manager did not place the order");
        Future<?> update = threads.submit(() -> {
            try {
                return rep.update(LINES, ANVIL.withQuantity(100), LineMember.QUANTITY);
            } finally {
                repsDone.countDown();
            }
        });
        Future<?> insert = threads.submit(() -> {
            try {
                return rep.insert(LINES, ANOTHER_LINE);
            } finally {
                repsDone.countDown();
            }
        });
        placing.get(WAIT_SECONDS, SECONDS);
        return new RepsWrites(failure(update), failure(insert));
    }

    private static Throwable failure(Future<?> write) throws Exception {
        try {
            write.get(WAIT_SECONDS, SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @OnBothDatabases
    void theRepCannotChangeTheLinesOfAnOrderBeingPlaced(TestDatabase db) throws Exception {
        RepsWrites reps = placeWhileTheRepWrites(db, true);

        AccessDeniedException update = assertInstanceOf(AccessDeniedException.class, reps.update(),
                "the rep raised the quantity of a line of an order being placed");
        assertEquals(Operation.WRITE, update.operation());
        AccessDeniedException insert = assertInstanceOf(AccessDeniedException.class, reps.insert(),
                "the rep added a line to an order being placed");
        assertEquals(Operation.CREATE, insert.operation());
        assertEquals("SUBMITTED", db.queryString("SELECT status FROM orders WHERE id = 1"));
        assertEquals(0, new BigDecimal("0.99").compareTo(new BigDecimal(db.queryString(
                "SELECT total FROM orders WHERE id = 1"))));
        assertEquals(1, db.queryLong("SELECT quantity FROM lines WHERE id = 5000"), "the placed anvil stays one");
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM lines WHERE order_id = 1"), "no line was added");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void theRepsWritesGoThroughWhenThePlacingIsRolledBack(TestDatabase db) throws Exception {
        RepsWrites reps = placeWhileTheRepWrites(db, false);

        assertEquals(null, reps.update());
        assertEquals(null, reps.insert());
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"));
        assertEquals(100, db.queryLong("SELECT quantity FROM lines WHERE id = 5000"));
        assertEquals(2, db.queryLong("SELECT COUNT(*) FROM lines WHERE order_id = 1"));
    }

    @OnBothDatabases
    void aDeleteWaitsForThePlacingToo(TestDatabase db) throws Exception {
        WardenData data = db.fresh();
        OrderLines.create(db);
        WardenData manager = data.as(Sales.manager());
        WardenData rep = data.as(Sales.rep(1));
        CountDownLatch placed = new CountDownLatch(1);
        CountDownLatch repDone = new CountDownLatch(1);
        Future<?> placing = threads.submit(() -> manager.inTransaction(() -> {
            manager.update(ORDERS, ORDER_1.withStatus(Status.SUBMITTED), OrderMember.STATUS);
            placed.countDown();
            long deadline = System.nanoTime() + SECONDS.toNanos(WAIT_SECONDS);
            while (db.blockedSessions() < 1 && repDone.getCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return null;
        }));
        assertTrue(placed.await(WAIT_SECONDS, SECONDS), "the manager did not place the order");
        Future<?> delete = threads.submit(() -> {
            try {
                rep.delete(LINES, 5000L);
                return null;
            } finally {
                repDone.countDown();
            }
        });
        placing.get(WAIT_SECONDS, SECONDS);

        AccessDeniedException e = assertInstanceOf(AccessDeniedException.class, failure(delete),
                "the rep deleted a line of an order being placed");
        assertEquals(Operation.DELETE, e.operation());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM lines WHERE id = 5000"));
    }

    @OnBothDatabases
    void withoutAConcurrentPlacingTheRepMayChangeTheDraft(TestDatabase db) {
        WardenData data = db.fresh();
        OrderLines.create(db);
        WardenData rep = data.as(Sales.rep(1));

        assertEquals(100, rep.update(LINES, ANVIL.withQuantity(100), LineMember.QUANTITY).quantity());
        assertEquals(5001L, rep.insert(LINES, ANOTHER_LINE).id());
        rep.delete(LINES, 5001L);
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM lines WHERE order_id = 1"));
    }
}
