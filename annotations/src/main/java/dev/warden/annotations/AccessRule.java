package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An access rule of a {@link SecuredEntity}: which module roles may create and delete objects of the entity
 * and read or write which members, optionally only for the objects that satisfy a constraint.
 *
 * <pre>{@code
 * @SecuredEntity
 * @AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ_WRITE)
 * @AccessRule(roles = "User", create = true, defaultAccess = Access.READ,
 *     members = @Member(name = "note", access = Access.READ_WRITE),
 *     constraint = "[owner = '[%CurrentUser%]']")
 * public class Order { ... }
 * }</pre>
 *
 * <p>Rules only ever grant; they never deny. A user may see an object when at least one of their rules is
 * active for it (its roles include one of the user's module roles and its constraint holds), may read a
 * member when such a rule grants read on it, and so on. Rules are not inherited by subclasses.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(AccessRules.class)
public @interface AccessRule {
    /**
     * The module roles the rule is for, roles of the entity's own module: {@code "User"} or
     * {@code "Sales.User"}. At least one.
     */
    String[] roles();

    /** Whether these roles may create objects of the entity (subject to the write check on save). */
    boolean create() default false;

    /** Whether these roles may delete the objects this rule is active for. */
    boolean delete() default false;

    /** The right on every member the rule does not list in {@link #members()}. */
    Access defaultAccess() default Access.NONE;

    /** Rights on single members, overriding {@link #defaultAccess()}. */
    Member[] members() default {};

    /**
     * An XPath-style constraint limiting the rule to the objects that satisfy it, for example
     * {@code "[owner = '[%CurrentUser%]']"} or {@code "[customer/accountManager = '[%CurrentUser%]']"}.
     * Empty means the rule is active for every object. Several brackets are combined with {@code and}.
     *
     * <p>Operators {@code = != < <= > >=}, {@code and}, {@code or}, {@code not(...)}, paths through
     * associations with {@code /}, the functions {@code contains}, {@code starts-with} and {@code ends-with},
     * literals ({@code 'text'}, numbers, {@code true()}, {@code false()}, {@code empty}) and tokens
     * ({@code '[%CurrentUser%]'}, {@code '[%CurrentDateTime%]'}, {@code '[%BeginOfCurrentDay%]'},
     * {@code '[%EndOfCurrentDay%]'}, {@code '[%UserRole_Name%]'} and custom {@link Token}s).
     */
    String constraint() default "";
}
