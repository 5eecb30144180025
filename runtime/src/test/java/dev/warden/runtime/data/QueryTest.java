package dev.warden.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.data.Query.Condition;
import dev.warden.runtime.data.Query.Direction;
import dev.warden.runtime.data.Query.Op;
import dev.warden.runtime.data.Query.Sort;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link Query} on its own: what it accepts, what it holds, and what it says about itself (never a value). */
class QueryTest {
    @Test
    void conditionsWithAndWithoutValues() {
        assertNull(new Condition(OrderMember.NOTE, Op.EQ, null).value(), "EQ null means IS NULL");
        assertNull(new Condition(OrderMember.NOTE, Op.NE, null).value(), "NE null means IS NOT NULL");
        assertNull(new Condition(OrderMember.NOTE, Op.IS_NULL, null).value());
        assertEquals("x", new Condition(OrderMember.NOTE, Op.GT, "x").value());

        for (Op op : List.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.STARTS_WITH, Op.CONTAINS, Op.ENDS_WITH)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Condition(OrderMember.NOTE, op, null));
            assertEquals(op + " needs a value", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Query.where(OrderMember.NOTE, Op.IS_NOT_NULL, "x"));
        assertEquals("IS_NOT_NULL takes no value", e.getMessage());
    }

    @Test
    void andWithoutAValueAddsAUnaryCondition() {
        Query query = Query.where(OrderMember.NOTE, Op.EQ, "x").and(OrderMember.TOTAL, Op.IS_NULL);

        assertEquals(List.of(new Condition(OrderMember.NOTE, Op.EQ, "x"),
                new Condition(OrderMember.TOTAL, Op.IS_NULL, null)),
                query.conditions());
        assertEquals(List.of(new Condition(OrderMember.STATUS, Op.IS_NOT_NULL, null)),
                Query.where(OrderMember.STATUS, Op.IS_NOT_NULL).conditions());
        assertThrows(IllegalArgumentException.class, () -> Query.all().and(OrderMember.TOTAL, Op.GT));
    }

    @Test
    void aConditionShowsItsMemberAndOperatorButNeverItsValue() {
        assertEquals("note EQ ?", new Condition(OrderMember.NOTE, Op.EQ, "secret").toString());
        assertEquals("note EQ ?", new Condition(OrderMember.NOTE, Op.EQ, null).toString());
        assertEquals("note IS_NULL", new Condition(OrderMember.NOTE, Op.IS_NULL, null).toString());
        assertEquals("total IS_NOT_NULL", new Condition(OrderMember.TOTAL, Op.IS_NOT_NULL, null).toString());
    }

    @Test
    void aQueryShowsItsConditionsSortsAndPageButNeverAValue() {
        assertEquals("Query[where [], order by []]", Query.all().toString());
        assertEquals("Query[where [note CONTAINS ?, total IS_NULL], order by [Sort[member=total, direction=DESC]]]",
                Query.where(OrderMember.NOTE, Op.CONTAINS, "secret").and(OrderMember.TOTAL, Op.IS_NULL)
                        .orderBy(OrderMember.TOTAL, Direction.DESC).toString());
        assertEquals("Query[where [], order by [], offset 0, limit 1]", Query.all().page(0, 1).toString());
        assertEquals("Query[where [note EQ ?], order by [Sort[member=id, direction=ASC]], offset 40, limit 20]",
                Query.where(OrderMember.NOTE, Op.EQ, "secret").orderBy(OrderMember.ID).page(40, 20).toString());
    }

    @Test
    void pages() {
        assertEquals(OptionalLong.empty(), Query.all().offset(), "no page");
        assertEquals(OptionalInt.empty(), Query.all().limit());
        assertEquals(OptionalLong.of(0), Query.all().page(0, 1).offset(), "the first row, at most one");
        assertEquals(OptionalInt.of(1), Query.all().page(0, 1).limit());
        assertEquals(OptionalLong.of(7), Query.all().page(7, 3).offset());
        assertEquals(OptionalInt.of(3), Query.all().page(7, 3).limit());

        for (long offset : new long[] {-1, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> Query.all().page(offset, 1), "offset " + offset);
        }
        for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> Query.all().page(0, limit), "limit " + limit);
        }
    }

    @Test
    void queriesAreImmutable() {
        Query base = Query.where(OrderMember.NOTE, Op.EQ, "x");
        Query more = base.and(OrderMember.TOTAL, Op.GT, 1).orderBy(OrderMember.TOTAL).page(1, 2);

        assertEquals(1, base.conditions().size());
        assertEquals(List.of(), base.sorts());
        assertEquals(OptionalInt.empty(), base.limit());
        assertEquals(List.of(new Sort(OrderMember.TOTAL, Direction.ASC)), more.sorts());
        assertTrue(Query.all().conditions().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> more.conditions().clear());
    }
}
