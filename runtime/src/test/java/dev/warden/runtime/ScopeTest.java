package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // scopes are opened for their effect on the thread, not used in the body
class ScopeTest extends GlobalStateReset {
    private final ApplicationModel app = Shop.app();

    private static Optional<SecurityContext> current() {
        return SecurityContext.currentIfPresent();
    }

    @Test
    void withoutAnyContextCurrentThrowsAndCurrentIfPresentIsEmpty() {
        assertEquals(Optional.empty(), current());

        AccessDeniedException e = assertThrows(AccessDeniedException.class, SecurityContext::current);
        assertEquals("No security context: open one with SecurityContext.open(user) or register a UserProvider",
                e.getMessage());
        assertEquals(Optional.empty(), e.member());
    }

    @Test
    void aScopeBindsItsContextUntilClosed() {
        SecurityContext rep = Shop.rep(1);
        try (SecurityContext.Scope scope = SecurityContext.enter(rep)) {
            assertSame(rep, scope.context());
            assertSame(rep, SecurityContext.current());
        }
        assertEquals(Optional.empty(), current());
    }

    @Test
    void scopesNestAndRestoreTheOuterContext() {
        try (SecurityContext.Scope outer = SecurityContext.open(app, UserIdentity.of(1L, "SalesRep"))) {
            try (SecurityContext.Scope inner = SecurityContext.system(app)) {
                assertTrue(SecurityContext.current().isSystem());
            }
            assertSame(outer.context(), SecurityContext.current());
            assertEquals(1L, SecurityContext.current().userId());
        }
        assertEquals(Optional.empty(), current());
    }

    @Test
    void theOuterContextIsRestoredAfterAnException() {
        try (SecurityContext.Scope outer = SecurityContext.enter(Shop.rep(1))) {
            assertThrows(IllegalArgumentException.class, () -> {
                try (SecurityContext.Scope inner = SecurityContext.system(app)) {
                    throw new IllegalArgumentException("boom");
                }
            });
            assertSame(outer.context(), SecurityContext.current());
        }
        assertEquals(Optional.empty(), current());
    }

    @Test
    void closingTwiceDoesNothing() {
        try (SecurityContext.Scope outer = SecurityContext.enter(Shop.rep(1))) {
            SecurityContext.Scope inner = SecurityContext.system(app);
            inner.close();
            inner.close();
            assertSame(outer.context(), SecurityContext.current(), "the second close must not close the outer scope");
        }
        assertEquals(Optional.empty(), current());
    }

    @Test
    void closingOutOfOrderThrowsAndClosesTheInnerScopesToo() {
        SecurityContext.Scope outer = SecurityContext.enter(Shop.rep(1));
        SecurityContext.Scope system = SecurityContext.system(app);

        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);

