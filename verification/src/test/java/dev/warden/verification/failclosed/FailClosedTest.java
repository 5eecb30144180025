package dev.warden.verification.failclosed;

import static dev.warden.verification.support.Vault.SECRET_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operations;
import dev.warden.runtime.SecuredOperation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.verification.support.CompiledClasses;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
import dev.warden.verification.support.Vault;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way to get data without the right fails closed: no context, no roles, unknown roles, anonymous access off,
 * a missing or mistyped token, a user id of the wrong type, a system scope seen from another thread or left open by
 * an exception, thread pools, reflection, serialisation, and what proxies and exceptions print. Each check goes
 * through the generated policy, the generated proxy and the data access layer (on H2; the differential test covers
 * PostgreSQL). Operation access ({@code @AllowedRoles}) fails closed the same way, at every security level, and an
 * operation that is not registered is denied to everyone.
 */
class FailClosedTest {

    private static Vault vault;
    private static DataSource h2;
    private static Object mine;     // secret 1: owner 10, tenant 1
    private static Object theirs;   // secret 2: owner 11, tenant 2

    @BeforeAll
    static void setUp() {
        vault = Vault.compile();
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:failclosed;DB_CLOSE_DELAY=-1");
        h2 = memory;
        Databases.execute(h2, Vault.DDL,
                "INSERT INTO secret (id, owner, tenant, text) VALUES (1, 10, 1, '" + SECRET_TEXT + "')",
                "INSERT INTO secret (id, owner, tenant, text) VALUES (2, 11, 2, '" + SECRET_TEXT + "-2')");
        mine = vault.secret(1, 10L, 1L, SECRET_TEXT);
        theirs = vault.secret(2, 11L, 2L, SECRET_TEXT + "-2");
    }

    @AfterAll
    static void tearDown() {
        Databases.execute(h2, "SHUTDOWN");
    }

    @AfterEach
    void noGlobalStateAndNoScopeLeft() {
        ApplicationModel.setDefault(null);
        SecurityContext.setUserProvider(null);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent(), "a scope was left open on the test thread");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static SecurityContext user(Object id, String... roles) {
        return SecurityContext.of(vault.model, UserIdentity.of(id, roles));
    }

    private static Object proxy(SecurityContext ctx, Object secret) throws Throwable {
        try {
            return vault.proxyClass.getMethod("of", SecurityContext.class, vault.secretClass).invoke(null, ctx, secret);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object staticCall(Class<?> type, String name, Object... args) throws Throwable {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length
                    && Modifier.isStatic(method.getModifiers())) {
                try {
                    return method.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET_TEXT), () -> "a protected value is printed: " + text);
    }

    private static void assertNoSecret(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertNoSecret(trace.toString());
        assertNoSecret(String.valueOf(e.getMessage()) + e.getLocalizedMessage() + e);
    }

    /** Nothing is visible, readable, creatable or deletable for the context, through any of the three paths. */
    private static void assertSeesNothing(SecurityContext ctx) throws Exception {
        EntityRules<Object, ?> rules = vault.table.rules();
        for (Object secret : new Object[] {mine, theirs}) {
            assertFalse(rules.isVisible(ctx, secret), ctx::toString);
            assertFalse(rules.rights(ctx, secret).visible());
            for (int m = 0; m < rules.memberCount(); m++) {
                assertFalse(rules.canRead(ctx, secret, m));
                assertFalse(rules.canWrite(ctx, secret, m));
            }
            assertFalse(rules.canDelete(ctx, secret));
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> proxy(ctx, secret));
            assertNoSecret(denied);
        }
        assertFalse(rules.canCreate(ctx));
        WardenData data = WardenData.of(h2).as(ctx);
        assertEquals(0, data.list(vault.table).size());
        assertEquals(0, data.count(vault.table));
        assertEquals(Optional.empty(), data.find(vault.table, 1L));
        assertNoSecret(assertThrows(AccessDeniedException.class, () -> data.delete(vault.table, 1L)));
        Object change = vault.secret(1, 10L, 1L, "NEW-" + SECRET_TEXT);
        assertNoSecret(assertThrows(AccessDeniedException.class,
                () -> data.update(vault.table, change, vault.member("text"))));
        Object fresh = vault.secret(50, 10L, 1L, SECRET_TEXT);
        assertNoSecret(assertThrows(AccessDeniedException.class, () -> data.insert(vault.table, fresh)));
        assertEquals(2L, countRows());
    }

