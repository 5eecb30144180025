package dev.warden.spring.security;

import java.util.Objects;
import org.springframework.core.task.TaskDecorator;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs each task with the Spring Security context of the thread that submitted it, through Spring Security's own
 * {@link DelegatingSecurityContextRunnable}; so the task sees the same Warden user, through {@link
 * SpringSecurityUserProvider}. Put it on a {@code ThreadPoolTaskExecutor} or {@code SimpleAsyncTaskExecutor}
 * ({@code setTaskDecorator}); the Boot starter registers it as a bean, which Boot applies to the executor behind
 * {@code @Async} and the auto-configured {@code TaskExecutor}, on virtual threads too.
 *
 * <p>A task submitted where nobody is signed in runs with an empty context, whatever the executing thread had
 * before; the thread's own context comes back when the task ends. Warden scopes opened with {@code
 * SecurityContext.open} or {@code system()} are not carried: wrap such work with {@code SecurityContext.wrap}.
 */
public final class SecurityContextTaskDecorator implements TaskDecorator {
    private final SecurityContextHolderStrategy holderStrategy;

    /** A decorator over {@link SecurityContextHolder}'s strategy. */
    public SecurityContextTaskDecorator() {
        this(SecurityContextHolder.getContextHolderStrategy());
    }

    /**
     * A decorator over a given strategy.
     *
     * @param holderStrategy where Spring Security keeps the context
     */
    public SecurityContextTaskDecorator(SecurityContextHolderStrategy holderStrategy) {
        this.holderStrategy = Objects.requireNonNull(holderStrategy, "holderStrategy");
    }

    @Override
    public Runnable decorate(Runnable runnable) {
        DelegatingSecurityContextRunnable delegating =
                new DelegatingSecurityContextRunnable(runnable, holderStrategy.getContext());
        delegating.setSecurityContextHolderStrategy(holderStrategy);
        return delegating;
    }
}
