package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.type;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reusable rules: an annotation type carrying {@code @AccessRule}s, checked against every entity it is on; what does
 * not fit one is reported on the rule (naming the entity) and as E068 on the annotation on the entity.
 */
class ReusableRuleDiagnosticsTest {

    /** Users see the objects they own: needs an {@code owner} member of the user-id type. */
    private static final JavaFileObject OWN_OBJECTS = entity("OwnObjects", """
            @AccessRule(roles = "User", defaultAccess = Access.READ,
                    constraint = "[owner = '[%CurrentUser%]']")
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
            public @interface OwnObjects {}
            """);

    private static JavaFileObject ownedNote(String ownerType) {
        return entity("Note", """
                @SecuredEntity
                @OwnObjects
                public class Note {
                    private Long id;
                    @Owner private %1$s owner;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public %1$s getOwner() { return owner; }
                    public void setOwner(%1$s owner) { this.owner = owner; }
                }
                """.formatted(ownerType));
    }

    @Test
    void aReusableRuleThatFitsEveryEntityCompilesCleanly() {
        JavaFileObject task = type("fx.shop.Task", """
                @SecuredEntity
                @OwnObjects
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Task {
                    private Long id;
                    @Owner private Long owner;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                }
                """);

        assertNoWardenWarning(compile(OWN_OBJECTS, ownedNote("Long"), task));
    }

    @Test
    void aRuleThatDoesNotFitAnEntityIsReportedOnTheEntityAndOnTheRule() {
        JavaFileObject task = type("fx.shop.Task", """
                @SecuredEntity
                @OwnObjects
                public class Task {
                    private Long id;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                }
                """);

        Compilation compilation = compile(OWN_OBJECTS, ownedNote("Long"), task);

        assertThat(compilation).hadErrorContaining("[WARDEN-E068]").inFile(task).onLineContaining("@OwnObjects");
        assertThat(compilation).hadErrorContaining("[WARDEN-E011]").inFile(OWN_OBJECTS)
                .onLineContaining("constraint = \"[owner = '[%CurrentUser%]']\"");
        assertThat(compilation).hadErrorCount(2);
        String message = onlyMessage(compilation, "WARDEN-E068");
        assertThat(message).contains("the reusable rule @OwnObjects does not fit Task: unknown member in the "
                + "constraint of rule 1 of Task: 'Task' has no member 'owner' (WARDEN-E011, reported on the rule)");
        assertThat(message).contains("hint: the rule is checked against every entity it is on");
        assertThat(onlyMessage(compilation, "WARDEN-E011")).contains("rule 1 of Task");
    }

    @Test
    void aTypeErrorOfAReusedConstraintNamesTheEntity() {
        JavaFileObject note = ownedNote("String");
        JavaFileObject app = DiagnosticFixtures.app();

        Compilation compilation = DiagnosticFixtures.compileOnly(DiagnosticFixtures.shopModule(),
                DiagnosticFixtures.billingModule(), app, OWN_OBJECTS, note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E068]").inFile(note).onLineContaining("@OwnObjects");
        assertThat(onlyMessage(compilation, "WARDEN-E068")).contains("does not fit Note");
    }

    @Test
    void aRoleTheEntitysModuleDoesNotHave() {
        JavaFileObject invoice = type("fx.billing.Invoice", """
                @SecuredEntity
                @fx.shop.OwnObjects
                @AccessRule(roles = "Clerk", defaultAccess = Access.READ)
                public class Invoice {
                    private Long id;
                    @Owner private Long owner;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                }
                """);

        Compilation compilation = compile(OWN_OBJECTS, invoice);

        assertThat(compilation).hadErrorContaining("[WARDEN-E068]").inFile(invoice).onLineContaining("@fx.shop.OwnObjects");
        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(OWN_OBJECTS).onLineContaining("roles = \"User\"");
        assertThat(onlyMessage(compilation, "WARDEN-E068")).contains("does not fit Invoice");
    }
}