    private static long countRows() {
        return WardenData.of(h2).as(SecurityContext.systemOf(vault.model)).count(vault.table);
    }

    // ------------------------------------------------------------------------------------------- who is asking

    @Test
    void theKeeperSeesTheirOwnSecretOnly() throws Throwable {
        SecurityContext keeper = user(10L, "Keeper");
        assertTrue(vault.table.rules().isVisible(keeper, mine));
        assertFalse(vault.table.rules().isVisible(keeper, theirs));
        assertEquals(1, WardenData.of(h2).as(keeper).count(vault.table));
        assertEquals(SECRET_TEXT, vault.get(proxy(keeper, mine), "getText"));
    }

    @Test
    void noContextAtAll() throws Throwable {
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        assertNoSecret(assertThrows(AccessDeniedException.class, SecurityContext::current));
        assertThrows(AccessDeniedException.class, () -> staticCall(vault.proxyClass, "of", mine));
        assertEquals(false, vault.table.rules().isVisible(mine));
        assertEquals(false, vault.table.rules().canCreate());
        assertEquals(false, vault.table.rules().canDelete(mine));
        WardenData data = WardenData.of(h2);
        assertThrows(AccessDeniedException.class, () -> data.list(vault.table));
        assertThrows(AccessDeniedException.class, () -> data.count(vault.table));
        assertThrows(AccessDeniedException.class, () -> data.find(vault.table, 1L));
        assertThrows(AccessDeniedException.class, () -> data.delete(vault.table, 1L));
        assertEquals(2L, countRows());
    }

    @Test
    void aDefaultModelWithoutAnonymousAccessGivesNoContext() {
        ApplicationModel.setDefault(vault.model);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        assertThrows(AccessDeniedException.class, () -> WardenData.of(h2).list(vault.table));
    }

    @Test
    void aFailingOrBrokenUserProviderGivesNoContext() throws Exception {
        ApplicationModel.setDefault(vault.model);
        SecurityContext.setUserProvider(() -> {
            throw new IllegalStateException("session store down");
        });
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        SecurityContext.setUserProvider(() -> null);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        SecurityContext.setUserProvider(() -> Optional.of(UserIdentity.of(10L, "Keeper", "Ghost")));
        assertSeesNothing(SecurityContext.current());
    }

    @Test
    void anEmptyRoleSet() throws Exception {
        assertSeesNothing(user(10L));
    }

    @Test
    void anUnknownUserRoleDeniesEverythingEvenWithAKnownOne() throws Exception {
        assertSeesNothing(user(10L, "Keeper", "Ghost"));
        assertSeesNothing(user(10L, "keeper"));
    }

    @Test
    void anonymousWithAnonymousAccessOff() throws Throwable {
        assertSeesNothing(SecurityContext.anonymousOf(vault.model));
        assertSeesNothing(SecurityContext.of(vault.model, new UserIdentity(null, java.util.Set.of("Keeper"), Map.of())));
        try (SecurityContext.Scope scope = SecurityContext.openAnonymous(vault.model)) {
            assertThrows(AccessDeniedException.class, () -> staticCall(vault.proxyClass, "of", mine));
            assertEquals(0, WardenData.of(h2).count(vault.table));
        }
    }

    @Test
    void aMissingOrMistypedTokenValue() throws Exception {
        assertSeesNothing(user(20L, "Auditor"));
        assertSeesNothing(SecurityContext.of(vault.model, UserIdentity.of(20L, "Auditor").withAttribute("Tenant", "1")));
        assertSeesNothing(SecurityContext.of(vault.model, UserIdentity.of(20L, "Auditor").withAttribute("Tenant", 1)));
        // control: with the token, tenant 1 is visible, its text still not
        SecurityContext auditor = SecurityContext.of(vault.model, UserIdentity.of(20L, "Auditor").withAttribute("Tenant", 1L));
        assertTrue(vault.table.rules().isVisible(auditor, mine));
        assertFalse(vault.table.rules().isVisible(auditor, theirs));
        Object row = WardenData.of(h2).as(auditor).find(vault.table, 1L).orElseThrow();
        assertEquals(null, vault.get(row, "getText"));
    }