        assertTrue(e.getMessage().contains("still open"), e.getMessage());
        assertEquals(Optional.empty(), current(), "neither scope may stay open, least of all the system one");
        system.close();
        assertEquals(Optional.empty(), current());
    }

    /** Closes a scope on another thread and returns what that close threw. */
    private static Throwable closeOnAnotherThread(SecurityContext.Scope scope) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                scope.close();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingOnAnotherThreadThrowsAndTheSystemScopeNoLongerApplies() throws Exception {
        SecurityContext rep = Shop.rep(1);
        try (SecurityContext.Scope outer = SecurityContext.enter(rep)) {
            SecurityContext.Scope system = SecurityContext.system(app);

            Throwable thrown = closeOnAnotherThread(system);

            assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
            assertTrue(thrown.getMessage().contains("closed on thread"), thrown.getMessage());
            assertEquals(Optional.empty(), current(), "the system scope no longer applies on its own thread");
            system.close();
            assertSame(rep, SecurityContext.current());
        }
        assertEquals(Optional.empty(), current());
    }

    /**
     * A job for a customer inside a system scope: when another thread closes the customer's scope, the job's thread
     * must not go on as SYSTEM. It has no context (every access is denied, naming why) until it closes the scope
     * itself; then the outer scope applies again, as it would after any close.
     */
    @Test
    void aScopeClosedOnAnotherThreadNeverFallsBackToTheOuterScope() throws Exception {
        try (SecurityContext.Scope system = SecurityContext.system(app)) {
            SecurityContext.Scope customer = SecurityContext.open(app, UserIdentity.of(7L, "SalesRep"));

            Throwable thrown = closeOnAnotherThread(customer);

            assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
            assertEquals(Optional.empty(), current(), "the customer's thread fell back to the system scope");
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, SecurityContext::current);
            assertTrue(denied.getMessage().startsWith("No security context: the scope opened on thread '"
                    + Thread.currentThread().getName() + "' was closed on thread '"), denied.getMessage());
            assertTrue(denied.getMessage().contains("until it closes that scope itself"), denied.getMessage());
            assertEquals(null, closeOnAnotherThread(customer), "closing it again does nothing");
            assertEquals(Optional.empty(), current());

            // A scope the thread opens now applies; closing it goes back to the denial, not to the system scope.
            SecurityContext rep = Shop.rep(1);
            try (SecurityContext.Scope inner = SecurityContext.enter(rep)) {
                assertSame(rep, SecurityContext.current());
            }
            assertEquals(Optional.empty(), current());

            customer.close();
            assertTrue(SecurityContext.current().isSystem(), "closed by its own thread, the scope ends as any scope");
            customer.close();
            assertTrue(SecurityContext.current().isSystem(), "closing it again does nothing");
        }
        assertEquals(Optional.empty(), current());
    }

    @Test
    void aScopeClosedOnAnotherThreadWhileInnerScopesAreOpen() throws Exception {
        try (SecurityContext.Scope system = SecurityContext.system(app)) {
            SecurityContext.Scope customer = SecurityContext.open(app, UserIdentity.of(7L, "SalesRep"));
            SecurityContext rep = Shop.rep(1);
            SecurityContext.Scope inner = SecurityContext.enter(rep);

            closeOnAnotherThread(customer);

            assertSame(rep, SecurityContext.current(), "the innermost scope, opened later, still applies");
            inner.close();
            assertEquals(Optional.empty(), current());
            customer.close();
            assertTrue(SecurityContext.current().isSystem());
        }
    }

    @Test
    void aSystemScopeDoesNotReachOtherThreads() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Optional<SecurityContext>> seenByNewThread = new AtomicReference<>();
            Optional<SecurityContext> seenByPool;
            try (SecurityContext.Scope system = SecurityContext.system(app)) {
                Thread thread = new Thread(() -> seenByNewThread.set(current()));
                thread.start();
                thread.join(5000);
                seenByPool = pool.submit(ScopeTest::current).get(5, TimeUnit.SECONDS);
            }
            assertEquals(Optional.empty(), seenByNewThread.get(), "a new thread must not inherit the system scope");
            assertEquals(Optional.empty(), seenByPool);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openUsesTheDefaultModel() {
        ApplicationModel.setDefault(app);
        try (SecurityContext.Scope scope = SecurityContext.open(UserIdentity.of(5L, "SalesRep"))) {
            assertSame(app, SecurityContext.current().application());
            assertEquals(5L, SecurityContext.current().userId());
        }
        try (SecurityContext.Scope scope = SecurityContext.system()) {
            assertTrue(SecurityContext.current().isSystem());
        }
        try (SecurityContext.Scope scope = SecurityContext.openAnonymous()) {
            assertEquals(Optional.of("anonymous access is off in ShopApp"),
                    SecurityContext.current().deniedReason());
        }
    }

    @Test
    void openWithoutADefaultModelFails() {
        assertThrows(IllegalStateException.class, () -> SecurityContext.open(UserIdentity.of(1L, "SalesRep")));
        assertThrows(IllegalStateException.class, SecurityContext::system);
        assertEquals(Optional.empty(), current());
    }

    @Test
    void theUserProviderSuppliesTheUserWhenNoScopeIsOpen() {
        ApplicationModel.setDefault(app);
        SecurityContext.setUserProvider(() -> Optional.of(UserIdentity.of(3L, "SalesRep")));

        SecurityContext ctx = SecurityContext.current();
        assertEquals(3L, ctx.userId());
        assertEquals(Shop.USER, ctx.rolesIn(Shop.SALES));

        try (SecurityContext.Scope scope = SecurityContext.system(app)) {
            assertTrue(SecurityContext.current().isSystem(), "an open scope wins over the provider");
        }
    }

    @Test
    void theUserProviderRegisteredAsAServiceIsUsed(@TempDir Path dir) throws Exception {
        ApplicationModel.setDefault(app);
        ClassLoader loader = ServiceRegistrations.loaderWith(dir, UserProvider.class,
                ServiceLoadedUserProvider.class);

        Optional<SecurityContext> ctx = ServiceRegistrations.withContextClassLoader(loader, ScopeTest::current);

        assertEquals(7L, ctx.orElseThrow().userId());
    }

    @Test
    void aFailingUserProviderMeansNoContext() {
        ApplicationModel.setDefault(Shop.appWithVisitors());
        SecurityContext.setUserProvider(() -> {
            throw new IllegalStateException("session store down, secret=abc");
        });

        assertEquals(Optional.empty(), current(), "a failure must not fall back to anonymous access");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, SecurityContext::current);
        assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the provider's message is not repeated: " + e.getMessage());
    }

    @Test
    void aUserProviderThatDeniesGivesItsReason() {
        ApplicationModel.setDefault(Shop.appWithVisitors());
        SecurityContext.setUserProvider(() -> {
            throw new AccessDeniedException("the principal of a TestingAuthenticationToken has no property 'id'");
        });

        assertEquals(Optional.empty(), current(), "a denial must not fall back to anonymous access");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, SecurityContext::current);
        assertTrue(e.getMessage().endsWith("failed with dev.warden.runtime.AccessDeniedException: the principal of a "
                + "TestingAuthenticationToken has no property 'id'"), e.getMessage());
    }

    @Test
    void aUserProviderReturningNullMeansNoContext() {
        ApplicationModel.setDefault(app);
        SecurityContext.setUserProvider(() -> null);

        assertEquals(Optional.empty(), current());
    }

    @Test
    void aUserFromTheProviderWithoutAModelMeansNoContext() {
        SecurityContext.setUserProvider(() -> Optional.of(UserIdentity.of(3L, "SalesRep")));

        assertEquals(Optional.empty(), current());
        AccessDeniedException e = assertThrows(AccessDeniedException.class, SecurityContext::current);
        assertTrue(e.getMessage().contains("no ApplicationModel"), e.getMessage());
    }

    @Test
    void withoutASignedInUserAnonymousAccessApplies() {
        ApplicationModel.setDefault(Shop.appWithVisitors());
        SecurityContext.setUserProvider(Optional::empty);

        SecurityContext ctx = SecurityContext.current();

        assertTrue(ctx.isAnonymous());
        assertEquals(Shop.GUEST, ctx.rolesIn(Shop.SALES));
        assertSame(ctx, SecurityContext.current(), "the anonymous context is reused");
    }

    @Test
    void withoutASignedInUserAndAnonymousAccessOffThereIsNoContext() {
        ApplicationModel.setDefault(app);
        SecurityContext.setUserProvider(Optional::empty);

        assertEquals(Optional.empty(), current());
    }

    @Test
    void atALevelThatDoesNotCheckDataAContextWithoutUserApplies() {
        ApplicationModel prototype = Shop.model(SecurityLevel.PROTOTYPE).build();
        ApplicationModel.setDefault(prototype);

        SecurityContext ctx = SecurityContext.current();

        assertFalse(ctx.enforcesDataAccess());
        assertTrue(ctx.enforcesOperationAccess());
        assertFalse(ctx.isAnonymous());
        assertFalse(ctx.isSystem());
        assertEquals(Set.of(), ctx.userRoles());
        assertTrue(ctx.toString().startsWith("SecurityContext[no user"), ctx.toString());
    }

    @Test
    void severalRegisteredUserProvidersMeanNoContext(@TempDir Path dir) throws Exception {
        ApplicationModel.setDefault(Shop.appWithVisitors());
        ClassLoader loader = ServiceRegistrations.loaderWith(dir, UserProvider.class,
                ServiceLoadedUserProvider.class, ServiceLoadedUserProvider.Another.class);

        Optional<SecurityContext> ctx = ServiceRegistrations.withContextClassLoader(loader, ScopeTest::current);
        AccessDeniedException e = ServiceRegistrations.withContextClassLoader(loader,
                () -> assertThrows(AccessDeniedException.class, SecurityContext::current));

        assertEquals(Optional.empty(), ctx, "an ambiguous provider must not fall back to anonymous access");
        assertTrue(e.getMessage().contains(ServiceLoadedUserProvider.Another.class.getName()), e.getMessage());
    }
}
