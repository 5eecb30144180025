package dev.warden.runtime;

import static dev.warden.runtime.Shop.ORDER_RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.Explanation.MemberOutcome;
import dev.warden.runtime.Explanation.RuleOutcome;
import dev.warden.runtime.Shop.Order;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    private final Order othersOrderInNorth = Order.ownedBy(2);

    @Test
    void saysForEachRuleWhetherItAppliesAndIsActive() {
        Explanation explanation = ORDER_RULES.explain(Shop.rep(1, "North"), othersOrderInNorth);

        assertEquals(new RuleOutcome(1, "Managers: everything", false, "", false,
                "none of its roles [Sales.Manager] is held"), explanation.rule(1));
        assertEquals(new RuleOutcome(2, "Sales reps: own orders", true, "Sales.User", false, "constraint is false"),
                explanation.rule(2));
        assertEquals(new RuleOutcome(3, "Sales reps: orders of their region", true, "Sales.User", true, null),
                explanation.rule(3));
        assertEquals("Sales.User", explanation.heldModuleRoles());
        assertEquals(Optional.empty(), explanation.deniedBecause());
        assertEquals(Optional.empty(), explanation.unrestrictedBecause());
    }

    @Test
    void saysWhichRulesGrantEachRight() {
        Explanation explanation = ORDER_RULES.explain(Shop.rep(1, "North"), othersOrderInNorth);

        assertTrue(explanation.visible());
        assertEquals(List.of(3), explanation.activeRules());
        assertTrue(explanation.canCreate(), "create does not depend on the constraint");
        assertEquals(List.of(2), explanation.createGrantedBy());
        assertFalse(explanation.canDelete());
        assertEquals(List.of(), explanation.deleteGrantedBy());
        assertEquals(new MemberOutcome(2, "total", true, false, List.of(3), List.of()), explanation.member("total"));
        assertEquals(new MemberOutcome(3, "note", false, false, List.of(), List.of()), explanation.member("note"));
        assertEquals(List.of(1, 2, 3), explanation.rules().stream().map(RuleOutcome::number).toList());
        assertEquals(explanation.member("total"), explanation.members().get(2));
        assertEquals(List.of("owner", "region", "total", "note"),
                explanation.members().stream().map(MemberOutcome::name).toList());
    }

    @Test
    void agreesWithTheChecks() {
        SecurityContext rep = Shop.rep(1, "North");
        for (Order order : new Order[] {Order.ownedBy(1), othersOrderInNorth, othersOrderInNorth.inRegion("South")}) {
            Explanation explanation = ORDER_RULES.explain(rep, order);
            assertEquals(ORDER_RULES.isVisible(rep, order), explanation.visible());
            assertEquals(ORDER_RULES.canDelete(rep, order), explanation.canDelete());
            assertEquals(ORDER_RULES.canCreate(rep), explanation.canCreate());
            for (MemberOutcome member : explanation.members()) {
                assertEquals(ORDER_RULES.canRead(rep, order, member.index()), member.readable());
                assertEquals(ORDER_RULES.canWrite(rep, order, member.index()), member.writable());
            }
        }
    }

    @Test
    void namesAMissingToken() {
        Explanation explanation = ORDER_RULES.explain(Shop.rep(1), othersOrderInNorth);

        assertEquals("token 'Region' has no value", explanation.rule(3).reason());
        assertFalse(explanation.visible());
    }

    @Test
    void readsWellAsText() {
        String text = ORDER_RULES.explain(Shop.rep(1, "North"), othersOrderInNorth).toString();

        assertTrue(text.startsWith("Access to Order for SecurityContext[user 1, user roles [SalesRep]"), text);
        assertTrue(text.contains("  visible: yes, by rule 3\n"), text);
        assertTrue(text.contains("  create: yes, by rule 2\n"), text);
        assertTrue(text.contains("  delete: no\n"), text);
        assertTrue(text.contains(
                "  rule 1 \"Managers: everything\": does not apply: none of its roles [Sales.Manager] is held\n"), text);
        assertTrue(text.contains(
                "  rule 2 \"Sales reps: own orders\": applies to Sales.User; not active: constraint is false\n"), text);
        assertTrue(text.contains("  rule 3 \"Sales reps: orders of their region\": applies to Sales.User; active\n"),
                text);
        assertTrue(text.contains("  member total: read yes, by rule 3; write no\n"), text);
        assertFalse(text.contains("North"), "no attribute or member values: " + text);
    }

    @Test
    void aManagerGetsEverythingFromOneRule() {
        Explanation explanation = ORDER_RULES.explain(Shop.manager(9), othersOrderInNorth);

        assertEquals(List.of(1), explanation.activeRules());
        assertEquals(List.of(1), explanation.deleteGrantedBy());
        assertEquals(List.of(1), explanation.member("note").writeGrantedBy());
        assertTrue(explanation.toString().contains("  member note: read yes, by rule 1; write yes, by rule 1\n"));
    }

    @Test
    void explainsADenyingContext() {
        Explanation explanation = ORDER_RULES.explain(SecurityContext.anonymousOf(Shop.app()), othersOrderInNorth);

        assertEquals(Optional.of("anonymous access is off in ShopApp"), explanation.deniedBecause());
        assertFalse(explanation.visible());
        assertFalse(explanation.canCreate());
        assertTrue(explanation.toString().contains("everything is denied: anonymous access is off in ShopApp"),
                explanation.toString());
    }

    @Test
    void explainsAnUnrestrictedContext() {
        Explanation explanation = ORDER_RULES.explain(SecurityContext.systemOf(Shop.app()), othersOrderInNorth);

        assertEquals(Optional.of("the system context applies no access rules"), explanation.unrestrictedBecause());
        assertTrue(explanation.visible());
        assertTrue(explanation.canDelete());
        assertTrue(explanation.member("total").writable());
        assertEquals(List.of(), explanation.rules());
        assertEquals(List.of(), explanation.member("total").readGrantedBy(), "no rule was needed");
        assertTrue(explanation.toString().contains("everything is allowed: the system context applies no access rules"));
    }
}
