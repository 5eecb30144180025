package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.annotations.SecurityLevel;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.Operations;
import dev.warden.runtime.SecuredOperation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Compiles services with {@code @AllowedRoles} and an application with manageable roles through the processor,
 * loads what it generated (the registries are found through the lists the processor writes, as in an
 * application), and runs the operation checks and user management for several users and security levels.
 */
class OperationsTest {

    private static final JavaFileObject[] SOURCES = {
        WardenCompiler.source("ops.shop.package-info",
                "@Module(name = \"Shop\", roles = {\"User\", \"Manager\", \"Guest\"})",
                "package ops.shop;",
                "import dev.warden.annotations.Module;"),
        WardenCompiler.source("ops.billing.package-info",
                "@Module(name = \"Billing\", roles = \"Clerk\")",
                "package ops.billing;",
                "import dev.warden.annotations.Module;"),
        WardenCompiler.source("ops.App",
                "package ops;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = {",
                "    @UserRole(name = \"Member\", moduleRoles = \"Shop.User\"),",
                "    @UserRole(name = \"Boss\", moduleRoles = {\"Shop.Manager\", \"Billing.Clerk\"},",
                "              manageableRoles = {\"Member\", \"Clerk\", \"Boss\"}),",
                "    @UserRole(name = \"Clerk\", moduleRoles = \"Billing.Clerk\", manageableRoles = \"Member\"),",
                "    @UserRole(name = \"Guest\", moduleRoles = \"Shop.Guest\")},",
                "    anonymousRole = \"Guest\")",
                "public class App {}"),
        WardenCompiler.source("ops.shop.OrderService",
                "package ops.shop;",
                "import dev.warden.annotations.AllowedRoles;",
                "@AllowedRoles({\"User\", \"Manager\"})",
                "public class OrderService {",
                "    public String place(Long cart) { return \"placed \" + cart; }",
                "    public String place(String cart) { return \"placed \" + cart; }",
                "    @AllowedRoles(\"Manager\") public void cancel(Long order) {}",
                "    @AllowedRoles(\"Billing.Clerk\") void invoice() {}",
                "    public static int count() { return 0; }",
                "    void helper() {}",
                "    @Override public String toString() { return \"OrderService\"; }",
                "}"),
        WardenCompiler.source("ops.shop.SpecialOrderService",
                "package ops.shop;",
                "public class SpecialOrderService extends OrderService {",
                "    @Override public void cancel(Long order) {}",
                "}"),
        WardenCompiler.source("ops.shop.CrudBase",
                "package ops.shop;",
                "public class CrudBase {",
                "    public void save() {}",
                "}"),
        WardenCompiler.source("ops.shop.ProductService",
                "package ops.shop;",
                "import dev.warden.annotations.AllowedRoles;",
                "@AllowedRoles(\"Manager\")",
                "public class ProductService extends CrudBase {",
                "    public void price() {}",
                "}"),
        WardenCompiler.source("ops.billing.BillingApi",
                "package ops.billing;",
                "import dev.warden.annotations.AllowedRoles;",
                "public interface BillingApi {",
                "    @AllowedRoles(\"Clerk\") void bill(long order);",
                "    void ping();",
                "}"),
        WardenCompiler.source("ops.billing.BillingDesk",
                "package ops.billing;",
                "public class BillingDesk implements BillingApi {",
                "    @Override public void bill(long order) {}",
                "    @Override public void ping() {}",
                "}"),
        WardenCompiler.source("ops.billing.Outer",
                "package ops.billing;",
                "import dev.warden.annotations.AllowedRoles;",
                "public class Outer {",
                "    public static class Inner {",
                "        @AllowedRoles(\"Shop.Manager\") public void close() {}",
                "    }",
                "}"),
    };

    private static Compilation compilation;
    private static ClassLoader loader;
    private static ApplicationModel app;

    @BeforeAll
    static void compileServices() throws Exception {
        compilation = WardenCompiler.compileCleanly(SOURCES);
        loader = new CompiledClassLoader(compilation);
        app = (ApplicationModel) loader.loadClass("ops.AppSecurityModel").getField("INSTANCE").get(null);
    }

