package dev.warden.processor.processing;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.compile;
import static dev.warden.processor.testing.WardenCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An entity with errors gets no code, and neither does any entity whose code would refer to its code, directly or
 * through others: C refers to B, B to A, and A has an error. Whatever order javac hands them over in, and whether A is
 * read in the same round or deferred to a later one, the only error is A's own: the processor never emits code that
 * does not compile ("cannot find symbol SecuredA" in {@code SecuredB}).
 */
class FailurePropagationTest {

    private static final JavaFileObject MODULE = source("chain.package-info",
            "@Module(name = \"Chain\", roles = {\"User\"})",
            "package chain;",
            "import dev.warden.annotations.Module;");

    private static final JavaFileObject APP = source("chain.App",
            "package chain;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = @UserRole(name = \"Member\", moduleRoles = \"Chain.User\"))",
            "public class App {}");

    /** An entity with an id and, when {@code field} is not null, one more member {@code field} of type {@code type}. */
    private static JavaFileObject entity(String name, String role, String type, String field) {
        List<String> lines = new ArrayList<>(List.of(
                "package chain;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"" + role + "\", defaultAccess = Access.READ)",
                "public class " + name + " {",
                "    private Long id;",
                "    public Long getId() { return id; }",
                "    public void setId(Long id) { this.id = id; }"));
        if (field != null) {
            String property = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            lines.add("    private " + type + " " + field + ";");
            lines.add("    public " + type + " get" + property + "() { return " + field + "; }");
            lines.add("    public void set" + property + "(" + type + " " + field + ") { this." + field + " = " + field + "; }");
        }
        lines.add("}");
        return source("chain." + name, lines.toArray(String[]::new));
    }

    /** A has an error (a rule names a role its module does not declare). */
    private static final JavaFileObject BROKEN_A = entity("A", "Nobody", null, null);
    /** A deferred to the second round (it uses a type another processor generates in the first) and with an error. */
    private static final JavaFileObject BROKEN_DEFERRED_A = entity("A", "Nobody", "fixture.gen.Money", "amount");
    /** A deferred to the second round, without an error. */
    private static final JavaFileObject DEFERRED_A = entity("A", "User", "fixture.gen.Money", "amount");
    /** A waiting for a type nobody generates. */
    private static final JavaFileObject UNRESOLVED_A = entity("A", "User", "fixture.gen.Missing", "amount");
    private static final JavaFileObject B = entity("B", "User", "A", "a");
    private static final JavaFileObject C = entity("C", "User", "B", "b");
    /** Unrelated to A, B and C: its code is generated whatever happens to them. */
    private static final JavaFileObject D = entity("D", "User", null, null);

    /** Every order of A, B and C, each compiled with the module, the application and D (and fresh other processors). */
    private static List<Compilation> inEveryOrder(Supplier<List<Processor>> others, JavaFileObject a) {
        List<Compilation> compilations = new ArrayList<>();
        for (List<JavaFileObject> order : permutations(List.of(a, B, C))) {
            List<JavaFileObject> sources = new ArrayList<>(List.of(MODULE, APP));
            sources.addAll(order);
            sources.add(D);
            compilations.add(compile(others.get(), sources.toArray(JavaFileObject[]::new)));
        }
        return compilations;
    }

    private static List<List<JavaFileObject>> permutations(List<JavaFileObject> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<JavaFileObject>> all = new ArrayList<>();
        for (JavaFileObject first : items) {
            List<JavaFileObject> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<JavaFileObject> tail : permutations(rest)) {
                List<JavaFileObject> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static String describe(Compilation compilation) {
        return compilation.diagnostics().stream().map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /**
     * Fails unless every error is in A's source: none in generated code, which would not compile had the processor
     * generated code for B or C (compile-testing hides generated files once a compilation has failed; the errors show
     * them).
     */
    private static void assertEveryErrorIsInA(Compilation compilation) {
        List<String> elsewhere = compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .filter(d -> d.getSource() == null || !d.getSource().getName().endsWith("chain/A.java"))
                .map(d -> d.getSource() + ": " + d.getMessage(Locale.ROOT)).toList();
        assertWithMessage("errors outside A.java, of\n%s", describe(compilation)).that(elsewhere).isEmpty();
    }

    @Test
    void anErrorInAnEntityStopsTheCodeOfEveryEntityThatRefersToItInAnyOrder() {
        for (Compilation compilation : inEveryOrder(List::of, BROKEN_A)) {
            List<String> errors = errors(compilation);
            assertWithMessage("errors of\n%s", describe(compilation)).that(errors).hasSize(1);
            assertWithMessage("the error").that(errors.get(0)).contains("[WARDEN-E001]");
            assertWithMessage("the error").that(errors.get(0)).contains("rule 1 of A");
            assertEveryErrorIsInA(compilation);
        }
    }

    @Test
    void anErrorInAnEntityDeferredToALaterRoundStopsTheCodeOfThoseThatReferToIt() {
        for (Compilation compilation : inEveryOrder(() -> List.of(new RoundsAndClassPathTest.MoneyGenerator()),
                BROKEN_DEFERRED_A)) {
            List<String> errors = errors(compilation);
            assertWithMessage("errors of\n%s", describe(compilation)).that(errors).hasSize(1);
            assertWithMessage("the error").that(errors.get(0)).contains("[WARDEN-E001]");
            assertEveryErrorIsInA(compilation);
        }
    }

    @Test
    void entitiesReferringToAnEntityDeferredToALaterRoundAreGeneratedWithIt() {
        for (Compilation compilation : inEveryOrder(() -> List.of(new RoundsAndClassPathTest.MoneyGenerator()), DEFERRED_A)) {
            assertWithMessage("diagnostics\n%s", describe(compilation))
                    .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
            assertThat(compilation).generatedSourceFile("chain.SecuredA").contentsAsUtf8String()
                    .contains("public Money getAmount()");
            assertThat(compilation).generatedSourceFile("chain.SecuredB").contentsAsUtf8String()
                    .contains("public SecuredA getA()");
            assertThat(compilation).generatedSourceFile("chain.SecuredC").contentsAsUtf8String()
                    .contains("public SecuredB getB()");
            assertThat(compilation).generatedSourceFile("chain.SecuredD");
        }
    }

    @Test
    void entitiesReferringToAnEntityThatNeverResolvesGetNoCode() {
        for (Compilation compilation : inEveryOrder(List::of, UNRESOLVED_A)) {
            List<String> errors = errors(compilation);
            assertWithMessage("errors of\n%s", describe(compilation))
                    .that(errors.stream().filter(e -> e.contains("[WARDEN-")).toList()).hasSize(1);
            assertWithMessage("errors of\n%s", describe(compilation))
                    .that(errors.stream().anyMatch(e -> e.contains("[WARDEN-E098]"))).isTrue();
            assertEveryErrorIsInA(compilation);
        }
    }
}
