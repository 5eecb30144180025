package dev.warden.packaging;

import static dev.warden.packaging.Tools.annotationsJar;
import static dev.warden.packaging.Tools.classPathCompile;
import static dev.warden.packaging.Tools.path;
import static dev.warden.packaging.Tools.processorJar;
import static dev.warden.packaging.Tools.runtimeJar;
import static dev.warden.packaging.Tools.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README says about JDK 23 and later, where javac no longer runs the processors it finds on the class path:
 * the processor runs when it is on the processor path (Maven's {@code annotationProcessorPaths}, Gradle's
 * {@code annotationProcessor}) or with {@code -proc:full}, and not when it is only on the class path. Runs with the
 * newest JDK 23+ under {@code /usr/lib/jvm} (or {@code -Dwarden.test.jdk=...}); skipped where there is none, except
 * in CI, which has Temurin's.
 */
class NewerJdkIT {
    private static Path jdk;

    @BeforeAll
    static void findJdk() {
        Optional<Path> found = Tools.jdkOfAtLeast(23);
        if (System.getenv("CI") != null) {
            assertTrue(found.isPresent(), "CI must have a JDK 23 or later under /usr/lib/jvm (Temurin's)");
        }
        assumeTrue(found.isPresent(), "no JDK 23 or later under /usr/lib/jvm");
        jdk = found.get();
    }

    private static List<String> onTheClassPath(Path out, String... options) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-classpath", path(processorJar(), annotationsJar(), runtimeJar())));
        arguments.addAll(List.of(options));
        arguments.addAll(sources("shop"));
        return arguments;
    }

    @Test
    void onTheProcessorPathItRunsAndItsOutputCompilesWithEveryLintWarningAsAnError(@TempDir Path out) {
        Tools.Result compiled = Tools.javac(jdk, classPathCompile(out, List.of("-Xlint:all", "-Werror"),
                sources("shop", "main")));

        assertEquals(0, compiled.exitCode(), "JDK " + jdk + ": " + compiled);
        assertEquals("", compiled.output());
        assertTrue(Files.isRegularFile(out.resolve("shop/NotePolicy.class")));
    }

    @Test
    void onlyOnTheClassPathJavacDoesNotRunIt(@TempDir Path out) {
        Tools.Result compiled = Tools.javac(jdk, onTheClassPath(out));

        assertEquals(0, compiled.exitCode(), compiled.toString());
        assertTrue(Files.isRegularFile(out.resolve("shop/Note.class")));
        assertFalse(Files.exists(out.resolve("shop/NotePolicy.class")), "JDK " + jdk + " ran the processor");
    }

    @Test
    void onTheClassPathWithProcFullItRuns(@TempDir Path out) {
        Tools.Result compiled = Tools.javac(jdk, onTheClassPath(out, "-proc:full"));

        assertEquals(0, compiled.exitCode(), compiled.toString());
        assertTrue(Files.isRegularFile(out.resolve("shop/NotePolicy.class")), compiled.toString());
        assertTrue(Files.isRegularFile(out.resolve("shop/ShopAppSecurityModel.class")), compiled.toString());
    }
}
