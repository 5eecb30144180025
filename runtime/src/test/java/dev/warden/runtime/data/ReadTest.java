package dev.warden.runtime.data;

import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.ORDER_RULES;
import static dev.warden.runtime.data.Sales.SEED_ORDERS;
import static dev.warden.runtime.data.Sales.ids;
import static dev.warden.runtime.data.Sales.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operation;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.Query.Direction;
import dev.warden.runtime.data.Query.Op;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.data.Sales.Status;
import dev.warden.runtime.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads through {@link WardenData}: filters and masks inside the SQL, on H2 and PostgreSQL. */
class ReadTest {
    @OnBothDatabases
    void sqlReturnsExactlyWhatTheInMemoryRulesAllowForEveryUser(TestDatabase db) {
        WardenData data = db.fresh();
        for (SecurityContext ctx : Sales.everyone()) {
            WardenData user = data.as(ctx);
            Map<Long, Order> fromSql = user.list(ORDERS).stream()
                    .collect(Collectors.toMap(Order::id, Function.identity()));
            List<Order> expectedVisible = SEED_ORDERS.stream()
                    .filter(order -> ORDER_RULES.isVisible(ctx, order)).collect(Collectors.toList());

            assertEquals(ids(expectedVisible), List.copyOf(fromSql.keySet()).stream().sorted().collect(
                    Collectors.toList()), "rows for " + ctx);
            assertEquals(expectedVisible.size(), user.count(ORDERS), "count for " + ctx);
            for (Order seeded : SEED_ORDERS) {
                Optional<Order> found = user.find(ORDERS, seeded.id());
                assertEquals(fromSql.containsKey(seeded.id()), found.isPresent(), "find " + seeded.id() + " " + ctx);
                if (found.isEmpty()) {
                    continue;
                }
                assertEquals(fromSql.get(seeded.id()), found.get());
                Rights rights = ORDER_RULES.rights(ctx, seeded);
                for (int member : ORDERS.columnMembers()) {
                    Object expected = rights.canRead(member) ? Sales.orderValue(seeded, member) : null;
                    assertEquals(expected, Sales.orderValue(found.get(), member), "order " + seeded.id() + "."
                            + ORDER_RULES.memberName(member) + " for " + ctx);
                }
            }
        }
    }

    @OnBothDatabases
    void findTellsNothingAboutRowsTheUserMayNotSee(TestDatabase db) {
        WardenData rep = db.fresh().as(Sales.rep(1));

        assertTrue(rep.find(ORDERS, 1L).isPresent());
        assertEquals(Optional.empty(), rep.find(ORDERS, 3L), "another rep's order");
        assertEquals(Optional.empty(), rep.find(ORDERS, 999L), "no order at all");
        assertEquals(Optional.empty(), db.fresh().as(Sales.visitor()).find(ORDERS, 1L));
        assertEquals(Optional.empty(), db.fresh().as(Sales.stranger()).find(ORDERS, 1L));
    }

    @OnBothDatabases
    void membersReadableOnlyUnderAnotherRuleComeBackNull(TestDatabase db) {
        WardenData northRep = db.fresh().as(Sales.rep(1, "North"));

        Order own = northRep.find(ORDERS, 1L).orElseThrow();
        Order othersInRegion = northRep.find(ORDERS, 3L).orElseThrow();

        for (int member : ORDERS.columnMembers()) {
            assertEquals(Sales.orderValue(SEED_ORDERS.get(0), member), Sales.orderValue(own, member),
                    "everything of an own order");
        }
        assertEquals(3L, othersInRegion.id());
        assertEquals("North", othersInRegion.region());
        assertEquals(Status.DRAFT, othersInRegion.status());
        assertEquals(money("80.00"), othersInRegion.total());
        assertNull(othersInRegion.note(), "the region rule does not give the note");
        assertNull(othersInRegion.owner());
        assertNull(othersInRegion.customer());
        assertNull(othersInRegion.created());
    }

