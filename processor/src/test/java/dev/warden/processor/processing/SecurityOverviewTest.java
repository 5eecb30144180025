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
            "    @UserRole(name = \"Boss\", moduleRoles = \"Shop.Boss\", manageableRoles = \"Clerk\")})",
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

    private static final JavaFileObject DESK = source("fx.Desk",
            "package fx;",
            "import dev.warden.annotations.*;",
            "public class Desk {",
            "    @AllowedRoles(\"Boss\") public void close() {}",
            "    @AllowedRoles({\"Clerk\", \"Boss\"}) public void open() {}",
            "}");

    @Test
    void jsonListsEveryUserRoleAgainstEveryEntityWithItsConstraints() {
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, APP, TICKET, DESK);
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/warden/security-overview.json")
                .contentsAsUtf8String()
                .isEqualTo("""
                        {
                          "application": "App",
                          "securityLevel": "PRODUCTION",
                          "anonymousRole": null,
                          "userRoles": [
                            {"name": "Clerk", "moduleRoles": ["Shop.Clerk"], "manageableRoles": []},
                            {"name": "Boss", "moduleRoles": ["Shop.Boss"], "manageableRoles": ["Clerk"]}
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
                          ],
                          "operations": [
                            {"operation": "Desk.close", "type": "fx.Desk", "moduleRoles": ["Shop.Boss"],
                             "userRoles": {"Clerk": false, "Boss": true}},
                            {"operation": "Desk.open", "type": "fx.Desk", "moduleRoles": ["Shop.Clerk", "Shop.Boss"],
                             "userRoles": {"Clerk": true, "Boss": true}}
                          ],
                          "systemMembers": []
                        }
                        """);
    }

    /** Issue 13 §7: the members Warden fills in, in every format. */
    @Test
    void systemMembersAndPresetsAreListed() {
        JavaFileObject app = source("fx.App",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = {@UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"),",
                "    @UserRole(name = \"Boss\", moduleRoles = \"Shop.Boss\")},",
                "    tokens = @Token(name = \"Tenant\", type = String.class))",
                "public class App {}");
        JavaFileObject entry = source("fx.Entry",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = {\"Clerk\", \"Boss\"}, defaultAccess = Access.READ)",
                "public class Entry {",
                "    private Long id;",
                "    @Owner private Long owner;",
                "    @Preset(token = \"Tenant\") private String tenant;",
                "    @ChangedDate private java.time.Instant changedAt;",
                "    public Long getId() { return id; }",
                "    public Long getOwner() { return owner; }",
                "    public void setOwner(Long owner) { this.owner = owner; }",
                "    public String getTenant() { return tenant; }",
                "    public void setTenant(String tenant) { this.tenant = tenant; }",
                "    public java.time.Instant getChangedAt() { return changedAt; }",
                "    public void setChangedAt(java.time.Instant changedAt) { this.changedAt = changedAt; }",
                "}");
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, app, entry);
        com.google.common.truth.Truth.assertThat(resource(compilation, "json")).contains("""
                  "systemMembers": [
                    {"entity": "Shop.Entry", "member": "owner", "filledBy": "@Owner"},
                    {"entity": "Shop.Entry", "member": "tenant", "filledBy": "@Preset(token = \\"Tenant\\")"},
                    {"entity": "Shop.Entry", "member": "changedAt", "filledBy": "@ChangedDate"}
                  ]
                """);
        com.google.common.truth.Truth.assertThat(resource(compilation, "csv"))
                .contains("systemMember,,Shop.Entry,changedAt,filledBy,@ChangedDate\n");
        com.google.common.truth.Truth.assertThat(resource(compilation, "html"))
                .contains("<th>tenant<small>filled in by Warden: @Preset(token = &quot;Tenant&quot;)</small></th>");
    }

    /** A role token is resolved per user role, and the constraint simplified: always for one role, less for the other. */
    @Test
    void roleTokensAreResolvedForEachUserRole() {
        JavaFileObject note = source("fx.Note",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = {\"Clerk\", \"Boss\"}, delete = true, defaultAccess = Access.READ,",
                "    constraint = \"[assignee = 7 or '[%UserRole_Boss%]']\")",
                "public class Note {",
                "    private Long id; private Long assignee;",
                "    public Long getId() { return id; }",
                "    public Long getAssignee() { return assignee; }",
                "}");
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, APP, note);
        String json = resource(compilation, "json");
        com.google.common.truth.Truth.assertThat(json).contains("{\"userRole\": \"Clerk\", \"entity\": \"Shop.Note\",\n"
                + "     \"view\": {\"when\": [\"[assignee = 7]\"]}, \"create\": false, \"delete\": {\"when\": [\"[assignee = 7]\"]},");
        com.google.common.truth.Truth.assertThat(json).contains("{\"userRole\": \"Boss\", \"entity\": \"Shop.Note\",\n"
                + "     \"view\": \"always\", \"create\": false, \"delete\": \"always\",");
        com.google.common.truth.Truth.assertThat(json).doesNotContain("UserRole_");
    }

    @Test
    void csvHasOneLinePerRightAndQuotesWhatNeedsIt() {
        JavaFileObject tagged = source("fx.Tag",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[label = 'a, \\\"b\\\"']\")",
                "public class Tag {",
                "    private Long id; private String label;",
                "    public Long getId() { return id; }",
                "    public String getLabel() { return label; }",
                "}");
        Compilation compilation = WardenCompiler.compileCleanly(MODULE, APP, tagged, DESK);
        com.google.common.truth.Truth.assertThat(resource(compilation, "csv")).isEqualTo("""
                area,userRole,target,member,right,access
                entity,Clerk,Shop.Tag,,view,"when [label = 'a, ""b""']"
                entity,Clerk,Shop.Tag,,create,never
                entity,Clerk,Shop.Tag,,delete,never
                entity,Clerk,Shop.Tag,id,read,"when [label = 'a, ""b""']"
                entity,Clerk,Shop.Tag,id,write,never
                entity,Clerk,Shop.Tag,label,read,"when [label = 'a, ""b""']"
                entity,Clerk,Shop.Tag,label,write,never
                entity,Boss,Shop.Tag,,view,never
                entity,Boss,Shop.Tag,,create,never
                entity,Boss,Shop.Tag,,delete,never
                entity,Boss,Shop.Tag,id,read,never
                entity,Boss,Shop.Tag,id,write,never
                entity,Boss,Shop.Tag,label,read,never
                entity,Boss,Shop.Tag,label,write,never
                operation,Clerk,Desk.close,,run,never
                operation,Boss,Desk.close,,run,always
                operation,Clerk,Desk.open,,run,always
                operation,Boss,Desk.open,,run,always
                userManagement,Clerk,Clerk,,manage,never
                userManagement,Clerk,Boss,,manage,never
                userManagement,Boss,Clerk,,manage,always
                userManagement,Boss,Boss,,manage,never
                """);
    }

    @Test
    void htmlHasATabForOperationsAndOneForUserManagement() {
        String html = resource(WardenCompiler.compileCleanly(MODULE, APP, TICKET, DESK), "html");
        com.google.common.truth.Truth.assertThat(html).contains("<nav class=\"tabs\"><a href=\"#entities\">Entity access</a>"
                + "<a href=\"#operations\">Operation access</a><a href=\"#user-management\">User management</a></nav>");
        com.google.common.truth.Truth.assertThat(html).contains("<section id=\"operations\" class=\"tab\">\n<h2>Operations</h2>\n"
                + "<table>\n<tr><th></th><th>Clerk</th><th>Boss</th></tr>\n"
                + "<tr><th>Desk.close<small>Shop.Boss</small></th><td class=\"never\">no</td><td class=\"always\">yes</td></tr>\n");
        com.google.common.truth.Truth.assertThat(html).contains("<section id=\"user-management\" class=\"tab\">");
        com.google.common.truth.Truth.assertThat(html).contains("<tr><th>Clerk</th><td class=\"never\">no</td>"
                + "<td class=\"always\">yes</td></tr>");
    }

    private static String resource(Compilation compilation, String extension) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/warden/security-overview." + extension)
                    .orElseThrow().getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
