package dev.warden.runtime.sql;

import static dev.warden.runtime.data.Sales.ACCOUNT_MANAGER;
import static dev.warden.runtime.data.Sales.CUSTOMER;
import static dev.warden.runtime.data.Sales.ID;
import static dev.warden.runtime.data.Sales.LABEL;
import static dev.warden.runtime.data.Sales.MANAGER;
import static dev.warden.runtime.data.Sales.NOTE;
import static dev.warden.runtime.data.Sales.ORDERS;
import static dev.warden.runtime.data.Sales.ORDER_RULES;
import static dev.warden.runtime.data.Sales.OWNER;
import static dev.warden.runtime.data.Sales.REGION;
import static dev.warden.runtime.data.Sales.STATUS;
import static dev.warden.runtime.data.Sales.TOTAL;
import static dev.warden.runtime.data.Sales.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.Sales;
import dev.warden.runtime.data.Sales.Order;
import dev.warden.runtime.sql.QueryFilter.Access;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL the filters produce, read as a person would write it. */
class QueryFilterTest {
    private static final String OWN = "(o.owner IS NOT NULL AND o.owner = ?)";
    private static final String OWN_DRAFT = "((o.owner IS NOT NULL AND o.owner = ?) AND (o.status IS NOT NULL "
            + "AND o.status = ?))";
    private static final String IN_REGION = "(o.region IS NOT NULL AND o.region = ?)";

    private static QueryFilter<Order> filter(SecurityContext ctx) {
        return ORDERS.filter(ctx, "o", Dialect.postgreSql());
    }

    @Test
    void aRuleWithoutConstraintMakesEverythingTrue() {
        QueryFilter<Order> manager = filter(Sales.manager());

        assertEquals("TRUE", manager.readFilter().sql());
        assertEquals("TRUE", manager.deleteFilter().sql());
        assertEquals("TRUE", manager.createCheck().sql());
        assertEquals("TRUE", manager.writeFilter(NOTE, OWNER).sql());
        assertEquals("o.id, o.customer_id, o.owner, o.region, o.status, o.total, o.note, o.created",
                manager.projection().sql());
        assertEquals(List.of(), manager.projection().values());
    }

    @Test
    void theReadFilterIsTheDisjunctionOfTheApplyingConstraints() {
        SqlFragment rep = filter(Sales.rep(1)).readFilter();
        SqlFragment northRep = filter(Sales.rep(1, "North")).readFilter();

        assertEquals("(" + OWN + " OR " + OWN_DRAFT + ")", rep.sql(), "rule 4 is dropped without a region");
        assertEquals(List.of(1L, 1L, "DRAFT"), rep.values());
        assertEquals("(" + OWN + " OR " + OWN_DRAFT + " OR " + IN_REGION + ")", northRep.sql());
        assertEquals(List.of(1L, 1L, "DRAFT", "North"), northRep.values());
        assertEquals("TRUE", filter(Sales.user(1, "SalesRep", "Administrator")).readFilter().sql(),
                "an unconstrained rule makes the others irrelevant");
    }

    @Test
    void associationsDateTokensAndUserRoles() {
        assertEquals("EXISTS (SELECT 1 FROM customers o_1 WHERE o_1.id = o.customer_id AND o_1.account_manager = ?)",
                filter(Sales.accountManager(50)).readFilter().sql());
        SqlFragment auditor = filter(Sales.auditor()).readFilter();
        assertEquals("(((o.total IS NOT NULL AND o.total >= ?) OR FALSE) OR (o.created IS NOT NULL AND o.created >= ?))",
                auditor.sql());
        assertEquals(List.of(new BigDecimal("1000"), LocalDateTime.parse("2030-05-15T00:00")), auditor.values());
        assertTrue(filter(Sales.supervisor()).readFilter().sql().contains("OR TRUE"));
    }