    private static Class<?> type(String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static SecurityContext user(String... roles) {
        return SecurityContext.of(app, UserIdentity.of(7L, roles));
    }

    /** The same user roles in a model at another level (the registries do not depend on the model). */
    private static SecurityContext at(SecurityLevel level, String... roles) {
        ApplicationModel model = ApplicationModel.builder("App").level(level)
                .userRole("Member", "Shop.User").userRole("Boss", "Shop.Manager", "Billing.Clerk")
                .userRole("Clerk", "Billing.Clerk").userRole("Guest", "Shop.Guest").anonymousRole("Guest").build();
        return roles.length == 0 ? SecurityContext.anonymousOf(model)
                : SecurityContext.of(model, UserIdentity.of(7L, roles));
    }

    private static boolean allowed(SecurityContext ctx, String type, String method) {
        return Operations.isAllowed(ctx, type(type), method);
    }

    private static Optional<SecuredOperation> find(String type, String method) {
        return Operations.find(type(type), method);
    }

    private static SecuredOperation constant(String registry, String name) throws Exception {
        return (SecuredOperation) type(registry).getField(name).get(null);
    }

    @Nested
    class Registry {
        @Test
        void oneRegistryPerTypeIsListedForTheRuntimeAndTheServiceLoader() throws Exception {
            List<String> registries = List.of("ops.billing.BillingApiOperations", "ops.billing.Outer_InnerOperations",
                    "ops.shop.OrderServiceOperations", "ops.shop.ProductServiceOperations");
            for (String list : List.of("META-INF/warden/generated/dev.warden.runtime.OperationRegistry",
                    "META-INF/services/dev.warden.runtime.OperationRegistry")) {
                String names = new String(loader.getResourceAsStream(list).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(registries, names.lines().toList(), list);
            }
        }

        @Test
        void theConstantsAreTheOperations() throws Exception {
            SecuredOperation place = constant("ops.shop.OrderServiceOperations", "PLACE");
            assertEquals("OrderService.place", place.name());
            assertEquals(List.of("Shop.User", "Shop.Manager"), List.copyOf(place.allowedRoles()));
            assertEquals(place, find("ops.shop.OrderService", "place").orElseThrow());
            assertEquals(List.of("Shop.Manager"), List.copyOf(constant("ops.shop.OrderServiceOperations", "CANCEL")
                    .allowedRoles()));
            assertEquals(List.of("Billing.Clerk"), List.copyOf(constant("ops.shop.OrderServiceOperations", "INVOICE")
                    .allowedRoles()));
            assertEquals("Outer.Inner.close", constant("ops.billing.Outer_InnerOperations", "CLOSE").name());
        }

        @Test
        void theTypeAnnotationCoversPublicMethodsOnly() {
            assertTrue(find("ops.shop.OrderService", "count").isPresent(), "a public static method");
            assertEquals(Optional.empty(), find("ops.shop.OrderService", "helper"));
            assertEquals(Optional.empty(), find("ops.shop.OrderService", "toString"));
            assertEquals(Optional.empty(), find("ops.shop.OrderService", "hashCode"));
            assertEquals(Optional.empty(), find("ops.billing.BillingApi", "ping"));
        }

        @Test
        void everyOperationIsListed() throws Exception {
            List<String> names = withContextLoader(() -> Operations.all().stream().map(SecuredOperation::name)
                    .sorted().collect(Collectors.toList()));
            assertEquals(List.of("BillingApi.bill", "OrderService.cancel", "OrderService.count", "OrderService.invoice",
                    "OrderService.place", "Outer.Inner.close", "ProductService.price", "ProductService.save"), names);
        }
    }

    @Nested
    class Checks {
        @Test
        void theTypesRolesAndTheMethodsOwnReplacingThem() {
            assertTrue(allowed(user("Member"), "ops.shop.OrderService", "place"));
            assertTrue(allowed(user("Boss"), "ops.shop.OrderService", "place"));
            assertFalse(allowed(user("Clerk"), "ops.shop.OrderService", "place"));
            assertFalse(allowed(user("Member"), "ops.shop.OrderService", "cancel"), "the method's list replaces the type's");
            assertTrue(allowed(user("Boss"), "ops.shop.OrderService", "cancel"));
            assertTrue(allowed(user("Clerk"), "ops.shop.OrderService", "invoice"), "a qualified role of another module");
            assertFalse(allowed(user("Member", "Clerk"), "ops.shop.OrderService", "cancel"));
            assertTrue(allowed(user("Member", "Clerk"), "ops.shop.OrderService", "invoice"), "the union of both roles");
        }

        @Test
        void aDenialNamesTheOperationAndTheUsersRoles() {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> Operations.check(user("Member"), type("ops.shop.OrderService"), "cancel"));
            assertEquals("Access denied: cannot run OrderService.cancel: it is for module roles Shop.Manager; user roles"
                    + " [Member] hold none of them", denied.getMessage());
            assertEquals(Optional.of("OrderService.cancel"), denied.securedOperation());
            assertEquals(List.of("Member"), denied.userRoles());
            assertEquals(null, denied.entity());
        }

        @Test
        void theConstantChecksWithoutALookUp() throws Exception {
            SecuredOperation cancel = constant("ops.shop.OrderServiceOperations", "CANCEL");
            cancel.check(user("Boss"));
            assertThrows(AccessDeniedException.class, () -> cancel.check(user("Member")));
            try (SecurityContext.Scope scope = SecurityContext.open(app, UserIdentity.of(1L, "Boss"))) {
                cancel.check();
                Operations.check(type("ops.shop.OrderService"), "cancel");
            }
            assertThrows(AccessDeniedException.class, cancel::check, "no current context");
        }

        @Test
        void anAnonymousUserHasTheAnonymousRolesModuleRoles() {
            assertFalse(allowed(SecurityContext.anonymousOf(app), "ops.shop.OrderService", "place"));
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> Operations.check(SecurityContext.anonymousOf(app), type("ops.shop.OrderService"), "place"));
            assertEquals(List.of("Guest"), denied.userRoles());
        }

        @Test
        void anUnknownOperationIsDeniedAlwaysEvenForTheSystem() {
            SecurityContext system = SecurityContext.systemOf(app);
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> Operations.check(system, type("ops.shop.OrderService"), "cancle"));
            assertTrue(denied.getMessage().startsWith("Access denied: cannot run OrderService.cancle: no such operation"
                    + " is registered"), denied.getMessage());
            assertFalse(allowed(at(SecurityLevel.OFF, "Boss"), "ops.shop.OrderService", "cancle"));
            assertThrows(AccessDeniedException.class,
                    () -> Operations.check(system, type("ops.shop.OrderService"), "helper"), "not an operation");
        }

