package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.QueryFilter;
import dev.warden.runtime.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the differential test of the verification module): {@code [%CurrentUser%]} has no value for
 * an anonymous user, and a token without a value denies (security model §3). A rule such as
 * {@code [owner != '[%CurrentUser%]']} used to hold for every owned object of an anonymous user, in memory and in
 * SQL, since "not equal to no user" is true.
 */
class AnonymousCurrentUserTest {

    private static ClassLoader loader;
    private static ApplicationModel app;

    @BeforeAll
    static void compile() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("anon.App",
                        "package anon;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = {@UserRole(name = \"Member\", moduleRoles = \"Board.Reader\"),",
                        "    @UserRole(name = \"Guest\", moduleRoles = \"Board.Reader\")},",
                        "    anonymousRole = \"Guest\", userIdType = Long.class)",
                        "public class App {}"),
                WardenCompiler.source("anon.board.package-info",
                        "@dev.warden.annotations.Module(name = \"Board\", roles = {\"Reader\"})",
                        "package anon.board;"),
                WardenCompiler.source("anon.board.Post",
                        "package anon.board;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity",
                        "@AccessRule(roles = \"Reader\", defaultAccess = Access.READ,",
                        "    constraint = \"[owner != '[%CurrentUser%]']\")",
                        "public class Post {",
                        "    private Long id;",
                        "    private Long owner;",
                        "    public Post() {}",
                        "    public Post(Long id, Long owner) { this.id = id; this.owner = owner; }",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public Long getOwner() { return owner; }",
                        "    public void setOwner(Long owner) { this.owner = owner; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("anon.AppSecurityModel").getField("INSTANCE").get(null);
    }

    @SuppressWarnings("unchecked")
    private static EntityTable<Object> table() throws ReflectiveOperationException {
        return (EntityTable<Object>) loader.loadClass("anon.board.PostTable").getField("TABLE").get(null);
    }

    private static Object post(long id, Long owner) throws ReflectiveOperationException {
        return loader.loadClass("anon.board.Post").getConstructor(Long.class, Long.class).newInstance(id, owner);
    }

    @Test
    void theRuleNeedsTheCurrentUserToken() throws Exception {
        assertEquals(List.of("CurrentUser"), table().rules().ruleTokens(1));
    }

    @Test
    void anAnonymousUserSeesNothingThroughACurrentUserConstraint() throws Exception {
        EntityRules<Object, ?> rules = table().rules();
        SecurityContext anonymous = SecurityContext.anonymousOf(app);
        assertFalse(rules.isVisible(anonymous, post(1, 7L)));
        assertFalse(rules.rights(anonymous, post(2, null)).visible());
        QueryFilter<Object> filter = table().filter(anonymous, "t", Dialect.forProductName("H2"));
        assertEquals("FALSE", filter.readFilter().sql().trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void aSignedInUserStillSeesTheOthersPosts() throws Exception {
        EntityRules<Object, ?> rules = table().rules();
        SecurityContext member = SecurityContext.of(app, UserIdentity.of(7L, "Member"));
        assertFalse(rules.isVisible(member, post(1, 7L)));
        assertTrue(rules.isVisible(member, post(2, 8L)));
        assertTrue(rules.isVisible(member, post(3, null)));
    }
}
