package dev.warden.processor.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.warden.processor.WardenProcessor;
import dev.warden.processor.testing.WardenCompiler;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/warden/postgresql/security.sql}: the PostgreSQL row-level security written from the rules, and the
 * warning on a rule it cannot express. That the policies let through exactly what Warden does is shown on a real
 * PostgreSQL by the verification module's {@code RowLevelSecurityDifferentialTest}.
 */
class RowLevelSecurityFileTest {

    static final String RESOURCE = "META-INF/warden/postgresql/security.sql";

    private static final JavaFileObject MODULE = source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\", \"Boss\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = {@UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"),",
            "    @UserRole(name = \"Boss\", moduleRoles = \"Shop.Boss\")},",
            "    tokens = @Token(name = \"Region\", type = String.class))",
            "public class App {}");
    private static final JavaFileObject TICKET = source("fx.Ticket",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity",
            "@AccessRule(roles = \"Boss\", create = true, delete = true, defaultAccess = Access.READ,",
            "    members = @Member(name = \"title\", access = Access.READ_WRITE))",
            "@AccessRule(roles = \"Clerk\", members = {@Member(name = \"id\", access = Access.READ),",
            "    @Member(name = \"title\", access = Access.READ_WRITE)},",
            "    constraint = \"[assignee = '[%CurrentUser%]'][region = '[%Region%]' or contains(title, 'it''s')]\")",
            "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ,",
            "    constraint = \"[due >= '[%BeginOfCurrentDay%]']\")",
            "public class Ticket {",
            "    private Long id; private String title; private Long assignee; private String region;",
            "    private java.time.LocalDate due;",
            "    public Long getId() { return id; }",
            "    public String getTitle() { return title; }",
            "    public void setTitle(String title) { this.title = title; }",
            "    public Long getAssignee() { return assignee; }",
            "    public String getRegion() { return region; }",
            "    public java.time.LocalDate getDue() { return due; }",
            "}");

    @Test
    void policiesPerRuleAndCommandReadTheUsersSettingsOncePerStatement() throws IOException {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, TICKET);
        assertThat(compilation).succeeded();
        String sql = sql(compilation);
        assertTrue(sql.contains("ALTER TABLE ticket ENABLE ROW LEVEL SECURITY;"), sql);
        assertTrue(sql.contains("ALTER TABLE ticket NO FORCE ROW LEVEL SECURITY;"), sql);
        // the Boss's rule: every command it gives, no constraint
        assertTrue(sql.contains("""
                CREATE POLICY warden_ticket_r1_select ON ticket AS PERMISSIVE FOR SELECT TO PUBLIC
                  USING ((SELECT string_to_array(current_setting('warden.module_roles', true), ',') && \
                ARRAY['Shop.Boss']::text[]));"""), sql);
        assertTrue(sql.contains("CREATE POLICY warden_ticket_r1_insert ON ticket AS PERMISSIVE FOR INSERT TO PUBLIC\n"
                + "  WITH CHECK ("), sql);
        assertTrue(sql.contains("CREATE POLICY warden_ticket_r1_delete"), sql);
        // the Clerk's rule: the tokens it needs, the constraint with settings for tokens and literals for constants
        assertTrue(sql.contains("""
                CREATE POLICY warden_ticket_r2_select ON ticket AS PERMISSIVE FOR SELECT TO PUBLIC
                  USING ((SELECT string_to_array(current_setting('warden.module_roles', true), ',') && \
                ARRAY['Shop.Clerk']::text[])
                    AND (SELECT current_setting('warden.user_id', true) <> '')
                    AND (SELECT current_setting('warden.token.region', true) <> '')
                    AND (ticket.assignee IS NOT NULL AND ticket.assignee = (SELECT CAST(NULLIF(\
                current_setting('warden.user_id', true), '') AS bigint)) AND ((ticket.region IS NOT NULL AND \
                ticket.region = (SELECT NULLIF(current_setting('warden.token.region', true), ''))) OR \
                (ticket.title IS NOT NULL AND REPLACE(LOWER(ticket.title COLLATE "und-x-icu"), 'ς', 'σ') \
                LIKE '%it''s%'))));"""), sql);
        assertTrue(sql.contains("CREATE POLICY warden_ticket_r2_update ON ticket AS PERMISSIVE FOR UPDATE"), sql);
        assertFalse(sql.contains("warden_ticket_r2_insert"), sql);
        assertFalse(sql.contains("warden_ticket_r2_delete"), sql);
        // the date-time rule is left out, and said so
        assertTrue(sql.contains("-- rule 3 is left out: it uses [%BeginOfCurrentDay%]"), sql);
        assertFalse(sql.contains("warden_ticket_r3"), sql);
        // the view masks the members the Clerk reads only under rule 2
        assertTrue(sql.contains("CREATE VIEW ticket_secured WITH (security_barrier) AS"), sql);
        assertTrue(sql.contains("CASE WHEN ((SELECT string_to_array(current_setting('warden.module_roles', true), "
                + "',') && ARRAY['Shop.Boss']::text[])) THEN ticket.assignee END AS assignee"), sql);
    }

    @Test
    void aRuleThePoliciesCannotExpressIsAWarningOnItsConstraintWhenTheBuildReliesOnThePolicies() {
        assertEquals(0, WardenCompiler.compile(MODULE, APP, TICKET).warnings().stream()
                .filter(w -> w.getMessage(null).contains("W030")).count(), "by default the file says it, not javac");
        Compilation compilation = withOption("-Awarden.postgresql.rowLevelSecurity=true");
        assertThat(compilation).hadWarningContaining("[WARDEN-W030] rule 3 of Ticket cannot be a PostgreSQL row-level "
                + "security policy: it uses [%BeginOfCurrentDay%]").inFile(TICKET)
                .onLineContaining("[due >= '[%BeginOfCurrentDay%]']");
        assertEquals(1, compilation.warnings().stream().filter(w -> w.getMessage(null).contains("W030")).count());
    }

    @Test
    void theOptionsTurnTheFileOffOrBindTheTablesOwner() throws IOException {
        Compilation off = withOption("-Awarden.postgresql.rowLevelSecurity=false");
        assertThat(off).succeeded();
        assertFalse(off.generatedFile(StandardLocation.CLASS_OUTPUT, RESOURCE).isPresent());
        assertEquals(0, off.warnings().stream().filter(w -> w.getMessage(null).contains("W030")).count());
        Compilation forced = withOption("-Awarden.postgresql.forceRowLevelSecurity=true");
        assertTrue(sql(forced).contains("ALTER TABLE ticket FORCE ROW LEVEL SECURITY;"));
        assertThat(withOption("-Awarden.postgresql.rowLevelSecurity=yes")).hadErrorContaining("[WARDEN-E097] processor "
                + "option -Awarden.postgresql.rowLevelSecurity has the value 'yes': it takes auto, true or false");
    }

    private static Compilation withOption(String option) {
        return Compiler.javac().withProcessors(new WardenProcessor()).withOptions("-Xlint:-processing", option)
                .compile(MODULE, APP, TICKET);
    }

    static String sql(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RESOURCE).orElseThrow()
                .getCharContent(true).toString();
    }
}