    @Test
    void noApplyingRuleMeansFalse() {
        for (SecurityContext ctx : List.of(Sales.visitor(), Sales.stranger())) {
            QueryFilter<Order> filter = filter(ctx);
            assertEquals("FALSE", filter.readFilter().sql(), ctx.toString());
            assertEquals("FALSE", filter.deleteFilter().sql());
            assertEquals("FALSE", filter.createCheck().sql());
            assertEquals("FALSE", filter.writeFilter(NOTE).sql());
            assertEquals("NULL", filter.column(NOTE).sql());
            assertEquals(Access.NEVER, filter.readAccess(ID));
            assertFalse(filter.canCreate());
        }
    }

    @Test
    void contextsThatDoNotEnforceDataAccessGetTrue() {
        for (SecurityContext ctx : List.of(Sales.system(), Sales.prototypeUser())) {
            QueryFilter<Order> filter = filter(ctx);
            assertFalse(filter.enforces());
            assertEquals("TRUE", filter.readFilter().sql());
            assertEquals("TRUE", filter.deleteFilter().sql());
            assertEquals("TRUE", filter.writeFilter(OWNER).sql());
            assertEquals("o.note", filter.column(NOTE).sql());
            assertEquals(Access.ALWAYS, filter.writeAccess(OWNER));
        }
    }

    @Test
    void membersReadableUnderSomeRulesAreMaskedPerRow() {
        QueryFilter<Order> rep = filter(Sales.rep(1, "North"));

        assertEquals("CASE WHEN " + OWN + " THEN o.note END", rep.column(NOTE).sql());
        // Every rule that lets a rep see an order also lets them read its total (rule 3 because it writes it):
        // in the rows the read filter lets through the total is always readable, so no mask is needed.
        assertEquals("(" + OWN + " OR " + OWN_DRAFT + " OR " + IN_REGION + ")", rep.readFilter().sql());
        assertEquals("o.total", rep.column(TOTAL).sql());
        assertEquals(List.of(), rep.column(TOTAL).values());
        assertEquals(Access.SOME_ROWS, rep.readAccess(NOTE));
        assertEquals("NULL", filter(Sales.accountManager(50)).column(OWNER).sql());
        assertThrows(IllegalArgumentException.class, () -> rep.column(LABEL), "a calculated member has no column");
    }

    @Test
    void theWriteFilterNeedsEveryMemberWritable() {
        QueryFilter<Order> rep = filter(Sales.rep(1));

        assertEquals(OWN, rep.writeFilter(NOTE, REGION, CUSTOMER).sql(), "one rule gives all three: one term");
        assertEquals(OWN_DRAFT, rep.writeFilter(STATUS, TOTAL).sql());
        assertEquals("(" + OWN + " AND " + OWN_DRAFT + ")", rep.writeFilter(NOTE, STATUS).sql());
        assertEquals("FALSE", rep.writeFilter(NOTE, OWNER).sql(), "no rule lets a rep write the owner");
        assertEquals(rep.writeFilter(NOTE, STATUS), rep.writeCheck(NOTE, STATUS));
        assertThrows(IllegalArgumentException.class, () -> rep.writeFilter());
        assertThrows(IndexOutOfBoundsException.class, () -> rep.writeFilter(42));
    }

    @Test
    void aWriteTermImpliedByASmallerOneIsLeftOut() {
        QueryFilter<Order> both = filter(Sales.user(50, "SalesRep", "AccountManager"));

        // note: rules 2 or 5; region: rule 2 only, which implies the note's term
        assertEquals(OWN, both.writeFilter(NOTE, REGION).sql());
        assertEquals("(" + OWN + " OR EXISTS (SELECT 1 FROM customers o_1 WHERE o_1.id = o.customer_id AND "
                + "o_1.account_manager = ?))", both.writeFilter(NOTE).sql());
    }

    @Test
    void deleteAndCreateChecks() {
        QueryFilter<Order> rep = filter(Sales.rep(1));

        assertEquals(OWN_DRAFT, rep.deleteFilter().sql());
        assertEquals(OWN, rep.createCheck().sql());
        assertTrue(rep.canCreate());
        assertEquals("FALSE", filter(Sales.accountManager(50)).deleteFilter().sql());
        assertFalse(filter(Sales.accountManager(50)).canCreate());
    }

