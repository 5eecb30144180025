package dev.warden.jpa.query;

import dev.warden.runtime.SecurityContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Objects;
import org.springframework.data.jpa.domain.Specification;

/**
 * The read filter as a Spring Data JPA {@link Specification}, for {@code findAll(spec, pageable)}, {@code count(spec)}
 * and the other {@code JpaSpecificationExecutor} methods: Spring Data applies it to the page's query and to its count
 * query alike, and the filter adds no join to either (its paths are sub-queries), so pages and totals count only the
 * rows the user may see.
 *
 * <pre>
 * Page&lt;Order&gt; page = orders.findAll(WardenSpecification.&lt;Order&gt;readable().and(placedOnly), PageRequest.of(0, 20));
 * </pre>
 *
 * <p>Only this class needs Spring Data ({@code spring-data-jpa} is an optional dependency of {@code warden-jpa});
 * {@link JpaFilters} works without it.
 *
 * @param <T> the entity type
 */
public final class WardenSpecification<T> implements Specification<T> {
    private static final long serialVersionUID = 1L;

    /** The fixed context, or null for the current one. */
    private final transient SecurityContext context;

    private WardenSpecification(SecurityContext context) {
        this.context = context;
    }

    /**
     * The read filter for the user current when the query is made ({@link SecurityContext#current()}): the same
     * specification serves every user.
     *
     * @param <T> the entity type
     * @return the specification
     */
    public static <T> WardenSpecification<T> readable() {
        return new WardenSpecification<>(null);
    }

    /**
     * The read filter for one context.
     *
     * @param ctx the security context
     * @param <T> the entity type
     * @return the specification
     */
    public static <T> WardenSpecification<T> readable(SecurityContext ctx) {
        return new WardenSpecification<>(Objects.requireNonNull(ctx, "ctx"));
    }

    /**
     * {@link JpaFilters#readable} on the root.
     *
     * @throws dev.warden.runtime.AccessDeniedException for the current user when there is no security context
     */
    @Override
    public Predicate toPredicate(Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        SecurityContext ctx = context != null ? context : SecurityContext.current();
        return JpaFilters.readable(cb, query, root, ctx);
    }

    @Override
    public String toString() {
        return "WardenSpecification[readable for " + (context != null ? context : "the current user") + "]";
    }
}
