package dev.warden.runtime;

import static dev.warden.runtime.Shop.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rights that differ per role within one rule (a rule of several roles is one rule per role), the rights object the
 * proxies read, and the module-role queries of a context. Written to kill mutants that PIT found surviving: a grant
 * of a role the user does not hold must give nothing.
 */
class GrantsPerRoleTest {

    /**
     * One rule for User and Manager: managers create, delete, read and write everything; users read the note only.
     * Built in each test, not in a static field, so that mutation testing sees the constructor run.
     */
    /** The members of a memo. */
    private enum MemoMember implements EntityMember {
        TITLE, NOTE;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static EntityRules<String, MemoMember> split() {
        return TestRules.builder(String.class, MemoMember.class, SALES)
                .rule("one rule, two roles", null)
                .grant(Shop.USER, false, false, MemberSet.of(1), MemberSet.none())
                .grant(Shop.MANAGER, true, true, MemberSet.all(2), MemberSet.all(2))
                .build();
    }

    @Test
    void aGrantOfARoleTheUserDoesNotHoldGivesNothing() {
        EntityRules<String, MemoMember> rules = split();
        assertEquals(0, rules.memberIndex("title"));
        assertEquals(1, rules.memberIndex("note"));
        assertEquals(-1, rules.memberIndex("other"));
        assertTrue(rules.canCreate(Shop.manager(2)));
        SecurityContext rep = Shop.rep(1);
        Rights rights = rules.rights(rep, "memo");
        assertTrue(rights.visible());
        assertFalse(rights.canDelete());
        assertFalse(rights.canRead(0));
        assertTrue(rights.canRead(1));
        assertFalse(rights.canWrite(0));
        assertFalse(rights.canWrite(1));
        assertEquals(MemberSet.of(1), rights.readable());
        assertEquals(MemberSet.none(), rights.writable());
        assertFalse(rules.canCreate(rep));
        assertFalse(rules.canDelete(rep, "memo"));
        assertFalse(rules.canRead(rep, "memo", 0));

        Rights manager = rules.rights(Shop.manager(2), "memo");
        assertTrue(manager.canDelete());
        assertTrue(manager.canRead(0));
        assertTrue(manager.canWrite(1));
        assertTrue(manager.toString().contains("delete=true"), manager::toString);
    }

    @Test
    void aUserWithoutRolesInTheModuleGetsNoRights() {
        EntityRules<String, MemoMember> rules = split();
        SecurityContext admin = SecurityContext.of(Shop.model(SecurityLevel.PRODUCTION)
                .userRole("Admin", "Administration.Admin").build(), UserIdentity.of(3L, "Admin"));
        assertEquals(0L, admin.rolesIn(SALES));
        assertFalse(rules.rights(admin, "memo").visible());
        assertFalse(rules.rights(admin, "memo").canRead(1));
    }

    @Test
    void moduleRolesOfAContext() {
        SecurityContext rep = Shop.rep(1);
        assertTrue(rep.hasModuleRole("Sales.User"));
        assertFalse(rep.hasModuleRole("Sales.Manager"));
        assertFalse(rep.hasModuleRole("User"));
        assertEquals(Set.of("Sales.User"), rep.moduleRoles());
        assertEquals(Shop.USER, rep.rolesIn(SALES));
        // asked again (now from the cache) and for a second module
        assertEquals(Shop.USER, rep.rolesIn(SALES));
        assertEquals(0L, rep.rolesIn(Shop.ADMINISTRATION));
        SecurityContext admin = Shop.manager(2);
        assertEquals(Shop.MANAGER, admin.rolesIn(SALES));
        assertEquals(Shop.ADMINISTRATION.bit("Admin"), admin.rolesIn(Shop.ADMINISTRATION));
        for (int i = 0; i < 20; i++) {
            ModuleDescriptor other = new ModuleDescriptor("Administration", "Admin");
            assertEquals(other.bit("Admin"), admin.rolesIn(other));
        }
    }

