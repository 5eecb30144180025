package dev.warden.runtime;

import static dev.warden.runtime.ServiceRegistrations.loaderWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operation access at run time, with registries written as the processor generates them: who may run what at which
 * level, what a denial says, how look-ups go through supertypes, and that everything unknown or broken is denied.
 */
class OperationAccessTest extends GlobalStateReset {

    /** A service as an application writes it; its registry is below. */
    public static class Orders {
        public void place() {}

        public void cancel() {}

        public void list() {}
    }

    /** Not annotated: inherits the operations of {@link Orders}. */
    public static class SpecialOrders extends Orders {
        @Override
        public void cancel() {}
    }

    /** Protects {@code cancel} on its own, with other roles. */
    public static class StrictOrders extends Orders {}

    public interface Billing {
        void bill();
    }

    public static class Desk implements Billing {
        @Override
        public void bill() {}
    }

    /** As the processor generates it for {@code @AllowedRoles({"User", "Manager"})} on Orders, cancel for Manager. */
    public static final class OrdersOperations extends OperationRegistry {
        public static final SecuredOperation PLACE = SecuredOperation.of(Orders.class, "place", "Sales.User",
                "Sales.Manager");
        public static final SecuredOperation CANCEL = SecuredOperation.of(Orders.class, "cancel", "Sales.Manager");

        public OrdersOperations() {
            super(Orders.class, PLACE, CANCEL);
        }
    }

    public static final class StrictOrdersOperations extends OperationRegistry {
        public static final SecuredOperation PLACE = SecuredOperation.of(StrictOrders.class, "place", "Sales.Manager");

        public StrictOrdersOperations() {
            super(StrictOrders.class, PLACE);
        }
    }

    public static final class BillingOperations extends OperationRegistry {
        public static final SecuredOperation BILL = SecuredOperation.of(Billing.class, "bill", "Administration.Admin");

        public BillingOperations() {
            super(Billing.class, BILL);
        }
    }

    /** Registered but fails to load: the registrations of its class loader are broken. */
    public static final class BrokenOperations extends OperationRegistry {
        public BrokenOperations() {
            super(Orders.class);
            throw new IllegalStateException("broken on purpose");
        }
    }

    private static final ApplicationModel PRODUCTION = Shop.model(SecurityLevel.PRODUCTION).build();

    private static SecurityContext user(ApplicationModel app, String... roles) {
        return SecurityContext.of(app, UserIdentity.of(1L, roles));
    }

    // ------------------------------------------------------------------------------------------ the rule

    @Test
    void aUserMayRunAnOperationWhenTheyHoldOneOfItsModuleRoles() {
        assertTrue(OrdersOperations.PLACE.isAllowed(user(PRODUCTION, "SalesRep")));
        assertTrue(OrdersOperations.PLACE.isAllowed(user(PRODUCTION, "Administrator")));
        assertFalse(OrdersOperations.CANCEL.isAllowed(user(PRODUCTION, "SalesRep")));
        assertTrue(OrdersOperations.CANCEL.isAllowed(user(PRODUCTION, "SalesRep", "Administrator")));
        assertFalse(BillingOperations.BILL.isAllowed(user(PRODUCTION, "SalesRep")));
    }

    @Test
    void levelsSystemAndContextsThatDeny() {
        ApplicationModel prototype = Shop.model(SecurityLevel.PROTOTYPE).build();
        ApplicationModel off = Shop.model(SecurityLevel.OFF).build();
        assertFalse(OrdersOperations.CANCEL.isAllowed(user(prototype, "SalesRep")), "PROTOTYPE checks operations");
        assertTrue(OrdersOperations.CANCEL.isAllowed(user(off, "SalesRep")), "OFF checks nothing");
        assertTrue(OrdersOperations.CANCEL.isAllowed(SecurityContext.systemOf(PRODUCTION)));
        for (ApplicationModel app : List.of(PRODUCTION, prototype, off)) {
            assertFalse(OrdersOperations.PLACE.isAllowed(user(app, "SalesRep", "Ghost")), app::toString);
            assertFalse(OrdersOperations.PLACE.isAllowed(user(app)), app::toString);
            assertFalse(OrdersOperations.PLACE.isAllowed(SecurityContext.of(app, UserIdentity.of("1", "SalesRep"))));
        }
        assertFalse(OrdersOperations.PLACE.isAllowed(null));
        assertFalse(OrdersOperations.PLACE.isAllowed(SecurityContext.anonymousOf(PRODUCTION)), "anonymous access off");
    }

