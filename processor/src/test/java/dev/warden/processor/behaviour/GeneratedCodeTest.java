package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.annotations.SecurityLevel;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Compiles the shop fixture through the processor and runs the generated policies and proxies for several
 * users, through {@code fixture.Scenarios}, which uses the generated code as an application would.
 */
class GeneratedCodeTest {

    private static final String[] FIXTURES = {
        "fixture/ShopApp.java", "fixture/Scenarios.java", "fixture/shop/package-info.java",
        "fixture/shop/Customer.java", "fixture/shop/Status.java", "fixture/shop/Order.java",
        "fixture/shop/OrderLine.java", "fixture/shop/Ticket.java", "fixture/shop/Product.java"
    };

    private static ClassLoader loader;
    private static ApplicationModel app;

    @BeforeAll
    static void compileFixtures() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                java.util.Arrays.stream(FIXTURES).map(f -> WardenCompiler.resource("fixtures/shop/" + f))
                        .toArray(javax.tools.JavaFileObject[]::new));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("fixture.ShopAppSecurityModel").getField("INSTANCE").get(null);
    }

    private static SecurityContext user(long id, String... roles) {
        return SecurityContext.of(app, UserIdentity.of(id, roles));
    }

    private static SecurityContext clerkNorth() {
        return SecurityContext.of(app, UserIdentity.of(20L, "Clerk").withAttribute("Region", "North"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(String name, Object... args) {
        try {
            Class<?> scenarios = loader.loadClass("fixture.Scenarios");
            for (Method method : scenarios.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                    return (T) method.invoke(null, args);
                }
            }
            throw new AssertionError("no scenario " + name);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Visibility {
        @Test
        void managerSeesEverything() {
            assertEquals(List.of(10L, 11L, 12L, 13L), call("visibleOrders", user(1, "Boss")));
            assertEquals(List.of(1L, 2L, 3L), call("visibleCustomers", user(1, "Boss")));
        }

        @Test
        void ownerConstraintLimitsCustomersToTheirOwnOrders() {
            assertEquals(List.of(10L, 11L), call("visibleOrders", user(30, "Buyer")));
            assertEquals(List.of(12L, 13L), call("visibleOrders", user(31, "Buyer")));
            assertEquals(List.of(), call("visibleOrders", user(99, "Buyer")));
        }

        @Test
        void associationPathGivesClerksTheOrdersOfTheCustomersTheyManage() {
            assertEquals(List.of(10L, 11L), call("visibleOrders", clerkNorth()));
            assertEquals(List.of(12L, 13L), call("visibleOrders", user(21, "Clerk")));
        }

        @Test
        void customTokenWidensAccessOnlyWhenTheUserHasAValue() {
            // Clerk 20 manages customer 1 and, through Region = North, sees customer 3's name.
            assertEquals(List.of(1L, 3L), call("visibleCustomers", clerkNorth()));
            assertEquals(Map.of("name", "Initech"), call("customerValues", clerkNorth(), 3L));
            // Without a Region the token rule denies: only the managed customer.
            assertEquals(List.of(1L), call("visibleCustomers", user(20, "Clerk")));
            // A Region of the wrong type counts as no value.
            SecurityContext wrongType = SecurityContext.of(app, UserIdentity.of(20L, "Clerk").withAttribute("Region", 7));
            assertEquals(List.of(1L), call("visibleCustomers", wrongType));
        }

        @Test
        void roleTokenAppliesOnlyToUsersWithThatUserRole() {
            assertEquals(List.of(10L, 11L, 12L, 13L), call("visibleOrders", user(22, "Clerk", "Auditor")));
            Map<String, Object> values = call("orderValues", user(22, "Clerk", "Auditor"), 12L);
            assertEquals(Set.of("id", "total"), values.keySet());
        }

        @Test
        void anonymousUsersGetTheAnonymousRole() {
            SecurityContext anonymous = SecurityContext.anonymousOf(app);
            assertEquals(List.of(1L), call("visibleCustomers", anonymous));
            assertEquals(Map.of("name", "Acme"), call("customerValues", anonymous, 1L));
            assertEquals(List.of(), call("visibleOrders", anonymous));
        }
    }

    @Nested
    class MemberRights {
        @Test
        void rulesCombineMemberByMember() {
            Map<String, Object> values = call("customerValues", clerkNorth(), 1L);
            assertEquals(Set.of("id", "name", "region", "accountManager", "vip"), values.keySet());
            assertTrue(((String) call("readSecret", clerkNorth(), 1L)).startsWith("denied:"));
            assertEquals("ok:s1", call("readSecret", user(1, "Boss"), 1L));
        }

        @Test
        void deniedReadNamesEntityMemberAndOperationButNotTheValue() {
            String outcome = call("readSecret", clerkNorth(), 1L);
            assertTrue(outcome.contains("secret"), outcome);
            assertTrue(outcome.contains("Customer"), outcome);
            assertTrue(outcome.contains("READ"), outcome);
            assertFalse(outcome.contains("s1"), outcome);
        }

        @Test
        void writeRightDependsOnTheRowThroughTheConstraint() {
            assertEquals("ok:hello", call("setNote", user(30, "Buyer"), 10L, "hello"));
            String shipped = call("setNote", user(30, "Buyer"), 11L, "hello");
            assertTrue(shipped.startsWith("denied:") && shipped.contains("note"), shipped);
            assertTrue(((String) call("setTotal", user(30, "Buyer"), 10L, "1")).startsWith("denied:"));
            assertEquals("ok", call("setTotal", user(1, "Boss"), 10L, "1"));
        }

        @Test
        void memberAccessOnARecordComponentHidesItFromSomeRoles() {
            assertTrue(((String) call("costPrice", user(30, "Buyer"))).startsWith("denied:"));
            assertEquals("ok:40", call("costPrice", clerkNorth()));
        }

        @Test
        void associationGettersReturnOnlyVisibleObjects() {
            assertEquals(List.of(1L), call("lineIds", clerkNorth(), 10L));
            assertEquals(List.of(1L, 2L), call("lineIds", user(30, "Buyer"), 10L));
            Map<String, Object> values = call("orderValues", user(30, "Buyer"), 10L);
            assertEquals(List.of(1L, 2L), values.get("lines"));
            // Buyers may not see customers at all: the association reads as empty.
            assertEquals(null, values.get("customer"));
            assertEquals("Customer#1", ((Map<?, ?>) call("orderValues", clerkNorth(), 10L)).get("customer"));
        }

        @Test
        void deleteNeedsAnActiveRuleWithDelete() {
            assertTrue((Boolean) call("canDelete", user(30, "Buyer"), 10L));
            assertFalse((Boolean) call("canDelete", user(30, "Buyer"), 11L));
            assertFalse((Boolean) call("canDelete", clerkNorth(), 10L));
        }
    }

    @Nested
    class WriteCheck {
        @Test
        void aChangeThatTakesTheObjectOutOfScopeIsUndoneAndRefused() {
            String outcome = call("reassign", clerkNorth(), 1L, 21L);
            assertTrue(outcome.startsWith("denied:") && outcome.contains("write check"), outcome);
            assertTrue(outcome.endsWith("assignee=20"), outcome);
            assertEquals("ok assignee=21", call("reassign", user(1, "Boss"), 1L, 21L));
        }

        @Test
        void createFillsTheOwnerAndChecksTheNewObjectIsInScope() {
            assertEquals("ok createdBy=20", call("createTicket", clerkNorth(), 20L));
            // Assigned to someone else, the ticket is outside the clerk's rule, which is what lets them write its title.
            String outOfScope = call("createTicket", clerkNorth(), 21L);
            assertTrue(outOfScope.startsWith("denied:") && outOfScope.contains("cannot WRITE member 'title'"),
                    outOfScope);
            assertEquals("ok owner=30", call("createOrder", user(30, "Buyer")));
            assertTrue(((String) call("createOrder", clerkNorth())).startsWith("denied:"));
        }
    }

    @Nested
    class FailClosed {
        @Test
        void noContextMeansNoAccess() {
            String outcome = call("wrapWithCurrentContext", 10L);
            assertTrue(outcome.startsWith("denied:") && outcome.contains("No security context"), outcome);
        }

        @Test
        @SuppressWarnings("try")
        void anOpenScopeIsUsedByTheVariantsWithoutContext() {
            try (SecurityContext.Scope scope = SecurityContext.open(app, UserIdentity.of(30L, "Buyer"))) {
                assertEquals("ok:SecuredOrder[Order]", call("wrapWithCurrentContext", 10L));
                assertTrue(((String) call("wrapWithCurrentContext", 12L)).startsWith("denied:"));
            }
            assertTrue(((String) call("wrapWithCurrentContext", 10L)).startsWith("denied:"));
        }

        @Test
        void anUnknownUserRoleDeniesEverything() {
            SecurityContext typo = user(1, "Bos");
            assertEquals(List.of(), call("visibleOrders", typo));
            assertEquals(List.of(), call("visibleCustomers", typo));
            assertTrue(((String) call("createOrder", typo)).startsWith("denied:"));
        }

        @Test
        void anUnknownRoleNextToAKnownOneStillDenies() {
            assertEquals(List.of(), call("visibleOrders", user(1, "Boss", "Typo")));
        }

        @Test
        void proxyToStringPrintsNoValues() {
            assertEquals("SecuredOrder[Order]", call("proxyToString", user(1, "Boss"), 10L));
        }
    }

    @Nested
    class Concurrency {
        @Test
        @SuppressWarnings("try")
        void threadsAsDifferentUsersNeverSeeEachOthersOrders() throws Exception {
            int threads = 8;
            int iterations = 2_000;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long userId = t % 2 == 0 ? 30L : 31L;
                    List<Long> expected = userId == 30L ? List.of(10L, 11L) : List.of(12L, 13L);
                    results.add(pool.submit(() -> {
                        int mismatches = 0;
                        for (int i = 0; i < iterations; i++) {
                            try (SecurityContext.Scope scope = SecurityContext.open(app, UserIdentity.of(userId, "Buyer"))) {
                                if (!expected.equals(call("visibleOrdersOfCurrentUser"))) {
                                    mismatches++;
                                }
                            }
                            // Between scopes the pool thread has no user: nothing is visible.
                            if (!List.of().equals(call("visibleOrdersOfCurrentUser"))) {
                                mismatches++;
                            }
                        }
                        return mismatches;
                    }));
                }
                for (java.util.concurrent.Future<Integer> result : results) {
                    assertEquals(0, result.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Levels {
        @Test
        void systemScopeSeesEverything() {
            SecurityContext system = SecurityContext.systemOf(app);
            assertEquals(List.of(10L, 11L, 12L, 13L), call("visibleOrders", system));
            assertEquals("ok:s1", call("readSecret", system, 1L));
        }

        @Test
        void prototypeLevelDoesNotCheckDataAccess() {
            ApplicationModel prototype = ApplicationModel.builder("Prototype")
                    .level(SecurityLevel.PROTOTYPE)
                    .userRole("Buyer", "Shop.Customer")
                    .build();
            SecurityContext buyer = SecurityContext.of(prototype, UserIdentity.of(30L, "Buyer"));
            assertEquals(List.of(10L, 11L, 12L, 13L), call("visibleOrders", buyer));
            assertEquals("ok", call("setTotal", buyer, 12L, "5"));
        }
    }

    @Nested
    class Explain {
        @Test
        void explainSaysWhichRulesGrantedWhat() {
            String explanation = call("explain", user(30, "Buyer"), 11L);
            assertTrue(explanation.contains("rule 4"), explanation);
            assertTrue(explanation.contains("[owner = '[%CurrentUser%]'][status = 'DRAFT']"), explanation);
            assertFalse(explanation.contains("SHIPPED"), "no member values: " + explanation);
        }
    }

    @Test
    void readableValuesKeepsDeclarationOrderAndIncludesCalculatedMembers() {
        Map<String, Object> values = call("orderValues", user(1, "Boss"), 10L);
        assertEquals(new BigDecimal("100"), values.get("total"));
        assertEquals(2, values.get("lineCount"));
    }
}
