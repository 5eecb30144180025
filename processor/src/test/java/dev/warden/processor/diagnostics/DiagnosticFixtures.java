package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The small, valid application the diagnostic tests break one piece of at a time: module {@code Shop}
 * (roles {@code User}, {@code Manager}) in {@code fx.shop}, module {@code Billing} (role {@code Clerk}) in
 * {@code fx.billing}, and {@code fx.ShopApp} mapping every module role to a user role. On its own it compiles
 * without any Warden diagnostic, so whatever a test sees comes from the one thing it changed.
 */
final class DiagnosticFixtures {

    static final String ENTITY_PACKAGE = "fx.shop";

    private DiagnosticFixtures() {}

    /** {@code @Module(name = "Shop", roles = {"User", "Manager"})} on {@code fx.shop}. */
    static JavaFileObject shopModule() {
        return packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {"User", "Manager"})
                """);
    }

    /** {@code @Module(name = "Billing", roles = "Clerk")} on {@code fx.billing}. */
    static JavaFileObject billingModule() {
        return packageInfo("fx.billing", """
                @Module(name = "Billing", roles = "Clerk")
                """);
    }

    /** A {@code package-info.java} with these annotation lines (which may use {@code Module}). */
    static JavaFileObject packageInfo(String packageName, String annotations) {
        return source(packageName + ".package-info", annotations
                + "package " + packageName + ";\n"
                + "\n"
                + "import dev.warden.annotations.Module;\n");
    }

    /** The application: Member gets Shop.User, Admin gets Shop.Manager and Billing.Clerk; no anonymous role. */
    static JavaFileObject app() {
        return app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        })
                """);
    }

    /** An application class {@code fx.ShopApp} with these annotation lines. */
    static JavaFileObject app(String annotations) {
        return app("fx.ShopApp", annotations);
    }

    /** An application class with these annotation lines. */
    static JavaFileObject app(String qualifiedName, String annotations) {
        int dot = qualifiedName.lastIndexOf('.');
        return source(qualifiedName, "package " + qualifiedName.substring(0, dot) + ";\n"
                + "\n"
                + "import dev.warden.annotations.*;\n"
                + "\n"
                + annotations
                + "public final class " + qualifiedName.substring(dot + 1) + " {}\n");
    }

    /**
     * A type in {@code fx.shop}; {@code body} is everything after the imports of the Warden annotations,
     * {@code java.util.List} and {@code java.math.BigDecimal}.
     */
    static JavaFileObject entity(String simpleName, String body) {
        return type(ENTITY_PACKAGE + "." + simpleName, body);
    }

    /** A type in any package, with the same imports as {@link #entity}. */
    static JavaFileObject type(String qualifiedName, String body) {
        int dot = qualifiedName.lastIndexOf('.');
        return source(qualifiedName, "package " + qualifiedName.substring(0, dot) + ";\n"
                + "\n"
                + "import dev.warden.annotations.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.util.List;\n"
                + "\n"
                + body);
    }

    /** A source given as one text, split into lines. */
    static JavaFileObject source(String qualifiedName, String text) {
        return WardenCompiler.source(qualifiedName, text.split("\n", -1));
    }

    /** Compiles the entities (and other sources) together with both modules and the application. */
    static Compilation compile(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(shopModule(), billingModule(), app()));
        all.addAll(List.of(sources));
        return WardenCompiler.compile(all.toArray(JavaFileObject[]::new));
    }

    /** Compiles exactly these sources (for tests that replace the modules or the application). */
    static Compilation compileOnly(JavaFileObject... sources) {
        return WardenCompiler.compile(sources);
    }

    // ---------------------------------------------------------------- reading diagnostics

    /** The messages of the diagnostics of this kind that carry a Warden code. */
    static List<String> wardenMessages(Compilation compilation, Diagnostic.Kind kind) {
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            String message = diagnostic.getMessage(Locale.ROOT);
            if (diagnostic.getKind() == kind && message.contains("[WARDEN-")) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The message of the one diagnostic with this code, failing when there is not exactly one. */
    static String onlyMessage(Compilation compilation, String code) {
        List<String> found = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            String message = diagnostic.getMessage(Locale.ROOT);
            if (message.contains("[" + code + "]")) {
                found.add(message);
            }
        }
        assertWithMessage("diagnostics with %s in\n%s", code, compilation.diagnostics()).that(found).hasSize(1);
        return found.get(0);
    }

    /**
     * The caret line printed under {@code constraint} in a message, from the column where the constraint
     * starts: {@code " ^^^^^^"} marks the six characters after the first. (javac indents the lines after a
     * message's first; this is independent of that.)
     */
    static String caretUnder(String message, String constraint) {
        String[] lines = message.split("\n", -1);
        for (int i = 0; i + 1 < lines.length; i++) {
            int column = lines[i].indexOf(constraint);
            if (column >= 0 && lines[i].substring(0, column).isBlank()
                    && lines[i].substring(column + constraint.length()).isBlank()) {
                String caret = lines[i + 1];
                assertWithMessage("indentation of the caret line in\n%s", message)
                        .that(caret.length() >= column && caret.substring(0, column).isBlank()).isTrue();
                return caret.substring(column);
            }
        }
        throw new AssertionError("no line with just the constraint " + constraint + " in\n" + message);
    }

    /** Fails unless the compilation succeeded and its only Warden warning has this code. */
    static void assertOnlyWardenWarning(Compilation compilation, String code) {
        assertWithMessage("compilation failed:\n%s", compilation.diagnostics())
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        List<String> warnings = wardenMessages(compilation, Diagnostic.Kind.WARNING);
        assertWithMessage("Warden warnings").that(warnings).hasSize(1);
        assertWithMessage("Warden warning").that(warnings.get(0)).contains("[" + code + "]");
    }

    /** Fails unless the compilation succeeded without any Warden warning. */
    static void assertNoWardenWarning(Compilation compilation) {
        assertWithMessage("compilation failed:\n%s", compilation.diagnostics())
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertWithMessage("Warden warnings").that(wardenMessages(compilation, Diagnostic.Kind.WARNING)).isEmpty();
    }
}
