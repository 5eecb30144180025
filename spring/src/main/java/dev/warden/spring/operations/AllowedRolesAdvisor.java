package dev.warden.spring.operations;

import dev.warden.runtime.Operations;
import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;

/**
 * The advisor that puts {@link AllowedRolesInterceptor} in front of every method of a bean that the processor
 * registered as an operation ({@code @AllowedRoles} on the method or its type). Matching runs once per method
 * when the bean is proxied, through the generated registries, not by reading annotations: it protects exactly what
 * {@link Operations} and the security overview list. A registry that cannot be loaded fails the application's start
 * with the reason, rather than leaving the methods unprotected.
 */
public final class AllowedRolesAdvisor extends StaticMethodMatcherPointcutAdvisor {
    private static final long serialVersionUID = 1L;

    /**
     * The advisor's default order: after Spring Security's method-security interceptors, before the transaction
     * interceptor (whose order is {@code Ordered.LOWEST_PRECEDENCE}), so that a denied call opens no transaction.
     */
    public static final int DEFAULT_ORDER = 0;

    /** An advisor with a new {@link AllowedRolesInterceptor}, at {@link #DEFAULT_ORDER}. */
    public AllowedRolesAdvisor() {
        super(new AllowedRolesInterceptor());
        setOrder(DEFAULT_ORDER);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return Operations.find(targetClass, method).isPresent();
    }
}
