package dev.warden.jpa.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * JPA {@code @Version} and {@code @GeneratedValue} that WardenData cannot follow are compile errors on the element:
 * a write right on the version (E055), a version that is not a whole number (E054), a key generation WardenData
 * cannot take part in (E056). Compiled with the real {@code jakarta.persistence} annotations.
 */
class KeyAndVersionDiagnosticsTest {
    private static final JavaFileObject MODULE = WardenCompiler.source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = WardenCompiler.source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = @UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"))",
            "public class App {}");

    /** An entity fx.Item: line 1 is the package, line 2 and 3 imports, the given lines from line 4. */
    private static JavaFileObject item(String... lines) {
        List<String> all = new ArrayList<>(List.of("package fx;", "import dev.warden.annotations.*;",
                "import jakarta.persistence.*;"));
        all.addAll(List.of(lines));
        return WardenCompiler.source("fx.Item", all.toArray(String[]::new));
    }

    private static String accessors(String type, String name) {
        String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return "    public " + type + " get" + property + "() { return " + name + "; } public void set" + property
                + "(" + type + " v) { this." + name + " = v; }";
    }

    /** The errors of the compilation: exactly one, with the code, in fx/Item.java on the line; its message. */
    private static String onlyError(Compilation compilation, String code, long line) {
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        assertEquals(1, errors.size(), "one error: " + errors);
        Diagnostic<? extends JavaFileObject> d = errors.get(0);
        String message = d.getMessage(Locale.ROOT);
        assertTrue(message.contains("[WARDEN-" + code + "]"), message);
        assertTrue(d.getSource().getName().endsWith("fx/Item.java"), d.getSource().getName());
        assertEquals(line, d.getLineNumber(), message);
        return message;
    }

    private static boolean clean(Compilation compilation) {
        return compilation.diagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    @Test
    void aWriteRightOnTheVersionIsE055OnTheAccess() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ,",
                "        members = @Member(name = \"version\", access = dev.warden.annotations.Access.READ_WRITE))",
                "public class Item {",
                "    @Id private Long id;",
                "    @Version private Long version;",
                accessors("Long", "id"),
                accessors("Long", "version"),
                "}"));
        String message = onlyError(compilation, "E055", 6);
        assertTrue(message.contains("rule 1 of Item gives READ_WRITE on 'version' of Item, its @Version"), message);
        assertTrue(message.contains("use READ"), message);
    }

    @Test
    void aMemberAccessWriteRightOnTheVersionIsE055() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id private Long id;",
                "    @Version",
                "    @MemberAccess(roles = \"Clerk\", value = dev.warden.annotations.Access.READ_WRITE)",
                "    private int version;",
                accessors("Long", "id"),
                accessors("int", "version"),
                "}"));
        onlyError(compilation, "E055", 9);
    }

    @Test
    void aDefaultReadWriteLeavesTheVersionReadOnlyAndCompiles() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", create = true, defaultAccess = dev.warden.annotations.Access.READ_WRITE)",
                "public class Item {",
                "    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;",
                "    @Version private Short version;",
                accessors("Long", "id"),
                accessors("Short", "version"),
                "}"));
        assertTrue(clean(compilation), compilation.diagnostics().toString());
    }

    @Test
    void aTimestampVersionIsE054OnTheAnnotation() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id private Long id;",
                "    @Version private java.time.Instant version;",
                accessors("Long", "id"),
                accessors("java.time.Instant", "version"),
                "}"));
        String message = onlyError(compilation, "E054", 8);
        assertTrue(message.contains("@Version member 'version' of Item has type java.time.Instant"), message);
    }

    @Test
    void aTableGeneratorIsE056OnGeneratedValue() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id",
                "    @GeneratedValue(strategy = GenerationType.TABLE)",
                "    private Long id;",
                accessors("Long", "id"),
                "}"));
        String message = onlyError(compilation, "E056", 8);
        assertTrue(message.contains("the key 'id' of Item is generated with @GeneratedValue(strategy = TABLE)"),
                message);
    }

    @Test
    void anIdentityTextKeyIsE056() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private String id;",
                accessors("String", "id"),
                "}"));
        String message = onlyError(compilation, "E056", 7);
        assertTrue(message.contains("it needs a whole-number key, not a java.lang.String"), message);
    }
}
