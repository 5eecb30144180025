package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity whose access is governed by {@link AccessRule}s. Its package must
 * belong to a {@link Module}.
 *
 * <p>The entity's members are its attributes (JavaBean properties or record components) and associations
 * (members whose type is another secured entity, or a collection of one). Without any rule, nobody may see
 * an entity: access is denied by default.
 *
 * <p>For {@code Order} the processor generates {@code OrderPolicy} (the rules as code) and
 * {@code SecuredOrder} (a proxy that checks every read and write for the current user).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SecuredEntity {
    /** The database table, when the entity is stored. Empty means the entity name in snake_case. */
    String table() default "";

    /**
     * Whether the entity is stored in a database. Non-persistent entities (view models, helper objects) may
     * not have constraints, since there is nothing to query.
     */
    boolean persistent() default true;
}
