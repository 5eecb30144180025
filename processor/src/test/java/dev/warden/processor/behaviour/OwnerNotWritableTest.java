package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.sql.EntityTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Owner} is never writable by a user, as Mendix's {@code System.owner} (security model §6 "System members"):
 * {@code defaultAccess = READ_WRITE} leaves it readable only, as it leaves the other system members (an explicit
 * write right on it is WARDEN-E069). Before, a user with a write right could hand an object to another user or take
 * one over. The system may still change it.
 */
class OwnerNotWritableTest {

    private static ClassLoader loader;
    private static ApplicationModel app;

    @BeforeAll
    static void compile() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("owned.App",
                        "package owned;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = @UserRole(name = \"Member\", moduleRoles = \"Board.Writer\"),",
                        "    userIdType = Long.class)",
                        "public class App {}"),
                WardenCompiler.source("owned.board.package-info",
                        "@dev.warden.annotations.Module(name = \"Board\", roles = {\"Writer\"})",
                        "package owned.board;"),
                WardenCompiler.source("owned.board.Post",
                        "package owned.board;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity",
                        "@AccessRule(roles = \"Writer\", create = true, defaultAccess = Access.READ_WRITE,",
                        "    constraint = \"[owner = '[%CurrentUser%]']\")",
                        "public class Post {",
                        "    private Long id;",
                        "    private String text;",
                        "    @Owner private Long owner;",
                        "    public Post() {}",
                        "    public Post(Long id, Long owner) { this.id = id; this.owner = owner; }",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public String getText() { return text; }",
                        "    public void setText(String text) { this.text = text; }",
                        "    public Long getOwner() { return owner; }",
                        "    public void setOwner(Long owner) { this.owner = owner; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("owned.AppSecurityModel").getField("INSTANCE").get(null);
    }

    @SuppressWarnings("unchecked")
    private static EntityRules<Object, ?> rules() throws ReflectiveOperationException {
        return ((EntityTable<Object>) loader.loadClass("owned.board.PostTable").getField("TABLE").get(null)).rules();
    }

    private static Object post(long id, Long owner) throws ReflectiveOperationException {
        return loader.loadClass("owned.board.Post").getConstructor(Long.class, Long.class).newInstance(id, owner);
    }

    @Test
    void theOwnerOfAVisibleObjectIsReadOnlyUnderDefaultReadWrite() throws Exception {
        EntityRules<Object, ?> rules = rules();
        SecurityContext member = SecurityContext.of(app, UserIdentity.of(7L, "Member"));
        Object own = post(1, 7L);
        assertTrue(rules.isVisible(member, own));
        assertTrue(rules.canWrite(member, own, rules.memberIndex("text")));
        assertTrue(rules.canRead(member, own, rules.memberIndex("owner")));
        assertFalse(rules.canWrite(member, own, rules.memberIndex("owner")));
    }

    @Test
    void theSystemMayStillChangeTheOwner() throws Exception {
        EntityRules<Object, ?> rules = rules();
        assertTrue(rules.canWrite(SecurityContext.systemOf(app), post(1, 7L), rules.memberIndex("owner")));
    }
}