    @Test
    void aUserIdOfTheWrongType() throws Exception {
        assertSeesNothing(user("10", "Keeper"));
        assertSeesNothing(user(10, "Keeper"));
    }

    // ------------------------------------------------------------------------------------- threads and scopes

    @Test
    void aSystemScopeDoesNotLeakIntoOtherThreads() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
            assertEquals(2, WardenData.of(h2).count(vault.table));
            AtomicReference<Optional<SecurityContext>> seen = new AtomicReference<>();
            Thread thread = new Thread(() -> seen.set(SecurityContext.currentIfPresent()));
            thread.start();
            thread.join();
            assertEquals(Optional.empty(), seen.get(), "a new thread inherited the system scope");
            assertEquals(Optional.empty(), pool.submit(SecurityContext::currentIfPresent).get(),
                    "a pool thread saw the system scope");
            assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> pool.submit(() -> WardenData.of(h2).count(vault.table)).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSystemScopeClosesWhenAnExceptionLeavesIt() {
        assertThrows(IllegalStateException.class, () -> {
            try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        try (SecurityContext.Scope keeper = SecurityContext.open(vault.model, UserIdentity.of(10L, "Keeper"))) {
            assertThrows(IllegalStateException.class, () -> {
                try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
                    throw new IllegalStateException("boom");
                }
            });
            assertFalse(SecurityContext.current().isSystem());
            assertEquals(1, WardenData.of(h2).count(vault.table));
        }
    }

    /**
     * A job for the keeper inside a system scope, whose scope another thread closes (a watchdog, a misused shared
     * scope object): the close throws there, and the job's thread must not go on as SYSTEM. Until it closes the
     * scope itself, it has no context, so every path denies.
     */
    @Test
    void aScopeClosedOnAnotherThreadDoesNotFallBackToTheSystemScope() throws Throwable {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
            SecurityContext.Scope keeper = SecurityContext.open(vault.model, UserIdentity.of(10L, "Keeper"));
            assertEquals(1, WardenData.of(h2).count(vault.table));

            Future<?> close = other.submit(keeper::close);
            ExecutionException failed = assertThrows(ExecutionException.class, close::get);
            assertTrue(failed.getCause() instanceof IllegalStateException, String.valueOf(failed.getCause()));

            assertEquals(Optional.empty(), SecurityContext.currentIfPresent(), "the keeper's thread runs as SYSTEM");
            assertNoSecret(assertThrows(AccessDeniedException.class, SecurityContext::current));
            WardenData data = WardenData.of(h2);
            assertThrows(AccessDeniedException.class, () -> data.list(vault.table));
            assertThrows(AccessDeniedException.class, () -> data.count(vault.table));
            assertThrows(AccessDeniedException.class, () -> data.find(vault.table, 1L));
            assertThrows(AccessDeniedException.class, () -> data.delete(vault.table, 1L));
            assertThrows(AccessDeniedException.class, () -> staticCall(vault.proxyClass, "of", mine));
            assertEquals(false, vault.table.rules().isVisible(mine));
            assertEquals(false, vault.table.rules().canDelete(mine));
            assertEquals(2L, countRows());

            keeper.close();
            assertEquals(2, WardenData.of(h2).count(vault.table), "closed on its own thread, the system scope is back");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void poolThreadsCarryAContextOnlyWhenWrappedAndKeepNoneAfterwards() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ExecutorService wrapped = SecurityContext.wrap(pool);
            try (SecurityContext.Scope keeper = SecurityContext.open(vault.model, UserIdentity.of(10L, "Keeper"))) {
                assertEquals(1L, wrapped.submit(() -> WardenData.of(h2).count(vault.table)).get());
                assertEquals(Optional.empty(), pool.submit(SecurityContext::currentIfPresent).get());
            }
            // the same worker thread, after the wrapped task: nothing left behind
            assertEquals(Optional.empty(), pool.submit(SecurityContext::currentIfPresent).get());
            // a task wrapped where there was no context runs without one, even on a thread that has one open
            Runnable noContext = SecurityContext.wrap(() -> assertEquals(Optional.empty(), SecurityContext.currentIfPresent()));
            try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
                noContext.run();
                assertTrue(SecurityContext.current().isSystem());
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    /**
     * Virtual threads do not exist on Java 17, the release Warden targets: this runs only on 21 and newer (through
     * reflection, so that it compiles on 17), where a virtual thread, like any new thread, starts without a context.
     */
    @Test
    void virtualThreadsStartWithoutAContext() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21; this runs on Java 17");
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        AtomicReference<Optional<SecurityContext>> seen = new AtomicReference<>();
        try (SecurityContext.Scope system = SecurityContext.system(vault.model)) {
            Thread thread = (Thread) builder.getClass().getMethod("start", Runnable.class).invoke(builder,
                    (Runnable) () -> seen.set(SecurityContext.currentIfPresent()));
            thread.join();
        }
        assertEquals(Optional.empty(), seen.get());
    }

    // --------------------------------------------------------------------------- what the proxy and errors leak

    /**
     * Reflection: the proxy has no public field and no public method that returns the wrapped object; the field that
     * holds it is private and final. Reflection with {@code setAccessible(true)} can still read it (the generated code
     * lives in the application's own module, where deep reflection is allowed): reflection is not a security
     * boundary, and Warden does not pretend it is.
     */
    @Test
    void reflectionOnTheProxyFindsNoPublicWayToTheRawObject() throws Throwable {
        Object proxy = proxy(user(10L, "Keeper"), mine);
        for (Method method : vault.proxyClass.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertFalse(vault.secretClass.isAssignableFrom(method.getReturnType()), method::toString);
            if (method.getParameterCount() == 0 && method.getReturnType() != void.class
                    && !method.getName().equals("getClass") && !method.getName().equals("hashCode")) {
                Object result;
                try {
                    result = method.invoke(proxy);
                } catch (InvocationTargetException e) {
                    continue;
                }
                assertFalse(vault.secretClass.isInstance(result), method::toString);
                if (result instanceof Map<?, ?> map) {
                    map.values().forEach(v -> assertFalse(vault.secretClass.isInstance(v), method::toString));
                }
            }
        }
        assertEquals(0, vault.proxyClass.getFields().length);
        for (Field field : vault.proxyClass.getDeclaredFields()) {
            assertTrue(Modifier.isPrivate(field.getModifiers()), field::toString);
            if (field.getType() == vault.secretClass) {
                assertTrue(Modifier.isFinal(field.getModifiers()), field::toString);
                assertFalse(field.canAccess(proxy), "the raw object is reachable without setAccessible");
            }
        }
    }

    @Test
    void aProxyCannotBeSerialised() throws Throwable {
        Object proxy = proxy(user(10L, "Keeper"), mine);
        assertFalse(Serializable.class.isAssignableFrom(vault.proxyClass));
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            assertThrows(NotSerializableException.class, () -> out.writeObject(proxy));
        }
    }

