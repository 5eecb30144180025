package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ACME;
import static dev.warden.runtime.data.Sales.CUSTOMERS;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;

/**
 * The data layer checks the database against the mapping (issue 10, section 7): on the first use of a table and
 * through {@link WardenData#checkSchema}; and values against their columns before a statement binds them.
 */
class SchemaCheckTest {

    private static Order orderIn(String region, String note) {
        return new Order(null, ACME, null, region, Status.DRAFT, money("10.00"), note, null);
    }

    @OnBothDatabases
    void aDatabaseThatFitsTheMappingPasses(TestDatabase db) {
        db.fresh().checkSchema(ORDERS, CUSTOMERS);
    }

    @OnBothDatabases
    void aMissingColumnIsNamedAtStartupAndOnFirstUse(TestDatabase db) {
        db.fresh();
        db.execute("ALTER TABLE orders DROP COLUMN note");

        SchemaMismatchException startup = assertThrows(SchemaMismatchException.class,
                () -> WardenData.of(db.dataSource()).checkSchema(ORDERS));
        assertTrue(startup.getMessage().contains("Order"), startup.getMessage());
        assertTrue(startup.problems().stream().anyMatch(p -> p.contains("orders") && p.contains("note")),
                startup.problems().toString());

        WardenData rep = WardenData.of(db.dataSource()).as(Sales.rep(1));
        assertThrows(SchemaMismatchException.class, () -> rep.list(ORDERS), "the first use checks too");
    }

    @OnBothDatabases
    void aColumnThatCannotHoldItsMemberIsNamed(TestDatabase db) {
        db.fresh();
        db.execute("ALTER TABLE orders DROP COLUMN total");
        db.execute("ALTER TABLE orders ADD COLUMN total VARCHAR(20)");

        SchemaMismatchException mismatch = assertThrows(SchemaMismatchException.class,
                () -> WardenData.of(db.dataSource()).checkSchema(ORDERS));
        assertTrue(mismatch.problems().stream().anyMatch(p -> p.contains("total")), mismatch.problems().toString());
    }

    @OnBothDatabases
    void aValueTooLongForItsColumnIsRefusedBeforeTheStatementWithoutShowingIt(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));
        String secret = "s3cr3t-" + "x".repeat(300);

        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> rep.insert(ORDERS, orderIn(secret, "new")));

        assertTrue(tooLong.getMessage().contains("region"), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("s3cr3t"), "the value is never shown: " + tooLong.getMessage());
        assertEquals(6, db.queryLong("SELECT COUNT(*) FROM orders"), "nothing was written");
        assertEquals("East", rep.insert(ORDERS, orderIn("East", "new")).region(), "a value that fits is written");
    }
}
