package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Declarations and constraints suggest names by the same rule ({@code names/DidYouMean}): a name that is not close
 * to a known one gets the list of known names, never a misleading "did you mean".
 */
class DidYouMeanDiagnosticsTest {

    private static final String NOTE_BODY = """
            public class Note {
                private Long id;
                private String text;
                private String title;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getText() { return text; }
                public void setText(String text) { this.text = text; }
                public String getTitle() { return title; }
                public void setTitle(String title) { this.title = title; }
            }
            """;

    /** The module Shop has the roles User and Manager: "Accountant" is close to neither. */
    @Test
    void aRoleThatIsNotCloseToAnyIsListedNotGuessed() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(
                        roles = "Accountant",
                        defaultAccess = Access.READ)
                """ + NOTE_BODY);

        Compilation compilation = DiagnosticFixtures.compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E001]").inFile(note).onLineContaining("\"Accountant\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E001");
        assertThat(message).doesNotContain("did you mean");
        assertThat(message).contains("hint: known roles of module Shop: User, Manager");
    }

    @Test
    void aMemberNameInARuleAndInAConstraintGetTheSameSuggestion() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "ttile", access = Access.NONE))
                @AccessRule(roles = "Manager", defaultAccess = Access.READ,
                        constraint = "[ttile = 'x']")
                """ + NOTE_BODY);

        Compilation compilation = DiagnosticFixtures.compile(note);

        assertThat(compilation).hadErrorCount(2);
        assertThat(onlyMessage(compilation, "WARDEN-E004")).contains("did you mean 'title'?");
        assertThat(onlyMessage(compilation, "WARDEN-E011")).contains("did you mean 'title'?");
    }

    @Test
    void aMemberThatIsNotCloseGetsNoSuggestionInEither() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "summary", access = Access.NONE))
                @AccessRule(roles = "Manager", defaultAccess = Access.READ,
                        constraint = "[summary = 'x']")
                """ + NOTE_BODY);

        Compilation compilation = DiagnosticFixtures.compile(note);

        assertThat(compilation).hadErrorCount(2);
        assertThat(onlyMessage(compilation, "WARDEN-E004")).doesNotContain("did you mean");
        assertThat(onlyMessage(compilation, "WARDEN-E011")).doesNotContain("did you mean");
    }
}
