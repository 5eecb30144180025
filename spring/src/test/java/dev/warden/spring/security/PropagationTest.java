package dev.warden.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Work on other threads sees the Warden user of the thread that handed it over, through Spring's and Spring
 * Security's own propagation: a {@link SecurityContextTaskDecorator} on a {@code TaskExecutor}, {@code @Async}
 * methods on such an executor, and Spring Security's {@code DelegatingSecurityContextAsyncTaskExecutor}; and without
 * them it does not.
 */
class PropagationTest {
    private ThreadPoolTaskExecutor pool;

    @BeforeEach
    void setUp() {
        ApplicationModel.setDefault(ShopModel.withGuests());
        SecurityContext.setUserProvider(SpringSecurityUserProvider.of(ShopModel.withGuests()));
        pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setTaskDecorator(new SecurityContextTaskDecorator());
        pool.initialize();
    }

    @AfterEach
    void tearDown() {
        pool.shutdown();
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
    }

    private static void signIn(String id, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(id, "pw", role));
    }

    /** Who Warden says is acting, on the thread that runs it: the user id, or "anonymous". */
    private static String whoAmI() {
        SecurityContext ctx = SecurityContext.current();
        return ctx.isAnonymous() ? "anonymous" : ctx.userId() + " " + ctx.userRoles();
    }

    private static String run(java.util.concurrent.Executor executor) throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                seen.complete(whoAmI());
            } catch (RuntimeException e) {
                seen.completeExceptionally(e);
            }
        });
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDecoratedTaskExecutorRunsTasksAsTheUserWhoSubmittedThem() throws Exception {
        signIn("3", "ROLE_SalesRep");
        assertEquals("3 [SalesRep]", run(pool));
        Future<String> submitted = pool.submit(PropagationTest::whoAmI);
        assertEquals("3 [SalesRep]", submitted.get(10, TimeUnit.SECONDS));

        signIn("4", "ROLE_Customer");
        assertEquals("4 [Customer]", run(pool), "the same pool thread, now for another user");

        SecurityContextHolder.clearContext();
        assertEquals("anonymous", run(pool), "nothing is left behind on the pool thread");
    }

    @Test
    void withoutPropagationAPoolThreadDoesNotSeeTheUser() throws Exception {
        ThreadPoolTaskExecutor plain = new ThreadPoolTaskExecutor();
        plain.initialize();
        try {
            signIn("3", "ROLE_SalesRep");
            assertEquals("anonymous", run(plain));
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void springSecuritysOwnDelegatingExecutorWorksToo() throws Exception {
        ThreadPoolTaskExecutor plain = new ThreadPoolTaskExecutor();
        plain.initialize();
        try {
            signIn("5", "ROLE_Administrator");
            assertEquals("5 [Administrator]", run(new DelegatingSecurityContextAsyncTaskExecutor(plain)));
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void aNewThreadPerTaskExecutorCarriesTheUser() throws Exception {
        SimpleAsyncTaskExecutor perTask = new SimpleAsyncTaskExecutor("warden-test-");
        perTask.setTaskDecorator(new SecurityContextTaskDecorator());
        signIn("6", "ROLE_Customer");
        assertEquals("6 [Customer]", run(perTask));
    }

    /**
     * Virtual threads need Java 21; the build targets Java 17, where this is skipped. Run the module's tests with a
     * JDK 21 or newer to include it.
     */
    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void virtualThreadsCarryTheUser() throws Exception {
        SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("warden-virtual-");
        virtual.setVirtualThreads(true);
        virtual.setTaskDecorator(new SecurityContextTaskDecorator());
        signIn("8", "ROLE_SalesRep");
        AtomicReference<Boolean> wasVirtual = new AtomicReference<>();
        CompletableFuture<String> seen = new CompletableFuture<>();
        virtual.execute(() -> {
            wasVirtual.set(isVirtual(Thread.currentThread()));
            seen.complete(whoAmI());
        });
        assertEquals("8 [SalesRep]", seen.get(10, TimeUnit.SECONDS));
        assertTrue(wasVirtual.get(), "the task ran on a virtual thread");
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ @Async

    @Configuration
    @EnableAsync
    static class AsyncConfiguration {
        @Bean
        ThreadPoolTaskExecutor taskExecutor() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setTaskDecorator(new SecurityContextTaskDecorator());
            return executor;
        }

        @Bean
        Reports reports() {
            return new Reports();
        }
    }

    @Component
    static class Reports {
        @Async
        public CompletableFuture<String> whoRunsThis() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName() + ": " + whoAmI());
        }
    }

    @Test
    void asyncMethodsRunAsTheCaller() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                AsyncConfiguration.class)) {
            Reports reports = context.getBean(Reports.class);
            signIn("3", "ROLE_SalesRep");

            String seen = reports.whoRunsThis().get(10, TimeUnit.SECONDS);

            assertTrue(seen.endsWith(": 3 [SalesRep]"), seen);
            assertTrue(!seen.startsWith(Thread.currentThread().getName() + ":"), "ran on another thread: " + seen);

            SecurityContextHolder.clearContext();
            assertTrue(reports.whoRunsThis().get(10, TimeUnit.SECONDS).endsWith(": anonymous"));
        }
    }
}
