package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertOnlyWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compileOnly;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.packageInfo;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The lints (W001 to W007): each reported once, on the annotation value it is about, and each silenced by
 * {@code @SuppressWarnings("warden:<key>")} with the key from {@link Message}.
 */
class WarningDiagnosticsTest {

    /** Members {@code id}, {@code text} and {@code owner} (Long), all readable and writable. */
    private static final String NOTE_MEMBERS = """
                private Long id;
                private String text;
                private Long owner;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getText() { return text; }
                public void setText(String text) { this.text = text; }
                public Long getOwner() { return owner; }
                public void setOwner(Long owner) { this.owner = owner; }
            }
            """;

    private static String suppress(Message message) {
        return "@SuppressWarnings(\"warden:" + message.suppressionKey() + "\")\n";
    }

    // ---------------------------------------------------------------- W001

    private static JavaFileObject ruleGrantingNothing(String suppression) {
        return entity("Note", suppression + """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(roles = "Manager")
                public class Note {
                """ + NOTE_MEMBERS);
    }

    @Test
    void ruleThatGrantsNothing() {
        JavaFileObject note = ruleGrantingNothing("");

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W001");
        assertThat(compilation).hadWarningContaining("[WARDEN-W001]").inFile(note)
                .onLineContaining("@AccessRule(roles = \"Manager\")");
        String message = onlyMessage(compilation, "WARDEN-W001");
        assertThat(message).contains("rule 2 of Note grants nothing: no create, no delete and no readable member");
        assertThat(message).contains("hint: set create, delete, defaultAccess or members, or remove the rule");
    }

    @Test
    void ruleThatGrantsNothingSuppressed() {
        assertNoWardenWarning(compile(ruleGrantingNothing(suppress(Message.RULE_GRANTS_NOTHING))));
    }

    @Test
    void ruleGrantingOnlyReadOnOneMemberGrantsSomething() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", members = @Member(name = "text", access = Access.READ))
                public class Note {
                """ + NOTE_MEMBERS);

        assertNoWardenWarning(compile(note));
    }

    // ---------------------------------------------------------------- W002

    private static JavaFileObject entityWithoutRules(String suppression) {
        return entity("Note", suppression + """
                @SecuredEntity
                public class Note {
                """ + NOTE_MEMBERS);
    }

    @Test
    void entityWithoutRules() {
        JavaFileObject note = entityWithoutRules("");

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W002");
        assertThat(compilation).hadWarningContaining("[WARDEN-W002]").inFile(note).onLineContaining("@SecuredEntity");
        String message = onlyMessage(compilation, "WARDEN-W002");
        assertThat(message).contains("Note has no @AccessRule, so nobody can access it");
        assertThat(message).contains("hint: add an @AccessRule, or suppress with @SuppressWarnings(\"warden:no-rules\")");
    }

    @Test
    void entityWithoutRulesSuppressed() {
        assertNoWardenWarning(compile(entityWithoutRules(suppress(Message.ENTITY_WITHOUT_RULES))));
    }

    // ---------------------------------------------------------------- W003

    private static JavaFileObject shopWithAuditor() {
        return packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {
                        "User",
                        "Manager",
                        "Auditor"})
                """);
    }

    @Test
    void moduleRoleThatNoUserRoleUses() {
        JavaFileObject shop = shopWithAuditor();

        Compilation compilation = compileOnly(shop, billingModule(), app());

        assertOnlyWardenWarning(compilation, "WARDEN-W003");
        assertThat(compilation).hadWarningContaining("[WARDEN-W003]").inFile(shop).onLineContaining("\"Auditor\"");
        String message = onlyMessage(compilation, "WARDEN-W003");
        assertThat(message).contains("module role Shop.Auditor is not given to any user role");
        assertThat(message).contains("hint: add it to a @UserRole's moduleRoles in ShopApp, or remove it, "
                + "or put @SuppressWarnings(\"warden:unused-role\") on ShopApp");
    }

