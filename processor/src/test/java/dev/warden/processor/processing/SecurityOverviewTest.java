package dev.warden.processor.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.source;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The security overview written next to the classes of every application compiled with Warden. */
class SecurityOverviewTest {

    private static final JavaFileObject MODULE = source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\", \"Boss\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = {@UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"),",
            "    @UserRole(name = \"Boss\", moduleRoles = \"Shop.Boss\")})",
            "public class App {}");
    private static final JavaFileObject TICKET = source("fx.Ticket",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity",
            "@AccessRule(roles = \"Boss\", create = true, delete = true, defaultAccess = Access.READ,",
            "    members = @Member(name = \"title\", access = Access.READ_WRITE))",
            "@AccessRule(roles = \"Clerk\", members = {@Member(name = \"id\", access = Access.READ),",
            "    @Member(name = \"title\", access = Access.READ_WRITE)}, constraint = \"[assignee = 7]\")",
            "public class Ticket {",
            "    private Long id; private String title; private Long assignee;",
            "    public Long getId() { return id; }",
            "    public String getTitle() { return title; }",
            "    public void setTitle(String title) { this.title = title; }",
            "    public Long getAssignee() { return assignee; }",
            "}");

    @Test
    void jsonListsEveryUserRoleAgainstEveryEntityWithItsConstraints() {
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, APP, TICKET);
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/warden/security-overview.json")
                .contentsAsUtf8String()
                .isEqualTo("""
                        {
                          "application": "App",
                          "securityLevel": "PRODUCTION",
                          "anonymousRole": null,
                          "userRoles": [
                            {"name": "Clerk", "moduleRoles": ["Shop.Clerk"]},
                            {"name": "Boss", "moduleRoles": ["Shop.Boss"]}
                          ],
                          "access": [
                            {"userRole": "Clerk", "entity": "Shop.Ticket",
                             "view": {"when": ["[assignee = 7]"]}, "create": false, "delete": "never",
                             "members": {
                               "id": {"read": {"when": ["[assignee = 7]"]}, "write": "never"},
                               "title": {"read": {"when": ["[assignee = 7]"]}, "write": {"when": ["[assignee = 7]"]}},
                               "assignee": {"read": "never", "write": "never"}
                             }},
                            {"userRole": "Boss", "entity": "Shop.Ticket",
                             "view": "always", "create": true, "delete": "always",
                             "members": {
                               "id": {"read": "always", "write": "never"},
                               "title": {"read": "always", "write": "always"},
                               "assignee": {"read": "always", "write": "never"}
                             }}
                          ]
                        }
                        """);
    }

    @Test
    void htmlShowsTheMatrixWithConstraints() {
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, APP, TICKET);
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/warden/security-overview.html")
                .contentsAsUtf8String()
                .contains("<tr><th>title</th><td class=\"when\">read when <code>[assignee = 7]</code>; "
                        + "write when <code>[assignee = 7]</code></td><td class=\"always\">read, write</td></tr>");
    }
}
