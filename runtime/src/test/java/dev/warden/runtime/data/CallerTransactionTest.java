package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.money;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link WardenData} inside a plain JDBC transaction that the caller holds ({@link CallerTransaction}): it works on
 * the caller's connection, sees the caller's rows, never ends the caller's transaction, undoes its own failed writes
 * up to a savepoint and marks the transaction rollback-only when it denies one.
 */
class CallerTransactionTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);
    private static final Order ORDER_3 = SEED_ORDERS.get(2);

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThread() throws InterruptedException {
        thread.shutdownNow();
        assertTrue(thread.awaitTermination(20, SECONDS), "the thread did not end");
    }

    private static Order newOrder(String note) {
        return new Order(null, ACME, null, "East", Status.DRAFT, money("10.00"), note, null);
    }

    /** What other connections see: only what is committed. */
    private static String committed(TestDatabase db, String column, long id) {
        return db.queryString("SELECT " + column + " FROM orders WHERE id = ?", id);
    }

    /** What the caller sees in its transaction. */
    private static String inTransaction(RecordingConnection caller, String column, long id) {
        return caller.queryString("SELECT " + column + " FROM orders WHERE id = ?", id);
    }

    @OnBothDatabases
    void wardenWorksInTheCallersTransactionAndNeverEndsIt(TestDatabase db) {
        WardenData data = db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData rep = WardenData.of(transaction).as(Sales.rep(1));

            Order kept = rep.insert(ORDERS, newOrder("inserted in it"));
            Order deleted = rep.insertAll(ORDERS, List.of(newOrder("deleted in it"))).get(0);
            rep.update(ORDERS, ORDER_1.withNote("updated in it"), OrderMember.NOTE);
            rep.delete(ORDERS, deleted.id());
            rep.inTransaction(() -> rep.update(ORDERS, kept.withNote("inserted, then updated"), OrderMember.NOTE));

            assertEquals("updated in it", rep.find(ORDERS, 1L).orElseThrow().note(), "Warden sees its own writes");
            assertEquals("updated in it", inTransaction(caller, "note", 1), "the caller sees them");
            assertEquals("inserted, then updated", inTransaction(caller, "note", kept.id()));
            assertEquals("rep 1 draft", committed(db, "note", 1), "nothing is committed");
            assertEquals(6, db.queryLong("SELECT COUNT(*) FROM orders"));
            assertEquals(0, caller.ownersCalls(), "no commit, rollback(), setAutoCommit or close on the caller's");
            assertFalse(transaction.isRollbackOnly());
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("rep 1 draft", committed(db, "note", 1), "gone with the caller's rollback");
        assertEquals(6, data.as(Sales.manager()).count(ORDERS));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void whatTheCallerCommitsHoldsWardensWrites(TestDatabase db) throws SQLException {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData.of(transaction).as(Sales.rep(1)).update(ORDERS, ORDER_1.withNote("committed"), OrderMember.NOTE);
            caller.execute("UPDATE orders SET note = 'the caller''s' WHERE id = 2");

            transaction.commit();
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("committed", committed(db, "note", 1));
        assertEquals("the caller's", committed(db, "note", 2));
    }

    @OnBothDatabases
    void wardenSeesTheCallersRowsAndDoesNotWaitForTheCallersLocks(TestDatabase db) throws Exception {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            caller.execute("INSERT INTO orders (id, owner, status, note) VALUES (50, 1, 'DRAFT', 'the caller''s')");
            caller.execute("UPDATE orders SET total = 99 WHERE id = 1");
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData rep = WardenData.of(transaction).as(Sales.rep(1));

            assertEquals("the caller's", rep.find(ORDERS, 50L).orElseThrow().note(), "an uncommitted row");
            assertEquals(money("99.00"), rep.find(ORDERS, 1L).orElseThrow().total(), "an uncommitted change");
            // on a connection of its own the update would wait for the caller's row lock; bounded, it fails instead
            Future<Order> update = thread.submit(
                    () -> rep.update(ORDERS, ORDER_1.withNote("after the caller"), OrderMember.NOTE));
            assertEquals("after the caller", update.get(20, SECONDS).note());

            transaction.commit();
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("after the caller", committed(db, "note", 1));
        assertEquals("99.00", committed(db, "total", 1));
        assertEquals("the caller's", committed(db, "note", 50));
    }

    @OnBothDatabases
    void aDeniedWriteIsUndoneAtOnceAndTheTransactionCanOnlyRollBack(TestDatabase db) {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            caller.execute("UPDATE orders SET note = 'the caller''s' WHERE id = 2");
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData rep = WardenData.of(transaction).as(Sales.rep(1));
            rep.update(ORDERS, ORDER_1.withTotal(money("12.00")), OrderMember.TOTAL);

            assertThrows(AccessDeniedException.class,
                    () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS),
                    "the write check");

            assertEquals("DRAFT", inTransaction(caller, "status", 1), "the denied write is undone in the transaction");
            assertEquals("12.00", inTransaction(caller, "total", 1), "Warden's write before it is not");
            assertEquals("the caller's", inTransaction(caller, "note", 2), "nor the caller's own statement");
            assertEquals(1, caller.savepointsRolledBack.get());
            assertEquals(0, caller.ownersCalls());
            assertTrue(transaction.isRollbackOnly());
            IllegalStateException e = assertThrows(IllegalStateException.class, transaction::commit);
            assertTrue(e.getMessage().startsWith("The transaction was rolled back, not committed"), e.getMessage());
            assertFalse(transaction.isRollbackOnly(), "the next transaction on the connection is not marked");
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("rep 1 big", committed(db, "note", 2), "the caller's statement is rolled back with the rest");
        assertEquals("120.00", committed(db, "total", 1));
    }

    @OnBothDatabases
    void everyDenialOfAWriteMarksTheTransactionRollbackOnly(TestDatabase db) {
        Map<String, Consumer<WardenData>> denials = new LinkedHashMap<>();
        denials.put("a member the user may not write, before any statement",
                data -> data.as(Sales.rep(1)).update(ORDERS, ORDER_1.withOwner(2L), OrderMember.OWNER));
        denials.put("an update of a row out of reach", data -> data.as(Sales.rep(1))
                .update(ORDERS, ORDER_3.withNote("mine now"), OrderMember.NOTE));
        denials.put("an insert without the create right", data -> data.as(Sales.accountManager(50))
                .insert(ORDERS, newOrder("x")));
        denials.put("an insert that fails the write check", data -> data.as(Sales.rep(1))
                .insert(ORDERS, newOrder("x").withStatus(Status.SUBMITTED)));
        denials.put("a delete of a row out of reach", data -> data.as(Sales.rep(1)).delete(ORDERS, 3L));
        denials.put("one of a batch", data -> data.as(Sales.rep(1))
                .updateAll(ORDERS, List.of(ORDER_1.withNote("fine"), ORDER_3.withNote("not")), OrderMember.NOTE));
        db.fresh();
        for (Map.Entry<String, Consumer<WardenData>> denial : denials.entrySet()) {
            RecordingConnection caller = RecordingConnection.begin(db);
            try {
                CallerTransaction transaction = CallerTransaction.of(caller.connection);

                assertThrows(AccessDeniedException.class, () -> denial.getValue().accept(WardenData.of(transaction)),
                        denial.getKey());

                assertTrue(transaction.isRollbackOnly(), denial.getKey());
                assertEquals(0, caller.ownersCalls(), denial.getKey());
            } finally {
                caller.rollbackAndClose();
            }
        }
        assertEquals("rep 1 draft", committed(db, "note", 1));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aDatabaseErrorIsUndoneToItsSavepointAndLeavesTheTransactionUsable(TestDatabase db) throws SQLException {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData manager = WardenData.of(transaction).as(Sales.manager());

            DataAccessException e = assertThrows(DataAccessException.class,
                    () -> manager.insert(ORDERS, newOrder("duplicate key").withId(1L)));
            assertEquals("23505", e.getCause().getSQLState());
            assertFalse(transaction.isRollbackOnly(), "not a denial: the caller may handle it and go on");
            // on PostgreSQL, a transaction that is not aborted
            manager.update(ORDERS, ORDER_1.withNote("after the error"), OrderMember.NOTE);

            transaction.commit();
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("after the error", committed(db, "note", 1));
    }

    @OnBothDatabases
    void inTransactionTakesPartInTheCallersTransaction(TestDatabase db) {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            WardenData rep = WardenData.of(transaction).as(Sales.rep(1));

            Order inner = rep.inTransaction(() -> rep.update(ORDERS, ORDER_1.withNote("inner"), OrderMember.NOTE));
            assertEquals("inner", inner.note());
            assertEquals("rep 1 draft", committed(db, "note", 1), "the work's end commits nothing");
            assertFalse(transaction.isRollbackOnly());

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
                rep.update(ORDERS, ORDER_1.withNote("then undone"), OrderMember.NOTE);
                throw new IllegalStateException("changed my mind");
            }));

            assertEquals("changed my mind", e.getMessage());
            assertTrue(transaction.isRollbackOnly(),
                    "the work threw: all or nothing, so the caller's can only roll back");
            assertEquals(0, caller.ownersCalls(), "Warden rolled back nothing of the caller's itself");
        } finally {
            caller.rollbackAndClose();
        }
        assertEquals("rep 1 draft", committed(db, "note", 1));
    }

    @OnBothDatabases
    void aFailedWriteThatCannotBeUndoneToItsSavepointMarksTheTransactionRollbackOnly(TestDatabase db) {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db).failingSavepointRollback();
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);

            DataAccessException e = assertThrows(DataAccessException.class, () -> WardenData.of(transaction)
                    .as(Sales.manager()).insert(ORDERS, newOrder("duplicate key").withId(1L)));

            assertEquals("23505", e.getCause().getSQLState(), "the write's own failure is what it throws");
            assertEquals("the rollback to the savepoint failed (injected)",
                    e.getCause().getSuppressed()[0].getMessage());
            assertTrue(transaction.isRollbackOnly());
        } finally {
            caller.rollbackAndClose();
        }
    }

    @OnBothDatabases
    void aConnectionInAutoCommitModeHasNoTransactionToTakePartIn(TestDatabase db) throws SQLException {
        db.fresh();
        try (Connection connection = db.dataSource().getConnection()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CallerTransaction.of(connection));
            assertEquals("The connection is in auto-commit mode, so there is no transaction to take part in; call "
                    + "setAutoCommit(false) on it first", e.getMessage());

            connection.setAutoCommit(false);
            CallerTransaction transaction = CallerTransaction.of(connection);
            connection.setAutoCommit(true);
            WardenData manager = WardenData.of(transaction).as(Sales.manager());

            IllegalStateException write = assertThrows(IllegalStateException.class,
                    () -> manager.update(ORDERS, ORDER_1.withNote("committed at once"), OrderMember.NOTE));
            assertTrue(write.getMessage().startsWith("The connection of the caller's transaction is in auto-commit "
                    + "mode"), write.getMessage());
            assertEquals("rep 1 draft", committed(db, "note", 1), "refused before any statement");
            assertEquals("rep 1 draft", manager.find(ORDERS, 1L).orElseThrow().note(), "reads need no transaction");
        }
    }

    @OnBothDatabases
    void aCallerTransactionSaysWhetherItIsMarked(TestDatabase db) throws SQLException {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            assertEquals("CallerTransaction[active]", transaction.toString());
            assertSame(caller.connection, transaction.connection());

            transaction.setRollbackOnly(caller.connection);
            assertEquals("CallerTransaction[rollback-only]", transaction.toString());
            transaction.rollback();
            assertEquals("CallerTransaction[active]", transaction.toString(), "a rollback ends the marked transaction");
        } finally {
            caller.rollbackAndClose();
        }
    }
}
