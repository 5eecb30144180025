package dev.warden.jpa.mapping;

import static dev.warden.jpa.mapping.ClerkShop.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * JPA {@code @Version} and {@code @GeneratedValue} that WardenData cannot follow are compile errors on the element:
 * a write right on the version (E055), a version that is not a whole number (E054), a key generation WardenData
 * cannot take part in (E056). Compiled with the real {@code jakarta.persistence} annotations.
 */
class KeyAndVersionDiagnosticsTest {
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
