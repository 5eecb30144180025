package dev.warden.processor.processing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One golden file per kind of generated class, compared as text: the policy (with constraints, an association and a
 * calculated member), the proxy of a class and of an entity with containers, the table of a class and of a record, the
 * module, the application model and an operations registry. Behaviour is tested by running the code elsewhere; these
 * stop output that is correct but reads badly. To accept a change on purpose, run with
 * {@code -Dwarden.golden.update=true} and review the diff of {@code src/test/resources/golden}.
 */
class GoldenSourcesTest {

    private static final String[] FIXTURES = {"GoldApp", "package-info", "Customer", "Order", "Shelf", "OrderService"};
    private static final List<String> GENERATED = List.of("OrderPolicy", "SecuredOrder", "OrderTable", "CustomerTable",
            "SecuredShelf", "ShopModule", "GoldAppSecurityModel", "OrderServiceOperations");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void everyKindOfGeneratedClassReadsAsItsGoldenFile() throws IOException {
        JavaFileObject[] sources = java.util.Arrays.stream(FIXTURES)
                .map(name -> WardenCompiler.resource("fixtures/golden/gold/" + name + ".java"))
                .toArray(JavaFileObject[]::new);
        Compilation compilation = WardenCompiler.compileCleanly(sources);
        Map<String, String> generated = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String path = file.toUri().getPath();
            generated.put(path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length()),
                    file.getCharContent(true).toString());
        }
        boolean update = Boolean.getBoolean("warden.golden.update");
        for (String name : GENERATED) {
            String actual = generated.get(name);
            assertWithMessage("generated %s among %s", name, generated.keySet()).that(actual).isNotNull();
            Path golden = GOLDEN.resolve(name + ".java");
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertWithMessage("%s differs from %s (rerun with -Dwarden.golden.update=true to accept)", name, golden)
                    .that(actual).isEqualTo(read(golden));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no golden file " + file, e);
        }
    }
}
