package dev.warden.jpa.query;

import dev.warden.runtime.SecurityContext;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.metamodel.model.domain.EntityDomainType;
import org.hibernate.metamodel.model.domain.ManagedDomainType;
import org.hibernate.query.sqm.NodeBuilder;

/**
 * The read filter of secured entities as a JPA Criteria {@link Predicate}, for any Criteria query: the rows the user
 * may see, the same rows as {@code OrderPolicy.RULES.isVisible} and the SQL filter of {@code WardenData}, inside the
 * statement, so that paging and counts stay right.
 *
 * <pre>
 * CriteriaBuilder cb = em.getCriteriaBuilder();
 * CriteriaQuery&lt;Order&gt; query = cb.createQuery(Order.class);
 * Root&lt;Order&gt; order = query.from(Order.class);
 * query.where(cb.equal(order.get("status"), OrderStatus.PLACED), JpaFilters.readable(cb, query, order, ctx));
 * </pre>
 *
 * <p>Rows are judged by the rules of the most specific secured entity of their class (generalization): a query of
 * {@code Doc} that meets a {@code Secret extends Doc} row applies {@code Secret}'s rules to it. The predicate is built
 * for one user: build it anew for each query (Hibernate caches the statement's text, which depends only on which
 * rules apply; the values are parameters).
 */
public final class JpaFilters {
    private JpaFilters() {}

    /**
     * The read filter for the current user ({@link SecurityContext#current()}).
     *
     * @throws dev.warden.runtime.AccessDeniedException when there is no security context
     * @see #readable(CriteriaBuilder, CommonAbstractCriteria, From, SecurityContext)
     */
    public static Predicate readable(CriteriaBuilder cb, CommonAbstractCriteria query, From<?, ?> from) {
        return readable(cb, query, from, SecurityContext.current());
    }

    /**
     * The read filter: the rows of {@code from} the user may see. FALSE when no rule lets the user see any, TRUE for
     * the system and below security level production.
     *
     * @param cb the query's criteria builder (Hibernate's)
     * @param query the query (or sub-query, update, delete) whose where the predicate goes into; the paths through
     *     associations become sub-queries of it
     * @param from the secured entity's root or join in that query
     * @param ctx the security context
     * @return the predicate
     * @throws IllegalArgumentException when no class of the entity's hierarchy is a secured entity with generated
     *     predicates
     */
    public static Predicate readable(CriteriaBuilder cb, CommonAbstractCriteria query, From<?, ?> from,
            SecurityContext ctx) {
        Objects.requireNonNull(from, "from");
        Conditions c = new Conditions(cb, query, ctx);
        Map<EntityCriteria<?>, List<Class<?>>> groups = new LinkedHashMap<>();
        List<Class<?>> unsecured = new ArrayList<>();
        for (Class<?> type : entityClasses(cb, from.getJavaType())) {
            Optional<EntityCriteria<?>> judging = EntityCriteria.judging(type);
            if (judging.isPresent()) {
                groups.computeIfAbsent(judging.get(), g -> new ArrayList<>()).add(type);
            } else {
                unsecured.add(type);
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(from.getJavaType().getName() + " is not a secured entity with "
                    + "generated Criteria predicates (a @SecuredEntity compiled with warden-jpa on the class path)");
        }
        if (groups.size() == 1 && unsecured.isEmpty()) {
            return filter(groups.keySet().iterator().next(), c, cb, from);
        }
        // Several entities judge the rows: each row by its own class's (security model §6).
        List<Predicate> any = new ArrayList<>();
        for (Map.Entry<EntityCriteria<?>, List<Class<?>>> group : groups.entrySet()) {
            any.add(c.and(from.type().in(group.getValue()), filter(group.getKey(), c, cb, from)));
        }
        if (!unsecured.isEmpty()) {
            any.add(from.type().in(unsecured));
        }
        return c.or(any.toArray(new Predicate[0]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate filter(EntityCriteria<?> criteria, Conditions c, CriteriaBuilder cb, From<?, ?> from) {
        Class<?> entity = criteria.rules().entityType();
        From<?, ?> as = from;
        if (!entity.isAssignableFrom(from.getJavaType())) {
            // A specialization of the queried entity: its members through a treat.
            if (from instanceof Root<?> root) {
                as = cb.treat((Root) root, (Class) entity);
            } else if (from instanceof Join<?, ?> join) {
                as = cb.treat((Join) join, (Class) entity);
            } else {
                throw new IllegalArgumentException("cannot treat " + from + " as " + entity.getName());
            }
        }
        return ((EntityCriteria) criteria).readFilter(c, (From) as);
    }

    /** The entity class and the classes of its entity subtypes, from Hibernate's metamodel. */
    private static List<Class<?>> entityClasses(CriteriaBuilder cb, Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        if (!(cb instanceof NodeBuilder hibernate)) {
            classes.add(type);
            return classes;
        }
        collect(hibernate.getDomainModel().entity(type), classes);
        return classes;
    }

    private static void collect(ManagedDomainType<?> type, List<Class<?>> classes) {
        if (type instanceof EntityDomainType<?> && !classes.contains(type.getJavaType())) {
            classes.add(type.getJavaType());
        }
        for (ManagedDomainType<?> sub : type.getSubTypes()) {
            collect(sub, classes);
        }
    }
}