    @OnBothDatabases
    void associationConstraintsBecomeSubQueries(TestDatabase db) {
        WardenData data = db.fresh();

        assertEquals(List.of(1L, 2L), ids(data.as(Sales.accountManager(50)).list(ORDERS)), "Acme's orders");
        assertEquals(List.of(3L, 4L), ids(data.as(Sales.accountManager(51)).list(ORDERS)), "Globex's orders");
        Order acme = data.as(Sales.accountManager(50)).find(ORDERS, 1L).orElseThrow();
        assertEquals(Sales.ACME.id(), acme.customer().id(), "a reference holding the key");
        assertEquals("rep 1 draft", acme.note(), "writable, so readable");
        assertNull(acme.owner());
    }

    @OnBothDatabases
    void eachEntityHasItsOwnRules(TestDatabase db) {
        WardenData data = db.fresh();

        assertEquals(List.of(Sales.ACME), data.as(Sales.accountManager(50)).list(Sales.CUSTOMERS));
        assertEquals(Sales.SEED_CUSTOMERS, data.as(Sales.manager()).list(Sales.CUSTOMERS));
        assertEquals(List.of(new Sales.Customer(1L, "Acme", null), new Sales.Customer(2L, "Globex", null)),
                data.as(Sales.rep(1)).list(Sales.CUSTOMERS),
                "reps see the names of customers with an account manager, not who it is");
    }