    @Test
    void aContextWithoutUserHoldsNoRoleAtPrototypeAndNeedsNoneAtOff() {
        ApplicationModel.setDefault(Shop.model(SecurityLevel.PROTOTYPE).build());
        SecurityContext noUser = SecurityContext.currentIfPresent().orElseThrow();
        assertFalse(OrdersOperations.PLACE.isAllowed(noUser));
        assertTrue(OrdersOperations.PLACE.explain(noUser).endsWith("a context without user holds no module role"),
                OrdersOperations.PLACE.explain(noUser));
        ApplicationModel.setDefault(Shop.model(SecurityLevel.OFF).build());
        assertTrue(OrdersOperations.PLACE.isAllowed(SecurityContext.currentIfPresent().orElseThrow()));
    }

    @Test
    void aDenialNamesTheOperationTheUserRolesAndWhy() throws Exception {
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> OrdersOperations.CANCEL.check(user(PRODUCTION, "SalesRep")));
        assertEquals("Access denied: cannot run OperationAccessTest.Orders.cancel: it is for module roles Sales.Manager;"
                + " user roles [SalesRep] hold none of them", denied.getMessage());
        assertEquals(Optional.of("OperationAccessTest.Orders.cancel"), denied.securedOperation());
        assertEquals(List.of("SalesRep"), denied.userRoles());
        assertEquals(null, denied.entity());
        assertEquals(null, denied.operation());
        assertEquals(Optional.empty(), denied.member());
        // It survives serialisation (an exception may cross a remote boundary).
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(denied);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            AccessDeniedException copy = (AccessDeniedException) in.readObject();
            assertEquals(denied.getMessage(), copy.getMessage());
            assertEquals(List.of("SalesRep"), copy.userRoles());
            assertEquals(Optional.of("OperationAccessTest.Orders.cancel"), copy.securedOperation());
        }
        // An entity denial carries no operation name.
        AccessDeniedException entity = new AccessDeniedException("Order", null, Operation.DELETE, "no rule");
        assertEquals(Optional.empty(), entity.securedOperation());
        assertEquals(List.of(), entity.userRoles());
    }

    @Test
    void deniedReasonsForEveryKindOfContext() {
        assertEquals("there is no security context; open one with SecurityContext.open(user)",
                assertThrows(AccessDeniedException.class, () -> OrdersOperations.PLACE.check(null)).reason());
        assertEquals("the security context denies all access: user role 'Ghost' is not declared in @AppSecurity of ShopApp",
                assertThrows(AccessDeniedException.class,
                        () -> OrdersOperations.PLACE.check(user(PRODUCTION, "Ghost"))).reason());
        ApplicationModel withGuest = Shop.model(SecurityLevel.PRODUCTION).userRole("Guest", "Sales.Anonymous")
                .anonymousRole("Guest").build();
        AccessDeniedException anonymous = assertThrows(AccessDeniedException.class,
                () -> OrdersOperations.PLACE.check(SecurityContext.anonymousOf(withGuest)));
        assertEquals("it is for module roles Sales.User, Sales.Manager; user roles [Guest] hold none of them",
                anonymous.reason());
        assertThrows(AccessDeniedException.class, OrdersOperations.PLACE::check, "no current context");
        try (SecurityContext.Scope scope = SecurityContext.open(PRODUCTION, UserIdentity.of(1L, "SalesRep"))) {
            OrdersOperations.PLACE.check();
        }
    }

    @Test
    void explainSaysWhichRoleAllowedOrWhyNot() {
        assertEquals("allowed: OperationAccessTest.Orders.place is for module roles Sales.User, Sales.Manager; user roles"
                + " [SalesRep] hold Sales.User", OrdersOperations.PLACE.explain(user(PRODUCTION, "SalesRep")));
        assertEquals("denied: OperationAccessTest.Orders.cancel: it is for module roles Sales.Manager; user roles"
                + " [SalesRep] hold none of them", OrdersOperations.CANCEL.explain(user(PRODUCTION, "SalesRep")));
        assertEquals("allowed: OperationAccessTest.Orders.cancel is not checked for the system context",
                OrdersOperations.CANCEL.explain(SecurityContext.systemOf(PRODUCTION)));
        assertEquals("allowed: OperationAccessTest.Orders.cancel is not checked at security level OFF",
                OrdersOperations.CANCEL.explain(user(Shop.model(SecurityLevel.OFF).build(), "SalesRep")));
    }

    @Test
    void operationsNeedAQualifiedRoleAndOneRegistryPerType() {
        assertThrows(IllegalArgumentException.class, () -> SecuredOperation.of(Orders.class, "place"));
        assertThrows(IllegalArgumentException.class, () -> SecuredOperation.of(Orders.class, "place", "User"));
        assertThrows(IllegalArgumentException.class, () -> SecuredOperation.of(Orders.class, "place", ".User"));
        assertThrows(IllegalArgumentException.class, () -> SecuredOperation.of(Orders.class, "", "Sales.User"));
        assertThrows(IllegalArgumentException.class, () -> new OperationRegistry(Desk.class, OrdersOperations.PLACE) {});
        assertThrows(IllegalArgumentException.class,
                () -> new OperationRegistry(Orders.class, OrdersOperations.PLACE, OrdersOperations.PLACE) {});
        assertEquals(Set.of("Sales.User", "Sales.Manager"), OrdersOperations.PLACE.allowedRoles());
        assertEquals(Optional.of(OrdersOperations.CANCEL), new OrdersOperations().operation("cancel"));
    }

    // ------------------------------------------------------------------------------------------ look-ups

    /** The test classes in a fresh class loader that registers the given registries, as a deployed application. */
    private static ClassLoader application(Path dir, Class<?>... registries) throws Exception {
        ClassLoader services = loaderWith(dir.resolve("services"), OperationRegistry.class, registries);
        URL classes = OperationAccessTest.class.getProtectionDomain().getCodeSource().getLocation();
        // The test classes again, defined by a child loader, with the services file visible: only dev.warden.runtime's
        // own classes come from the parent, so that Orders and its registry are new classes of this "application".
        return new URLClassLoader(new URL[] {classes, dir.resolve("services").toUri().toURL()},
                services.getParent()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (name.startsWith(OperationAccessTest.class.getName())) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : findClass(name);
                    }
                    return super.loadClass(name, resolve);
                }
            }
        };
    }

    private static Optional<SecuredOperation> find(ClassLoader app, String type, String method) throws Exception {
        return Operations.find(app.loadClass(OperationAccessTest.class.getName() + "$" + type), method);
    }

    @Test
    void findGoesThroughSuperclassesAndInterfacesAndTheMostSpecificWins(@TempDir Path dir) throws Exception {
        ClassLoader app = application(dir, OrdersOperations.class, StrictOrdersOperations.class, BillingOperations.class);
        assertEquals("Optional[SecuredOperation OperationAccessTest.Orders.cancel for module roles [Sales.Manager]]",
                find(app, "SpecialOrders", "cancel").toString());
        assertEquals("Optional[SecuredOperation OperationAccessTest.StrictOrders.place for module roles [Sales.Manager]]",
                find(app, "StrictOrders", "place").toString());
        assertEquals("Optional[SecuredOperation OperationAccessTest.Orders.cancel for module roles [Sales.Manager]]",
                find(app, "StrictOrders", "cancel").toString(), "inherited from Orders");
        assertEquals("Optional[SecuredOperation OperationAccessTest.Billing.bill for module roles [Administration.Admin]]",
                find(app, "Desk", "bill").toString());
        assertEquals(Optional.empty(), find(app, "Orders", "list"));
        assertEquals(Optional.empty(), find(app, "Desk", "toString"));
    }

    @Test
    void aMethodIsLookedUpOnTheTargetTypeThenItsDeclaringType(@TempDir Path dir) throws Exception {
        ClassLoader app = application(dir, OrdersOperations.class, StrictOrdersOperations.class);
        Class<?> orders = app.loadClass(Orders.class.getName());
        Class<?> strict = app.loadClass(StrictOrders.class.getName());
        Method place = orders.getMethod("place");
        assertEquals(orders, place.getDeclaringClass());
        assertEquals("Optional[SecuredOperation OperationAccessTest.StrictOrders.place for module roles [Sales.Manager]]",
                Operations.find(strict, place).toString());
        assertEquals("Optional[SecuredOperation OperationAccessTest.Orders.place for module roles [Sales.User,"
                + " Sales.Manager]]", Operations.find(orders, place).toString());
        Class<?> special = app.loadClass(SpecialOrders.class.getName());
        assertEquals("Optional[SecuredOperation OperationAccessTest.Orders.place for module roles [Sales.User,"
                + " Sales.Manager]]", Operations.find(special, place).toString(), "from the declaring type");
    }

    @Test
    void anUnregisteredOperationIsDeniedEvenForTheSystemAndAtOff() {
        // Nothing is registered for the test class path itself.
        assertEquals(Optional.empty(), Operations.find(Orders.class, "place"));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> Operations.check(SecurityContext.systemOf(PRODUCTION), Orders.class, "place"));
        assertTrue(denied.getMessage().startsWith("Access denied: cannot run OperationAccessTest.Orders.place: no such"
                + " operation is registered, and unknown operations are denied"), denied.getMessage());
        assertFalse(Operations.isAllowed(user(Shop.model(SecurityLevel.OFF).build(), "SalesRep"), Orders.class, "place"));
        assertTrue(Operations.explain(null, Orders.class, "place").startsWith("denied: no such operation"));
    }

    @Test
    void brokenRegistrationsDenyEveryOperationAndFindSaysSo(@TempDir Path dir) throws Exception {
        ClassLoader app = application(dir, OrdersOperations.class, BrokenOperations.class);
        Class<?> orders = app.loadClass(Orders.class.getName());
        assertNotSame(Orders.class, orders);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Operations.find(orders, "place"));
        assertTrue(thrown.getMessage().startsWith("could not load the operations registered in"
                + " META-INF/services/dev.warden.runtime.OperationRegistry"), thrown.getMessage());
        SecurityContext system = SecurityContext.systemOf(PRODUCTION);
        assertFalse(Operations.isAllowed(system, orders, "place"));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> Operations.check(system, orders, "place"));
        assertTrue(denied.reason().startsWith("the operation registrations could not be loaded, so every operation is"
                + " denied"), denied.reason());
    }

    @Test
    void allListsTheOperationsOfTheContextClassLoader(@TempDir Path dir) throws Exception {
        ClassLoader app = application(dir, OrdersOperations.class, BillingOperations.class);
        Object all = ServiceRegistrations.withContextClassLoader(app, Operations::all);
        assertEquals("[SecuredOperation OperationAccessTest.Orders.place for module roles [Sales.User, Sales.Manager],"
                + " SecuredOperation OperationAccessTest.Orders.cancel for module roles [Sales.Manager],"
                + " SecuredOperation OperationAccessTest.Billing.bill for module roles [Administration.Admin]]",
                all.toString());
    }
}
