package dev.warden.jpa.query;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.TimeToken;
import dev.warden.runtime.internal.DatePart;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.query.sqm.NodeBuilder;

/**
 * The building blocks of the generated Criteria predicates ({@code OrderCriteria}), for one query and one security
 * context: what is the same for every entity. Every condition is two-valued, TRUE or FALSE and never NULL in SQL, as
 * the SQL filter's are, so that {@link #not} negates it as the Java policy does: a comparison with an empty (NULL)
 * member is false except {@code ne}, two empty members are the same, ordering with an empty member is false.
 *
 * <p>Paths through associations are {@link #exists} sub-queries of the query being built, never joins of it. The
 * date-time tokens are taken at one instant ({@link #now()}) for the whole filter. The case-insensitive functions,
 * the string length and the date parts are the SQL functions Warden registers with Hibernate
 * ({@link WardenFunctions}), which render the SQL filter's own SQL for the database. Instances are made by
 * {@link JpaFilters}; one per filter.
 */
public final class Conditions {
    private final CriteriaBuilder cb;
    private final SecurityContext ctx;
    private CommonAbstractCriteria query;
    private ZonedDateTime now;

    Conditions(CriteriaBuilder cb, CommonAbstractCriteria query, SecurityContext ctx) {
        this.cb = Objects.requireNonNull(cb, "cb");
        this.query = Objects.requireNonNull(query, "query");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The security context the filter is for. */
    public SecurityContext context() {
        return ctx;
    }

    /** The criteria builder. */
    public CriteriaBuilder builder() {
        return cb;
    }

    // ------------------------------------------------------------------------------------------ connectives

    /** TRUE. */
    public Predicate always() {
        return cb.and();
    }

    /** FALSE. */
    public Predicate never() {
        return cb.or();
    }

    /** All of them (TRUE for none). */
    public Predicate and(Predicate... all) {
        return all.length == 1 ? all[0] : cb.and(all);
    }

    /** Any of them (FALSE for none). */
    public Predicate or(Predicate... any) {
        return any.length == 1 ? any[0] : cb.or(any);
    }

    /** Not it. */
    public Predicate not(Predicate predicate) {
        return cb.not(predicate);
    }

    /** TRUE or FALSE, decided in Java (a user-role token, a boolean custom token). */
    public Predicate constant(boolean value) {
        return value ? always() : never();
    }

    /** {@code '[%UserRole_Name%]'}: whether the user has that user role. */
    public Predicate hasUserRole(String userRole) {
        return constant(ctx.hasUserRole(userRole));
    }

    /** {@code '[%UserRole_Name%]'} as a value, compared with a boolean member: whether the user has that user role. */
    public Boolean userRole(String userRole) {
        return ctx.hasUserRole(userRole);
    }

    // ------------------------------------------------------------------------------------------ comparisons

    /** {@code x = value}: false when x is empty. */
    public Predicate eq(Expression<?> x, Object value) {
        return cb.and(cb.isNotNull(x), cb.equal(x, value));
    }

    /** {@code x = y} of a member with a value that cannot be empty: false when x is empty. */
    public Predicate eq(Expression<?> x, Expression<?> y) {
        return cb.and(cb.isNotNull(x), cb.isNotNull(y), cb.equal(x, y));
    }

    /** {@code x != value}: true when x is empty. */
    public Predicate ne(Expression<?> x, Object value) {
        return cb.or(cb.isNull(x), cb.notEqual(x, value));
    }

    /** {@code x != y} of a member with a value that cannot be empty: true when x is empty. */
    public Predicate ne(Expression<?> x, Expression<?> y) {
        return cb.or(cb.isNull(x), cb.isNull(y), cb.notEqual(x, y));
    }

    /** Two members are the same: both empty, or equal ({@code IS NOT DISTINCT FROM}). */
    public Predicate same(Expression<?> x, Expression<?> y) {
        return cb.or(cb.and(cb.isNull(x), cb.isNull(y)), cb.and(cb.isNotNull(x), cb.isNotNull(y), cb.equal(x, y)));
    }

    /** Two members differ: one empty and the other not, or not equal ({@code IS DISTINCT FROM}). */
    public Predicate differs(Expression<?> x, Expression<?> y) {
        return cb.not(same(x, y));
    }

    /** {@code x < value}; false when either is empty. */
    public Predicate lt(Expression<?> x, Object value) {
        return ordered(x, value, Order.LT);
    }

    /** {@code x <= value}; false when either is empty. */
    public Predicate le(Expression<?> x, Object value) {
        return ordered(x, value, Order.LE);
    }

    /** {@code x > value}; false when either is empty. */
    public Predicate gt(Expression<?> x, Object value) {
        return ordered(x, value, Order.GT);
    }

    /** {@code x >= value}; false when either is empty. */
    public Predicate ge(Expression<?> x, Object value) {
        return ordered(x, value, Order.GE);
    }

    private enum Order { LT, LE, GT, GE }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate ordered(Expression<?> x, Object value, Order order) {
        Expression<Comparable> left = (Expression<Comparable>) x;
        if (value instanceof Expression<?> y) {
            Expression<Comparable> right = (Expression<Comparable>) y;
            Predicate compared = switch (order) {
                case LT -> cb.lessThan(left, right);
                case LE -> cb.lessThanOrEqualTo(left, right);
                case GT -> cb.greaterThan(left, right);
                case GE -> cb.greaterThanOrEqualTo(left, right);
            };
            return cb.and(cb.isNotNull(x), cb.isNotNull(y), compared);
        }
        Comparable right = (Comparable) Objects.requireNonNull(value, "value");
        Predicate compared = switch (order) {
            case LT -> cb.lessThan(left, right);
            case LE -> cb.lessThanOrEqualTo(left, right);
            case GT -> cb.greaterThan(left, right);
            case GE -> cb.greaterThanOrEqualTo(left, right);
        };
        return cb.and(cb.isNotNull(x), compared);
    }

    /** No value: a null attribute, an unset to-one association. */
    public Predicate isNull(Expression<?> x) {
        return cb.isNull(x);
    }

    /** A value: a non-null attribute, a set to-one association. */
    public Predicate isNotNull(Expression<?> x) {
        return cb.isNotNull(x);
    }

    /** A boolean member is true (not empty, not false). */
    @SuppressWarnings("unchecked")
    public Predicate isTrue(Expression<?> x) {
        return cb.and(cb.isNotNull(x), cb.isTrue((Expression<Boolean>) x));
    }

    // ------------------------------------------------------------------------------------------- functions

    /** {@code contains(x, 'text')}, case-insensitive; {@code lowerCaseText} is already in the folded form. */
    public Predicate contains(Expression<?> x, String lowerCaseText) {
        return like(x, "%" + escapeLike(lowerCaseText) + "%");
    }

    /** {@code starts-with(x, 'text')}, case-insensitive. */
    public Predicate startsWith(Expression<?> x, String lowerCaseText) {
        return like(x, escapeLike(lowerCaseText) + "%");
    }

    /** {@code ends-with(x, 'text')}, case-insensitive. */
    public Predicate endsWith(Expression<?> x, String lowerCaseText) {
        return like(x, "%" + escapeLike(lowerCaseText));
    }

    private Predicate like(Expression<?> x, String pattern) {
        Expression<String> lower = cb.function(WardenFunctions.LOWER, String.class, x);
        return cb.and(cb.isNotNull(x), cb.like(lower, pattern, '\\'));
    }

    /** {@code text} with the LIKE wildcards and the escape character escaped with a backslash. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '%' || ch == '_') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** {@code string-length(x)}: the number of characters (code points); empty when x is. */
    public Expression<Integer> length(Expression<?> x) {
        return cb.function(WardenFunctions.LENGTH, Integer.class, x);
    }

    /** A date part of a {@code LocalDate} or {@code LocalDateTime} member, as stored; empty when x is. */
    public Expression<Integer> datePart(DatePart part, Expression<?> x) {
        return cb.function(WardenFunctions.datePart(part, false), Integer.class, x);
    }

    /** A date part of an instant member ({@code Instant}, {@code OffsetDateTime}, ...) in the user's zone. */
    public Expression<Integer> datePartInZone(DatePart part, Expression<?> x) {
        String zone = WardenFunctions.dialectOf(cb).timeZoneName(now().getZone());
        return cb.function(WardenFunctions.datePart(part, true), Integer.class, x, value(zone));
    }

    /** A value bound as a parameter (Hibernate's), so that the statement's text does not depend on it. */
    private Expression<?> value(Object value) {
        if (cb instanceof NodeBuilder hibernate) {
            return hibernate.value(value);
        }
        return cb.literal(value);
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** {@code [%CurrentUser%]}: the user's id (a rule that uses it is dropped for a user without one). */
    public Object currentUser() {
        return ctx.currentUserId();
    }

    /** A custom token's value (a rule that uses it is dropped for a user without one). */
    public <V> V token(String name, Class<V> type) {
        return ctx.token(name, type);
    }

    /** {@code [%CurrentDateTime%]}: the filter's one instant, in the user's zone. */
    public ZonedDateTime now() {
        if (now == null) {
            now = ctx.now();
        }
        return now;
    }

    /** A date-time token's value at {@link #now()}. */
    public ZonedDateTime dateTime(TimeToken token) {
        return token.at(now());
    }

    // ------------------------------------------------------------------------------------------------- paths

    /** Some object is at the end of the associations (a to-many one has an element, a to-one one is set). */
    public Predicate exists(From<?, ?> from, String associations) {
        return exists(from, associations, object -> always());
    }

    /**
     * Some object at the end of the associations satisfies the condition: one sub-query of the query being built,
     * correlated with {@code from}, that joins the associations ({@code "customer/accountManager"}, separated by
     * {@code /}).
     *
     * @param from the root or join the path starts at
     * @param associations the associations' names, separated by {@code /}
     * @param condition the condition on the last association's object
     * @return {@code EXISTS (SELECT 1 FROM ... WHERE ...)}
     */
    public Predicate exists(From<?, ?> from, String associations, Function<From<?, ?>, Predicate> condition) {
        return exists(from, associations, condition, new Class<?>[0]);
    }

    /**
     * Some object at the end of a path with {@code reversed(...)} steps: {@link #exists(From, String)} with the
     * entities that declare the reversed associations, in the order of the steps (the generated code passes them as
     * class literals).
     *
     * @param from the root or join the path starts at
     * @param associations the associations' names, separated by {@code /}
     * @param declaring the class of each {@code reversed(...)} step's declaring entity, in order
     * @return {@code EXISTS (SELECT 1 FROM ... WHERE ...)}
     */
    public Predicate exists(From<?, ?> from, String associations, Class<?>... declaring) {
        return exists(from, associations, object -> always(), declaring);
    }

    /**
     * Some object at the end of a path with {@code reversed(...)} steps satisfies the condition:
     * {@link #exists(From, String, Function)} with the entities that declare the reversed associations, in the order
     * of the steps (the generated code passes them as class literals; a step without one is loaded by its name).
     *
     * @param from the root or join the path starts at
     * @param associations the associations' names, separated by {@code /}
     * @param condition the condition on the last association's object
     * @param declaring the class of each {@code reversed(...)} step's declaring entity, in order
     * @return {@code EXISTS (SELECT 1 FROM ... WHERE ...)}
     */
    public Predicate exists(From<?, ?> from, String associations, Function<From<?, ?>, Predicate> condition,
            Class<?>... declaring) {
        Subquery<Integer> sub = query.subquery(Integer.class);
        From<?, ?> at = correlate(sub, from);
        List<Predicate> backLinks = new ArrayList<>();
        int reversedSteps = 0;
        for (String association : associations.split("/")) {
            if (association.startsWith(REVERSED)) {
                Class<?> declaringClass = reversedSteps < declaring.length ? declaring[reversedSteps] : null;
                reversedSteps++;
                at = reversed(sub, at, association, declaringClass, backLinks);
            } else {
                at = at.join(association);
            }
        }
        CommonAbstractCriteria outer = query;
        query = sub;
        Predicate inner;
        try {
            inner = condition.apply(at);
        } finally {
            query = outer;
        }
        backLinks.add(inner);
        sub.select(cb.literal(1)).where(backLinks.toArray(new Predicate[0]));
        return cb.exists(sub);
    }

    private static final String REVERSED = "reversed(";

    /**
     * {@code reversed(com.acme.Owner.pets)} from a pet: a root of the declaring entity in the sub-query, kept only
     * where its association holds the object {@code at} stands for.
     */
    private From<?, ?> reversed(Subquery<?> sub, From<?, ?> at, String association, Class<?> declaringClass,
            List<Predicate> backLinks) {
        String argument = association.substring(REVERSED.length(), association.length() - 1);
        int dot = argument.lastIndexOf('.');
        Class<?> declaring = declaringClass;
        if (declaring == null) {
            try {
                declaring = Class.forName(argument.substring(0, dot), false, at.getJavaType().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Cannot load " + argument.substring(0, dot) + ", the entity that "
                        + "declares the association in " + association, e);
            }
        }
        Root<?> root = sub.from(declaring);
        backLinks.add(cb.equal(root.join(argument.substring(dot + 1)), at));
        return root;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static From<?, ?> correlate(Subquery<?> sub, From<?, ?> from) {
        if (from instanceof Root<?> root) {
            return sub.correlate((Root) root);
        }
        if (from instanceof Join<?, ?> join) {
            return sub.correlate((Join) join);
        }
        throw new IllegalArgumentException("A path can start only at a root or a join, not at "
                + from.getClass().getName());
    }
}
