package dev.warden.packaging;

import static dev.warden.packaging.Tools.annotationsJar;
import static dev.warden.packaging.Tools.currentJdk;
import static dev.warden.packaging.Tools.path;
import static dev.warden.packaging.Tools.processorJar;
import static dev.warden.packaging.Tools.runtimeJar;
import static dev.warden.packaging.Tools.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixture as a named module, compiled with the processor and run on the module path, with Warden's jars as the
 * automatic modules their manifests name. Its {@code module-info} is {@code requires dev.warden.runtime;} and no more
 * (or with {@code requires static dev.warden.annotations;}): the generated code needs no {@code requires
 * java.compiler} (its {@code @Generated} is Warden's), and the runtime finds the application model and the operation
 * registries without {@code provides} (they are listed under {@code META-INF/warden/generated/} and register
 * themselves when the runtime initializes them; {@code META-INF/services} does not count in a named module) and
 * without {@code opens} (nothing reflects on their members).
 */
class NamedModuleIT {

    private static Tools.Result compile(Path out, String moduleInfo, String... options) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "--module-path", path(annotationsJar(), runtimeJar()),
                "-processorpath", processorJar().toString()));
        arguments.addAll(List.of(options));
        arguments.addAll(sources(moduleInfo));
        arguments.addAll(sources("shop", "main"));
        return Tools.javac(currentJdk(), arguments);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"module-runtime-only, 1", "module-static-annotations, 2"})
    void theModuleCompilesAndRunsOnTheModulePath(String moduleInfo, int requires, @TempDir Path out) {
        // requires-automatic: javac warns about every requires of an automatic module, which Warden's jars are.
        Tools.Result compiled = compile(out, moduleInfo, "-Xlint:all,-requires-automatic", "-Werror");
        assertEquals(0, compiled.exitCode(), compiled.toString());
        assertEquals("", compiled.output(), "no diagnostics");
        assertTrue(Files.isRegularFile(out.resolve("module-info.class")));

        // The annotations jar is on the module path because the runtime uses SecurityLevel, not for the module.
        Tools.Result ran = Tools.java(currentJdk(), List.of("--module-path", path(out, runtimeJar(), annotationsJar()),
                "--module", "shop.app/shop.Main"));

        assertEquals(0, ran.exitCode(), ran.toString());
        List<String> expected = new ArrayList<>(List.of("module: shop.app"));
        expected.addAll(ProcessorJarIT.MEMBER_CHECKS);
        assertEquals(expected, ran.lines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"module-runtime-only, 1", "module-static-annotations, 2"})
    void theOnlyLintWarningsAreTheRequiresOfAutomaticModules(String moduleInfo, int requires, @TempDir Path out) {
        Tools.Result compiled = compile(out, moduleInfo, "-Xlint:all");

        assertEquals(0, compiled.exitCode(), compiled.toString());
        List<String> warnings = compiled.lines().stream().filter(line -> line.contains("warning:")).toList();
        assertEquals(requires, warnings.size(), compiled.toString());
        assertTrue(warnings.stream().allMatch(w -> w.endsWith("warning: requires directive for an automatic module")),
                compiled.toString());
    }
}
