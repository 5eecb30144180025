package dev.warden.runtime;

import static dev.warden.runtime.Shop.GUEST;
import static dev.warden.runtime.Shop.MANAGER;
import static dev.warden.runtime.Shop.NOTE;
import static dev.warden.runtime.Shop.ORDER_RULES;
import static dev.warden.runtime.Shop.OWNER;
import static dev.warden.runtime.Shop.REGION;
import static dev.warden.runtime.Shop.SALES;
import static dev.warden.runtime.Shop.TOTAL;
import static dev.warden.runtime.Shop.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.Shop.Order;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntityRulesTest {
    private final Order ownOrder = Order.ownedBy(1);
    private final Order othersOrderInNorth = Order.ownedBy(2);
    private final Order othersOrderInSouth = Order.ownedBy(2).inRegion("South");

    @Test
    void describesItsEntity() {
        assertEquals("Order", ORDER_RULES.entityName());
        assertSame(SALES, ORDER_RULES.module());
        assertEquals(4, ORDER_RULES.memberCount());
        assertEquals("total", ORDER_RULES.memberName(TOTAL));
        assertEquals(NOTE, ORDER_RULES.memberIndex("note"));
        assertEquals(-1, ORDER_RULES.memberIndex("discount"));
        assertThrows(IndexOutOfBoundsException.class, () -> ORDER_RULES.memberName(4));
    }

    @Test
    void aRuleWithoutConstraintGrantsItsRolesEverythingItSays() {
        SecurityContext manager = Shop.manager(9);

        assertTrue(ORDER_RULES.canCreate(manager));
        for (Order order : new Order[] {ownOrder, othersOrderInNorth, othersOrderInSouth}) {
            assertTrue(ORDER_RULES.isVisible(manager, order));
            assertTrue(ORDER_RULES.canDelete(manager, order));
            for (int member = 0; member < 4; member++) {
                assertTrue(ORDER_RULES.canRead(manager, order, member));
                assertTrue(ORDER_RULES.canWrite(manager, order, member));
            }
        }
    }

    @Test
    void aConstrainedRuleGrantsOnlyForTheObjectsItHoldsFor() {
        SecurityContext rep = Shop.rep(1);

        assertTrue(ORDER_RULES.isVisible(rep, ownOrder));
        assertTrue(ORDER_RULES.canRead(rep, ownOrder, TOTAL));
        assertTrue(ORDER_RULES.canWrite(rep, ownOrder, NOTE));
        assertFalse(ORDER_RULES.canWrite(rep, ownOrder, TOTAL), "the rule makes only the note writable");
        assertTrue(ORDER_RULES.canDelete(rep, ownOrder));

        assertFalse(ORDER_RULES.isVisible(rep, othersOrderInNorth));
        assertFalse(ORDER_RULES.canRead(rep, othersOrderInNorth, TOTAL));
        assertFalse(ORDER_RULES.canWrite(rep, othersOrderInNorth, NOTE));
    }

    @Test
    void rulesAreAdditive() {
        SecurityContext northRep = Shop.rep(1, "North");

        assertTrue(ORDER_RULES.isVisible(northRep, othersOrderInNorth), "rule 3 shows the orders of the region");
        assertTrue(ORDER_RULES.canRead(northRep, othersOrderInNorth, TOTAL));
        assertTrue(ORDER_RULES.canRead(northRep, othersOrderInNorth, REGION));
        assertFalse(ORDER_RULES.canRead(northRep, othersOrderInNorth, NOTE));
        assertFalse(ORDER_RULES.canRead(northRep, othersOrderInNorth, OWNER));
        assertFalse(ORDER_RULES.canWrite(northRep, othersOrderInNorth, NOTE));
        assertFalse(ORDER_RULES.isVisible(northRep, othersOrderInSouth));

        assertTrue(ORDER_RULES.canRead(northRep, ownOrder, NOTE), "rule 2 still grants the own order's note");
        assertTrue(ORDER_RULES.canWrite(northRep, ownOrder, NOTE));
    }

    @Test
    void aRuleWhoseTokenHasNoValueIsNotActive() {
        SecurityContext withoutRegion = Shop.rep(1);
        SecurityContext regionOfWrongType = SecurityContext.of(Shop.app(),
                UserIdentity.of(1L, "SalesRep").withAttribute("Region", 5));

        assertFalse(ORDER_RULES.isVisible(withoutRegion, othersOrderInNorth));
        assertFalse(ORDER_RULES.isVisible(regionOfWrongType, othersOrderInNorth));
        assertTrue(ORDER_RULES.isVisible(regionOfWrongType, ownOrder), "other rules are unaffected");
    }

    @Test
    void theTokenCheckComesBeforeTheConstraint() {
        AtomicInteger calls = new AtomicInteger();
        EntityRules<Order, ?> rules = TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("needs a tenant", (ctx, order) -> calls.incrementAndGet() > 0, "Tenant")
                .grant(USER, false, false, MemberSet.of(0), MemberSet.none())
                .build();

        assertFalse(rules.isVisible(Shop.rep(1), ownOrder));
        assertEquals(0, calls.get(), "the constraint must not run without its tokens");
    }

    @Test
    void differentRolesOfOneRuleMayHaveDifferentMemberRights() {
        EntityRules<Order, ?> rules = Shop.orderRules()
                .rule("Guests and reps see the catalogue", null)
                .grant(GUEST, false, false, MemberSet.of(REGION), MemberSet.none())
                .grant(USER, false, false, MemberSet.of(REGION, TOTAL), MemberSet.of(NOTE))
                .build();
        SecurityContext guest = SecurityContext.anonymousOf(Shop.appWithVisitors());
        SecurityContext rep = Shop.rep(1);

        assertTrue(rules.isVisible(guest, ownOrder));
        assertTrue(rules.canRead(guest, ownOrder, REGION));
        assertFalse(rules.canRead(guest, ownOrder, TOTAL));
        assertFalse(rules.canWrite(guest, ownOrder, NOTE));

        assertTrue(rules.canRead(rep, ownOrder, TOTAL));
        assertTrue(rules.canWrite(rep, ownOrder, NOTE));
        assertTrue(rules.canRead(rep, ownOrder, NOTE), "what may be written may be read");
    }

    @Test
    void createIgnoresConstraintsButTheNewObjectMustPassTheWriteCheck() {
        SecurityContext northRep = Shop.rep(1, "North");

        assertTrue(ORDER_RULES.canCreate(northRep));
        assertTrue(ORDER_RULES.isCreateAllowed(northRep, ownOrder));
        assertFalse(ORDER_RULES.isCreateAllowed(northRep, othersOrderInNorth),
                "visible under rule 3, but rule 3 does not grant create");

        AccessDeniedException e = ORDER_RULES.denial(northRep, othersOrderInNorth, Operation.CREATE, -1);
        assertEquals(Operation.CREATE, e.operation());
        assertEquals("Access denied: cannot CREATE Order: the new object would be outside the objects your create "
                + "rules apply to (write check): no rule that grants create is active for it for user roles "
                + "[SalesRep]", e.getMessage());
    }

    @Test
    void withoutAnyCreateGrantCreateIsDenied() {
        SecurityContext guest = SecurityContext.anonymousOf(Shop.appWithVisitors());

        assertFalse(ORDER_RULES.canCreate(guest));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> ORDER_RULES.checkCreate(guest));
        assertEquals("Access denied: cannot CREATE Order: no rule grants create for user roles [Visitor]",
                e.getMessage());
    }

    @Test
    void deleteNeedsAnActiveRule() {
        SecurityContext northRep = Shop.rep(1, "North");

        assertTrue(ORDER_RULES.canDelete(northRep, ownOrder));
        assertFalse(ORDER_RULES.canDelete(northRep, othersOrderInNorth),
                "rule 2 grants delete but is not active; rule 3 is active but grants no delete");
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ORDER_RULES.checkDelete(northRep, othersOrderInNorth));
        assertEquals(Operation.DELETE, e.operation());
        assertEquals(Optional.empty(), e.member());
    }

    @Test
    void theWriteCheckAfterAnUpdateStopsMovingAnObjectOutOfReach() {
        SecurityContext rep = Shop.rep(1);
        Order givenAway = new Order(2L, ownOrder.region(), ownOrder.total(), ownOrder.note());

        assertTrue(ORDER_RULES.canWrite(rep, ownOrder, NOTE));
        assertFalse(ORDER_RULES.canWrite(rep, givenAway, NOTE));
    }

    @Test
    void aConstraintThatThrowsIsAnErrorNamingTheRuleNeverASilentDenial() {
        EntityRules<Order, ?> rules = Shop.orderRules()
                .rule("Reps: large orders", (ctx, order) -> order.total().compareTo(BigDecimal.ONE) > 0)
                .grant(USER, true, true, MemberSet.all(4), MemberSet.all(4))
                .rule("Managers", null)
                .grant(MANAGER, false, false, MemberSet.all(4), MemberSet.none())
                .build();
        Order withoutTotal = new Order(1L, "North", null, "n");

        ConstraintFailedException failure = assertThrows(ConstraintFailedException.class,
                () -> rules.isVisible(Shop.rep(1), withoutTotal));
        assertEquals(1, failure.rule());
        assertEquals("Order", failure.entity());
        assertTrue(failure.getMessage().contains("rule 1 of Order") && failure.getMessage().contains("NullPointerException"),
                failure.getMessage());
        assertTrue(failure.getCause() instanceof NullPointerException);
        assertThrows(ConstraintFailedException.class, () -> rules.canDelete(Shop.rep(1), withoutTotal));
        assertThrows(ConstraintFailedException.class, () -> rules.isCreateAllowed(Shop.rep(1), withoutTotal));
        assertThrows(ConstraintFailedException.class, () -> rules.rights(Shop.rep(1), withoutTotal));
        assertTrue(rules.isVisible(Shop.manager(2), withoutTotal), "a role whose rules do not fail is unaffected");
        assertTrue(rules.explain(Shop.rep(1), withoutTotal).rule(1).reason().startsWith(
                "constraint failed with java.lang.NullPointerException"), "explain reports it without throwing");
    }

    @Test
    void anEntityWithoutRulesIsInvisible() {
        EntityRules<Order, ?> none = TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES).build();

        assertFalse(none.isVisible(Shop.manager(1), ownOrder));
        assertFalse(none.canCreate(Shop.manager(1)));
        assertTrue(none.isVisible(SecurityContext.systemOf(Shop.app()), ownOrder));
    }

    @Test
    void levelsOffAndPrototypeAndTheSystemAllowEverything() {
        SecurityContext[] unrestricted = {
            SecurityContext.systemOf(Shop.app()),
            SecurityContext.of(Shop.model(SecurityLevel.PROTOTYPE).build(), UserIdentity.of(1L, "Visitor")),
            SecurityContext.of(Shop.model(SecurityLevel.OFF).build(), UserIdentity.of(1L, "Visitor")),
        };
        for (SecurityContext ctx : unrestricted) {
            assertTrue(ORDER_RULES.canCreate(ctx), ctx.toString());
            assertTrue(ORDER_RULES.isVisible(ctx, othersOrderInSouth), ctx.toString());
            assertTrue(ORDER_RULES.canWrite(ctx, othersOrderInSouth, TOTAL), ctx.toString());
            assertTrue(ORDER_RULES.canDelete(ctx, othersOrderInSouth), ctx.toString());
            assertTrue(ORDER_RULES.isCreateAllowed(ctx, othersOrderInSouth), ctx.toString());
            Rights rights = ORDER_RULES.rights(ctx, othersOrderInSouth);
            assertSame(rights, ORDER_RULES.rights(ctx, ownOrder), "one shared instance");
            assertEquals(MemberSet.all(4), rights.writable());
            ORDER_RULES.checkWrite(ctx, othersOrderInSouth, Shop.OrderMember.TOTAL);
        }
    }

    @Test
    void aContextThatDeniesIsDeniedEverythingAndTheMessageSaysWhy() {
        SecurityContext typo = SecurityContext.of(Shop.app(), UserIdentity.of(1L, "Admn"));

        assertFalse(ORDER_RULES.canCreate(typo));
        assertFalse(ORDER_RULES.isVisible(typo, ownOrder));
        assertFalse(ORDER_RULES.rights(typo, ownOrder).visible());
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ORDER_RULES.checkVisible(typo, ownOrder));
        assertEquals("Access denied: cannot VIEW Order: the security context denies all access: user role 'Admn' "
                + "is not declared in @AppSecurity of ShopApp", e.getMessage());
    }

    @Test
    void aUserWithoutRolesInTheModuleIsToldSo() {
        ApplicationModel app = Shop.model(SecurityLevel.PRODUCTION).userRole("Auditor", "Administration.Admin")
                .build();
        SecurityContext auditor = SecurityContext.of(app, UserIdentity.of(1L, "Auditor"));

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ORDER_RULES.checkRead(auditor, ownOrder, Shop.OrderMember.TOTAL));
        assertEquals("Access denied: cannot READ member 'total' of Order: no active rule grants read access for "
                + "user roles [Auditor], which hold no role of module Sales", e.getMessage());
    }

    @Test
    void deniedMessagesNameEntityMemberAndOperationButNoValues() {
        Order order = new Order(2L, "Atlantis", new BigDecimal("123456.78"), "ring the bell twice");
        SecurityContext rep = Shop.rep(1, "Atlantis");

        AccessDeniedException write = assertThrows(AccessDeniedException.class,
                () -> ORDER_RULES.checkWrite(rep, order, Shop.OrderMember.TOTAL));
        AccessDeniedException read = assertThrows(AccessDeniedException.class,
                () -> ORDER_RULES.checkRead(rep, order, Shop.OrderMember.NOTE));

        assertEquals("Access denied: cannot WRITE member 'total' of Order: no active rule grants write access for "
                + "user roles [SalesRep]", write.getMessage());
        assertEquals("Order", write.entity());
        assertEquals(Optional.of("total"), write.member());
        assertEquals(Operation.WRITE, write.operation());
        assertEquals("no active rule grants write access for user roles [SalesRep]", write.reason());
        assertEquals(Operation.READ, read.operation());
        for (String value : new String[] {"Atlantis", "123456", "ring the bell"}) {
            assertFalse(write.getMessage().contains(value), write.getMessage());
            assertFalse(read.getMessage().contains(value), read.getMessage());
        }
    }

    @Test
    void denialBuildsTheExceptionForACheckMadeElsewhere() {
        SecurityContext northRep = Shop.rep(1, "North");
        Rights rights = ORDER_RULES.rights(northRep, othersOrderInNorth);
        assertFalse(rights.canRead(NOTE));

        AccessDeniedException read = ORDER_RULES.denial(northRep, othersOrderInNorth, Operation.READ, NOTE);
        AccessDeniedException view = ORDER_RULES.denial(northRep, othersOrderInSouth, Operation.VIEW, -1);

        assertEquals("Access denied: cannot READ member 'note' of Order: no active rule grants read access for "
                + "user roles [SalesRep]", read.getMessage());
        assertEquals("Access denied: cannot VIEW Order: no rule is active for this object for user roles "
                + "[SalesRep]", view.getMessage());
        assertEquals(Optional.empty(), view.member());
        assertThrows(IndexOutOfBoundsException.class,
                () -> ORDER_RULES.denial(northRep, ownOrder, Operation.WRITE, -1));
    }

    @Test
    void aCreateDenialSaysWhetherCreatingOrTheNewObjectIsTheProblem() {
        SecurityContext rep = Shop.rep(1);
        SecurityContext guest = SecurityContext.anonymousOf(Shop.appWithVisitors());

        assertEquals("the new object would be outside the objects your create rules apply to (write check): no rule "
                + "that grants create is active for it for user roles [SalesRep]",
                ORDER_RULES.denial(rep, othersOrderInNorth, Operation.CREATE, -1).reason());
        assertEquals("no rule grants create for user roles [SalesRep]",
                ORDER_RULES.denial(rep, null, Operation.CREATE, -1).reason());
        assertEquals("no rule grants create for user roles [Visitor]",
                ORDER_RULES.denial(guest, othersOrderInNorth, Operation.CREATE, -1).reason());
    }

    @Test
    void rightsGatherEverythingAndEvaluateEachConstraintOnce() {
        AtomicInteger ownChecks = new AtomicInteger();
        AtomicInteger regionChecks = new AtomicInteger();
        EntityRules<Order, ?> rules = Shop.orderRules()
                .rule("own", (ctx, o) -> ownChecks.incrementAndGet() > 0 && o.owner().equals(ctx.currentUserId()))
                .grant(USER, true, false, MemberSet.of(OWNER, NOTE), MemberSet.of(NOTE))
                .rule("region", (ctx, o) -> regionChecks.incrementAndGet() > 0
                        && o.region().equals(ctx.token("Region", String.class)), "Region")
                .grant(USER, false, true, MemberSet.of(REGION, TOTAL), MemberSet.of(TOTAL))
                .build();

        Rights rights = rules.rights(Shop.rep(1, "North"), ownOrder);

        assertEquals(1, ownChecks.get());
        assertEquals(1, regionChecks.get());
        assertTrue(rights.visible());
        assertTrue(rights.canDelete());
        assertEquals(MemberSet.of(OWNER, REGION, TOTAL, NOTE), rights.readable());
        assertEquals(MemberSet.of(TOTAL, NOTE), rights.writable());
        assertTrue(rights.canWrite(TOTAL));
        assertFalse(rights.canWrite(OWNER));

        Rights southOnly = rules.rights(Shop.rep(3, "North"), othersOrderInSouth);
        assertFalse(southOnly.visible());
        assertFalse(southOnly.canRead(REGION));
    }

    @Test
    void memberIndicesAreChecked() {
        SecurityContext rep = Shop.rep(1);
        assertThrows(IndexOutOfBoundsException.class, () -> ORDER_RULES.canRead(rep, ownOrder, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> ORDER_RULES.canWrite(rep, ownOrder, -1));
    }

    /** Two members that are both named {@code owner}. */
    private enum TwiceOwner implements EntityMember {
        FIRST, SECOND;

        @Override
        public String memberName() {
            return "owner";
        }
    }

    @Test
    void theDeclarationRejectsMistakes() {
        assertThrows(IllegalStateException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("no grant", null).build());
        assertThrows(IllegalStateException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("no grant", null).rule("second", null).grant(USER, false, false, MemberSet.none(),
                        MemberSet.none()).build());
        assertThrows(IllegalArgumentException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("no roles", null).grant(0L, true, false, MemberSet.none(), MemberSet.none()).build());
        assertThrows(IllegalArgumentException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("role 4 of 3", null).grant(8L, true, false, MemberSet.none(), MemberSet.none()).build());
        assertThrows(IllegalArgumentException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("member 1 of 1", null).grant(USER, false, false, MemberSet.of(1), MemberSet.none()).build());
        assertThrows(IllegalArgumentException.class, () -> TestRules.builder(Order.class, Shop.OwnerOnly.class, SALES)
                .rule("tokens without constraint", null, "Region").build());
        assertThrows(IllegalArgumentException.class, () -> TestRules.builder(Order.class, TwiceOwner.class, SALES)
                .build());
    }
}
