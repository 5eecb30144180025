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
import static dev.warden.processor.diagnostics.DiagnosticFixtures.packageInfo;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.type;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Modules, the application, and where entities and rules are declared: E020 to E031. */
class DeclarationDiagnosticsTest {

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

    // ---------------------------------------------------------------- E020 to E024

    @Test
    void moduleDeclaredTwice() {
        JavaFileObject store = packageInfo("fx.store", """
                @Module(
                        name = "Shop",
                        roles = {"User", "Manager"})
                """);

        Compilation compilation = compileOnly(shopModule(), store, billingModule(), app());

        assertThat(compilation).hadErrorContaining("[WARDEN-E020]").inFile(store).onLineContaining("name = \"Shop\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E020");
        assertThat(message).contains("module 'Shop' is declared twice: on package fx.shop and on package fx.store");
        assertThat(message).contains("hint: give one of the modules another name");
    }

    @Test
    void moduleRoleDeclaredTwice() {
        JavaFileObject shop = packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {
                        "User",
                        "Manager",
                        "User"})
                """);

        Compilation compilation = compileOnly(shop, billingModule(), app());

        assertThat(compilation).hadErrorContaining("[WARDEN-E021]").inFile(shop).onLineContaining("\"User\"})");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E021");
        assertThat(message).contains("module role 'User' is declared twice in module Shop");
        assertThat(message).contains("hint: remove one of them");
    }

    @Test
    void userRoleDeclaredTwice() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Member", moduleRoles = "Billing.Clerk")
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E022]").inFile(app)
                .onLineContaining("@UserRole(name = \"Member\", moduleRoles = \"Billing.Clerk\")");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E022");
        assertThat(message).contains("user role 'Member' is declared twice");
        assertThat(message).contains("hint: remove one of them or rename it");
    }

    @Test
    void tokenDeclaredTwice() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = {
                            @Token(name = "Tenant", type = Long.class),
                            @Token(name = "Tenant", type = String.class)
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E023]").inFile(app)
                .onLineContaining("@Token(name = \"Tenant\", type = String.class)");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E023");
        assertThat(message).contains("token 'Tenant' is declared twice");
        assertThat(message).contains("hint: remove one of them");
    }

    @Test
    void tokenNamedLikeABuiltInToken() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = @Token(
                                name = "CurrentUser",
                                type = Long.class))
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E023]").inFile(app).onLineContaining("name = \"CurrentUser\"");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E023"))
                .contains("hint: 'CurrentUser' is a built-in token; choose another name");
    }

    @Test
    void moreThanOneAppSecurity() {
        // The application is the first @AppSecurity type by qualified name, whatever order the compiler reads the
        // files in: fx.ShopApp before fx.TillApp.
        JavaFileObject other = app("fx.TillApp", """
                @AppSecurity(
                        userRoles = @UserRole(name = "Member", moduleRoles = "Shop.User"))
                """);

        for (Compilation compilation : List.of(compile(other),
                compileOnly(other, DiagnosticFixtures.app(), billingModule(), shopModule()))) {
            assertThat(compilation).hadErrorContaining("[WARDEN-E024]").inFile(other).onLineContaining("@AppSecurity(");
            assertThat(compilation).hadErrorCount(1);
            String message = onlyMessage(compilation, "WARDEN-E024");
            assertThat(message).contains("@AppSecurity is declared on fx.ShopApp and on fx.TillApp");
            assertThat(message).contains("hint: keep @AppSecurity on one type and merge the user roles into it");
        }
    }

    // ---------------------------------------------------------------- E025 to E027

    @Test
    void securedEntityOutsideAnyModule() {
        JavaFileObject loose = type("fx.misc.Loose", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Loose {
                    private Long id;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                }
                """);

        Compilation compilation = compile(loose);

        assertThat(compilation).hadErrorContaining("[WARDEN-E025]").inFile(loose).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E025");
        assertThat(message).contains("@SecuredEntity Loose is not in a module: neither package fx.misc nor an enclosing package has @Module");
        assertThat(message).contains("hint: add @Module(name = ..., roles = {...}) to package-info.java of fx.misc");
    }

    @Test
    void accessRuleOnATypeThatIsNotASecuredEntity() {
        JavaFileObject plain = entity("Plain", """
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Plain {
                    private Long id;
                    public Long getId() { return id; }
                }
                """);

        Compilation compilation = compile(plain);

        assertThat(compilation).hadErrorContaining("[WARDEN-E026]").inFile(plain).onLineContaining("@AccessRule(");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E026");
        assertThat(message).contains("@AccessRule on fx.shop.Plain, which is not a @SecuredEntity, has no effect");
        assertThat(message).contains("hint: add @SecuredEntity to the type, or remove the rule");
    }

    @Test
    void repeatedAccessRulesOnATypeThatIsNotASecuredEntityAreReportedOnce() {
        JavaFileObject plain = entity("Plain", """
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Plain {
                    private Long id;
                    public Long getId() { return id; }
                }
                """);

        Compilation compilation = compile(plain);

        assertThat(compilation).hadErrorContaining("[WARDEN-E026]").inFile(plain)
                .onLineContaining("@AccessRule(roles = \"User\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void securedSubclassWithoutRules() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                """ + NOTE_BODY);
        JavaFileObject pinned = entity("PinnedNote", """
                @SecuredEntity
                public class PinnedNote extends Note {
                    private int position;
                    public int getPosition() { return position; }
                    public void setPosition(int position) { this.position = position; }
                }
                """);

        Compilation compilation = compile(note, pinned);

        assertThat(compilation).hadErrorContaining("[WARDEN-E027]").inFile(pinned).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E027");
        assertThat(message).contains("PinnedNote extends the secured entity fx.shop.Note but declares no @AccessRule");
        assertThat(message).contains("hint: repeat the rules of Note that should apply to PinnedNote");
    }

    // ---------------------------------------------------------------- E036

    @Test
    void securedEnum() {
        JavaFileObject kind = entity("Kind", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public enum Kind { A, B }
                """);

        Compilation compilation = compile(kind);

        assertThat(compilation).hadErrorContaining("[WARDEN-E036]").inFile(kind).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E036");
        assertThat(message).contains("@SecuredEntity Kind cannot be secured: it is an enum");
        assertThat(message).contains("hint: secure a class or a record instead");
    }

    @Test
    void securedAnnotationType() {
        JavaFileObject marker = entity("Marker", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public @interface Marker {}
                """);

        Compilation compilation = compile(marker);

        assertThat(compilation).hadErrorContaining("[WARDEN-E036]").inFile(marker).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E036");
        assertThat(message).contains("@SecuredEntity Marker cannot be secured: it is an annotation type");
        assertThat(message).contains("hint: secure a class or a record instead");
    }

    @Test
    void securedGenericClass() {
        JavaFileObject box = entity("Box", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Box<T> {
                    private T content;
                    public T getContent() { return content; }
                    public void setContent(T content) { this.content = content; }
                }
                """);

        Compilation compilation = compile(box);

        assertThat(compilation).hadErrorContaining("[WARDEN-E036]").inFile(box).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E036");
        assertThat(message).contains("@SecuredEntity Box cannot be secured: it has type parameters");
        assertThat(message).contains("hint: remove the type parameters");
    }

    @Test
    void securedPrivateNestedClass() {
        JavaFileObject outer = entity("Outer", """
                public class Outer {
                    @SecuredEntity
                    @AccessRule(roles = "User", defaultAccess = Access.READ)
                    private static class Hidden {
                        private Long id;
                        public Long getId() { return id; }
                        public void setId(Long id) { this.id = id; }
                    }
                }
                """);

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("[WARDEN-E036]").inFile(outer).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E036");
        assertThat(message).contains("@SecuredEntity Hidden cannot be secured: it is private");
        assertThat(message).contains("hint: make Hidden package-private or public");
    }

    @Test
    void securedPublicNestedClassIsFine() {
        JavaFileObject outer = entity("Outer", """
                public class Outer {
                    @SecuredEntity
                    @AccessRule(roles = "User", defaultAccess = Access.READ)
                    public static class Visible {
                        private Long id;
                        public Long getId() { return id; }
                        public void setId(Long id) { this.id = id; }
                    }
                }
                """);

        assertThat(compile(outer)).succeededWithoutWarnings();
    }

    // ---------------------------------------------------------------- E028

    @Test
    void invalidModuleName() {
        JavaFileObject extra = packageInfo("fx.extra", """
                @Module(
                        name = "Extra Stuff",
                        roles = "Helper")
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), extra, app());

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(extra).onLineContaining("name = \"Extra Stuff\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E028");
        assertThat(message).contains("module name 'Extra Stuff' is not a valid name: use a Java identifier");
        assertThat(message).contains("hint: for example @Module(name = \"Sales\")");
    }

    @Test
    void invalidModuleRoleName() {
        JavaFileObject extra = packageInfo("fx.extra", """
                @Module(name = "Extra", roles = {
                        "Helper",
                        "Power User"})
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), extra, app());

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(extra).onLineContaining("\"Power User\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E028");
        assertThat(message).contains("module role 'Power User' is not a valid name");
        assertThat(message).contains("hint: for example roles = {\"User\", \"Manager\"}");
    }

    @Test
    void entityOfAModuleWithAnInvalidNameGetsNoFurtherError() {
        JavaFileObject shop = packageInfo("fx.shop", """
                @Module(
                        name = "Shop Front",
                        roles = {"User", "Manager"})
                """);
        JavaFileObject app = app("""
                @AppSecurity(userRoles = @UserRole(name = "Admin", moduleRoles = "Billing.Clerk"))
                """);
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compileOnly(shop, billingModule(), app, note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(shop).onLineContaining("name = \"Shop Front\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void entityOfAModuleWithAnEmptyRoleNameGetsNoFurtherError() {
        JavaFileObject shop = packageInfo("fx.shop", """
                @Module(name = "Shop", roles = {
                        "User",
                        "Manager",
                        ""})
                """);
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = compileOnly(shop, billingModule(), app(), note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(shop).onLineContaining("\"\"})");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E028")).contains("module role '' is not a valid name");
    }

    @Test
    void invalidTokenName() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = @Token(
                                name = "tenant-id",
                                type = Long.class))
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(app).onLineContaining("name = \"tenant-id\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E028");
        assertThat(message).contains("token 'tenant-id' is not a valid name");
        assertThat(message).contains("hint: for example @Token(name = \"Tenant\", type = Long.class)");
    }

    @Test
    void userRoleWithoutAName() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = "Shop.Manager"),
                            @UserRole(name = "", moduleRoles = "Billing.Clerk")
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E028]").inFile(app).onLineContaining("name = \"\"");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E028")).contains("hint: give the user role a name");
    }

    // ---------------------------------------------------------------- E060

    @Test
    void userRoleWithoutModuleRoles() {
        // As in Mendix: a user role that grants no module role is an error, not a role nobody notices is empty.
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole( // no module roles
                                    name = "Auditor")
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E060]").inFile(app)
                .onLineContaining("@UserRole( // no module roles");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E060");
        assertThat(message).contains("user role Auditor has no module roles, so a user with it could do nothing");
        // the example comes from the first module by package name (fx.billing), under any compiler
        assertThat(message).contains("hint: add the module roles it grants, for example moduleRoles = \"Billing.Clerk\"");
    }

    @Test
    void userRoleWithAnEmptyModuleRolesList() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Auditor",
                                    moduleRoles = {})
                        })
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E060]").inFile(app).onLineContaining("moduleRoles = {})");
        assertThat(compilation).hadErrorCount(1);
    }

    // ---------------------------------------------------------------- E029, E032

    @Test
    void moduleWithMoreThan64Roles() {
        String roles = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "\"R" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        JavaFileObject big = packageInfo("fx.big", """
                @Module(name = "Big",
                        roles = {%s})
                """.formatted(roles));

        Compilation compilation = compileOnly(shopModule(), billingModule(), big, app());

        assertThat(compilation).hadErrorContaining("[WARDEN-E029]").inFile(big).onLineContaining("roles = {\"R0\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E029");
        assertThat(message).contains("module Big declares 65 roles; at most 64 are supported");
        assertThat(message).contains("hint: split the module into smaller modules");
    }

    @Test
    void moduleWithExactly64RolesIsFine() {
        List<String> names = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "R" + i).toList();
        JavaFileObject big = packageInfo("fx.big", """
                @Module(name = "Big",
                        roles = {%s})
                """.formatted(names.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "))));
        // Every role is given to a user role, so that W003 does not hide among the diagnostics.
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"}),
                            @UserRole(name = "Big", moduleRoles = {%s})
                        })
                """.formatted(names.stream().map(n -> "\"Big." + n + "\"").collect(java.util.stream.Collectors.joining(", "))));

        Compilation compilation = compileOnly(shopModule(), billingModule(), big, app);

        assertThat(compilation).succeeded();
        assertNoWardenWarning(compilation);
        assertThat(compilation).generatedSourceFile("fx.big.BigModule");
    }

    @Test
    void tokenOfATypeConstraintsCannotCompare() {
        JavaFileObject app = app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = @Token(name = "Tags",
                                type = java.util.List.class))
                """);

        Compilation compilation = compileOnly(shopModule(), billingModule(), app);

        assertThat(compilation).hadErrorContaining("[WARDEN-E032]").inFile(app)
                .onLineContaining("type = java.util.List.class");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E032");
        assertThat(message).contains("token 'Tags' has type java.util.List, which constraints cannot compare");
        assertThat(message).contains("hint: use String, a number type, Boolean, an enum, a java.time type or UUID");
    }

    // ---------------------------------------------------------------- E037

    @Test
    void userIdTypeThatCannotIdentifyUsers() {
        for (String type : new String[] {"void.class", "Object.class", "long[].class"}) {
            JavaFileObject app = app("""
                    @AppSecurity(
                            userRoles = {
                                @UserRole(name = "Member", moduleRoles = "Shop.User"),
                                @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                            },
                            userIdType = %s)
                    """.formatted(type));

            Compilation compilation = compileOnly(shopModule(), billingModule(), app);

            assertThat(compilation).hadErrorContaining("[WARDEN-E037]").inFile(app)
                    .onLineContaining("userIdType = " + type);
            assertThat(compilation).hadErrorCount(1);
            String message = onlyMessage(compilation, "WARDEN-E037");
            assertThat(message).contains("cannot identify users: [%CurrentUser%] and @Owner members could not be compared with it");
            assertThat(message).contains("hint: use Long (the default), String, UUID, Integer or another number type");
        }
    }

    @Test
    void userIdTypesThatIdentifyUsers() {
        for (String type : new String[] {"String.class", "java.util.UUID.class", "Integer.class", "long.class"}) {
            JavaFileObject app = app("""
                    @AppSecurity(
                            userRoles = {
                                @UserRole(name = "Member", moduleRoles = "Shop.User"),
                                @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                            },
                            userIdType = %s)
                    """.formatted(type));

            assertThat(compileOnly(shopModule(), billingModule(), app)).succeededWithoutWarnings();
        }
    }

    // ---------------------------------------------------------------- E030, E031

    @Test
    void ownerOfTheWrongType() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @Owner
                    private String createdBy;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getCreatedBy() { return createdBy; }
                    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E030]").inFile(note).onLineContaining("@Owner");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E030");
        assertThat(message).contains("@Owner member 'createdBy' of Note has type java.lang.String, but user ids are "
                + "java.lang.Long (@AppSecurity userIdType)");
        assertThat(message).contains("hint: change the member's type to java.lang.Long, or userIdType in @AppSecurity");
    }

    @Test
    void ownerOfAPrimitiveUserIdTypeIsAccepted() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @Owner
                    private long createdBy;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public long getCreatedBy() { return createdBy; }
                    public void setCreatedBy(long createdBy) { this.createdBy = createdBy; }
                }
                """);

        assertThat(compile(note)).succeededWithoutWarnings();
    }

    @Test
    void twoOwners() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @Owner
                    private Long createdBy;
                    @Owner // the second
                    private Long author;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public Long getCreatedBy() { return createdBy; }
                    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
                    public Long getAuthor() { return author; }
                    public void setAuthor(Long author) { this.author = author; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E031]").inFile(note).onLineContaining("@Owner // the second");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E031");
        assertThat(message).contains("Note has more than one @Owner member: 'createdBy' and 'author'");
        assertThat(message).contains("hint: keep @Owner on one member");
    }
}
