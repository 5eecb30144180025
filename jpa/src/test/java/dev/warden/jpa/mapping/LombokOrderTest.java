package dev.warden.jpa.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.warden.processor.WardenProcessor;
import dev.warden.processor.testing.WardenCompiler;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lombok on the processor path in either order: Lombok adds the accessors to the classes themselves, so with Warden
 * first Warden reads the entities in a later round, once Lombok is done with them (as MapStruct does), and sees the
 * same members, rules and generated code as with Lombok first.
 */
class LombokOrderTest {
    private static final JavaFileObject MODULE = WardenCompiler.source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = WardenCompiler.source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = @UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"))",
            "public class App {}");
    /** A JPA entity whose accessors and constructor are Lombok's, with a rule naming its members. */
    private static final JavaFileObject ORDER = WardenCompiler.source("fx.Order",
            "package fx;",
            "import dev.warden.annotations.*;",
            "import jakarta.persistence.*;",
            "@Entity @Table(name = \"orders\") @SecuredEntity",
            "@lombok.Getter @lombok.Setter @lombok.NoArgsConstructor",
            "@AccessRule(roles = \"Clerk\", create = true, defaultAccess = dev.warden.annotations.Access.READ,",
            "        members = @Member(name = \"note\", access = dev.warden.annotations.Access.READ_WRITE),",
            "        constraint = \"[owner = '[%CurrentUser%]' and customer/name != 'blocked']\")",
            "public class Order {",
            "    @Id private Long id;",
            "    @Owner private Long owner;",
            "    @MemberAccess(roles = \"Clerk\", value = dev.warden.annotations.Access.READ_WRITE) private String note;",
            "    @ManyToOne private Customer customer;",
            "}");
    /** A Lombok {@code @Data} entity another entity's constraint reaches into. */
    private static final JavaFileObject CUSTOMER = WardenCompiler.source("fx.Customer",
            "package fx;",
            "import dev.warden.annotations.*;",
            "import jakarta.persistence.*;",
            "@Entity @SecuredEntity @lombok.Data @lombok.NoArgsConstructor",
            "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
            "public class Customer {",
            "    @Id private Long id;",
            "    private String name;",
            "}");
    /** A Lombok {@code @Value} class: final fields, getters, an all-arguments constructor. */
    private static final JavaFileObject RECEIPT = WardenCompiler.source("fx.Receipt",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity(persistent = false) @lombok.Value",
            "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ,",
            "        members = @Member(name = \"total\", access = dev.warden.annotations.Access.NONE))",
            "public class Receipt {",
            "    Long id;",
            "    String text;",
            "    Long total;",
            "}");

    /**
     * Lombok and Warden loaded afresh, as javac loads a build's processor path: Lombok tells whether it has started
     * through a static flag, which must not carry over from one compilation to the next.
     */
    private static List<Processor> processors(String order) throws Exception {
        URL[] jars = {jarOf(WardenProcessor.class), jarOf(Class.forName("lombok.launch.AnnotationProcessorHider"))};
        URLClassLoader loader = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader());
        Processor warden = (Processor) loader.loadClass(WardenProcessor.class.getName())
                .getDeclaredConstructor().newInstance();
        Processor lombok = (Processor) loader.loadClass("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
                .getDeclaredConstructor().newInstance();
        return order.equals("lombok first") ? List.of(lombok, warden) : List.of(warden, lombok);
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Compilation compile(String order) throws Exception {
        return Compiler.javac().withOptions("-Xlint:-processing").withProcessors(processors(order))
                .compile(MODULE, APP, ORDER, CUSTOMER, RECEIPT);
    }

    private static List<String> errors(Compilation compilation) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static List<String> members(ClassLoader loader, String policy) throws ClassNotFoundException {
        return Arrays.stream(loader.loadClass(policy + "$Member").getEnumConstants()).map(Object::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lombok first", "warden first"})
    void wardenSeesLombokAccessorsInEitherOrder(String order) throws Exception {
        Compilation compilation = compile(order);
        assertEquals(List.of(), errors(compilation), order);
        ClassLoader loader = WardenCompiler.classLoader(compilation);
        assertEquals(List.of("ID", "OWNER", "NOTE", "CUSTOMER"), members(loader, "fx.OrderPolicy"));
        assertEquals(List.of("ID", "NAME"), members(loader, "fx.CustomerPolicy"));
        assertEquals(List.of("ID", "TEXT", "TOTAL"), members(loader, "fx.ReceiptPolicy"));
        // the generated table and proxy exist and use Lombok's accessors
        Object table = loader.loadClass("fx.OrderTable").getField("TABLE").get(null);
        assertTrue(table.toString().contains("Order in orders"), table.toString());
        loader.loadClass("fx.SecuredOrder").getMethod("setNote", String.class);
    }
}
