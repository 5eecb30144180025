package dev.warden.jpa;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import org.hibernate.Hibernate;

/**
 * What the listeners share: the rules of an entity instance (those of the most specific secured entity of its class,
 * a Hibernate proxy judged as its entity), the current context, and the denial. Raw types: the listeners see objects
 * of every entity.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class Judge {
    private Judge() {}

    /** The rules that judge an entity instance, or null when it is no secured entity. */
    static EntityRules rulesOf(Object entity) {
        return GeneratedCode.rulesOf(Hibernate.getClassLazy(entity));
    }

    /**
     * The current context.
     *
     * @throws AccessDeniedException when there is none, naming the entity and the operation
     */
    static SecurityContext context(EntityRules rules, Operation operation) {
        return SecurityContext.currentIfPresent().orElseThrow(() -> new AccessDeniedException(rules.entityName(), null,
                operation, "Hibernate " + (operation == Operation.VIEW ? "loaded" : "flushed") + " it with no security "
                        + "context on this thread: open one (SecurityContext.open(user), or SecurityContext.system() for "
                        + "code that must see everything)"));
    }

    /** Whether the current user may see a loaded instance; throws without a context. */
    static boolean isVisible(EntityRules rules, Object entity) {
        SecurityContext ctx = context(rules, Operation.VIEW);
        return rules.isVisible(ctx, entity);
    }

    /** The denial of an instance the current user may not see. */
    static AccessDeniedException invisible(EntityRules rules, Object entity) {
        SecurityContext ctx = context(rules, Operation.VIEW);
        return rules.denial(ctx, entity, Operation.VIEW, -1);
    }
}
