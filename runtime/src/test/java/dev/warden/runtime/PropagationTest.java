package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wrapped tasks run in the context of the code that wrapped or submitted them, and never in a context the
 * executing thread happens to have.
 */
@SuppressWarnings("try") // scopes are opened for their effect on the thread, not used in the body
class PropagationTest extends GlobalStateReset {
    private final ApplicationModel app = Shop.app();
    /** One thread, on which an earlier task left a system scope open. */
    private ExecutorService pool;
    private SecurityContext.Scope leakedSystemScope;

    @BeforeEach
    void leaveASystemScopeOpenOnThePoolThread() throws Exception {
        pool = Executors.newSingleThreadExecutor();
        leakedSystemScope = pool.submit(() -> SecurityContext.system(app)).get(5, TimeUnit.SECONDS);
        assertTrue(poolThreadContext().orElseThrow().isSystem());
    }

    @AfterEach
    void closeTheLeakedScopeAndStopThePool() throws Exception {
        pool.submit(() -> leakedSystemScope.close()).get(5, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static Optional<SecurityContext> current() {
        return SecurityContext.currentIfPresent();
    }

    /** The pool thread's own context, seen by an unwrapped task. */
    private Optional<SecurityContext> poolThreadContext() throws Exception {
        return pool.submit(PropagationTest::current).get(5, TimeUnit.SECONDS);
    }

    /** Runs a wrapped task on the pool thread, and checks that the thread's own context is back afterwards. */
    private void runOnPoolThread(Runnable wrapped) throws Exception {
        pool.submit(wrapped).get(5, TimeUnit.SECONDS);
        assertTrue(poolThreadContext().orElseThrow().isSystem(), "the pool thread's own context is restored");
    }

    @Test
    void aWrappedRunnableRunsInTheContextCapturedWhenWrapping() throws Exception {
        SecurityContext rep = Shop.rep(1);
        AtomicReference<Optional<SecurityContext>> seen = new AtomicReference<>();
        Runnable wrapped;
        try (SecurityContext.Scope scope = SecurityContext.enter(rep)) {
            wrapped = SecurityContext.wrap(() -> seen.set(current()));
        }

        runOnPoolThread(wrapped);

        assertEquals(Optional.of(rep), seen.get());
    }

    @Test
    void aTaskWrappedWithoutContextRunsWithoutOneEvenOnASystemThread() throws Exception {
        AtomicReference<Optional<SecurityContext>> seen = new AtomicReference<>();
        Runnable wrapped = SecurityContext.wrap(() -> seen.set(current()));

        runOnPoolThread(wrapped);

        assertEquals(Optional.empty(), seen.get(), "the pool thread's system context must not leak into the task");
    }

    @Test
    void aWrappedCallableRunsInTheCapturedContext() throws Exception {
        SecurityContext rep = Shop.rep(2);
        Callable<Optional<SecurityContext>> wrapped;
        try (SecurityContext.Scope scope = SecurityContext.enter(rep)) {
            wrapped = SecurityContext.wrap(PropagationTest::current);
        }

        Callable<Optional<SecurityContext>> wrappedWithout = SecurityContext.wrap(PropagationTest::current);

        assertEquals(Optional.of(rep), pool.submit(wrapped).get(5, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), pool.submit(wrappedWithout).get(5, TimeUnit.SECONDS));
        assertTrue(poolThreadContext().orElseThrow().isSystem());
    }

    @Test
    void aWrappedCallableRestoresTheThreadsContextWhenItThrows() {
        Callable<Object> failing = SecurityContext.wrap(() -> {
            throw new IllegalStateException("boom");
        });
        try (SecurityContext.Scope scope = SecurityContext.enter(Shop.rep(3))) {
            Exception e = assertThrows(IllegalStateException.class, failing::call);
            assertEquals("boom", e.getMessage());
            assertSame(scope.context(), SecurityContext.current());
        }
    }

    @Test
    void aWrappedExecutorCapturesTheContextAtExecuteTime() throws Exception {
        Executor plain = pool::execute;
        Executor executor = SecurityContext.wrap(plain);
        SecurityContext rep = Shop.rep(4);
        AtomicReference<Optional<SecurityContext>> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(2);

        try (SecurityContext.Scope scope = SecurityContext.enter(rep)) {
            executor.execute(() -> {
                seen.set(current());
                done.countDown();
            });
        }
        AtomicReference<Optional<SecurityContext>> seenWithout = new AtomicReference<>();
        executor.execute(() -> {
            seenWithout.set(current());
            done.countDown();
        });

        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(Optional.of(rep), seen.get());
        assertEquals(Optional.empty(), seenWithout.get());
    }

    @Test
    void aWrappedExecutorServiceCapturesTheContextAtSubmitTime() throws Exception {
        ExecutorService executor = SecurityContext.wrap(pool);
        SecurityContext first = Shop.rep(5);
        SecurityContext second = Shop.manager(6);

        Future<Optional<SecurityContext>> submitted;
        Future<?> runnable;
        AtomicReference<Optional<SecurityContext>> seenByRunnable = new AtomicReference<>();
        List<Future<Optional<SecurityContext>>> all;
        Optional<SecurityContext> any;
        try (SecurityContext.Scope scope = SecurityContext.enter(first)) {
            submitted = executor.submit(PropagationTest::current);
            runnable = executor.submit(() -> seenByRunnable.set(current()));
        }
        try (SecurityContext.Scope scope = SecurityContext.enter(second)) {
            all = executor.invokeAll(List.of(PropagationTest::current, PropagationTest::current));
            any = executor.invokeAny(List.of(PropagationTest::current));
        }
        Future<Optional<SecurityContext>> withoutContext = executor.submit(PropagationTest::current);

        assertEquals(Optional.of(first), submitted.get(5, TimeUnit.SECONDS));
        runnable.get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of(first), seenByRunnable.get());
        for (Future<Optional<SecurityContext>> future : all) {
            assertEquals(Optional.of(second), future.get(5, TimeUnit.SECONDS));
        }
        assertEquals(Optional.of(second), any);
        assertEquals(Optional.empty(), withoutContext.get(5, TimeUnit.SECONDS));
        assertTrue(poolThreadContext().orElseThrow().isSystem());
    }

    @Test
    void shuttingDownTheWrapperShutsDownTheExecutorService() throws Exception {
        ExecutorService own = Executors.newSingleThreadExecutor();
        ExecutorService wrapped = SecurityContext.wrap(own);

        wrapped.shutdown();

        assertTrue(own.isShutdown());
        assertTrue(wrapped.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(wrapped.isTerminated());
    }

    @Test
    void theProvidersUserIsCapturedWhenWrapping() throws Exception {
        ApplicationModel.setDefault(app);
        AtomicReference<UserIdentity> requestUser = new AtomicReference<>(UserIdentity.of(8L, "SalesRep"));
        SecurityContext.setUserProvider(() -> Optional.ofNullable(requestUser.get()));

        Callable<Optional<SecurityContext>> wrapped = SecurityContext.wrap(PropagationTest::current);
        requestUser.set(null);

        assertEquals(8L, wrapped.call().orElseThrow().userId(), "the user of the request that wrapped the task");
        assertEquals(Optional.empty(), current());
    }
}
