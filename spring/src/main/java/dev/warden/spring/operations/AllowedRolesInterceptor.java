package dev.warden.spring.operations;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.Operations;
import dev.warden.runtime.SecuredOperation;
import dev.warden.runtime.SecurityContext;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Checks operation access before a protected method runs: the operation is the one the processor generated for the
 * called object's class and the method's name ({@link Operations#find(Class, Method)}), the user is the current
 * {@link SecurityContext} (with the starter, the Spring Security user). No context, or a user whose module roles the
 * operation does not list, is an {@link AccessDeniedException} naming the operation and the user's roles; the
 * method does not run.
 */
public final class AllowedRolesInterceptor implements MethodInterceptor {

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        Object target = invocation.getThis();
        Class<?> type = target == null ? method.getDeclaringClass() : AopUtils.getTargetClass(target);
        SecuredOperation operation = Operations.find(type, method).orElseThrow(() -> new IllegalStateException(
                "No operation registered for " + type.getName() + "." + method.getName()
                        + ", which the advisor matched: the generated operations changed while the application ran"));
        operation.check(SecurityContext.currentIfPresent().orElse(null));
        return invocation.proceed();
    }
}