    @Test
    void anAccessDeniedExceptionSerialisesWithoutTheValue() throws Throwable {
        SecurityContext auditor = SecurityContext.of(vault.model, UserIdentity.of(20L, "Auditor").withAttribute("Tenant", 1L));
        Object proxy = proxy(auditor, mine);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> {
            try {
                vault.proxyClass.getMethod("getText").invoke(proxy);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        assertNoSecret(denied);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(denied);
        }
        assertNoSecret(bytes.toString(StandardCharsets.ISO_8859_1));
        assertNoSecret(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void equalsHashCodeAndToStringOfProxiesPrintNoValue() throws Throwable {
        SecurityContext keeper = user(10L, "Keeper");
        Object proxy = proxy(keeper, mine);
        assertNoSecret(proxy.toString());
        assertFalse(proxy.toString().contains("10"), proxy.toString());
        // equality is identity of the wrapped object: it cannot be used to probe values with a look-alike
        Object lookAlike = vault.secret(1, 10L, 1L, SECRET_TEXT);
        assertNotEquals(proxy, proxy(keeper, lookAlike));
        assertEquals(proxy, proxy(keeper, mine));
        int hash = proxy.hashCode();
        mine.getClass().getMethod("setText", String.class).invoke(mine, "other");
        try {
            assertEquals(hash, proxy.hashCode(), "the hash code depends on a value");
        } finally {
            mine.getClass().getMethod("setText", String.class).invoke(mine, SECRET_TEXT);
        }
        SecurityContext auditor = SecurityContext.of(vault.model, UserIdentity.of(20L, "Auditor").withAttribute("Tenant", 1L));
        Object audited = proxy(auditor, mine);
        assertNoSecret(audited.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> readable = (Map<String, Object>) vault.proxyClass.getMethod("readableValues").invoke(audited);
        assertFalse(readable.containsKey("text"));
        assertNoSecret(readable.toString());
        assertNoSecret(vault.table.rules().explain(auditor, mine).toString());
    }

    @Test
    void contextsAndUsersDoNotPrintTokenValues() {
        UserIdentity user = UserIdentity.of(20L, "Auditor").withAttribute("Tenant", 987654L);
        assertFalse(user.toString().contains("987654"), user.toString());
        assertFalse(SecurityContext.of(vault.model, user).toString().contains("987654"));
    }

    @Test
    void deniedWritesAndDatabaseErrorsDoNotPrintTheValues() throws Throwable {
        SecurityContext keeper = user(10L, "Keeper");
        WardenData data = WardenData.of(h2).as(keeper);
        // an update of someone else's secret
        Object change = vault.secret(2, 11L, 2L, "NEW-" + SECRET_TEXT);
        assertNoSecret(assertThrows(AccessDeniedException.class,
                () -> data.update(vault.table, change, vault.member("text"))));
        // a proxy write that the rules refuse: owner is read-only for the keeper
        Object proxy = proxy(keeper, mine);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> {
            try {
                vault.proxyClass.getMethod("setOwner", Long.class).invoke(proxy, 424242L);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        assertFalse(denied.getMessage().contains("424242"), denied.getMessage());
        // a database error (duplicate key) raised while inserting a protected value
        Object duplicate = vault.secret(1, 10L, 1L, "DUPLICATE-" + SECRET_TEXT);
        try {
            data.insert(vault.table, duplicate);
            fail("a duplicate key was inserted");
        } catch (RuntimeException e) {
            assertNoSecret(e);
        }
        assertEquals(2L, countRows());
    }

    // ------------------------------------------------------------------------------------- operation access

    /**
     * Services of the vault's module protected with {@code @AllowedRoles}, compiled with the processor and loaded with
     * their registrations: {@code SecretService} for keepers ({@code open}) and auditors ({@code audit}).
     */
    private static Class<?> secretService;
    private static Class<?> unprotected;

    private static Class<?> secretService() throws Exception {
        if (secretService == null) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("vault.data.package-info", """
                    @dev.warden.annotations.Module(name = "Vault", roles = {"Owner", "Reader"})
                    package vault.data;
                    """);
            sources.put("vault.data.SecretService", """
                    package vault.data;
                    import dev.warden.annotations.AllowedRoles;
                    @AllowedRoles("Owner")
                    public class SecretService {
                        public void open() {}
                        @AllowedRoles({"Reader", "Vault.Owner"}) public void audit() {}
                    }
                    """);
            sources.put("vault.data.Unprotected", """
                    package vault.data;
                    public class Unprotected {
                        public void open() {}
                    }
                    """);
            Compilation compilation = Javac.compile(sources);
            assertEquals(Compilation.Status.SUCCESS, compilation.status(),
                    () -> Javac.diagnostics(compilation));
            ClassLoader loader = new CompiledClasses(compilation);
            secretService = loader.loadClass("vault.data.SecretService");
            unprotected = loader.loadClass("vault.data.Unprotected");
        }
        return secretService;
    }

    private static ApplicationModel vaultAt(SecurityLevel level) {
        return ApplicationModel.builder("VaultApp").level(level).userRole("Keeper", "Vault.Owner")
                .userRole("Auditor", "Vault.Reader").token("Tenant", Long.class).build();
    }

    /** Neither the operation's check nor the look-up allows it, and the denial names the operation. */
    private static void assertMayNotRun(SecurityContext ctx, String method) throws Exception {
        Class<?> service = secretService();
        assertFalse(Operations.isAllowed(ctx, service, method), () -> String.valueOf(ctx));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> Operations.check(ctx, service, method));
        assertEquals(Optional.of("SecretService." + method), denied.securedOperation());
        assertTrue(denied.getMessage().startsWith("Access denied: cannot run SecretService." + method + ": "),
                denied.getMessage());
        SecuredOperation operation =
                Operations.find(service, method).orElseThrow();
        assertThrows(AccessDeniedException.class, () -> operation.check(ctx));
    }

    @Test
    void operationsWithoutAContext() throws Exception {
        assertMayNotRun(null, "open");
        assertThrows(AccessDeniedException.class, () -> Operations.check(secretService(), "open"));
        ApplicationModel.setDefault(vault.model);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent(), "no anonymous access: no context");
        assertThrows(AccessDeniedException.class, () -> Operations.check(secretService(), "open"));
        try (SecurityContext.Scope scope = SecurityContext.open(vault.model, UserIdentity.of(10L, "Keeper"))) {
            Operations.check(secretService(), "open");
        }
    }

    @Test
    void operationsForUnknownRolesNoRolesAndBadIds() throws Exception {
        for (String method : new String[] {"open", "audit"}) {
            assertMayNotRun(user(10L, "Keeper", "Ghost"), method);
            assertMayNotRun(user(10L, "keeper"), method);
            assertMayNotRun(user(10L), method);
            assertMayNotRun(user("10", "Keeper"), method);
            assertMayNotRun(SecurityContext.anonymousOf(vault.model), method);
        }
        assertMayNotRun(user(20L, "Auditor"), "open");
        // control: the same users with good roles may
        assertTrue(Operations.isAllowed(user(10L, "Keeper"), secretService(), "open"));
        assertTrue(Operations.isAllowed(user(20L, "Auditor"), secretService(), "audit"));
    }

    @Test
    void operationsAtEveryLevel() throws Exception {
        ApplicationModel off = vaultAt(SecurityLevel.OFF);
        ApplicationModel prototype = vaultAt(SecurityLevel.PROTOTYPE);
        // PROTOTYPE checks operation access as PRODUCTION does (only data access is off).
        assertMayNotRun(SecurityContext.of(prototype, UserIdentity.of(20L, "Auditor")), "open");
        // OFF checks nothing for a valid user...
        assertTrue(Operations.isAllowed(SecurityContext.of(off, UserIdentity.of(20L, "Auditor")),
                secretService(), "open"));
        // ...but a context that denies everything is denied at every level, OFF included.
        for (ApplicationModel app : new ApplicationModel[] {off, prototype, vault.model}) {
            assertMayNotRun(SecurityContext.of(app, UserIdentity.of(10L, "Keeper", "Ghost")), "open");
            assertMayNotRun(SecurityContext.of(app, UserIdentity.of(10L)), "open");
        }
    }

    @Test
    void anOperationThatIsNotRegisteredIsDeniedToEveryone() throws Exception {
        Class<?> service = secretService();
        for (SecurityContext ctx : new SecurityContext[] {SecurityContext.systemOf(vault.model), user(10L, "Keeper"),
                SecurityContext.of(vaultAt(SecurityLevel.OFF), UserIdentity.of(10L, "Keeper"))}) {
            assertThrows(AccessDeniedException.class, () -> Operations.check(ctx, service, "opne"));
            assertThrows(AccessDeniedException.class, () -> Operations.check(ctx, unprotected, "open"));
            assertFalse(Operations.isAllowed(ctx, unprotected, "open"));
        }
        // The system runs every registered operation.
        assertTrue(Operations.isAllowed(SecurityContext.systemOf(vault.model), service, "open"));
    }

    @Test
    void userManagementFailsClosed() {
        assertFalse(user(10L, "Keeper").canManage("Keeper"), "nobody manages anybody in the vault");
        assertFalse(user(10L, "Keeper", "Ghost").canManage("Keeper"));
        assertFalse(SecurityContext.systemOf(vault.model).canManage("Ghost"), "an undeclared user role");
        assertTrue(SecurityContext.systemOf(vault.model).canAssign(List.of("Keeper"),
                List.of("Auditor")));
    }
}
