package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of {@link WardenData}: what a write or a transaction commits, that none is left open, that a
 * transaction's connection does not outlive it, savepoints, and failures while rolling back.
 */
class TransactionTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);

    private static Order newOrder(String note) {
        return new Order(null, ACME, null, "East", Status.DRAFT, money("10.00"), note, null);
    }

    private static long orders(TestDatabase db) {
        return db.queryLong("SELECT COUNT(*) FROM orders");
    }

    private static String note(TestDatabase db, long id) {
        return db.queryString("SELECT note FROM orders WHERE id = ?", id);
    }

    @OnBothDatabases
    void eachWriteIsCommittedEvenWhenThePoolHandsOutConnectionsWithAutoCommitOff(TestDatabase db) {
        db.fresh();
        int leftBefore = db.connectionsLeftInTransaction();
        WardenData rep = WardenData.of(new HookedDataSource(db).autoCommitOff()).as(Sales.rep(1));

        Order inserted = rep.insert(ORDERS, newOrder("committed"));
        rep.update(ORDERS, ORDER_1.withNote("updated"), OrderMember.NOTE);
        rep.delete(ORDERS, inserted.id());
        Order kept = rep.insertAll(ORDERS, List.of(newOrder("kept"))).get(0);

        assertEquals("updated", note(db, 1), "the update was committed, seen from another connection");
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM orders WHERE id = ?", inserted.id()), "delete committed");
        assertEquals("kept", note(db, kept.id()), "the insert was committed");
        assertEquals(7, orders(db));
        assertEquals(leftBefore, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aTransactionIsCommittedEvenWhenThePoolHandsOutConnectionsWithAutoCommitOff(TestDatabase db) {
        db.fresh();
        int leftBefore = db.connectionsLeftInTransaction();
        WardenData rep = WardenData.of(new HookedDataSource(db).autoCommitOff()).as(Sales.rep(1));

        Order stored = rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("in the transaction"), OrderMember.NOTE);
            return rep.insert(ORDERS, newOrder("also in it"));
        });

        assertEquals("in the transaction", note(db, 1));
        assertEquals("also in it", note(db, stored.id()));
        assertEquals(leftBefore, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void writesAreVisibleToOtherConnectionsAndLeaveNoTransactionOpen(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));
        int leftBefore = db.connectionsLeftInTransaction();

        Order stored = rep.insert(ORDERS, newOrder("seen"));
        rep.update(ORDERS, stored.withNote("seen again"), OrderMember.NOTE);
        rep.inTransaction(() -> rep.update(ORDERS, ORDER_1.withNote("in a transaction"), OrderMember.NOTE));
        rep.delete(ORDERS, stored.id());

        assertEquals("in a transaction", note(db, 1));
        assertEquals(6, orders(db));
        assertEquals(leftBefore, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aTransactionsConnectionDoesNotOutliveIt(TestDatabase db) {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));

        rep.inTransaction(() -> rep.update(ORDERS, ORDER_1.withNote("first"), OrderMember.NOTE));
        // the next calls on this thread run on connections of their own, not on the closed one of the transaction
        assertEquals("first", rep.find(ORDERS, 1L).orElseThrow().note());
        rep.update(ORDERS, ORDER_1.withNote("second"), OrderMember.NOTE);
        assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("third"), OrderMember.NOTE);
            throw new IllegalStateException("undo the third");
        }));
        assertEquals("second", data.as(Sales.manager()).find(ORDERS, 1L).orElseThrow().note(),
                "the failed transaction was rolled back and is over");
        assertEquals("second", note(db, 1));
    }

    @OnBothDatabases
    void nestedTransactionsJoinTheOuterOneAndReturnTheirResult(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));
        Order marker = newOrder("marker");

        Order result = rep.inTransaction(() -> {
            Order inner = rep.inTransaction(() -> {
                rep.update(ORDERS, ORDER_1.withNote("inner"), OrderMember.NOTE);
                return marker;
            });
            assertEquals("rep 1 draft", note(db, 1), "not committed before the outer transaction ends");
            return inner;
        });

        assertSame(marker, result);
        assertEquals("inner", note(db, 1));
    }

    @OnBothDatabases
    void writesInsideATransactionReleaseTheirSavepointsOrRollBackToThem(TestDatabase db) {
        db.fresh();
        HookedDataSource hooked = new HookedDataSource(db);
        WardenData rep = WardenData.of(hooked).as(Sales.rep(1));

        rep.inTransaction(() -> {
            Order stored = rep.insert(ORDERS, newOrder("one"));
            assertThrows(AccessDeniedException.class,
                    () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS));
            rep.update(ORDERS, stored.withNote("two"), OrderMember.NOTE);
            return null;
        });

        assertEquals(3, hooked.savepointsSet.get());
        assertEquals(2, hooked.savepointsReleased.get(), "a write that succeeds releases its savepoint");
        assertEquals(1, hooked.savepointsRolledBack.get(), "a write that fails rolls back to its savepoint");
        assertEquals(7, orders(db));
    }

    @OnBothDatabases
    void aFailingRollbackIsAttachedToTheFailureOfAWrite(TestDatabase db) {
        db.fresh();
        HookedDataSource hooked = new HookedDataSource(db).failingRollback();
        WardenData rep = WardenData.of(hooked).as(Sales.rep(1));

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder("submitted at once").withStatus(Status.SUBMITTED)));

        assertEquals(1, hooked.rollbacks.get());
        assertEquals(1, e.getSuppressed().length, "the rollback's failure is kept with the write's");
        assertTrue(e.getSuppressed()[0] instanceof SQLException, e.getSuppressed()[0].toString());
        assertEquals("the rollback failed too (injected)", e.getSuppressed()[0].getMessage());
        assertEquals(6, orders(db));
    }

    @OnBothDatabases
    void aFailingRollbackIsAttachedToTheFailureOfATransaction(TestDatabase db) {
        db.fresh();
        HookedDataSource hooked = new HookedDataSource(db).failingRollback();
        WardenData rep = WardenData.of(hooked).as(Sales.rep(1));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("undone"), OrderMember.NOTE);
            throw new IllegalStateException("changed my mind");
        }));

        assertEquals("changed my mind", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("the rollback failed too (injected)", e.getSuppressed()[0].getMessage());
        assertEquals("rep 1 draft", note(db, 1));
        assertEquals(Optional.of("rep 1 draft"),
                rep.find(ORDERS, 1L).map(Order::note), "the transaction is over on this thread");
    }

    @OnBothDatabases
    void aTransactionInWhichAFailedWriteCouldNotBeUndoneRollsBackInsteadOfCommitting(TestDatabase db) {
        db.fresh();
        HookedDataSource hooked = new HookedDataSource(db).failingSavepointRollback();
        WardenData rep = WardenData.of(hooked).as(Sales.rep(1));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("written before"), OrderMember.NOTE);
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS));
            assertEquals(1, denied.getSuppressed().length, "the denial is what the write throws");
            assertEquals("the rollback to the savepoint failed (injected)", denied.getSuppressed()[0].getMessage());
            return null; // the work goes on as if the denied write were undone; the row is SHIPPED in the transaction
        }));

        assertEquals("The transaction was rolled back, not committed: a write in it failed and could not be undone "
                + "to its savepoint", e.getMessage());
        assertTrue(e.getCause() instanceof AccessDeniedException, String.valueOf(e.getCause()));
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"), "the denied write is gone");
        assertEquals("rep 1 draft", note(db, 1), "and the rest of the transaction with it");
        assertEquals(1, hooked.rollbacks.get());
        assertEquals(0, db.connectionsLeftInTransaction());
    }
}
