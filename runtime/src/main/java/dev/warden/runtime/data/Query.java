package dev.warden.runtime.data;


import dev.warden.runtime.EntityMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a caller asks {@link WardenData#list} and {@link WardenData#count} for, on top of what the rules let the user
 * see: conditions on members (ANDed), a sort order and a page. Members are the constants of the entity's generated
 * {@code Member} enum. Immutable: every method returns a new query.
 *
 * <pre>{@code
 * Query.where(OrderPolicy.Member.STATUS, Op.EQ, OrderStatus.PLACED)
 *      .and(OrderPolicy.Member.TOTAL, Op.GE, new BigDecimal("100"))
 *      .orderBy(OrderPolicy.Member.TOTAL, Direction.DESC).page(0, 20)
 * }</pre>
 *
 * <p>Values are always bound, never put into the SQL text. When the query runs, a member of another entity is an
 * {@link IllegalArgumentException}, and a condition or sort on a member the user cannot read is rejected.
 *
 * <p>A query built from names that arrive at run time (a REST API's {@code ?sort=total}) looks them up among the
 * enum's constants ({@code memberName()}), so that an unknown name is the caller's error before any query runs.
 */
public final class Query {
    /** The limit of a query without a page; {@link #page} takes limits of 1 or more. */
    private static final int NO_PAGE = -1;
    private static final Query ALL = new Query(List.of(), List.of(), 0, NO_PAGE);

    /** A comparison. */
    public enum Op {
        /** Equal; with a null value, {@code IS NULL}. */
        EQ,
        /** Not equal; with a null value, {@code IS NOT NULL}. Rows where the member is null do not match. */
        NE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE,
        /** A text member starts with the value, taken literally (no wildcards). */
        STARTS_WITH,
        /** A text member contains the value, taken literally. */
        CONTAINS,
        /** A text member ends with the value, taken literally. */
        ENDS_WITH,
        /** The member is null; takes no value. */
        IS_NULL,
        /** The member is not null; takes no value. */
        IS_NOT_NULL;

        /** Whether the operator takes no value. */
        boolean isUnary() {
            return this == IS_NULL || this == IS_NOT_NULL;
        }

        /** Whether the operator matches text with {@code LIKE}. */
        boolean isLike() {
            return this == STARTS_WITH || this == CONTAINS || this == ENDS_WITH;
        }
    }

    /** A sort direction. Nulls (and masked values) sort as the smallest value in every database. */
    public enum Direction {
        /** Ascending, nulls first. */
        ASC,
        /** Descending, nulls last. */
        DESC
    }

    /**
     * One condition.
     *
     * @param member the member
     * @param op the comparison
     * @param value the value, null for {@code IS_NULL} and {@code IS_NOT_NULL}
     */
    public record Condition(EntityMember member, Op op, Object value) {
        /** Checks the parts. */
        public Condition {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(op, "op");
            if (op.isUnary() && value != null) {
                throw new IllegalArgumentException(op + " takes no value");
            }
            if (value == null && !op.isUnary() && op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException(op + " needs a value");
            }
        }

        /** The member and the comparison; never the value. */
        @Override
        public String toString() {
            return member.memberName() + " " + op + (op.isUnary() ? "" : " ?");
        }
    }

    /**
     * One sort key.
     *
     * @param member the member
     * @param direction the direction
     */
    public record Sort(EntityMember member, Direction direction) {
        /** Checks the parts. */
        public Sort {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(direction, "direction");
        }

        /** The member's name and the direction. */
        @Override
        public String toString() {
            return "Sort[member=" + member.memberName() + ", direction=" + direction + "]";
        }
    }

    private final List<Condition> conditions;
    private final List<Sort> sorts;
    private final long offset;
    private final int limit;

    private Query(List<Condition> conditions, List<Sort> sorts, long offset, int limit) {
        this.conditions = conditions;
        this.sorts = sorts;
        this.offset = offset;
        this.limit = limit;
    }

    /** Everything the user may see. */
    public static Query all() {
        return ALL;
    }

    /**
     * A query with one condition.
     *
     * @param member the member, a constant of the entity's {@code Member} enum
     * @param op the comparison
     * @param value the value; null with {@code EQ} means {@code IS NULL}, with {@code NE} {@code IS NOT NULL}
     * @return the query
     */
    public static Query where(EntityMember member, Op op, Object value) {
        return ALL.and(member, op, value);
    }

    /**
     * A query with one condition that takes no value: {@code IS_NULL} or {@code IS_NOT_NULL}.
     *
     * @param member the member
     * @param op the comparison
     * @return the query
     */
    public static Query where(EntityMember member, Op op) {
        return ALL.and(member, op, null);
    }

    /**
     * This query with one more condition.
     *
     * @param member the member
     * @param op the comparison
     * @param value the value
     * @return the new query
     */
    public Query and(EntityMember member, Op op, Object value) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(new Condition(member, op, value));
        return new Query(List.copyOf(more), sorts, offset, limit);
    }

    /**
     * This query with one more condition that takes no value.
     *
     * @param member the member
     * @param op {@code IS_NULL} or {@code IS_NOT_NULL}
     * @return the new query
     */
    public Query and(EntityMember member, Op op) {
        return and(member, op, null);
    }

    /**
     * This query with one more sort key, after those it has.
     *
     * @param member the member
     * @param direction the direction
     * @return the new query
     */
    public Query orderBy(EntityMember member, Direction direction) {
        List<Sort> more = new ArrayList<>(sorts);
        more.add(new Sort(member, direction));
        return new Query(conditions, List.copyOf(more), offset, limit);
    }

    /**
     * This query with one more ascending sort key.
     *
     * @param member the member
     * @return the new query
     */
    public Query orderBy(EntityMember member) {
        return orderBy(member, Direction.ASC);
    }

    /**
     * This query limited to a page of rows. Rows are always ordered by the key last, so pages do not overlap.
     *
     * @param offset the rows to skip, 0 or more
     * @param limit the most rows to return, 1 or more
     * @return the new query
     */
    public Query page(long offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("A page needs an offset >= 0 and a limit >= 1");
        }
        return new Query(conditions, sorts, offset, limit);
    }

    /** The conditions, ANDed. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The sort keys, most significant first. */
    public List<Sort> sorts() {
        return sorts;
    }

    /** The rows to skip; empty when the query has no page. */
    public OptionalLong offset() {
        return limit == NO_PAGE ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The most rows to return; empty when the query has no page. */
    public OptionalInt limit() {
        return limit == NO_PAGE ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The conditions, sorts and page; never a value. */
    @Override
    public String toString() {
        return "Query[where " + conditions + ", order by " + sorts
                + (limit == NO_PAGE ? "" : ", offset " + offset + ", limit " + limit) + "]";
    }
}