    @OnBothDatabases
    void dateAndUserRoleTokens(TestDatabase db) {
        WardenData data = db.fresh();

        assertEquals(List.of(1L, 2L, 3L, 4L, 6L), ids(data.as(Sales.auditor()).list(ORDERS)),
                "large orders (2, 4) and today's or later (1, 3, 6)");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ids(data.as(Sales.supervisor()).list(ORDERS)));
        Order old = data.as(Sales.auditor()).find(ORDERS, 4L).orElseThrow();
        assertNull(old.created(), "the date rule is not active for an old order");
        assertNull(old.note());
        assertEquals(money("2500.00"), old.total());
    }

    @OnBothDatabases
    void conditionsOnAMaskedMemberSeeOnlyTheMaskedValue(TestDatabase db) {
        WardenData data = db.fresh();
        Query byNote = Query.where(OrderMember.NOTE, Op.EQ, "rep 2 north");

        assertEquals(List.of(3L), ids(data.as(Sales.manager()).list(ORDERS, byNote)));
        assertEquals(List.of(), data.as(Sales.rep(1, "North")).list(ORDERS, byNote),
                "order 3 is visible to the north rep, but its note is not");
        assertEquals(0, data.as(Sales.rep(1, "North")).count(ORDERS, byNote));
        assertEquals(List.of(1L, 2L), ids(data.as(Sales.rep(1, "North"))
                .list(ORDERS, Query.where(OrderMember.NOTE, Op.STARTS_WITH, "rep "))));
        assertEquals(List.of(3L), ids(data.as(Sales.rep(1, "North"))
                .list(ORDERS, Query.where(OrderMember.NOTE, Op.IS_NULL))), "a masked value is null");
    }

    @OnBothDatabases
    void conditionsAndSortsOnUnreadableMembersAreRejected(TestDatabase db) {
        WardenData accountManager = db.fresh().as(Sales.accountManager(50));

        AccessDeniedException byOwner = assertThrows(AccessDeniedException.class,
                () -> accountManager.list(ORDERS, Query.where(OrderMember.OWNER, Op.EQ, 1L)));
        assertEquals(Operation.READ, byOwner.operation());
        assertEquals(Optional.of("owner"), byOwner.member());
        assertEquals("Order", byOwner.entity());
        AccessDeniedException sortByRegion = assertThrows(AccessDeniedException.class,
                () -> accountManager.list(ORDERS, Query.all().orderBy(OrderMember.REGION, Direction.ASC)));
        assertEquals(Optional.of("region"), sortByRegion.member());
        assertThrows(AccessDeniedException.class,
                () -> accountManager.count(ORDERS, Query.where(OrderMember.CREATED, Op.IS_NOT_NULL)));
        AccessDeniedException stranger = assertThrows(AccessDeniedException.class,
                () -> db.fresh().as(Sales.stranger()).list(ORDERS, Query.where(OrderMember.NOTE, Op.EQ, "x")));
        assertTrue(stranger.reason().contains("denies all access"), stranger.getMessage());
    }

    @OnBothDatabases
    void queriesNamingNoColumnAreProgrammingErrors(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(CustomerMember.NAME, Op.EQ, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(OrderMember.LABEL, Op.EQ, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.EQ, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(OrderMember.STATUS, Op.EQ, "LOST")));
        assertThrows(IllegalArgumentException.class,
                () -> manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.CONTAINS, "1")));
    }

    @OnBothDatabases
    void operators(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertEquals(List.of(1L, 3L, 6L),
                ids(manager.list(ORDERS, Query.where(OrderMember.STATUS, Op.EQ, Status.DRAFT))));
        assertEquals(List.of(1L, 3L, 6L), ids(manager.list(ORDERS, Query.where(OrderMember.STATUS, Op.EQ, "DRAFT"))),
                "an enum constant's name");
        assertEquals(List.of(1L, 2L), ids(manager.list(ORDERS, Query.where(OrderMember.OWNER, Op.EQ, 1))),
                "an int for a long");
        assertEquals(List.of(3L, 4L, 5L), ids(manager.list(ORDERS, Query.where(OrderMember.OWNER, Op.NE, 1L))),
                "null does not match NE");
        assertEquals(List.of(6L), ids(manager.list(ORDERS, Query.where(OrderMember.OWNER, Op.EQ, null))));
        assertEquals(List.of(2L, 4L), ids(manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.GE, money("1500")))));
        assertEquals(List.of(4L), ids(manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.GT, money("1500")))));
        assertEquals(List.of(3L, 5L), ids(manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.LT, 100))));
        assertEquals(List.of(1L, 3L, 5L),
                ids(manager.list(ORDERS, Query.where(OrderMember.TOTAL, Op.LE, money("120")))));
        assertEquals(List.of(2L), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.ENDS_WITH, "big"))));
        assertEquals(List.of(3L, 4L), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.CONTAINS, "rep 2"))));
        assertEquals(List.of(5L), ids(manager.list(ORDERS, Query.where(OrderMember.NOTE, Op.IS_NULL))));
        assertEquals(List.of(1L, 2L), ids(manager.list(ORDERS,
                Query.where(OrderMember.REGION, Op.EQ, "North").and(OrderMember.OWNER, Op.EQ, 1L))));
        assertEquals(List.of(1L, 2L, 3L, 4L),
                ids(manager.list(ORDERS, Query.where(OrderMember.CREATED, Op.LT, Sales.at("2030-05-15T10:00")))));
        assertEquals(4, manager.count(ORDERS,
                Query.where(OrderMember.CUSTOMER, Op.IS_NOT_NULL).and(OrderMember.TOTAL, Op.GT, 50)));
    }

    @OnBothDatabases
    void sortingAndPaging(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertEquals(List.of(4L, 2L, 1L, 3L, 5L, 6L),
                ids(manager.list(ORDERS, Query.all().orderBy(OrderMember.TOTAL, Direction.DESC))),
                "nulls last descending");
        assertEquals(List.of(6L, 5L, 3L, 1L, 2L, 4L), ids(manager.list(ORDERS, Query.all().orderBy(OrderMember.TOTAL))),
                "nulls first ascending");
        assertEquals(List.of(2L, 1L), ids(manager.list(ORDERS,
                Query.all().orderBy(OrderMember.TOTAL, Direction.DESC).page(1, 2))));
        assertEquals(List.of(1L, 3L, 6L, 4L, 2L, 5L), ids(manager.list(ORDERS,
                Query.all().orderBy(OrderMember.STATUS).orderBy(OrderMember.ID))), "by status name, then id");
        assertEquals(List.of(5L, 6L), ids(manager.list(ORDERS, Query.all().page(4, 10))), "ordered by key");
        assertEquals(List.of(), manager.list(ORDERS, Query.all().page(6, 10)));
        assertEquals(6, manager.count(ORDERS, Query.all().page(0, 1)), "count ignores the page");

        WardenData northRep = db.fresh().as(Sales.rep(1, "North"));
        assertEquals(List.of(2L, 3L), ids(northRep.list(ORDERS, Query.all().orderBy(OrderMember.NOTE, Direction.DESC)
                .page(1, 2))), "a masked note sorts as null: 1, 2 by note descending, then 3");
    }

    @OnBothDatabases
    void rowsComeInKeyOrderWhateverOrderTheDatabaseFindsThemIn(TestDatabase db) {
        WardenData data = db.fresh();
        WardenData manager = data.as(Sales.manager());
        // PostgreSQL scans the heap, where an updated row moves to the end; H2 scans this index when it can
        manager.update(ORDERS, SEED_ORDERS.get(0).withNote("rep 9 changed"), OrderMember.NOTE);
        db.execute("CREATE INDEX orders_by_note ON orders (note)");
        Query byNote = Query.where(OrderMember.NOTE, Op.GE, "rep");

        assertEquals(List.of(1L, 2L, 3L, 4L), ids(manager.list(ORDERS, byNote)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ids(manager.list(ORDERS)));
        assertEquals(List.of(2L, 3L), ids(manager.list(ORDERS, byNote.page(1, 2))));
        assertEquals(List.of(1L, 2L, 3L), ids(data.as(Sales.rep(1, "North")).list(ORDERS)));
        assertEquals(List.of(5L, 4L, 2L, 1L, 3L, 6L), ids(manager.list(ORDERS,
                Query.all().orderBy(OrderMember.REGION, Direction.DESC).orderBy(OrderMember.STATUS, Direction.DESC))),
                "South, North, then null (last when descending); by status name descending; then by key");
    }

    @OnBothDatabases
    void notEqualToNullMeansIsNotNull(TestDatabase db) {
        WardenData manager = db.fresh().as(Sales.manager());

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L),
                ids(manager.list(ORDERS, Query.where(OrderMember.OWNER, Op.NE, null))));
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L),
                ids(manager.list(ORDERS, Query.where(OrderMember.CREATED, Op.NE, null))));
        assertEquals(5, manager.count(ORDERS, Query.where(OrderMember.NOTE, Op.NE, null)));
    }

    @OnBothDatabases
    void contextsThatDoNotEnforceDataAccessSeeEverything(TestDatabase db) {
        WardenData data = db.fresh();

        for (SecurityContext ctx : List.of(Sales.system(), Sales.prototypeUser())) {
            List<Order> all = data.as(ctx).list(ORDERS);
            assertEquals(6, all.size());
            assertNotNull(all.get(0).note());
            assertNotNull(all.get(0).owner());
        }
    }

    @OnBothDatabases
    void theCurrentContextIsTheDefault(TestDatabase db) {
        WardenData data = db.fresh();

        assertThrows(AccessDeniedException.class, () -> data.list(ORDERS), "no context, no data");
        try (SecurityContext.Scope scope = SecurityContext.enter(Sales.rep(2))) {
            assertEquals(2L, scope.context().userId());
            assertEquals(List.of(3L, 4L), ids(data.list(ORDERS)));
        }
    }

    @OnBothDatabases
    void theDialectIsDetected(TestDatabase db) {
        assertEquals(db.toString(), db.fresh().dialect().name());
    }

    @OnBothDatabases
    void aGivenDialectIsUsedWithoutDetection(TestDatabase db) {
        db.fresh();
        Dialect dialect = db.toString().equals("H2") ? Dialect.h2() : Dialect.postgreSql();

        WardenData data = WardenData.of(db.dataSource(), dialect);

        assertSame(dialect, data.dialect());
        assertEquals("WardenData[" + db + ", current context]", data.toString(), "known before any connection");
        assertEquals(List.of(1L, 2L), ids(data.as(Sales.rep(1)).list(ORDERS)));
    }

    @OnBothDatabases
    void toStringShowsTheDialectOnceDetectedAndTheContextButNoData(TestDatabase db) {
        WardenData data = db.fresh();
        SecurityContext rep = Sales.rep(1);

        assertEquals("WardenData[dialect not detected yet, current context]", data.toString());
        assertEquals("WardenData[dialect not detected yet, " + rep + "]", data.as(rep).toString());
        data.as(rep).list(ORDERS);
        assertEquals("WardenData[" + db + ", current context]", data.toString(), "detected for all views");
        assertEquals("WardenData[" + db + ", " + rep + "]", data.as(rep).toString());
    }
}
