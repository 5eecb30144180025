package dev.warden.processor.processing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor under the Eclipse compiler (ecj) in the default build, whatever {@code warden.test.compiler} says:
 * the fixtures with every kind of generated class compile without a single warning with ecj's default warnings
 * (unused imports included, which javac has no lint for; only the unknown-{@code @SuppressWarnings}-token check is
 * off), and ecj's processor run generates exactly the sources
 * javac's does. The diagnostics and behaviour tests run under ecj as a whole in the build's {@code ecj} execution
 * (TESTING.md).
 */
class EclipseCompilerTest {

    private static final Map<String, String[]> FIXTURES = Map.of(
            "golden", new String[] {"gold/GoldApp.java", "gold/package-info.java", "gold/Customer.java",
                "gold/Order.java", "gold/Shelf.java", "gold/OrderService.java"},
            "shop", new String[] {"fixture/ShopApp.java", "fixture/Scenarios.java", "fixture/shop/package-info.java",
                "fixture/shop/Customer.java", "fixture/shop/Status.java", "fixture/shop/Order.java",
                "fixture/shop/OrderLine.java", "fixture/shop/Ticket.java", "fixture/shop/Product.java"});

    @ParameterizedTest
    @ValueSource(strings = {"golden", "shop"})
    void generatedCodeCompilesWithoutWarningsAndAsUnderJavac(String fixture) throws IOException {
        JavaFileObject[] sources = Arrays.stream(FIXTURES.get(fixture))
                .map(path -> WardenCompiler.resource("fixtures/" + fixture + "/" + path))
                .toArray(JavaFileObject[]::new);

        // -warn:-warningToken: ecj's own warning on @SuppressWarnings("warden:...") in the fixtures, which no
        // processor can register tokens for (ConstraintDiagnosticsTest shows it)
        Compilation ecj = WardenCompiler.eclipse("-warn:-warningToken").compile(sources);
        Compilation javac = com.google.testing.compile.Compiler.javac()
                .withProcessors(new dev.warden.processor.WardenProcessor()).withOptions("-Xlint:all,-processing")
                .compile(sources);

        assertWithMessage("ecj's diagnostics").that(ecj.diagnostics().stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":"
                        + d.getLineNumber() + " ") + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList())).isEmpty();
        assertWithMessage("javac -Xlint:all's diagnostics").that(javac.diagnostics()).isEmpty();
        assertWithMessage("sources generated under ecj and under javac")
                .that(generated(ecj)).isEqualTo(generated(javac));
    }

    @Test
    void theAdapterReportsEclipseDiagnosticsOnTheTestsOwnSourceObjects() {
        JavaFileObject broken = WardenCompiler.source("fx.Broken", "package fx;", "", "class Broken { int x = \"no\"; }");

        Compilation ecj = WardenCompiler.eclipse().compile(broken);

        com.google.testing.compile.CompilationSubject.assertThat(ecj).hadErrorContaining("String")
                .inFile(broken).onLine(3);
    }

    private static Map<String, String> generated(Compilation compilation) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String path = file.toUri().getPath();
            sources.put(path.substring(path.indexOf("SOURCE_OUTPUT") + "SOURCE_OUTPUT".length()),
                    file.getCharContent(true).toString());
        }
        assertWithMessage("generated sources").that(sources).isNotEmpty();
        return sources;
    }
}
