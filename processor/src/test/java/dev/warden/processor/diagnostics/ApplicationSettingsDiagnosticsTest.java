package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertOnlyWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compileOnly;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Security levels and user management in {@code @AppSecurity}: a level other than PRODUCTION is a warning (W014),
 * a manageable role that is not a user role is an error (E001), and an anonymous role that manages users a warning
 * (W015); the warnings are silenced with {@code @SuppressWarnings} on the application class.
 */
class ApplicationSettingsDiagnosticsTest {

    private static JavaFileObject application(String suppression, String settings) {
        return app(suppression + "@AppSecurity(\n" + settings + """
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"},
                                    manageableRoles = {"Member", "Admin"})
                        })
                """);
    }

    private static Compilation compile(JavaFileObject app) {
        return compileOnly(shopModule(), billingModule(), app);
    }

    @Test
    void productionAndManageableRolesCompileCleanly() {
        Compilation compilation = compile(application("", "level = SecurityLevel.PRODUCTION,\n"));

        assertNoWardenWarning(compilation);
        assertThat(compilation).generatedSourceFile("fx.ShopAppSecurityModel").contentsAsUtf8String()
                .contains(".manageableRoles(\"Admin\", \"Member\", \"Admin\")");
    }

    @Test
    void prototypeIsNotForProduction() {
        JavaFileObject app = application("", "level = SecurityLevel.PROTOTYPE,\n");

        Compilation compilation = compile(app);

        assertOnlyWardenWarning(compilation, "WARDEN-W014");
        assertThat(compilation).hadWarningContaining("[WARDEN-W014]").inFile(app)
                .onLineContaining("level = SecurityLevel.PROTOTYPE");
        String message = onlyMessage(compilation, "WARDEN-W014");
        assertThat(message).contains("security level PROTOTYPE: entity access is not checked (operation access is),"
                + " every user sees and may change every object; this build is not for production");
        assertThat(message).contains("@SuppressWarnings(\"warden:security-level\") on ShopApp silences this");
    }

    @Test
    void offIsNotForProduction() {
        JavaFileObject app = application("", "level = SecurityLevel.OFF,\n");

        Compilation compilation = compile(app);

        assertOnlyWardenWarning(compilation, "WARDEN-W014");
        assertThat(onlyMessage(compilation, "WARDEN-W014")).contains("security level OFF: neither operation access nor"
                + " entity access is checked");
    }

    @Test
    void theLevelWarningIsSuppressedOnTheApplicationClass() {
        assertNoWardenWarning(compile(application("@SuppressWarnings(\"warden:security-level\")\n",
                "level = SecurityLevel.OFF,\n")));
    }

    @Test
    void aManageableRoleThatIsNotAUserRole() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"},
                                    manageableRoles = {"Member",
                                            "Admn"})
                        })
                """);

        Compilation compilation = compile(app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(app).onLineContaining("\"Admn\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("manageableRoles of user role Admin names user role 'Admn', which is not declared");
        assertThat(message).contains("hint: did you mean 'Admin'?");
        // With the error, no application model is generated (the runtime would refuse it).
        GeneratedSources.Result generated = GeneratedSources.compile(java.util.List.of(shopModule(), billingModule(), app));
        assertThat(generated.succeeded()).isFalse();
        assertThat(generated.generated()).doesNotContain("fx.ShopAppSecurityModel");
    }

    private static JavaFileObject anonymousManaging(String suppression) {
        return app(suppression + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = {"Shop.User", "Shop.Manager"}),
                            @UserRole(name = "Visitor", moduleRoles = "Billing.Clerk", manageableRoles = "Member")
                        },
                        anonymousRole = "Visitor")
                """);
    }

    @Test
    void anAnonymousRoleThatManagesUsersIsAWarning() {
        JavaFileObject app = anonymousManaging("");

        Compilation compilation = compile(app);

        assertOnlyWardenWarning(compilation, "WARDEN-W015");
        assertThat(compilation).hadWarningContaining("[WARDEN-W015]").inFile(app).onLineContaining("manageableRoles = \"Member\"");
        assertThat(onlyMessage(compilation, "WARDEN-W015")).contains("anonymous user role Visitor may manage user roles"
                + " Member: anyone who is not signed in could create and change users with them");
    }

    @Test
    void anAnonymousRoleThatManagesUsersSuppressed() {
        assertNoWardenWarning(compile(anonymousManaging("@SuppressWarnings(\"warden:anonymous-manages-users\")\n")));
    }
}