        @Test
        void noContextIsDenied() {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> Operations.check(null, type("ops.shop.OrderService"), "place"));
            assertTrue(denied.reason().startsWith("there is no security context"), denied.reason());
        }
    }

    @Nested
    class Levels {
        @Test
        void prototypeChecksOperationsAsProductionDoes() {
            assertFalse(allowed(at(SecurityLevel.PROTOTYPE, "Member"), "ops.shop.OrderService", "cancel"));
            assertTrue(allowed(at(SecurityLevel.PROTOTYPE, "Boss"), "ops.shop.OrderService", "cancel"));
            assertFalse(allowed(at(SecurityLevel.PRODUCTION, "Member"), "ops.shop.OrderService", "cancel"));
            assertFalse(allowed(at(SecurityLevel.PROTOTYPE), "ops.shop.OrderService", "place"), "anonymous");
        }

        @Test
        void offAndTheSystemCheckNothing() {
            assertTrue(allowed(at(SecurityLevel.OFF, "Member"), "ops.shop.OrderService", "cancel"));
            assertTrue(allowed(at(SecurityLevel.OFF), "ops.shop.OrderService", "cancel"));
            assertTrue(allowed(SecurityContext.systemOf(app), "ops.shop.OrderService", "cancel"));
        }

        @Test
        void aContextThatDeniesEverythingIsDeniedAtEveryLevel() {
            for (SecurityLevel level : SecurityLevel.values()) {
                assertFalse(allowed(at(level, "Boss", "Ghost"), "ops.shop.OrderService", "place"), level::name);
                assertFalse(allowed(at(level, "Nobody"), "ops.shop.OrderService", "place"), level::name);
            }
        }
    }

    @Nested
    class Inheritance {
        @Test
        void aSubclassInheritsTheOperationsOfItsSuperclass() {
            assertFalse(allowed(user("Member"), "ops.shop.SpecialOrderService", "cancel"));
            assertTrue(allowed(user("Boss"), "ops.shop.SpecialOrderService", "cancel"));
            assertEquals(find("ops.shop.OrderService", "cancel"), find("ops.shop.SpecialOrderService", "cancel"));
        }

        @Test
        void anAnnotatedTypeProtectsTheMethodsItInherits() throws Exception {
            assertFalse(allowed(user("Member"), "ops.shop.ProductService", "save"));
            assertTrue(allowed(user("Boss"), "ops.shop.ProductService", "save"));
            assertEquals(Optional.empty(), find("ops.shop.CrudBase", "save"), "a CrudBase that is no ProductService");
            // An interceptor gets the inherited method with CrudBase as its declaring class; the target type decides.
            var save = type("ops.shop.CrudBase").getMethod("save");
            assertEquals("ProductService.save", Operations.find(type("ops.shop.ProductService"), save).orElseThrow().name());
            assertEquals(Optional.empty(), Operations.find(type("ops.shop.CrudBase"), save));
        }

        @Test
        void anImplementationInheritsTheOperationsOfItsInterface() throws Exception {
            assertTrue(allowed(user("Clerk"), "ops.billing.BillingDesk", "bill"));
            assertFalse(allowed(user("Member"), "ops.billing.BillingDesk", "bill"));
            var bill = type("ops.billing.BillingDesk").getMethod("bill", long.class);
            assertEquals("BillingApi.bill", Operations.find(type("ops.billing.BillingDesk"), bill).orElseThrow().name());
            assertEquals(Optional.empty(), find("ops.billing.BillingDesk", "ping"));
        }
    }

    @Nested
    class UserManagement {
        @Test
        void theGeneratedModelCarriesTheManageableRoles() {
            assertEquals(List.of("Member", "Clerk", "Boss"), List.copyOf(app.manageableRolesOf("Boss")));
            assertEquals(List.of(), List.copyOf(app.manageableRolesOf("Member")));
        }

        @Test
        void aUserManagesOnlyTheirManageableRoles() {
            assertTrue(user("Clerk").canManage("Member"));
            assertFalse(user("Clerk").canManage("Boss"));
            assertTrue(user("Clerk").canAssign(List.of(), List.of("Member")), "a new member");
            assertFalse(user("Clerk").canAssign(List.of("Member"), List.of("Clerk")), "may not promote");
            assertFalse(user("Clerk").canAssign(UserIdentity.of(9L, "Member", "Boss"), List.of("Member")),
                    "may not change a user who has a role it cannot manage");
            assertTrue(user("Boss").canAssign(UserIdentity.of(9L, "Member"), List.of("Clerk", "Boss")));
            assertFalse(user("Member").canManage("Member"));
            assertEquals("denied: user roles [Clerk] may manage only Member; Boss is not among them",
                    user("Clerk").explainAssign(List.of("Member"), List.of("Boss")).toString());
            assertEquals("allowed: user role Clerk may manage Member",
                    user("Clerk").explainAssign(List.of(), List.of("Member")).toString());
        }
    }

    // ------------------------------------------------------------------------------------------ class loading

    private static <T> T withContextLoader(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The classes and resources (the services file) a compilation produced, over the test class path. */
    static final class CompiledClassLoader extends ClassLoader {
        private final Map<String, byte[]> files = new HashMap<>();

        CompiledClassLoader(Compilation compilation) {
            super(OperationsTest.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                String path = file.toUri().getPath();
                int start = path.indexOf("/CLASS_OUTPUT/");
                if (start < 0) {
                    continue;
                }
                try (InputStream in = file.openInputStream()) {
                    files.put(path.substring(start + "/CLASS_OUTPUT/".length()), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = files.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected URL findResource(String name) {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                return null;
            }
            try {
                return new URL(null, "compiled:/" + name, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL url) {
                        return new URLConnection(url) {
                            @Override
                            public void connect() {}

                            @Override
                            public InputStream getInputStream() {
                                return new ByteArrayInputStream(bytes);
                            }
                        };
                    }
                });
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
        }
    }
}
