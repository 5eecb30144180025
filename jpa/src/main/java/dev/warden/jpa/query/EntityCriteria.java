package dev.warden.jpa.query;

import dev.warden.runtime.ConstraintFailedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of an entity as JPA Criteria predicates: the base of the generated {@code OrderCriteria}, which holds
 * only each rule's constraint ({@link #holds}). Which rules apply to a user, which are dropped for a token without a
 * value, and that an unconstrained rule lets every row through is decided here, as the SQL read filter decides it
 * ({@code QueryFilter}), so that a Criteria query returns exactly the rows {@code OrderPolicy.RULES.isVisible} allows.
 * Use it through {@link JpaFilters}; not called by applications directly.
 *
 * @param <T> the entity type
 */
public abstract class EntityCriteria<T> {
    private static final Map<Class<?>, EntityCriteria<?>> REGISTERED = new ConcurrentHashMap<>();
    private static final ClassValue<Optional<EntityCriteria<?>>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Optional<EntityCriteria<?>> computeValue(Class<?> type) {
            EntityRules<?, ?> rules = GeneratedCode.rulesOf(type);
            if (rules == null) {
                return Optional.empty();
            }
            Class<?> entity = rules.entityType();
            EntityCriteria<?> criteria = REGISTERED.get(entity);
            if (criteria == null) {
                try {
                    Class.forName(GeneratedCode.generatedName(entity, "", "Criteria"), true, entity.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return Optional.empty();
                }
                criteria = REGISTERED.get(entity);
            }
            return Optional.ofNullable(criteria);
        }
    };

    private final EntityRules<T, ?> rules;

    /**
     * Starts the predicates of an entity's rules and registers them; called once by the generated class.
     *
     * @param rules the entity's generated rules
     */
    protected EntityCriteria(EntityRules<T, ?> rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        REGISTERED.putIfAbsent(rules.entityType(), this);
    }

    /**
     * The predicates that judge objects of a class: those of the most specific secured entity of its hierarchy
     * (security model §6, generalization).
     *
     * @param type an entity class
     * @return the predicates, or empty when no class of its hierarchy is a secured entity, or none were generated
     *     for it (the processor writes them when {@code warden-jpa} is on the compile class path)
     */
    public static Optional<EntityCriteria<?>> judging(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** The entity's rules. */
    public final EntityRules<T, ?> rules() {
        return rules;
    }

    /**
     * The read filter on {@code from} for the context of {@code c}: the OR of the constraints of the rules that apply
     * to the user and have a value for every token they use; {@code c.always()} when one of them has no constraint
     * (or the context does not enforce data access), {@code c.never()} when none applies.
     *
     * @param c the conditions of the query being built
     * @param from the entity's root or join in that query
     * @return the predicate, never NULL in SQL
     */
    public final Predicate readFilter(Conditions c, From<?, ? extends T> from) {
        SecurityContext ctx = c.context();
        if (!ctx.enforcesDataAccess()) {
            return c.always();
        }
        long roles = ctx.rolesIn(rules.module());
        List<Predicate> any = new ArrayList<>();
        for (int rule = 1; rule <= rules.ruleCount(); rule++) {
            if ((rules.ruleRoles(rule) & roles) == 0) {
                continue;
            }
            if (!rules.ruleHasConstraint(rule)) {
                return c.always();
            }
            if (!rules.hasTokensOf(rule, ctx)) {
                continue;
            }
            try {
                any.add(holds(rule, c, from));
            } catch (RuntimeException e) {
                throw new ConstraintFailedException(rules.entityName(), rule, rules.ruleDescription(rule), e);
            }
        }
        return c.or(any.toArray(new Predicate[0]));
    }

    /**
     * The predicate of a rule's constraint; only called for a rule with a constraint, for a context with a value for
     * every token it uses.
     *
     * @param rule the rule's number, from 1
     * @param c the helpers that build the conditions
     * @param from the entity's root or join
     * @return the predicate
     */
    protected Predicate holds(int rule, Conditions c, From<?, ? extends T> from) {
        throw new IllegalArgumentException("no constraint in rule " + rule);
    }

    @Override
    public String toString() {
        return "EntityCriteria[" + rules.entityName() + "]";
    }
}
