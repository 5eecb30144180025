package dev.warden.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a module: a package (with its sub-packages, unless they declare a module of their own) that
 * groups related entities and owns a set of <em>module roles</em>.
 *
 * <p>Put it on {@code package-info.java}:
 *
 * <pre>{@code
 * @Module(name = "Sales", roles = {"User", "Manager"})
 * package com.acme.sales;
 * }</pre>
 *
 * <p>A module role ({@code Sales.User}) is a capability inside the module. The access rules of the module's
 * entities grant rights to module roles; the application's {@linkplain UserRole user roles} are then mapped to
 * module roles. This keeps a module reusable: it does not need to know who the application's users are.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface Module {
    /** The module's name, a Java identifier unique in the application, for example {@code "Sales"}. */
    String name();

    /**
     * The module's roles, as simple names ({@code "User"}, not {@code "Sales.User"}). Elsewhere they are
     * referred to with the module name in front: {@code "Sales.User"}. At most 64 per module.
     */
    String[] roles();
}
