package dev.warden.processor.processing;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.warden.processor.WardenProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor claims its own annotations, so that {@code -Xlint:all -Werror} builds pass; what that means for
 * another processor that wants them; and its declared options. (The packaging-tests module does the same with the
 * packaged jar alone on the processor path of a forked javac.)
 */
class ClaimsAndOptionsTest {

    private static final JavaFileObject MODULE = source("claims.package-info",
            "@Module(name = \"Claims\", roles = {\"User\", \"Manager\"})",
            "package claims;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = source("claims.App",
            "package claims;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = {",
            "    @UserRole(name = \"Member\", moduleRoles = \"Claims.User\"),",
            "    @UserRole(name = \"Boss\", moduleRoles = \"Claims.Manager\", manageableRoles = \"Member\")})",
            "public class App {}");
    private static final JavaFileObject NOTE = source("claims.Note",
            "package claims;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity",
            "@AccessRule(roles = \"Manager\", create = true, delete = true, defaultAccess = Access.READ,",
            "    members = @Member(name = \"secret\", access = Access.READ_WRITE))",
            "@AccessRule(roles = \"User\", defaultAccess = Access.READ, constraint = \"[owner = '[%CurrentUser%]']\")",
            "public class Note {",
            "    private Long id;",
            "    @Owner private Long owner;",
            "    @MemberAccess(roles = \"User\", value = Access.NONE) private String secret;",
            "    public Long getId() { return id; }",
            "    public void setId(Long id) { this.id = id; }",
            "    public Long getOwner() { return owner; }",
            "    public void setOwner(Long owner) { this.owner = owner; }",
            "    public String getSecret() { return secret; }",
            "    public void setSecret(String secret) { this.secret = secret; }",
            "    @Calculated public int getLength() { return secret == null ? 0 : secret.length(); }",
            "}");
    private static final JavaFileObject SERVICE = source("claims.NoteService",
            "package claims;",
            "import dev.warden.annotations.AllowedRoles;",
            "@AllowedRoles(\"Manager\")",
            "public class NoteService {",
            "    public void archive() {}",
            "    @AllowedRoles({\"User\", \"Manager\"}) public void read() {}",
            "}");
    private static final JavaFileObject[] SOURCES = {MODULE, APP, NOTE, SERVICE};

    /** Records the Warden annotations javac asks it about, round by round; claims nothing. */
    static final class Spy extends AbstractProcessor {
        final List<String> asked = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("dev.warden.annotations.SecuredEntity");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            annotations.forEach(a -> asked.add(a.getQualifiedName().toString()));
            return false;
        }
    }

    private static Compilation compile(List<Processor> processors, String... options) {
        return Compiler.javac().withProcessors(processors).withOptions((Object[]) options).compile(SOURCES);
    }

    private static List<String> warnings(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void everyLintWarningAsAnErrorStillCompilesTheProcessorsOutput() {
        Compilation compilation = compile(List.of(new WardenProcessor()), "-Xlint:all", "-Werror");

        assertThat(compilation).succeeded();
        assertWithMessage("warnings").that(warnings(compilation)).isEmpty();
        // Every kind of generated class was compiled under the same flags, in the round after it was written.
        for (String generated : List.of("claims.ClaimsModule", "claims.AppSecurityModel", "claims.NotePolicy",
                "claims.SecuredNote", "claims.NoteTable", "claims.NoteServiceOperations")) {
            assertThat(compilation).generatedSourceFile(generated).contentsAsUtf8String()
                    .contains("@Generated(\"dev.warden.processor.WardenProcessor\")");
        }
    }

    @Test
    void aProcessorAfterWardenIsNotAskedAboutWardensAnnotations() {
        Spy spy = new Spy();
        Compilation compilation = compile(List.of(new WardenProcessor(), spy));

        assertThat(compilation).succeeded();
        assertEquals(List.of(), spy.asked);
    }

    @Test
    void aProcessorBeforeWardenSeesThemAndWardenStillGenerates() {
        Spy spy = new Spy();
        Compilation compilation = compile(List.of(spy, new WardenProcessor()), "-Xlint:all", "-Werror");

        assertThat(compilation).succeeded();
        assertEquals(List.of("dev.warden.annotations.SecuredEntity"), spy.asked);
        assertThat(compilation).generatedSourceFile("claims.NotePolicy");
    }

    @Test
    void withClaimingOffALaterProcessorIsAskedAndLintSaysNobodyClaimedThem() {
        Spy spy = new Spy();
        Compilation compilation = compile(List.of(new WardenProcessor(), spy), "-Awarden.claimAnnotations=false",
                "-Xlint:processing");

        assertThat(compilation).succeeded();
        assertEquals(List.of("dev.warden.annotations.SecuredEntity"), spy.asked);
        assertThat(compilation).generatedSourceFile("claims.NotePolicy");
        assertWithMessage("warnings").that(warnings(compilation).stream()
                .anyMatch(w -> w.startsWith("No processor claimed any of these annotations:")
                        && w.contains("dev.warden.annotations.AccessRule"))).isTrue();
    }

    @Test
    void theOptionsAreDeclaredSoJavacAcceptsThemAndReportsAMisspeltOne() {
        assertEquals(Set.of("warden.claimAnnotations", "warden.postgresql.rowLevelSecurity",
                "warden.postgresql.forceRowLevelSecurity", "warden.naming"), new WardenProcessor().getSupportedOptions());

        Compilation declared = compile(List.of(new WardenProcessor()), "-Awarden.claimAnnotations=true", "-Xlint:all",
                "-Werror");
        assertThat(declared).succeeded();
        assertWithMessage("warnings").that(warnings(declared)).isEmpty();

        Compilation misspelt = compile(List.of(new WardenProcessor()), "-Awarden.claimAnotations=false");
        assertThat(misspelt).hadWarningContaining("The following options were not recognized by any processor:"
                + " '[warden.claimAnotations]'");
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsAnError() {
        Compilation compilation = compile(List.of(new WardenProcessor()), "-Awarden.claimAnnotations=yes");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[WARDEN-E097] processor option -Awarden.claimAnnotations has the"
                + " value 'yes': it takes true or false");
        assertThat(compilation).hadErrorContaining("hint: -Awarden.claimAnnotations=true (the default) or"
                + " -Awarden.claimAnnotations=false");
    }

    @Test
    void aNamingThatIsNoneOfTheThreeIsAnErrorWithoutAnElement() {
        Compilation compilation = compile(List.of(new WardenProcessor()), "-Awarden.naming=hibernate");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[WARDEN-E097] processor option -Awarden.naming has the"
                + " value 'hibernate': it takes snake, spring-boot or jpa");
        assertThat(compilation).hadErrorContaining("hint: -Awarden.naming=spring-boot for Spring Boot's naming,"
                + " -Awarden.naming=jpa for Hibernate's defaults");
        assertEquals(null, compilation.errors().get(0).getSource(), "an option is no element of the sources");
    }

    @Test
    void eachNamingIsAccepted() {
        for (String naming : List.of("snake", "spring-boot", "jpa", "JPA")) {
            assertThat(compile(List.of(new WardenProcessor()), "-Awarden.naming=" + naming)).succeeded();
        }
    }

    @Test
    void anOptionWithoutAValueMeansTrue() {
        Spy spy = new Spy();
        Compilation compilation = compile(List.of(new WardenProcessor(), spy), "-Awarden.claimAnnotations");

        assertThat(compilation).succeeded();
        assertEquals(List.of(), spy.asked);
    }
}
