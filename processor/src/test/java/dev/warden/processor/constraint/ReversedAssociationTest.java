package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code reversed(Entity.member)}: an association followed from the entity it leads to. Parsed as one path segment,
 * checked against the declaring entity, compiled to an EXISTS over the declaring entity's table (through the child's
 * foreign key, or the link table).
 */
class ReversedAssociationTest {

    private static CheckResult check(String constraint, EntityShape root) {
        ParseResult parsed = ConstraintParser.parse(constraint);
        assertTrue(!parsed.hasProblems(), () -> constraint + ": " + parsed.problems());
        return ConstraintChecker.check(parsed.expression().orElseThrow(), root, Fixtures.ENV);
    }

    private static String sql(String constraint, EntityShape root) {
        CheckResult checked = check(constraint, root);
        assertTrue(checked.isWellTyped(), () -> constraint + ": " + checked.problems());
        return SqlConstraintCompiler.compile(checked.constraint(), SqlFixtures.SCHEMA).sql();
    }

    @Test
    void throughTheChildsForeignKey() {
        assertEquals("EXISTS (SELECT 1 FROM orders {a}_1 WHERE {a}_1.id = {a}.order_id AND {a}_1.owner_id = ?)",
                sql("[reversed(Order.lines)/ownerId = '[%CurrentUser%]']", Fixtures.ORDER_LINE_SHAPE));
        // Blanks inside the parentheses, and the qualified name, mean the same.
        assertEquals(sql("[reversed(Order.lines)/ownerId = '[%CurrentUser%]']", Fixtures.ORDER_LINE_SHAPE),
                sql("[reversed( " + Fixtures.ORDER.canonicalName() + ".lines )/ownerId = '[%CurrentUser%]']",
                        Fixtures.ORDER_LINE_SHAPE));
    }

    @Test
    void throughTheLinkTableAndDeeper() {
        assertEquals("EXISTS (SELECT 1 FROM order_line_tag {a}_1 JOIN order_line {a}_2 ON {a}_2.id = {a}_1.line_id"
                        + " JOIN orders {a}_3 ON {a}_3.id = {a}_2.order_id WHERE {a}_1.tag_id = {a}.id"
                        + " AND {a}_3.region = ?)",
                sql("[reversed(OrderLine.tags)/reversed(Order.lines)/region = 'north']", Fixtures.TAG_SHAPE));
        assertEquals("EXISTS (SELECT 1 FROM orders {a}_1 JOIN customer {a}_2 ON {a}_2.id = {a}_1.customer_id"
                        + " WHERE {a}_1.id = {a}.order_id AND {a}_2.name = ?)",
                sql("[reversed(Order.lines)/customer/name = 'ACME']", Fixtures.ORDER_LINE_SHAPE));
    }

    @Test
    void aToOneBack() {
        assertEquals("EXISTS (SELECT 1 FROM customer {a}_1 JOIN orders {a}_2 ON {a}_2.customer_id = {a}_1.id"
                        + " WHERE {a}_1.id = {a}.customer_id AND {a}_2.region = ?)",
                sql("[customer/reversed(Order.customer)/region = 'north']", Fixtures.ORDER_SHAPE));
    }

    @Test
    void inMemoryTheRuleFailsInsteadOfAnsweringNo() {
        CompiledRules r = CompiledRules.of("[customer/reversed(Order.customer)/region = 'north']");
        dev.warden.processor.constraint.fixture.Order order = new dev.warden.processor.constraint.fixture.Order();
        // No customer: no path to follow, so false without the database.
        assertTrue(!r.rule(0).test(order, new dev.warden.processor.constraint.fixture.StubContext()));
        order.customer(new dev.warden.processor.constraint.fixture.Customer());
        UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(
                UnsupportedOperationException.class,
                () -> r.rule(0).test(order, new dev.warden.processor.constraint.fixture.StubContext()));
        assertTrue(e.getMessage().startsWith("reversed(Order.customer) cannot be followed in memory from a Customer"),
                e.getMessage());
    }

    @Test
    void bareAndInSubConstraint() {
        assertEquals("EXISTS (SELECT 1 FROM orders {a}_1 WHERE {a}_1.id = {a}.order_id)",
                sql("[reversed(Order.lines)]", Fixtures.ORDER_LINE_SHAPE));
        assertEquals("NOT EXISTS (SELECT 1 FROM orders {a}_1 WHERE {a}_1.id = {a}.order_id AND {a}_1.region = ?)",
                sql("[not(reversed(Order.lines)[region = 'north'])]", Fixtures.ORDER_LINE_SHAPE));
    }

    private static ConstraintProblem problem(String constraint, EntityShape root) {
        List<ConstraintProblem> problems = check(constraint, root).problems();
        assertEquals(1, problems.size(), () -> constraint + ": " + problems);
        return problems.get(0);
    }

    @Test
    void problemsAreOnTheWholeSegment() {
        String text = "[reversed(Orde.lines)/ownerId = 1]";
        ConstraintProblem p = problem(text, Fixtures.ORDER_LINE_SHAPE);
        assertEquals(ConstraintProblem.Kind.REVERSED, p.kind());
        assertEquals("reversed(Orde.lines)", text.substring(p.offset(), p.offset() + p.length()));
        assertTrue(p.message().contains("'Orde', which is not a secured entity"), p.message());

        p = problem("[reversed(Order.line)/ownerId = 1]", Fixtures.ORDER_LINE_SHAPE);
        assertEquals(ConstraintProblem.Kind.REVERSED, p.kind());
        assertEquals("'Order' has no member 'line'", p.message());
        assertEquals("did you mean 'lines'?", p.hint());

        p = problem("[reversed(Order.customer)/ownerId = 1]", Fixtures.ORDER_LINE_SHAPE);
        assertEquals(ConstraintProblem.Kind.REVERSED, p.kind());
        assertTrue(p.message().contains("'Order.customer' is an association to Customer, so it cannot be followed "
                + "back from OrderLine"), p.message());

        p = problem("[reversed(Order.region)/ownerId = 1]", Fixtures.ORDER_LINE_SHAPE);
        assertTrue(p.message().contains("is not an association"), p.message());

        p = problem("[reversed(lines)/ownerId = 1]", Fixtures.ORDER_LINE_SHAPE);
        assertTrue(p.message().startsWith("reversed() needs an association written as Entity.member"), p.message());

        // After reversed(), the members are the declaring entity's.
        p = problem("[reversed(Order.lines)/sku = 'x']", Fixtures.ORDER_LINE_SHAPE);
        assertEquals(ConstraintProblem.Kind.UNKNOWN_MEMBER, p.kind());
    }

    @Test
    void unclosed() {
        ParseResult parsed = ConstraintParser.parse("[reversed(Order.lines/ownerId = 1]");
        assertTrue(parsed.hasProblems());
    }
}