    @Test
    void aUserWithoutIdIsDeniedAndTheMessageSaysWhetherAnonymousAccessIsOn() {
        SecurityContext off = SecurityContext.of(Shop.app(), new UserIdentity(null, Set.of("SalesRep"), java.util.Map.of()));
        assertTrue(off.deniedReason().orElseThrow().contains("anonymous access is off"));
        SecurityContext on = SecurityContext.of(Shop.appWithVisitors(),
                new UserIdentity(null, Set.of("SalesRep"), java.util.Map.of()));
        assertTrue(on.deniedReason().isPresent());
        assertFalse(on.deniedReason().get().contains("anonymous access is off"));
    }

    @Test
    void moduleRolesOfAUserRoleMustBeQualified() {
        for (String role : new String[] {".User", "Sales.", "User", "."}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ApplicationModel.builder("App").userRole("U", role), role);
        }
        assertEquals(Set.of("S.U"), ApplicationModel.builder("App").userRole("U", "S.U").build().moduleRolesOf("U"));
    }

    @Test
    void memberSets() {
        assertEquals(MemberSet.of(0, 1, 2), MemberSet.all(3));
        assertFalse(MemberSet.all(3).contains(3));
        assertEquals(MemberSet.all(64), MemberSet.all(64));
        assertTrue(MemberSet.all(64).contains(63));
        assertFalse(MemberSet.all(64).contains(64));
        assertFalse(MemberSet.all(65).contains(65));
        assertTrue(MemberSet.of(0).contains(0));
        assertEquals(MemberSet.of(2, 5).hashCode(), MemberSet.of(5, 2).hashCode());
        assertNotEquals(MemberSet.of(2).hashCode(), MemberSet.of(3).hashCode());
        assertEquals("{}", MemberSet.none().toString());
        assertEquals("{0}", MemberSet.of(0).toString());
        assertEquals("{0, 1, 65}", MemberSet.of(65, 1, 0).toString());
    }

    @Test
    void aWrappedExecutorServiceDelegatesEverything() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService wrapped = SecurityContext.wrap(pool);
        SecurityContext rep = Shop.rep(4);
        try (SecurityContext.Scope scope = SecurityContext.enter(rep)) {
            Callable<Object> who = () -> SecurityContext.current().userId();
            assertEquals(4L, wrapped.submit(who).get());
            assertEquals(List.of(4L, 4L), wrapped.invokeAll(List.of(who, who)).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList());
            assertEquals(2, wrapped.invokeAll(List.of(who, who), 5, TimeUnit.SECONDS).size());
            assertEquals(4L, wrapped.invokeAny(List.of(who)));
            assertEquals(4L, wrapped.invokeAny(List.of(who), 5, TimeUnit.SECONDS));
            Object[] seen = new Object[1];
            wrapped.submit(() -> seen[0] = SecurityContext.current().userId()).get();
            assertEquals(4L, seen[0]);
            assertEquals(4L, wrapped.submit(() -> { }, 4L).get());
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            wrapped.execute(ran::countDown);
            assertTrue(ran.await(5, TimeUnit.SECONDS));
        }
        assertFalse(wrapped.isShutdown());
        assertFalse(wrapped.isTerminated());
        assertTrue(wrapped.toString().length() > 0);
        wrapped.shutdown();
        assertTrue(wrapped.isShutdown());
        assertTrue(wrapped.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(wrapped.isTerminated());
        ExecutorService busy = SecurityContext.wrap(Executors.newSingleThreadExecutor());
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        busy.submit(() -> {
            release.await();
            return null;
        });
        busy.shutdown();
        assertFalse(busy.awaitTermination(10, TimeUnit.MILLISECONDS));
        release.countDown();
        assertTrue(busy.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(pool.isTerminated());
        ExecutorService second = SecurityContext.wrap(Executors.newSingleThreadExecutor());
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        second.submit(() -> {
            started.countDown();
            never.await();
            return null;
        });
        second.submit(() -> { });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        List<Runnable> pending = second.shutdownNow();
        assertTrue(second.isShutdown());
        assertEquals(1, pending.size());
        assertTrue(second.awaitTermination(5, TimeUnit.SECONDS));
    }
}
