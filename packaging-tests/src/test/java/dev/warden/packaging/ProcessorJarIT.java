package dev.warden.packaging;

import static dev.warden.packaging.Tools.annotationsJar;
import static dev.warden.packaging.Tools.classPathCompile;
import static dev.warden.packaging.Tools.currentJdk;
import static dev.warden.packaging.Tools.path;
import static dev.warden.packaging.Tools.processorJar;
import static dev.warden.packaging.Tools.runtimeJar;
import static dev.warden.packaging.Tools.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar alone on the processor path of a real {@code javac}, Warden's annotations and runtime on
 * the class path, as a Maven build with {@code annotationProcessorPaths} or a Gradle build with an
 * {@code annotationProcessor} dependency gives them: the processor reads the annotations through mirrors only, so
 * it needs none of their classes, and the code it generates compiles under {@code -Xlint:all -Werror} and runs.
 */
class ProcessorJarIT {

    /** What the fixture's {@code Main} prints for a member on the class path. */
    static final List<String> MEMBER_CHECKS = List.of(
            "model: ShopApp shop.ShopAppSecurityModel INSTANCE",
            "sees own note: true",
            "sees other note: false",
            "reads: mine",
            "write denied: Access denied: cannot WRITE member 'text' of Note: no active rule grants write access for"
                    + " user roles [Member]",
            "may read: true",
            "may archive: false");

    static final List<String> GENERATED = List.of("shop/ShopModule.class", "shop/ShopAppSecurityModel.class",
            "shop/NotePolicy.class", "shop/SecuredNote.class", "shop/NoteTable.class",
            "shop/NoteServiceOperations.class",
            "META-INF/warden/generated/dev.warden.runtime.ApplicationModel",
            "META-INF/warden/generated/dev.warden.runtime.OperationRegistry");

    @Test
    void theProcessorJarIsAloneWithItsShadedJavaPoet() throws IOException {
        try (JarFile jar = new JarFile(processorJar().toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/warden/processor/"))
                    .toList();
            assertEquals(List.of(), foreign, "classes outside the processor's own packages");
            assertTrue(jar.getEntry("dev/warden/processor/shaded/javapoet/JavaFile.class") != null, "JavaPoet relocated");
            assertEquals("dev.warden.processor.WardenProcessor", new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/javax.annotation.processing.Processor")).readAllBytes()).strip());
        }
    }

    @Test
    void withOnlyTheProcessorJarOnTheProcessorPathItCompilesTheFixtureAndTheCodeRuns(@TempDir Path out) {
        Tools.Result compiled = Tools.javac(currentJdk(), classPathCompile(out, List.of(), sources("shop", "main")));

        assertEquals(0, compiled.exitCode(), compiled.toString());
        assertFalse(compiled.output().contains("WARDEN-E099"), compiled.toString());
        assertFalse(compiled.output().contains("NoClassDefFoundError"), compiled.toString());
        assertEquals("", compiled.output(), "no diagnostics at all");
        for (String file : GENERATED) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " was not generated");
        }

        Tools.Result ran = Tools.java(currentJdk(), List.of("-cp", path(out, runtimeJar(), annotationsJar()),
                "shop.Main"));
        assertEquals(0, ran.exitCode(), ran.toString());
        List<String> expected = new ArrayList<>(List.of("module: unnamed"));
        expected.addAll(MEMBER_CHECKS);
        assertEquals(expected, ran.lines());
    }

    @Test
    void everyLintWarningAsAnErrorStillCompiles(@TempDir Path out) {
        Tools.Result compiled = Tools.javac(currentJdk(), classPathCompile(out, List.of("-Xlint:all", "-Werror"),
                sources("shop", "main")));

        assertEquals(0, compiled.exitCode(), compiled.toString());
        assertEquals("", compiled.output(), "no warnings, none of them 'No processor claimed any of these annotations'");
    }

    @Test
    void everyPublishedJarNamesItsModuleAndShipsWithSourcesAndJavadoc() throws IOException {
        assertJar(annotationsJar(), "dev.warden.annotations", "dev/warden/annotations/SecuredEntity.java");
        assertJar(runtimeJar(), "dev.warden.runtime", "dev/warden/runtime/SecurityContext.java");
        assertJar(processorJar(), "dev.warden.processor", "dev/warden/processor/WardenProcessor.java");
    }

    private static void assertJar(Path jar, String moduleName, String aSource) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(moduleName, file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar
                    .toString());
            assertEquals(System.getProperty("warden.version"),
                    file.getManifest().getMainAttributes().getValue("Implementation-Version"), jar.toString());
        }
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        try (JarFile sources = new JarFile(jar.resolveSibling(base + "-sources.jar").toFile())) {
            assertTrue(sources.getEntry(aSource) != null, aSource + " in the sources jar of " + jar);
        }
        try (JarFile javadoc = new JarFile(jar.resolveSibling(base + "-javadoc.jar").toFile())) {
            assertTrue(javadoc.getEntry("index.html") != null, "index.html in the javadoc jar of " + jar);
            // The javadoc tool documents the jar as the module its manifest names.
            String page = moduleName + "/" + aSource.replaceFirst("\\.java$", ".html");
            assertTrue(javadoc.getEntry(page) != null, page + " in the javadoc jar of " + jar);
        }
    }
}
