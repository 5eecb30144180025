package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.CUSTOMERS;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.Sales.Customer;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import dev.warden.runtime.sql.SqlTemplate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Writes through {@link WardenData}: the rules in the statements, the write check, all-or-nothing batches. */
class WriteTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);
    private static final Order ORDER_2 = SEED_ORDERS.get(1);
    private static final Order ORDER_3 = SEED_ORDERS.get(2);

    private static Order newOrder(String note) {
        return new Order(null, ACME, null, "East", Status.DRAFT, money("10.00"), note, null);
    }

    private static long orders(TestDatabase db) {
        return db.queryLong("SELECT COUNT(*) FROM orders");
    }

    private static String note(TestDatabase db, long id) {
        return db.queryString("SELECT note FROM orders WHERE id = ?", id);
    }

    private static void assertDenied(AccessDeniedException e, Operation operation, String member) {
        assertEquals("Order", e.entity(), e.getMessage());
        assertEquals(operation, e.operation(), e.getMessage());
        assertEquals(Optional.ofNullable(member), e.member(), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ insert

    @OnBothDatabases
    void insertFillsInTheOwnerAndTheGeneratedKey(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        Order stored = rep.insert(ORDERS, newOrder("new").withOwner(77L));

        assertTrue(stored.id() >= 1000, "generated: " + stored.id());
        assertEquals(1L, stored.owner(), "the @Owner is the creating user, whatever the object said");
        assertEquals("new", stored.note());
        assertEquals(ACME.id(), stored.customer().id());
        assertEquals(1L, db.queryLong("SELECT owner FROM orders WHERE id = ?", stored.id()));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void insertWithAGivenKeyAndTheCreateCheck(TestDatabase db) {
        WardenData accountManager = db.fresh().as(Sales.accountManager(50));

        assertEquals(new Customer(10L, "Hooli", 50L), accountManager.insert(CUSTOMERS, new Customer(10L, "Hooli", 50L)));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> accountManager.insert(CUSTOMERS, new Customer(11L, "Umbrella", 51L)));

        assertEquals(Operation.CREATE, e.operation());
        assertEquals(Optional.empty(), e.member());
        assertTrue(e.reason().contains("write check"), e.getMessage());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM customers WHERE id = 11"), "rolled back");
    }

    @OnBothDatabases
    void insertNeedsTheCreateRight(TestDatabase db) {
        WardenData data = db.fresh();

        for (SecurityContext ctx : List.of(Sales.accountManager(50), Sales.visitor(), Sales.stranger())) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> data.as(ctx).insert(ORDERS, newOrder("x")));
            assertDenied(e, Operation.CREATE, null);
        }
        assertEquals(6, orders(db));
    }

    @OnBothDatabases
    void insertNeedsWriteAccessToEveryMemberGiven(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder("x").withOwner(null).withStatus(null).withTotal(null)
                        .withRegion(null).withNote(null).withCreated(Sales.at("2030-01-01T00:00"))));

        assertDenied(e, Operation.WRITE, "created");
        assertEquals(6, orders(db));
    }

    @OnBothDatabases
    void insertRollsBackWhenTheNewRowFailsTheWriteCheck(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder("submitted at once").withStatus(Status.SUBMITTED)));

        assertDenied(e, Operation.WRITE, "status");
        assertTrue(e.reason().contains("write check"), e.getMessage());
        assertEquals(6, orders(db), "rolled back");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    // ------------------------------------------------------------------------------------------------ update

    @OnBothDatabases
    void updateStoresOnlyTheNamedMembers(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        Order stored = rep.update(ORDERS, ORDER_1.withNote("changed").withRegion("West"), OrderMember.NOTE);

        assertEquals("changed", stored.note());
        assertEquals("North", stored.region(), "not named, not stored");
        assertEquals("changed", note(db, 1));
        assertEquals("North", db.queryString("SELECT region FROM orders WHERE id = 1"));
    }

    @OnBothDatabases
    void updateOfARowOutOfReachAndOfAnAbsentRowFailAlike(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1, "North"));

        AccessDeniedException othersOrder = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_3.withNote("mine now"), OrderMember.NOTE));
        AccessDeniedException noOrder = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_3.withId(999L).withNote("mine now"), OrderMember.NOTE));

        assertDenied(othersOrder, Operation.WRITE, "note");
        assertEquals(othersOrder.getMessage(), noOrder.getMessage(), "the message must not tell them apart");
        assertEquals("rep 2 north", note(db, 3));
    }

    @OnBothDatabases
    void updateOfAMemberNoRuleLetsTheUserWriteIsDeniedBeforeTheStatement(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        assertDenied(assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withOwner(2L), OrderMember.OWNER)), Operation.WRITE, "owner");
        assertDenied(assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withNote("x"), OrderMember.NOTE, OrderMember.CREATED)),
                Operation.WRITE, "created");
        assertEquals(1L, db.queryLong("SELECT owner FROM orders WHERE id = 1"));
    }

    @OnBothDatabases
    void updateRollsBackWhenTheRowWouldLeaveTheUsersReach(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        rep.update(ORDERS, ORDER_1.withTotal(money("99.00")), OrderMember.TOTAL);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SUBMITTED).withNote("submitting"),
                        OrderMember.NOTE, OrderMember.STATUS));

        assertDenied(e, Operation.WRITE, "status");
        assertTrue(e.reason().contains("write check"), e.getMessage());
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"), "rolled back");
        assertEquals("rep 1 draft", note(db, 1), "rolled back with it");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aManagerMayMoveAnOrderToAnotherRep(TestDatabase db) {
        WardenData data = db.fresh();

        data.as(Sales.manager()).update(ORDERS, ORDER_1.withOwner(2L), OrderMember.OWNER);

        assertEquals(Optional.empty(), data.as(Sales.rep(1)).find(ORDERS, 1L));
        assertTrue(data.as(Sales.rep(2)).find(ORDERS, 1L).isPresent());
    }

    @OnBothDatabases
    void updateCanSetNull(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        Order stored = manager.update(ORDERS, ORDER_2.withNote(null).withTotal(null).withCustomer(null),
                OrderMember.NOTE, OrderMember.TOTAL, OrderMember.CUSTOMER);

        assertNull(stored.note());
        assertNull(stored.total());
        assertNull(stored.customer());
        assertNull(note(db, 2));
    }

    @OnBothDatabases
    void updateArgumentsAreChecked(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertThrows(IllegalArgumentException.class, () -> manager.update(ORDERS, ORDER_1));
        assertThrows(IllegalArgumentException.class, () -> manager.update(ORDERS, ORDER_1, OrderMember.ID));
        assertThrows(IllegalArgumentException.class, () -> manager.update(ORDERS, ORDER_1, OrderMember.LABEL));
        assertThrows(IllegalArgumentException.class, () -> manager.update(ORDERS, ORDER_1, CustomerMember.NAME));
        assertThrows(IllegalArgumentException.class,
                () -> manager.update(ORDERS, ORDER_1.withId(null), OrderMember.NOTE));
    }

    // ------------------------------------------------------------------------------------------------ delete

    @OnBothDatabases
    void deleteCarriesTheDeleteFilter(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        rep.delete(ORDERS, 1L);
        AccessDeniedException ownSubmitted = assertThrows(AccessDeniedException.class, () -> rep.delete(ORDERS, 2L));
        AccessDeniedException othersDraft = assertThrows(AccessDeniedException.class, () -> rep.delete(ORDERS, 3L));
        AccessDeniedException absent = assertThrows(AccessDeniedException.class, () -> rep.delete(ORDERS, 999L));

        assertDenied(ownSubmitted, Operation.DELETE, null);
        assertEquals(othersDraft.getMessage(), absent.getMessage());
        assertEquals(ownSubmitted.getMessage(), absent.getMessage());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), Sales.ids(rep.as(Sales.system()).list(ORDERS)));
    }

    @OnBothDatabases
    void deleteAsAManager(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        manager.delete(ORDERS, 5);

        assertEquals(5, orders(db));
        assertEquals(Optional.empty(), manager.find(ORDERS, 5L));
    }

    // -------------------------------------------------------------------------------------------------- batch

    @OnBothDatabases
    void batchesAreAllOrNothing(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1, "North"));

        assertThrows(AccessDeniedException.class, () -> rep.updateAll(ORDERS,
                List.of(ORDER_1.withNote("batch"), ORDER_3.withNote("batch")), OrderMember.NOTE));
        assertEquals("rep 1 draft", note(db, 1), "the first update was rolled back");

        assertThrows(AccessDeniedException.class, () -> rep.insertAll(ORDERS,
                List.of(newOrder("fine"), newOrder("not fine").withStatus(Status.SHIPPED))));
        assertEquals(6, orders(db), "the first insert was rolled back");

        assertThrows(AccessDeniedException.class, () -> rep.deleteAll(ORDERS, List.of(1L, 2L)));
        assertEquals(6, orders(db), "the first delete was rolled back");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void batchesThatPassStoreEverything(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        List<Order> inserted = rep.insertAll(ORDERS, List.of(newOrder("a"), newOrder("b")));
        List<Order> updated = rep.updateAll(ORDERS, List.of(inserted.get(0).withNote("a2"),
                inserted.get(1).withNote("b2")), OrderMember.NOTE);
        rep.deleteAll(ORDERS, List.of(inserted.get(0).id(), inserted.get(1).id()));

        assertEquals(List.of("a2", "b2"), List.of(updated.get(0).note(), updated.get(1).note()));
        assertEquals(6, orders(db));
    }

    // ------------------------------------------------------------------------------------------- transactions

    @OnBothDatabases
    void aTransactionRollsBackEverythingWhenItsWorkFails(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        assertThrows(IllegalStateException.class, () -> rep.inTransaction(() -> {
            rep.insert(ORDERS, newOrder("one"));
            rep.update(ORDERS, ORDER_1.withNote("two"), OrderMember.NOTE);
            assertEquals("two", rep.find(ORDERS, 1L).orElseThrow().note(), "the transaction sees its own writes");
            throw new IllegalStateException("changed my mind");
        }));

        assertEquals(6, orders(db));
        assertEquals("rep 1 draft", note(db, 1));
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void aDeniedWriteInsideATransactionUndoesOnlyItself(TestDatabase db) {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));

        Order stored = rep.inTransaction(() -> {
            rep.update(ORDERS, ORDER_1.withNote("kept"), OrderMember.NOTE);
            assertThrows(AccessDeniedException.class,
                    () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED).withNote("lost"),
                            OrderMember.STATUS, OrderMember.NOTE));
            return rep.insert(ORDERS, newOrder("also kept"));
        });

        assertEquals("kept", note(db, 1));
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"));
        assertEquals("also kept", note(db, stored.id()));
    }

    @OnBothDatabases
    void databaseErrorsAreWrappedAndRolledBack(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        DataAccessException e = assertThrows(DataAccessException.class, () -> manager.insertAll(ORDERS,
                List.of(newOrder("fine"), newOrder("duplicate key").withId(1L))));

        assertEquals("23505", e.getCause().getSQLState(), "a unique violation on " + db);
        assertTrue(e.getMessage().startsWith("Could not insert Order objects"), e.getMessage());
        assertFalse(e.getMessage().contains("duplicate key"), "no value in Warden's message");
        assertEquals(6, orders(db), "the first insert was rolled back");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    // ------------------------------------------------------------------------------------------------ errors

    @OnBothDatabases
    void theWriteCheckSaysWhetherItFailedForANewOrAnUpdatedObject(TestDatabase db) {
        WardenData data = db.fresh();
        WardenData rep = data.as(Sales.rep(1));

        AccessDeniedException inserted = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder("shipped at once").withStatus(Status.SHIPPED)));
        AccessDeniedException updated = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withStatus(Status.SHIPPED), OrderMember.STATUS));
        AccessDeniedException created = assertThrows(AccessDeniedException.class,
                () -> data.as(Sales.accountManager(50)).insert(CUSTOMERS, new Customer(11L, "Umbrella", 51L)));

        assertDenied(inserted, Operation.WRITE, "status");
        assertEquals("the write check failed: no rule that gives user roles [SalesRep] write access to it holds for "
                + "the new object", inserted.reason());
        assertDenied(updated, Operation.WRITE, "status");
        assertEquals("the write check failed: no rule that gives user roles [SalesRep] write access to it holds for "
                + "the updated object", updated.reason());
        assertEquals("Customer", created.entity());
        assertEquals(Operation.CREATE, created.operation());
        assertEquals(Optional.empty(), created.member());
        assertEquals("the write check failed: no rule that gives user roles [AccountManager] create holds for the "
                + "new object", created.reason());
        assertEquals(6, orders(db));
        assertEquals("DRAFT", db.queryString("SELECT status FROM orders WHERE id = 1"));
    }

    @OnBothDatabases
    void aWriteThatChangesNoRowNamesTheMembersAndTheRolesButNotWhy(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1, "North"));

        AccessDeniedException update = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_3.withNote("x").withRegion("West"),
                        OrderMember.NOTE, OrderMember.REGION));
        AccessDeniedException absent = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_3.withId(999L).withNote("x").withRegion("West"),
                        OrderMember.NOTE, OrderMember.REGION));
        AccessDeniedException delete = assertThrows(AccessDeniedException.class, () -> rep.delete(ORDERS, 3L));
        AccessDeniedException deleteAbsent = assertThrows(AccessDeniedException.class,
                () -> rep.delete(ORDERS, 999L));

        assertDenied(update, Operation.WRITE, "note");
        assertEquals("there is no Order with this key that user roles [SalesRep] may write [note, region]",
                update.reason());
        assertEquals(update.getMessage(), absent.getMessage());
        assertDenied(delete, Operation.DELETE, null);
        assertEquals("there is no Order with this key that user roles [SalesRep] may delete", delete.reason());
        assertEquals(delete.getMessage(), deleteAbsent.getMessage());
        assertEquals("rep 2 north", note(db, 3));
    }

    @OnBothDatabases
    void aDeleteByAContextThatDeniesEverythingGivesTheContextsReason(TestDatabase db) {
        WardenData stranger = db.fresh().as(Sales.stranger());

        AccessDeniedException delete = assertThrows(AccessDeniedException.class, () -> stranger.delete(ORDERS, 1L));

        assertDenied(delete, Operation.DELETE, null);
        assertEquals("the security context denies all access: " + Sales.stranger().deniedReason().orElseThrow(),
                delete.reason());
        assertEquals(6, orders(db));
    }

    // ------------------------------------------------------------------------------------------------- owners

    @OnBothDatabases
    void anAnonymousUserWhoMayCreateLeavesTheOwnerEmpty(TestDatabase db) {
        SecurityContext anonymousManager = SecurityContext.anonymousOf(ApplicationModel.builder("Kiosk")
                .userRole("Administrator", "Sales.Manager").anonymousRole("Administrator").build());
        WardenData anonymous = db.fresh().as(anonymousManager);

        Order stored = anonymous.insert(ORDERS, newOrder("from the kiosk").withOwner(77L));

        assertNull(stored.owner(), "no user id, so no owner, whatever the object said");
        assertEquals("from the kiosk", stored.note());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM orders WHERE owner IS NOT NULL AND id = ?", stored.id()));
    }

    /** A memo whose first member is its {@code @Owner}; the key comes second. */
    record Memo(Long author, Long id, String text) {}

    /** The members of a memo. */
    enum MemoMember implements dev.warden.runtime.EntityMember {
        AUTHOR, ID, TEXT;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final EntityRules<Memo, MemoMember> MEMO_RULES = dev.warden.runtime.TestRules
            .builder(Memo.class, MemoMember.class, Sales.SALES)
            .owner(MemoMember.AUTHOR)
            .readOnly(MemoMember.values())
            .getter((m, member) -> switch (member) {
                case AUTHOR -> m.author();
                case ID -> m.id();
                case TEXT -> m.text();
            })
            .rule("Reps: their memos", (ctx, m) -> m.author() != null && m.author().equals(ctx.currentUserId()))
            .grant(Sales.USER, true, true, MemberSet.all(3), MemberSet.of(1, 2))
            .build();

    private static final EntityTable<Memo> MEMOS = EntityTable.builder(MEMO_RULES, "memos", MemoMember.ID)
            .column(MemoMember.AUTHOR, "author", Long.class)
            .column(MemoMember.ID, "id", Long.class)
            .column(MemoMember.TEXT, "text", String.class)
            .constraint(1, "({a}.author IS NOT NULL AND {a}.author = ?)", SqlParam.currentUser())
            .reader(values -> new Memo((Long) values[0], (Long) values[1], (String) values[2]))
            .build();

    @OnBothDatabases
    void anOwnerThatIsTheFirstMemberIsFilledInToo(TestDatabase db) {
        WardenData data = db.fresh();
        db.execute("DROP TABLE IF EXISTS memos");
        db.execute("CREATE TABLE memos (author BIGINT, id BIGINT PRIMARY KEY, text VARCHAR(100))");

        Memo stored = data.as(Sales.rep(1)).insert(MEMOS, new Memo(77L, 1L, "mine"));

        assertEquals(new Memo(1L, 1L, "mine"), stored);
        assertEquals(1L, db.queryLong("SELECT author FROM memos WHERE id = 1"));
        assertEquals(List.of(), data.as(Sales.rep(77)).list(MEMOS));
    }

    // ------------------------------------------------------------------------------------------------ contexts

    @OnBothDatabases
    void theSystemWritesWithoutRulesButNotSilently(TestDatabase db) {
        WardenData system = db.fresh().as(Sales.system());

        Order stored = system.insert(ORDERS, newOrder("imported").withOwner(42L));
        system.update(ORDERS, ORDER_3.withNote("fixed"), OrderMember.NOTE);

        assertEquals(42L, stored.owner(), "the system has no user id, so the owner stays as given");
        assertEquals("fixed", note(db, 3));
        assertThrows(NoSuchElementException.class, () -> system.update(ORDERS, ORDER_3.withId(999L), OrderMember.NOTE));
        assertThrows(NoSuchElementException.class, () -> system.delete(ORDERS, 999L));
    }

    @OnBothDatabases
    void aContextThatDeniesEverythingSaysWhy(TestDatabase db) {
        WardenData stranger = db.fresh().as(Sales.stranger());

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> stranger.update(ORDERS, ORDER_1.withNote("x"), OrderMember.NOTE));
        AccessDeniedException delete = assertThrows(AccessDeniedException.class, () -> stranger.delete(ORDERS, 1L));

        assertTrue(e.reason().contains("'Hacker'"), e.getMessage());
        assertTrue(delete.reason().contains("'Hacker'"), delete.getMessage());
        assertFalse(e.getMessage().contains("rep 1"), "never a value");
    }
}