    @Test
    void moduleRoleThatNoUserRoleUsesSuppressedOnTheApplication() {
        // A package cannot carry @SuppressWarnings; the application, where user roles get their module roles, can.
        JavaFileObject app = app(suppress(Message.UNUSED_MODULE_ROLE) + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        })
                """);

        assertNoWardenWarning(compileOnly(shopWithAuditor(), billingModule(), app));
    }

    // ---------------------------------------------------------------- W004

    private static JavaFileObject defaultReadWrite(String suppression) {
        return entity("Note", suppression + """
                @SecuredEntity
                @AccessRule(roles = "Manager", create = true,
                        defaultAccess = Access.READ_WRITE)
                public class Note {
                """ + NOTE_MEMBERS);
    }

    @Test
    void defaultAccessReadWrite() {
        JavaFileObject note = defaultReadWrite("");

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W004");
        assertThat(compilation).hadWarningContaining("[WARDEN-W004]").inFile(note)
                .onLineContaining("defaultAccess = Access.READ_WRITE");
        String message = onlyMessage(compilation, "WARDEN-W004");
        assertThat(message).contains("rule 1 of Note gives READ_WRITE on every member by default");
        assertThat(message).contains("hint: list the writable members in members = @Member(name = ..., access = READ_WRITE)");
    }

    @Test
    void defaultAccessReadWriteSuppressed() {
        assertNoWardenWarning(compile(defaultReadWrite(suppress(Message.DEFAULT_READ_WRITE))));
    }

    @Test
    void suppressingAnotherWarningDoesNotSilenceIt() {
        Compilation compilation = compile(defaultReadWrite(suppress(Message.ENTITY_WITHOUT_RULES)));

        assertOnlyWardenWarning(compilation, "WARDEN-W004");
    }

    @Test
    void suppressingAllWardenWarnings() {
        assertNoWardenWarning(compile(defaultReadWrite("@SuppressWarnings(\"warden\")\n")));
    }

    // ---------------------------------------------------------------- W005

    private static JavaFileObject selfWideningConstraint(String suppression) {
        return entity("Note", suppression + """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "owner", access = Access.READ_WRITE),
                        constraint = "[owner = '[%CurrentUser%]']")
                public class Note {
                """ + NOTE_MEMBERS);
    }

    @Test
    void constraintOnAMemberTheSameRoleMayWrite() {
        JavaFileObject note = selfWideningConstraint("");

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W005");
        assertThat(compilation).hadWarningContaining("[WARDEN-W005]").inFile(note)
                .onLineContaining("constraint = \"[owner = '[%CurrentUser%]']\"");
        String message = onlyMessage(compilation, "WARDEN-W005");
        assertThat(message).contains(
                "rule 1 of Note depends on 'owner', which role Shop.User may write: a user can change it to widen their own access");
        assertThat(message).contains("hint: make 'owner' READ for User, or fill it in on the server");
    }

    @Test
    void constraintOnAMemberTheSameRoleMayWriteSuppressed() {
        assertNoWardenWarning(compile(selfWideningConstraint(suppress(Message.SELF_WIDENING_CONSTRAINT))));
    }

    @Test
    void constraintOnAMemberSeveralRolesOfTheRuleMayWriteIsOneWarning() {
        // User and Manager get different rights (text), so the rule grants to them separately; both write owner.
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = {"User", "Manager"}, defaultAccess = Access.READ,
                        members = @Member(name = "owner", access = Access.READ_WRITE),
                        constraint = "[owner = '[%CurrentUser%]']")
                public class Note {
                    private Long id;
                    @MemberAccess(roles = "Manager", value = Access.NONE)
                    private String text;
                    private Long owner;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                }
                """);

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W005");
        assertThat(compilation).hadWarningContaining("[WARDEN-W005]").inFile(note)
                .onLineContaining("constraint = \"[owner = '[%CurrentUser%]']\"");
        String message = onlyMessage(compilation, "WARDEN-W005");
        assertThat(message).contains("depends on 'owner', which roles Shop.User and Shop.Manager may write");
        assertThat(message).contains("hint: make 'owner' READ for User, Manager");
    }

    @Test
    void constraintOnTheFirstMemberTheSameRoleMayWrite() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "owner", access = Access.READ_WRITE),
                        constraint = "[owner = '[%CurrentUser%]']")
                public class Note {
                    private Long owner;
                    private Long id;
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                }
                """);

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W005");
        assertThat(compilation).hadWarningContaining("[WARDEN-W005]").inFile(note)
                .onLineContaining("constraint = \"[owner = '[%CurrentUser%]']\"");
        assertThat(onlyMessage(compilation, "WARDEN-W005"))
                .contains("rule 1 of Note depends on 'owner', which role Shop.User may write");
    }

    @Test
    void rolesThatMayWriteAMemberAreNamedInTheModulesOrder() {
        // Module order User, Manager, Auditor; User and Auditor get the same rights, so the rule grants to
        // {User, Auditor} and to {Manager}: the writers come grouped as User, Auditor, Manager.
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Auditor", moduleRoles = "Shop.Auditor")
                        })
                """);
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = {"Auditor", "Manager", "User"}, defaultAccess = Access.READ,
                        members = @Member(name = "owner", access = Access.READ_WRITE),
                        constraint = "[owner = '[%CurrentUser%]']")
                public class Note {
                    private Long id;
                    @MemberAccess(roles = "Manager", value = Access.NONE)
                    private String text;
                    private Long owner;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                }
                """);

        Compilation compilation = compileOnly(shopWithAuditor(), billingModule(), app, note);

        assertOnlyWardenWarning(compilation, "WARDEN-W005");
        assertThat(compilation).hadWarningContaining("[WARDEN-W005]").inFile(note)
                .onLineContaining("constraint = \"[owner = '[%CurrentUser%]']\"");
        String message = onlyMessage(compilation, "WARDEN-W005");
        assertThat(message).contains("depends on 'owner', which roles Shop.User, Shop.Manager and Shop.Auditor may write");
        assertThat(message).contains("hint: make 'owner' READ for User, Manager, Auditor,");
    }

    @Test
    void constraintOnAMemberOnlyAnotherRoleMayWriteIsNoWarning() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "Manager", defaultAccess = Access.READ,
                        members = @Member(name = "owner", access = Access.READ_WRITE))
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[owner = '[%CurrentUser%]']")
                public class Note {
                """ + NOTE_MEMBERS);

        assertNoWardenWarning(compile(note));
    }

    // ---------------------------------------------------------------- W006 and W007

    /** Shop with a role for anonymous users, and an application whose anonymous user role Guest gets it. */
    private static JavaFileObject shopWithVisitor() {
        return packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {"User", "Manager", "Visitor"})
                """);
    }

    private static JavaFileObject appWithGuest(String suppression) {
        return app(suppression + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Guest", moduleRoles = "Shop.Visitor")
                        },
                        anonymousRole = "Guest")
                """);
    }

    private static JavaFileObject anonymousWrite(String suppression) {
        return entity("Note", suppression + """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(roles = "Visitor", create = true)
                public class Note {
                """ + NOTE_MEMBERS);
    }

    @Test
    void anonymousRoleWithWriteAccessAndNoConstraint() {
        JavaFileObject note = anonymousWrite("");

        Compilation compilation = compileOnly(shopWithVisitor(), billingModule(), appWithGuest(""), note);

        assertOnlyWardenWarning(compilation, "WARDEN-W006");
        assertThat(compilation).hadWarningContaining("[WARDEN-W006]").inFile(note)
                .onLineContaining("@AccessRule(roles = \"Visitor\", create = true)");
        String message = onlyMessage(compilation, "WARDEN-W006");
        assertThat(message).contains("anonymous user role Guest may write Note without a constraint (rule 2)");
        assertThat(message).contains("hint: add a constraint that limits what anonymous users can change");
    }

    @Test
    void anonymousRoleWithWriteAccessAndNoConstraintSuppressed() {
        Compilation compilation = compileOnly(shopWithVisitor(), billingModule(), appWithGuest(""),
                anonymousWrite(suppress(Message.ANONYMOUS_WRITE)));

        assertNoWardenWarning(compilation);
    }

    /** Compiles a Note with these rules in the Shop that has a Visitor role, Guest being anonymous with it. */
    private static Compilation compileWithGuest(JavaFileObject note) {
        return compileOnly(shopWithVisitor(), billingModule(), appWithGuest(""), note);
    }

    @Test
    void anonymousRoleThatOnlyReadsIsNoWarning() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "Visitor", defaultAccess = Access.READ)
                public class Note {
                """ + NOTE_MEMBERS);

        assertNoWardenWarning(compileWithGuest(note));
    }

    @Test
    void anonymousRoleThatMayWriteOneMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(roles = "Visitor", defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE))
                public class Note {
                """ + NOTE_MEMBERS);

        Compilation compilation = compileWithGuest(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W006");
        assertThat(compilation).hadWarningContaining("[WARDEN-W006]").inFile(note)
                .onLineContaining("@AccessRule(roles = \"Visitor\", defaultAccess = Access.READ,");
        assertThat(onlyMessage(compilation, "WARDEN-W006"))
                .contains("anonymous user role Guest may write Note without a constraint (rule 2)");
    }

    @Test
    void anonymousRoleThatMayOnlyDelete() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "Visitor", delete = true)
                public class Note {
                """ + NOTE_MEMBERS);

        Compilation compilation = compileWithGuest(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W006");
        assertThat(compilation).hadWarningContaining("[WARDEN-W006]").inFile(note)
                .onLineContaining("@AccessRule(roles = \"Visitor\", delete = true)");
        assertThat(onlyMessage(compilation, "WARDEN-W006"))
                .contains("anonymous user role Guest may write Note without a constraint (rule 1)");
    }

    @Test
    void signedInRoleWithWriteAccessIsNoWarningWhenThereIsAnAnonymousRole() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", create = true, delete = true, defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE))
                @AccessRule(roles = "Visitor", defaultAccess = Access.READ)
                public class Note {
                """ + NOTE_MEMBERS);

        assertNoWardenWarning(compileWithGuest(note));
    }

    private static JavaFileObject appWithGuestSharingUser(String suppression) {
        return app(suppression + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Guest",
                                    moduleRoles = {"Shop.User"})
                        },
                        anonymousRole = "Guest")
                """);
    }

    @Test
    void anonymousRoleSharingAModuleRoleWithASignedInRole() {
        JavaFileObject app = appWithGuestSharingUser("");

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertOnlyWardenWarning(compilation, "WARDEN-W007");
        assertThat(compilation).hadWarningContaining("[WARDEN-W007]").inFile(app)
                .onLineContaining("moduleRoles = {\"Shop.User\"})");
        String message = onlyMessage(compilation, "WARDEN-W007");
        assertThat(message).contains("anonymous user role Guest shares module role Shop.User with signed-in user role Member");
        assertThat(message).contains("hint: give anonymous users a module role of their own");
    }

    @Test
    void anonymousRoleSharingAModuleRoleWithASignedInRoleSuppressed() {
        JavaFileObject app = appWithGuestSharingUser(suppress(Message.ANONYMOUS_SHARED_ROLE));

        assertNoWardenWarning(compileOnly(shopModule(), billingModule(), app));
    }

    // ---------------------------------------------------------------- W017 and W018

    /** {@code @SuppressWarnings} with the key written out, as a user writes it. */
    private static final String SUPPRESS_MIXED_SCRIPT = "@SuppressWarnings(\"warden:mixed-script\")\n";
    private static final String SUPPRESS_CONFUSABLE = "@SuppressWarnings(\"warden:confusable\")\n";

    /** Module Shop with a third role, {@code role}, which the application gives to its user role Auditor. */
    private static JavaFileObject shopWithRole(String role) {
        return packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {
                        "User",
                        "Manager",
                        "%s"})
                """.formatted(role));
    }

    private static JavaFileObject appGivingShopRole(String suppression, String role) {
        return app(suppression + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Auditor", moduleRoles = "Shop.%s")
                        })
                """.formatted(role));
    }

    @Test
    void moduleRoleMixingLatinAndCyrillic() {
        // "\u0410dmin": a Cyrillic capital A followed by Latin "dmin", which reads as Admin.
        JavaFileObject shop = shopWithRole("\u0410dmin");

        Compilation compilation = compileOnly(shop, billingModule(), appGivingShopRole("", "\u0410dmin"));

        assertOnlyWardenWarning(compilation, "WARDEN-W017");
        assertThat(compilation).hadWarningContaining("[WARDEN-W017]").inFile(shop).onLineContaining("\"\u0410dmin\"})");
        String message = onlyMessage(compilation, "WARDEN-W017");
        assertThat(message).contains("module role Shop.\u0410dmin mixes scripts: Cyrillic '\u0410' (U+0410) with Latin");
        assertThat(message).contains("hint: write it in one script ('Admin'), or put "
                + "@SuppressWarnings(\"warden:mixed-script\") on ShopApp if it is meant");
    }

    @Test
    void moduleRoleMixingScriptsSuppressedOnTheApplication() {
        assertNoWardenWarning(compileOnly(shopWithRole("\u0410dmin"), billingModule(),
                appGivingShopRole(SUPPRESS_MIXED_SCRIPT, "\u0410dmin")));
    }

    @Test
    void moduleNameMixingLatinAndGreek() {
        // "Sh\u03bfp": a Greek small omicron in place of the o.
        JavaFileObject shop = packageInfo("fx.shop", """
                @Module(
                        name = "Sh\u03bfp",
                        roles = {"User", "Manager"})
                """);
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Sh\u03bfp.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Sh\u03bfp.Manager", "Billing.Clerk"})
                        })
                """);

        Compilation compilation = compileOnly(shop, billingModule(), app);

        assertOnlyWardenWarning(compilation, "WARDEN-W017");
        assertThat(compilation).hadWarningContaining("[WARDEN-W017]").inFile(shop).onLineContaining("name = \"Sh\u03bfp\"");
        assertThat(onlyMessage(compilation, "WARDEN-W017"))
                .contains("module Sh\u03bfp mixes scripts: Greek '\u03bf' (U+03BF) with Latin");
    }

    private static JavaFileObject appWithMixedUserRoleAndToken(String suppression) {
        return app(suppression + """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "\u0410dmin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = @Token(
                                name = "Ten\u0430nt",
                                type = Long.class))
                """);
    }

    @Test
    void userRoleAndTokenMixingScripts() {
        JavaFileObject app = appWithMixedUserRoleAndToken("");

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("user role '\u0410dmin' mixes scripts").inFile(app)
                .onLineContaining("@UserRole(name = \"\u0410dmin\"");
        assertThat(compilation).hadWarningContaining("token 'Ten\u0430nt' mixes scripts: Cyrillic '\u0430' (U+0430) with Latin")
                .inFile(app).onLineContaining("name = \"Ten\u0430nt\"");
        assertThat(compilation).hadWarningContaining("hint: write it in one script ('Tenant'), or put "
                + "@SuppressWarnings(\"warden:mixed-script\") on ShopApp if it is meant");
        assertThat(DiagnosticFixtures.wardenMessages(compilation, javax.tools.Diagnostic.Kind.WARNING)).hasSize(2);
    }

    @Test
    void userRoleAndTokenMixingScriptsSuppressed() {
        assertNoWardenWarning(compileOnly(shopModule(), billingModule(),
                appWithMixedUserRoleAndToken(SUPPRESS_MIXED_SCRIPT)));
        assertNoWardenWarning(compileOnly(shopModule(), billingModule(), appWithMixedUserRoleAndToken(
                "@SuppressWarnings(\"warden\")\n")));
    }

    @Test
    void namesInOneScriptDoNotMixScripts() {
        // Cyrillic only; Han with Katakana (one Japanese writing system); Latin with digits, '_' and '$' (Common).
        String[] names = {"\u041c\u0435\u043d\u0435\u0434\u0436\u0435\u0440", "\u7ba1\u7406\u30ab", "Role_2$", "\u00c9diteur"};
        for (String name : names) {
            assertNoWardenWarning(compileOnly(shopWithRole(name), billingModule(), appGivingShopRole("", name)));
        }
    }

    @Test
    void moduleRolesThatLookTheSameInDifferentScripts() {
        // "\u041e\u0440\u0455" is Cyrillic only (O, er, dze): not mixed, but it reads as the Latin "Ops" declared before it.
        JavaFileObject shop = packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {
                        "User",
                        "Manager",
                        "Ops",
                        "\u041e\u0440\u0455"})
                """);
        String mapping = """
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk", "Shop.Ops",
                                    "Shop.\u041e\u0440\u0455"})
                        })
                """;

        Compilation compilation = compileOnly(shop, billingModule(), app(mapping));

        assertOnlyWardenWarning(compilation, "WARDEN-W018");
        assertThat(compilation).hadWarningContaining("[WARDEN-W018]").inFile(shop)
                .onLineContaining("\"\u041e\u0440\u0455\"})");
        String message = onlyMessage(compilation, "WARDEN-W018");
        assertThat(message).contains("module role Shop.\u041e\u0440\u0455 looks like module role Shop.Ops, "
                + "but is another name (written in Cyrillic)");
        assertThat(message).contains("@SuppressWarnings(\"warden:confusable\") on ShopApp");

        assertNoWardenWarning(compileOnly(shop, billingModule(), app(SUPPRESS_CONFUSABLE + mapping)));
    }

    @Test
    void userRolesThatLookTheSameInDifferentScripts() {
        // "\u0412\u043e\u0455\u0455": Cyrillic ve, o, dze, dze, which reads as "Boss".
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Boss", moduleRoles = "Shop.Manager"),
                            @UserRole(name = "\u0412\u043e\u0455\u0455", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = "Billing.Clerk")
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertOnlyWardenWarning(compilation, "WARDEN-W018");
        assertThat(compilation).hadWarningContaining("user role '\u0412\u043e\u0455\u0455' looks like user role 'Boss'")
                .inFile(app).onLineContaining("@UserRole(name = \"\u0412\u043e\u0455\u0455\"");
    }
}
