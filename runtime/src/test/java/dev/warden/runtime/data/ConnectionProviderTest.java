package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.money;
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
import java.sql.Statement;

/**
 * {@link WardenData} over {@link ConnectionProvider}s: one with transactions bound to the thread behind a
 * transaction-aware data source, as {@code warden-spring}'s is ({@link ThreadBoundTransactions}), and providers that
 * fail.
 */
class ConnectionProviderTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);

    private static Order newOrder(String note) {
        return new Order(null, ACME, null, "East", Status.DRAFT, money("10.00"), note, null);
    }

    private static String committedNote(TestDatabase db, long id) {
        return db.queryString("SELECT note FROM orders WHERE id = ?", id);
    }

    private static void executeOn(ThreadBoundTransactions transactions, String sql) throws SQLException {
        try (Connection connection = transactions.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @OnBothDatabases
    void withoutATransactionBoundEachOperationHasATransactionOfItsOwn(TestDatabase db) {
        db.fresh();
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(db);
        WardenData rep = WardenData.of(transactions.provider()).as(Sales.rep(1));

        rep.update(ORDERS, ORDER_1.withNote("committed at once"), OrderMember.NOTE);
        assertEquals("committed at once", committedNote(db, 1));
        Order stored = rep.inTransaction(() -> rep.insert(ORDERS, newOrder("committed with the work")));
        assertEquals("committed with the work", committedNote(db, stored.id()));
        assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("rolled back with the work"), OrderMember.NOTE);
            throw new IllegalStateException("changed my mind");
        }));

        assertEquals("committed at once", committedNote(db, 1));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void behindATransactionAwareDataSourceWardenNeverEndsTheBoundTransaction(TestDatabase db) throws SQLException {
        db.fresh();
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(db);
        WardenData rep = WardenData.of(transactions.provider()).as(Sales.rep(1));

        transactions.begin();
        try {
            executeOn(transactions, "UPDATE orders SET note = 'the caller''s' WHERE id = 2");
            Order inserted = rep.insert(ORDERS, newOrder("in the bound transaction"));
            rep.update(ORDERS, ORDER_1.withNote("in the bound transaction"), OrderMember.NOTE);
            rep.inTransaction(() -> rep.update(ORDERS, inserted.withNote("nested in it"), OrderMember.NOTE));
            assertEquals("the caller's", rep.find(ORDERS, 2L).orElseThrow().note(), "Warden sees the caller's change");

            assertEquals(0, transactions.ownersCalls.get(), "a commit() there would commit the caller's transaction");
            assertEquals("rep 1 draft", committedNote(db, 1));
            assertFalse(transactions.isRollbackOnly());
        } finally {
            transactions.rollback();
        }
        assertEquals("rep 1 draft", committedNote(db, 1), "Warden's writes went with the caller's rollback");
        assertEquals("rep 1 big", committedNote(db, 2));
        assertEquals(6, db.queryLong("SELECT COUNT(*) FROM orders"));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aDeniedWriteMakesTheBoundTransactionRollBackEverything(TestDatabase db) throws SQLException {
        db.fresh();
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(db);
        WardenData rep = WardenData.of(transactions.provider()).as(Sales.rep(1));

        transactions.begin();
        try {
            executeOn(transactions, "UPDATE orders SET note = 'the caller''s' WHERE id = 2");
            rep.update(ORDERS, ORDER_1.withNote("allowed"), OrderMember.NOTE);
            assertThrows(AccessDeniedException.class,
                    () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS));
            assertTrue(transactions.isRollbackOnly());
        } catch (AssertionError | RuntimeException e) {
            transactions.rollback();
            throw e;
        }
        assertThrows(IllegalStateException.class, transactions::commit);

        assertEquals("rep 1 draft", committedNote(db, 1), "the allowed write is rolled back too");
        assertEquals("rep 1 big", committedNote(db, 2), "and the caller's own statement");
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"));
        assertEquals(0, transactions.ownersCalls.get());
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aDenialIsThrownEvenWhenTheTransactionCannotBeMarked(TestDatabase db) {
        db.fresh();
        RecordingConnection caller = RecordingConnection.begin(db);
        try {
            CallerTransaction transaction = CallerTransaction.of(caller.connection);
            IllegalStateException unmarkable = new IllegalStateException("cannot mark it (injected)");
            ConnectionProvider provider = new ConnectionProvider() {
                @Override
                public Connection acquire() {
                    return transaction.acquire();
                }

                @Override
                public boolean inCallerTransaction(Connection connection) {
                    return true;
                }

                @Override
                public void release(Connection connection) {
                    transaction.release(connection);
                }

                @Override
                public void setRollbackOnly(Connection connection) {
                    throw unmarkable;
                }
            };

            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> WardenData.of(provider)
                    .as(Sales.rep(1)).update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS));

            assertEquals(1, e.getSuppressed().length);
            assertSame(unmarkable, e.getSuppressed()[0]);
            assertEquals("DRAFT", caller.queryString("SELECT status FROM orders WHERE id = 1"), "undone all the same");
        } finally {
            caller.rollbackAndClose();
        }
    }

    @OnBothDatabases
    void aProviderThatGivesNoConnectionOrFailsToIsADataAccessFailure(TestDatabase db) {
        db.fresh();
        SQLException unavailable = new SQLException("no connection (injected)", "08001");
        SQLException unreleasable = new SQLException("cannot give it back (injected)", "08006");
        WardenData none = WardenData.of(new FailingProvider(db, null, null)).as(Sales.manager());
        WardenData failing = WardenData.of(new FailingProvider(db, unavailable, null)).as(Sales.manager());
        WardenData leaking = WardenData.of(new FailingProvider(db, null, unreleasable)).as(Sales.manager());

        IllegalStateException noConnection = assertThrows(IllegalStateException.class, () -> none.count(ORDERS));
        assertTrue(noConnection.getMessage().endsWith(" gave no connection"), noConnection.getMessage());
        DataAccessException acquire = assertThrows(DataAccessException.class, () -> failing.count(ORDERS));
        assertSame(unavailable, acquire.getCause());
        assertTrue(acquire.getMessage().startsWith("Could not count Order"), acquire.getMessage());
        DataAccessException begin = assertThrows(DataAccessException.class, () -> failing.inTransaction(() -> 1));
        assertTrue(begin.getMessage().startsWith("Could not begin a transaction"), begin.getMessage());
        DataAccessException release = assertThrows(DataAccessException.class, () -> leaking.count(ORDERS));
        assertSame(unreleasable, release.getCause());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> leaking.as(Sales.stranger()).update(ORDERS, ORDER_1.withNote("x"), OrderMember.NOTE));
        assertSame(unreleasable, denied.getSuppressed()[0], "the operation's own failure comes first");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    /** Connections of its own from the database, or a failure: none at all, acquire throws, or release throws. */
    private static final class FailingProvider implements ConnectionProvider {
        private final TestDatabase db;
        private final SQLException acquireFailure;
        private final SQLException releaseFailure;
        private final boolean none;

        FailingProvider(TestDatabase db, SQLException acquireFailure, SQLException releaseFailure) {
            this.db = db;
            this.acquireFailure = acquireFailure;
            this.releaseFailure = releaseFailure;
            this.none = acquireFailure == null && releaseFailure == null;
        }

        @Override
        public Connection acquire() throws SQLException {
            if (acquireFailure != null) {
                throw acquireFailure;
            }
            return none ? null : db.dataSource().getConnection();
        }

        @Override
        public boolean inCallerTransaction(Connection connection) {
            return false;
        }

        @Override
        public void release(Connection connection) throws SQLException {
            connection.close();
            throw releaseFailure;
        }

        @Override
        public void setRollbackOnly(Connection connection) {
            throw new AssertionError("no caller's transaction");
        }
    }
}
