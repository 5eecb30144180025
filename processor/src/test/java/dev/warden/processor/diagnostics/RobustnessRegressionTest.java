package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compileOnly;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Inputs on which the processor used to crash, found by the robustness suite of the verification module: each now
 * compiles to a diagnostic, not to an internal error (E099) or a javac crash.
 */
class RobustnessRegressionTest {

    private static final String NOTE_BODY = """
            public class Note {
                private Long id;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
            }
            """;

    /**
     * A module role such as {@code ".Clerk"} names the module "", whose index resource {@code META-INF/warden/modules/}
     * the file manager rejects (javac wraps that in a ClientCodeException, which was not caught).
     */
    @Test
    void aModuleRoleWithAnEmptyModuleNameIsAnUnknownRole() {
        Compilation compilation = compileOnly(shopModule(), billingModule(), app("""
                @AppSecurity(userRoles = @UserRole(name = "Member", moduleRoles = {".User", "Shop.", "NoDot"}))
                """), entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                """ + NOTE_BODY));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[WARDEN-E0");
        for (var diagnostic : compilation.diagnostics()) {
            org.junit.jupiter.api.Assertions.assertFalse(diagnostic.getMessage(null).contains("WARDEN-E099"),
                    diagnostic::toString);
        }
    }

    /**
     * The empty module name of {@code ".User"} is looked up like any other module name and is not declared: the
     * same E033 as for a misspelt module, not the E001 of a module role written without its module.
     */
    @Test
    void aModuleRoleWithAnEmptyModuleNameNamesAnUndeclaredModule() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Guest",
                                    moduleRoles = ".User")
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E033]").inFile(app).onLineContaining("moduleRoles = \".User\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E033");
        assertThat(message).contains("user role Guest names module '', which is not declared");
        assertThat(message).contains("hint: known modules: ");
        assertThat(message).doesNotContain("qualify");
    }

    /** Thousands of conditions became a Java expression too deep for javac, which overflowed its stack. */
    @Test
    void aConstraintWithThousandsOfConditionsIsAnError() {
        assertTooManyConditions("id = 1 or ".repeat(3000) + "id = 2");
    }

    /** Conditions are counted through {@code and} as through {@code or}. */
    @Test
    void twoHundredFiftySevenConditionsJoinedByAndAreAnError() {
        assertTooManyConditions("id > 1 and ".repeat(256) + "id > 2");
    }

    /** ... and inside {@code not(...)}. */
    @Test
    void twoHundredFiftySevenConditionsInsideNotAreAnError() {
        assertTooManyConditions("not(" + "id = 1 or ".repeat(256) + "id = 2)");
    }

    /** The constraint {@code [condition]} on Note is one E010 on its line. */
    private static void assertTooManyConditions(String condition) {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[%s]")
                """.formatted(condition) + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E010]").inFile(note).onLineContaining("constraint = ");
        assertThat(compilation).hadErrorContaining("the constraint has more than 256 conditions");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoHundredFiftySixConditionsAreFine() {
        Compilation compilation = compile(entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[%s]")
                """.formatted("id = 1 or ".repeat(255) + "id = 2") + NOTE_BODY));

        assertThat(compilation).succeeded();
    }
}
