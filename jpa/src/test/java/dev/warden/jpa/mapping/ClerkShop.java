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

/**
 * The one-module, one-role application the mapping diagnostics tests compile their {@code fx.Item} in, and how they
 * find the error they expect.
 */
final class ClerkShop {
    static final JavaFileObject MODULE = WardenCompiler.source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    static final JavaFileObject APP = WardenCompiler.source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = @UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"))",
            "public class App {}");

    private ClerkShop() {}

    /** An entity fx.Item: line 1 is the package, line 2 and 3 imports, the given lines from line 4. */
    static JavaFileObject item(String... lines) {
        List<String> all = new ArrayList<>(List.of("package fx;", "import dev.warden.annotations.*;",
                "import jakarta.persistence.*;"));
        all.addAll(List.of(lines));
        return WardenCompiler.source("fx.Item", all.toArray(String[]::new));
    }

    /** A getter and a setter on one line. */
    static String accessors(String type, String name) {
        String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return "    public " + type + " get" + property + "() { return " + name + "; } public void set" + property
                + "(" + type + " v) { this." + name + " = v; }";
    }

    /** The one error with the code: its file and line, and its message. */
    static String error(Compilation compilation, String code, String file, long line) {
        List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(Locale.ROOT).contains("[WARDEN-" + code + "]")) {
                found.add(d);
            }
        }
        assertEquals(1, found.size(), code + " in " + compilation.diagnostics());
        Diagnostic<? extends JavaFileObject> d = found.get(0);
        assertTrue(d.getSource().getName().endsWith(file), d.getSource().getName());
        assertEquals(line, d.getLineNumber(), d.getMessage(Locale.ROOT));
        return d.getMessage(Locale.ROOT);
    }

    /** The errors of the compilation: exactly one, with the code, in fx/Item.java on the line; its message. */
    static String onlyError(Compilation compilation, String code, long line) {
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

    /** Whether the compilation has no error. */
    static boolean clean(Compilation compilation) {
        return compilation.diagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }
}
