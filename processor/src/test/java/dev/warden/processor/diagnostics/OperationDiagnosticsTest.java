package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertOnlyWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.type;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Operation access ({@code @AllowedRoles}): roles that do not resolve (E001, E033, E051), an empty list (E050),
 * overloads that disagree (E052), a type the registry cannot refer to (E053), and an override with other roles
 * (W016). Each mistake is one diagnostic, on the annotation value, with a hint.
 *
 * <p>(javac does not show annotation processors the members of local and anonymous classes, so an
 * {@code @AllowedRoles} there is never seen; checking such an operation at run time is denied, as every unregistered
 * operation is.)
 */
class OperationDiagnosticsTest {

    private static JavaFileObject service(String qualifiedName, String body) {
        return type(qualifiedName, body);
    }

    @Test
    void typeAndMethodAnnotationsWithSimpleAndQualifiedRolesCompileCleanly() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                @AllowedRoles({"User", "Manager"})
                public class OrderService {
                    public void placeOrder(Long cart) {}
                    public void placeOrder(String cart) {}
                    @AllowedRoles("Manager")
                    public void cancel(Long order) {}
                    @AllowedRoles({"Shop.Manager", "Billing.Clerk"})
                    public void refund(Long order) {}
                    void helper() {}
                }
                """);
        JavaFileObject app = service("fx.app.Reports", """
                public class Reports {
                    @AllowedRoles("Billing.Clerk")
                    public static String monthly() { return ""; }
                }
                """);

        Compilation compilation = compile(orders, app);

        assertThat(compilation).succeeded();
        assertNoWardenWarning(compilation);
        assertThat(compilation).generatedSourceFile("fx.shop.OrderServiceOperations").contentsAsUtf8String()
                .contains("public static final SecuredOperation REFUND = SecuredOperation.of(OrderService.class, "
                        + "\"refund\", \"Shop.Manager\", \"Billing.Clerk\");");
        assertThat(compilation).generatedSourceFile("fx.app.ReportsOperations");
    }

    @Test
    void anUnknownRoleOfTheModuleGetsADidYouMean() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                public class OrderService {
                    @AllowedRoles({"User",
                            "Mangaer"})
                    public void cancel(Long order) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(orders).onLineContaining("\"Mangaer\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("@AllowedRoles on OrderService.cancel names module role 'Mangaer', which is not"
                + " declared");
        assertThat(message).contains("hint: did you mean 'Manager'?");
    }

    @Test
    void aRoleOfAnotherModuleMustBeQualified() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                @AllowedRoles({"Manager",
                        "Clerk"})
                public class OrderService {
                    public void cancel(Long order) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E051]").inFile(orders).onLineContaining("\"Clerk\"})");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E051");
        assertThat(message).contains("@AllowedRoles on OrderService names 'Clerk' without a module, but it is not a role"
                + " of module Shop, which package fx.shop belongs to");
        assertThat(message).contains("hint: qualify it with its module: \"Billing.Clerk\"");
    }

    @Test
    void inAPackageOfNoModuleEveryRoleIsQualified() {
        JavaFileObject reports = service("fx.app.Reports", """
                public class Reports {
                    @AllowedRoles("Clerk")
                    public String monthly() { return ""; }
                    @AllowedRoles("Auditor")
                    public String yearly() { return ""; }
                }
                """);

        Compilation compilation = compile(reports);

        assertThat(compilation).hadErrorContaining("[WARDEN-E051]").inFile(reports).onLineContaining("\"Clerk\"");
        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(reports).onLineContaining("\"Auditor\"");
        assertThat(compilation).hadErrorCount(2);
        assertThat(onlyMessage(compilation, "WARDEN-E051")).contains("it is not a role of the module of package fx.app,"
                + " which belongs to no module");
        assertThat(onlyMessage(compilation, "WARDEN-E001")).contains("hint: package fx.app belongs to no module, so every"
                + " role must be qualified with its module, as in \"Sales.User\"");
    }

    @Test
    void aQualifiedRoleOfAnUnknownModuleOrAnUnknownRoleOfAKnownOne() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                public class OrderService {
                    @AllowedRoles("Shp.User")
                    public void place(Long order) {}
                    @AllowedRoles("Billing.Clerc")
                    public void bill(Long order) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E033]").inFile(orders).onLineContaining("\"Shp.User\"");
        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(orders).onLineContaining("\"Billing.Clerc\"");
        assertThat(compilation).hadErrorCount(2);
        assertThat(onlyMessage(compilation, "WARDEN-E033")).contains("@AllowedRoles on OrderService.place names module"
                + " 'Shp', which is not declared");
        assertThat(onlyMessage(compilation, "WARDEN-E033")).contains("hint: did you mean 'Shop'?");
        assertThat(onlyMessage(compilation, "WARDEN-E001")).contains("hint: did you mean 'Clerk'?");
    }

    @Test
    void anEmptyListIsAnError() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                public class OrderService {
                    @AllowedRoles({})
                    public void cancel(Long order) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E050]").inFile(orders).onLineContaining("@AllowedRoles({})");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E050");
        assertThat(message).contains("@AllowedRoles on OrderService.cancel names no module role, so no user could run it");
        assertThat(message).contains("hint: name the module roles that may run it, for example @AllowedRoles(\"User\");"
                + " the roles of module Shop: User, Manager");
    }

    @Test
    void overloadsWithDifferentRolesAreAnError() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                public class OrderService {
                    @AllowedRoles("User")
                    public void find(Long id) {}
                    @AllowedRoles({"Shop.Manager"})
                    public void find(String name) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E052]").inFile(orders)
                .onLineContaining("@AllowedRoles({\"Shop.Manager\"})");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E052");
        assertThat(message).contains("the methods named find of OrderService are one operation but are for different"
                + " module roles: Shop.User and Shop.Manager");
        assertThat(message).contains("hint: give every method named find the same @AllowedRoles, or rename one");
    }

    @Test
    void anOverloadThatInheritsTheTypesRolesMustAgreeWithAnAnnotatedOne() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                @AllowedRoles("Manager")
                public class OrderService {
                    public void find(Long id) {}
                    @AllowedRoles("User")
                    public void find(String name) {}
                }
                """);

        Compilation compilation = compile(orders);

        assertThat(compilation).hadErrorContaining("[WARDEN-E052]").inFile(orders).onLineContaining("@AllowedRoles(\"User\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sameRolesWrittenDifferentlyAreTheSameOperation() {
        JavaFileObject orders = service("fx.shop.OrderService", """
                public class OrderService {
                    @AllowedRoles({"User", "Manager"})
                    public void find(Long id) {}
                    @AllowedRoles({"Shop.Manager", "Shop.User", "User"})
                    public void find(String name) {}
                }
                """);

        assertNoWardenWarning(compile(orders));
    }

    @Test
    void aPrivateTypeCannotBeEnforced() {
        JavaFileObject outer = service("fx.shop.Outer", """
                public class Outer {
                    @AllowedRoles("User")
                    private static class Hidden {
                        public void run() {}
                    }
                }
                """);

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("[WARDEN-E053]").inFile(outer).onLineContaining("@AllowedRoles(\"User\")");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E053");
        assertThat(message).contains("@AllowedRoles on Outer.Hidden cannot be enforced: Hidden is private, so the generated"
                + " registry cannot refer to it");
    }

    @Test
    void aTypeWithErrorsGetsNoRegistryButTheOthersDo() {
        JavaFileObject broken = service("fx.shop.Broken", """
                public class Broken {
                    @AllowedRoles("Nobody")
                    public void run() {}
                }
                """);
        JavaFileObject fine = service("fx.shop.Fine", """
                public class Fine {
                    @AllowedRoles("User")
                    public void run() {}
                }
                """);

        GeneratedSources.Result result = GeneratedSources.compile(List.of(DiagnosticFixtures.shopModule(),
                DiagnosticFixtures.billingModule(), DiagnosticFixtures.app(), broken, fine));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.generated()).contains("fx.shop.FineOperations");
        assertThat(result.generated()).doesNotContain("fx.shop.BrokenOperations");
    }

    /** Found by the differential test: an annotated type without public methods was an internal error. */
    @Test
    void anAnnotatedTypeWithoutPublicMethodsProtectsNothingAndGetsNoRegistry() {
        JavaFileObject empty = service("fx.shop.Marker", """
                @AllowedRoles("User")
                public interface Marker {}
                """);

        Compilation compilation = compile(empty);

        assertThat(compilation).succeeded();
        assertNoWardenWarning(compilation);
        assertThat(compilation.generatedSourceFiles().stream()
                .noneMatch(f -> f.getName().endsWith("MarkerOperations.java"))).isTrue();
    }

    // ---------------------------------------------------------------- W016

    private static List<JavaFileObject> overridingWithOtherRoles(String suppression) {
        return List.of(service("fx.shop.OrderApi", """
                public interface OrderApi {
                    @AllowedRoles("User")
                    void place(Long order);
                }
                """), service("fx.shop.OrderService", suppression + """
                public class OrderService implements OrderApi {
                    @AllowedRoles("Manager")
                    @Override
                    public void place(Long order) {}
                }
                """));
    }

    @Test
    void overridingAnOperationWithOtherRolesIsAWarning() {
        List<JavaFileObject> sources = overridingWithOtherRoles("");

        Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));

        assertOnlyWardenWarning(compilation, "WARDEN-W016");
        assertThat(compilation).hadWarningContaining("[WARDEN-W016]").inFile(sources.get(1))
                .onLineContaining("@AllowedRoles(\"Manager\")");
        String message = onlyMessage(compilation, "WARDEN-W016");
        assertThat(message).contains("OrderService.place is for module roles Shop.Manager, but the method of OrderApi it"
                + " overrides is for Shop.User");
        assertThat(message).contains("hint: give it the same roles as OrderApi.place");
    }

    @Test
    void overridingAnOperationWithOtherRolesSuppressed() {
        assertNoWardenWarning(compile(overridingWithOtherRoles("@SuppressWarnings(\"warden:"
                + Message.OPERATION_OVERRIDE_ROLES.suppressionKey() + "\")\n").toArray(JavaFileObject[]::new)));
    }

    @Test
    void aTypeAnnotationThatCoversAnOverrideWithTheSameRolesIsFine() {
        assertNoWardenWarning(compile(service("fx.shop.OrderApi", """
                public interface OrderApi {
                    @AllowedRoles("Shop.User")
                    void place(Long order);
                }
                """), service("fx.shop.OrderService", """
                @AllowedRoles("User")
                public class OrderService implements OrderApi {
                    @Override
                    public void place(Long order) {}
                }
                """)));
    }
}