    @Test
    void noValueEverAppearsInTheSql() {
        String nasty = "x' OR '1'='1";
        QueryFilter<Order> rep = filter(Sales.rep(1, nasty));

        assertFalse(rep.readFilter().sql().contains(nasty));
        assertFalse(rep.readFilter().toString().contains(nasty));
        assertTrue(rep.readFilter().values().contains(nasty));
    }

    @Test
    void rulesExposeWhatTheSqlLayerNeeds() {
        EntityRules<Order, ?> rules = ORDER_RULES;

        assertEquals(7, rules.ruleCount());
        assertEquals("Managers: everything", rules.ruleDescription(1));
        assertFalse(rules.ruleHasConstraint(1));
        assertTrue(rules.ruleHasConstraint(2));
        assertEquals(List.of("Region"), rules.ruleTokens(4));
        assertEquals(List.of(), rules.ruleTokens(1));
        assertEquals(ACCOUNT_MANAGER, rules.ruleRoles(5));
        assertTrue(rules.ruleGives(3, USER, Operation.DELETE, -1));
        assertFalse(rules.ruleGives(2, USER, Operation.DELETE, -1));
        assertTrue(rules.ruleGives(3, USER, Operation.READ, STATUS), "write implies read");
        assertFalse(rules.ruleGives(3, USER, Operation.READ, NOTE));
        assertTrue(rules.ruleGives(1, MANAGER | USER, Operation.VIEW, -1));
        assertFalse(rules.ruleGives(1, USER, Operation.VIEW, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> rules.ruleDescription(0));
        assertThrows(IndexOutOfBoundsException.class, () -> rules.ruleRoles(8));
        assertThrows(IndexOutOfBoundsException.class, () -> rules.ruleGives(1, MANAGER, Operation.READ, 9));
    }

    // ---------------------------------------------------------------------------------------------- the table

    private record Thing(Long id, String name) {}

    /** The members of a thing. */
    private enum ThingMember implements dev.warden.runtime.EntityMember {
        ID, NAME, DERIVED;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final EntityRules<Thing, ThingMember> THING_RULES = dev.warden.runtime.TestRules
            .builder(Thing.class, ThingMember.class, Sales.SALES)
            .getter((thing, member) -> member == ThingMember.ID ? thing.id() : thing.name())
            .rule("Managers", null).grant(MANAGER, true, true, MemberSet.all(3), MemberSet.of(1))
            .rule("Users: named", (ctx, t) -> t.name() != null).grant(USER, false, false, MemberSet.all(3),
                    MemberSet.none())
            .build();

    private static EntityTable.Builder<Thing, ThingMember> things() {
        return EntityTable.builder(THING_RULES, "things", ThingMember.ID)
                .column(ThingMember.ID, "id", long.class)
                .column(ThingMember.NAME, "name", String.class)
                .reader(values -> new Thing((Long) values[0], (String) values[1]));
    }

    @Test
    void theTableBuilderRefusesIncompleteOrAmbiguousMappings() {
        String named = "{a}.name IS NOT NULL";

        EntityTable<Thing> table = things().constraint(2, named).build();
        assertEquals(Long.class, table.columnType(0), "boxed");
        assertEquals("id", table.keyColumn());
        assertEquals(List.of(0, 1), java.util.Arrays.stream(table.columnMembers()).boxed().toList());
        assertThrows(IllegalStateException.class, () -> things().build(), "rule 2 has no SQL");
        assertThrows(IllegalArgumentException.class, () -> things().constraint(1, named), "rule 1 has no constraint");
        assertThrows(IllegalArgumentException.class, () -> things().constraint(2, named).constraint(2, named));
        assertThrows(IndexOutOfBoundsException.class, () -> things().constraint(3, named));
        assertThrows(IllegalArgumentException.class, () -> things().constraint(2, "{a}.name = ?"),
                "a ? without its parameter");
        assertThrows(IllegalArgumentException.class, () -> things().column(ThingMember.NAME, "other", String.class));
        assertThrows(IllegalStateException.class, () -> things().constraint(2, named).column(ThingMember.DERIVED,
                "NAME", String.class).build(), "two members share a column");
        assertThrows(IllegalStateException.class, () -> EntityTable.builder(THING_RULES, "things", ThingMember.DERIVED)
                .column(ThingMember.ID, "id", Long.class).constraint(2, named).reader(v -> null).build(),
                "the key has no column");
        assertThrows(IllegalStateException.class, () -> EntityTable.builder(THING_RULES, "things", ThingMember.ID)
                .column(ThingMember.ID, "id", Long.class).constraint(2, named).build(), "no reader or constructor");
        assertThrows(IllegalArgumentException.class, () -> EntityTable.builder(THING_RULES, "things; --",
                ThingMember.ID));
        assertThrows(IllegalArgumentException.class, () -> things().column(ThingMember.DERIVED, "x y", String.class));
        assertThrows(IllegalArgumentException.class, () -> things().discriminator("x y", "Thing"));
        assertEquals("sales.things", EntityTable.builder(THING_RULES, "sales.things", ThingMember.ID)
                .column(ThingMember.ID, "id", Long.class).constraint(2, named).reader(v -> null).build().tableName());
    }

    @Test
    void valuesAreCheckedAndConverted() {
        EntityTable<Thing> table = things().constraint(2, "{a}.name IS NOT NULL").build();

        assertEquals(7L, table.toColumnType(0, 7));
        assertEquals(7L, table.toColumnType(0, new BigDecimal("7")));
        assertThrows(IllegalArgumentException.class, () -> table.toColumnType(0, "7"));
        assertThrows(IllegalArgumentException.class, () -> table.toColumnType(0, 7.5));
        EntityTable<Thing> wrongType = EntityTable.builder(THING_RULES, "things", ThingMember.ID)
                .column(ThingMember.ID, "id", Long.class).column(ThingMember.NAME, "name", Long.class)
                .constraint(2, "TRUE").reader(v -> null).build();
        assertThrows(IllegalStateException.class, () -> wrongType.value(new Thing(1L, "x"), 1),
                "a value that is not of the column's type");
        assertThrows(IllegalArgumentException.class, () -> table.read(new Object[2]));
    }

    @Test
    void aReadFilterOfAShapeSeenBeforeIsTheFilterRenderedAnew() {
        List<SecurityContext> users = List.of(Sales.rep(1), Sales.rep(2), Sales.rep(1, "North"), Sales.rep(3, "South"),
                Sales.accountManager(50), Sales.accountManager(51), Sales.auditor(), Sales.supervisor(),
                Sales.manager(), Sales.visitor(), Sales.stranger(), Sales.system(), Sales.prototypeUser(),
                Sales.user(7, "SalesRep", "Administrator"), Sales.user(8));
        for (int round = 0; round < 3; round++) {
            for (SecurityContext ctx : users) {
                for (Dialect dialect : List.of(Dialect.postgreSql(), Dialect.h2())) {
                    for (String alias : List.of("o", "x")) {
                        QueryFilter<Order> filter = ORDERS.filter(ctx, alias, dialect);
                        SqlFragment expected = ORDERS.filter(ctx, alias, dialect).renderedReadFilter();
                        SqlFragment actual = filter.readFilter();
                        String where = ctx + " " + dialect + " " + alias + " round " + round;
                        assertEquals(expected.sql(), actual.sql(), where);
                        assertEquals(expected.values(), actual.values(), where);
                        assertEquals(expected.types(), actual.types(), where);
                    }
                }
            }
        }
        assertTrue(ORDERS.readShapeCount() >= 8, "the filters came from the cache of shapes");
    }
}
