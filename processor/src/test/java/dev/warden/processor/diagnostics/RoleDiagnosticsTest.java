package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compileOnly;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Role names in rules, {@code @MemberAccess} and the application that do not resolve (E001, E002, E003, E033). */
class RoleDiagnosticsTest {

    private static final String NOTE_BODY = """
            public class Note {
                private Long id;
                private String text;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getText() { return text; }
                public void setText(String text) { this.text = text; }
            }
            """;

    @Test
    void theFixturesCompileWithoutAnyWardenDiagnostic() {
        Compilation compilation = compile(entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY));

        assertThat(compilation).succeeded();
        assertNoWardenWarning(compilation);
        assertThat(compilation).generatedSourceFile("fx.shop.NotePolicy");
    }

    @Test
    void ruleNamingAnUnknownModuleRole() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(
                        roles = "Usr",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note).onLineContaining("roles = \"Usr\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("rule 1 of Note names module role 'Usr', which is not declared");
        assertThat(message).contains("hint: did you mean 'User'?");
    }

    @Test
    void unknownRoleInTheSecondOfSeveralRulesIsReportedOnThatRule() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(
                        roles = {"Manager", "Mangaer"},
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note)
                .onLineContaining("roles = {\"Manager\", \"Mangaer\"}");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("rule 2 of Note names module role 'Mangaer'");
        assertThat(message).contains("hint: did you mean 'Manager'?");
    }

    @Test
    void ruleNamingARoleOfAnUnknownModule() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(
                        roles = "Shp.User",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note).onLineContaining("\"Shp.User\"");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E001")).contains("hint: did you mean 'Shop.User'?");
    }

    /**
     * A rule's role {@code ".User"} names the module "", which is not the entity's module and is not declared: the
     * hint lists the module's roles qualified, as for a misspelt module.
     */
    @Test
    void aRuleRoleWithAnEmptyModuleNameIsAnUnknownRole() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(
                        roles = ".User",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note).onLineContaining("roles = \".User\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("rule 1 of Note names module role '.User', which is not declared");
        // The qualified names of the module's roles, not "did you mean 'User'?" for a simple name.
        assertThat(message).contains("hint: known roles: Shop.User, Shop.Manager");
    }

    @Test
    void ruleNamingARoleOfItsOwnModuleQualifiedGrantsToThatRole() {
        Compilation compilation = compile(entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "Shop.User",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY));

        assertThat(compilation).succeeded();
        assertNoWardenWarning(compilation);
        // The same grant as for roles = "User": read on every member for Shop.User.
        assertThat(compilation).generatedSourceFile("fx.shop.NotePolicy").contentsAsUtf8String().contains(
                ".grant(ShopModule.USER, /* create */ false, /* delete */ false, allMembers(), noMembers())");
    }

    @Test
    void memberAccessNamingAnUnknownModuleRole() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @MemberAccess(
                            roles = "Managr",
                            value = Access.NONE)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note).onLineContaining("roles = \"Managr\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("@MemberAccess on Note.text names module role 'Managr'");
        assertThat(message).contains("hint: did you mean 'Manager'?");
    }

    @Test
    void userRoleNamingAnUnknownModuleRole() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {
                                    "Shop.Manager",
                                    "Billing.Clerck"})
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(app).onLineContaining("\"Billing.Clerck\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("user role Admin names module role 'Billing.Clerck', which is not declared");
        assertThat(message).contains("hint: did you mean 'Clerk'?");
    }

    @Test
    void userRoleNamingAModuleRoleWithoutItsModule() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {
                                    "Manager",
                                    "Billing.Clerk"})
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(app).onLineContaining("\"Manager\",");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E001"))
                .contains("hint: qualify it with its module: \"Shop.Manager\"");
    }

    @Test
    void userRoleNamingAnUnknownModule() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {
                                    "Shop.Manager",
                                    "Biling.Clerk"})
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E033]").inFile(app).onLineContaining("\"Biling.Clerk\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E033");
        assertThat(message).contains("user role Admin names module 'Biling', which is not declared");
        assertThat(message).contains("hint: did you mean 'Billing'?");
    }

    @Test
    void anonymousRoleNamingAnUnknownUserRole() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Guest", moduleRoles = "Shop.User")
                        },
                        anonymousRole = "Gest")
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(app)
                .onLineContaining("anonymousRole = \"Gest\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).contains("anonymousRole names user role 'Gest', which is not declared");
        assertThat(message).contains("hint: did you mean 'Guest'?");
    }

    @Test
    void ruleUsingARoleOfAnotherModule() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(
                        roles = "Billing.Clerk",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E002]").inFile(note)
                .onLineContaining("roles = \"Billing.Clerk\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E002");
        assertThat(message).contains("rule 1 of Note uses role 'Billing.Clerk' of module Billing; "
                + "only the roles of the entity's module Shop can be used");
        assertThat(message).contains("hint: use a role of module Shop (User, Manager)");
    }

    @Test
    void memberAccessUsingARoleOfAnotherModule() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @MemberAccess(
                            roles = "Billing.Clerk",
                            value = Access.NONE)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E002]").inFile(note)
                .onLineContaining("roles = \"Billing.Clerk\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E002");
        assertThat(message).contains("@MemberAccess on Note.text uses role 'Billing.Clerk' of module Billing");
        assertThat(message).contains("hint: use a role of module Shop (User, Manager)");
    }

    @Test
    void ruleWithoutRoles() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(
                        roles = {},
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E003]").inFile(note).onLineContaining("roles = {},");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E003")).contains("hint: name at least one role of module Shop: User, Manager");
    }
}
