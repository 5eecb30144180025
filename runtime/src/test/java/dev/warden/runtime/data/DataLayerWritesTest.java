package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.INITECH;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.Operation;
import dev.warden.runtime.TestRules;
import dev.warden.runtime.data.OrderLines.Line;
import dev.warden.runtime.data.Sales.Customer;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The data layer's writes (issue 10, section 6): associations to objects the user cannot see, caller-chosen keys,
 * and statements by a key that is not unique.
 */
class DataLayerWritesTest {
    private static final Order ORDER_1 = SEED_ORDERS.get(0);
    private static final Customer ABSENT = new Customer(999L, null, null);

    private static Order newOrder(Customer customer) {
        return new Order(null, customer, null, "East", Status.DRAFT, money("10.00"), "new", null);
    }

    private static long orders(TestDatabase db) {
        return db.queryLong("SELECT COUNT(*) FROM orders");
    }

    // ---------------------------------------------------------------------------------------- associations

    @OnBothDatabases
    void anInsertThatRefersToAnInvisibleObjectFailsAsForAnAbsentOne(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        AccessDeniedException invisible = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder(INITECH)), "Initech has no account manager: reps cannot see it");
        AccessDeniedException absent = assertThrows(AccessDeniedException.class,
                () -> rep.insert(ORDERS, newOrder(ABSENT)), "not the database's foreign-key error");

        assertEquals("Order", invisible.entity());
        assertEquals(Operation.WRITE, invisible.operation());
        assertEquals(Optional.of("customer"), invisible.member());
        assertEquals("an object it would refer to is not visible to user roles [SalesRep]", invisible.reason());
        assertEquals(invisible.getMessage(), absent.getMessage(), "no oracle of which objects exist");
        assertEquals(6, orders(db));
        assertEquals(ACME.id(), rep.insert(ORDERS, newOrder(ACME)).customer().id(), "a visible one is fine");
    }

    @OnBothDatabases
    void anUpdateThatRefersToAnInvisibleObjectFailsAsForAnAbsentOne(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        AccessDeniedException invisible = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withCustomer(INITECH), OrderMember.CUSTOMER));
        AccessDeniedException absent = assertThrows(AccessDeniedException.class,
                () -> rep.update(ORDERS, ORDER_1.withCustomer(ABSENT), OrderMember.CUSTOMER));

        assertEquals(Optional.of("customer"), invisible.member());
        assertEquals(invisible.getMessage(), absent.getMessage());
        assertEquals(1L, db.queryLong("SELECT customer_id FROM orders WHERE id = 1"));
        assertEquals(null, rep.update(ORDERS, ORDER_1.withCustomer(null), OrderMember.CUSTOMER).customer(),
                "clearing an association refers to nothing");
    }

    @OnBothDatabases
    void theAssociatedObjectIsJudgedByItsOwnRulesForTheUser(TestDatabase db) {
        WardenData data = db.fresh();
        OrderLines.create(db);
        Line toOthersOrder = new Line(5001L, SEED_ORDERS.get(2), "Anvil", 1, new BigDecimal("0.99"));
        Line toNoOrder = toOthersOrder.withOrder(new Order(999L, null, null, null, null, null, null, null));

        AccessDeniedException others = assertThrows(AccessDeniedException.class,
                () -> data.as(Sales.rep(1)).insert(OrderLines.LINES, toOthersOrder));
        AccessDeniedException none = assertThrows(AccessDeniedException.class,
                () -> data.as(Sales.rep(1)).insert(OrderLines.LINES, toNoOrder));

        assertEquals(Optional.of("order"), others.member());
        assertEquals(others.getMessage(), none.getMessage());
        assertEquals(5001L, data.as(Sales.manager()).insert(OrderLines.LINES, toOthersOrder).id(),
                "managers see every order");
    }

    @OnBothDatabases
    void theSystemLeavesAbsentObjectsToTheForeignKey(TestDatabase db) {
        WardenData system = db.fresh().as(Sales.system());

        DataAccessException e = assertThrows(DataAccessException.class,
                () -> system.insert(ORDERS, newOrder(ABSENT)));

        assertTrue(e.getCause().getSQLState().startsWith("2350"), "a foreign-key violation: " + e.getCause().getSQLState());
        assertEquals(INITECH.id(), system.insert(ORDERS, newOrder(INITECH)).customer().id());
    }

    // ------------------------------------------------------------------------------------------------- keys

    @OnBothDatabases
    void aCallerChosenKeyNeedsTheWriteRightOnTheKey(TestDatabase db) {
        WardenData data = db.fresh();

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> data.as(Sales.rep(1)).insert(ORDERS, newOrder(ACME).withId(5000L)));

        assertEquals(Operation.WRITE, e.operation());
        assertEquals(Optional.of("id"), e.member());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM orders WHERE id = 5000"));
        assertEquals(5000L, data.as(Sales.manager()).insert(ORDERS, newOrder(ACME).withId(5000L)).id(),
                "managers may write the key");
    }

    /** A note whose {@code @Owner} is its author, in a table whose id column is not unique. */
    record Note(Long id, Long author, String text) {}

    /** The members of a note. */
    enum NoteMember implements EntityMember {
        ID, AUTHOR, TEXT;

        @Override
        public String memberName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final EntityRules<Note, NoteMember> NOTE_RULES = TestRules
            .builder(Note.class, NoteMember.class, Sales.SALES)
            .owner(NoteMember.AUTHOR)
            .readOnly(NoteMember.values())
            .getter((n, member) -> switch (member) {
                case ID -> n.id();
                case AUTHOR -> n.author();
                case TEXT -> n.text();
            })
            .rule("Reps: their notes", (ctx, n) -> n.author() != null && n.author().equals(ctx.currentUserId()))
            .grant(Sales.USER, true, true, MemberSet.all(3), MemberSet.of(0, 2))
            .build();

    private static final EntityTable<Note> NOTES = EntityTable.builder(NOTE_RULES, "notes", NoteMember.ID)
            .column(NoteMember.ID, "id", Long.class)
            .column(NoteMember.AUTHOR, "author", Long.class)
            .column(NoteMember.TEXT, "text", String.class)
            .constraint(1, "({a}.author IS NOT NULL AND {a}.author = ?)", SqlParam.currentUser())
            .reader(values -> new Note((Long) values[0], (Long) values[1], (String) values[2]))
            .build();

    /** Notes 1 and 1 of rep 1, note 2 of rep 1 and note 2 of rep 2: the id column is not unique. */
    private static WardenData notes(TestDatabase db) {
        WardenData data = db.fresh();
        db.execute("DROP TABLE IF EXISTS notes");
        db.execute("CREATE TABLE notes (id BIGINT, author BIGINT, text VARCHAR(100))");
        db.execute("INSERT INTO notes (id, author, text) VALUES (1, 1, 'a'), (1, 1, 'b'), (2, 1, 'mine'), "
                + "(2, 2, 'theirs')");
        return data.as(Sales.rep(1));
    }

    private static void assertNotUnique(IllegalStateException e) {
        assertTrue(e.getMessage().contains("key column id is not unique"), e.getMessage());
        assertTrue(e.getMessage().contains("Note"), e.getMessage());
    }

    @OnBothDatabases
    void anUpdateThatWouldChangeMoreThanOneRowFailsAndRollsBack(TestDatabase db) {
        WardenData rep = notes(db);

        assertNotUnique(assertThrows(IllegalStateException.class,
                () -> rep.update(NOTES, new Note(1L, 1L, "both?"), NoteMember.TEXT)));

        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM notes WHERE text = 'both?'"), "rolled back");
        assertEquals(0, db.connectionsLeftInTransaction());
    }

    @OnBothDatabases
    void theWriteCheckDoesNotMatchAnotherRowWithTheSameKey(TestDatabase db) {
        WardenData rep = notes(db);

        assertNotUnique(assertThrows(IllegalStateException.class,
                () -> rep.update(NOTES, new Note(2L, 1L, "changed"), NoteMember.TEXT)));
        assertNotUnique(assertThrows(IllegalStateException.class,
                () -> rep.insert(NOTES, new Note(2L, null, "again"))));

        assertEquals("mine", db.queryString("SELECT text FROM notes WHERE id = 2 AND author = 1"), "rolled back");
        assertEquals(4, db.queryLong("SELECT COUNT(*) FROM notes"), "the insert was rolled back");
    }

    @OnBothDatabases
    void aDeleteThatWouldDeleteMoreThanOneRowFailsAndRollsBack(TestDatabase db) {
        WardenData rep = notes(db);

        assertNotUnique(assertThrows(IllegalStateException.class, () -> rep.delete(NOTES, 1L)));

        assertEquals(2, db.queryLong("SELECT COUNT(*) FROM notes WHERE id = 1"), "rolled back");
    }

    @OnBothDatabases
    void findByAKeyThatIsNotUniqueFails(TestDatabase db) {
        WardenData rep = notes(db);

        assertNotUnique(assertThrows(IllegalStateException.class, () -> rep.find(NOTES, 1L)));
        assertEquals(Optional.of(new Note(2L, 1L, "mine")), rep.find(NOTES, 2L), "one row the user can see");
    }
}
