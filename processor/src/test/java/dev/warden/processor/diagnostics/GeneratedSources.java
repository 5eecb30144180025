package dev.warden.processor.diagnostics;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.warden.processor.WardenProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The sources the processor generated in a compilation that failed. compile-testing hides generated files
 * once a compilation has an error, but "one broken entity does not stop the others" is exactly about a
 * failing compilation; so this compiles with javac directly, the sources going to a temporary directory.
 */
final class GeneratedSources {

    private GeneratedSources() {}

    /**
     * What a compilation produced.
     *
     * @param succeeded whether javac reported no error
     * @param generated the qualified names of the sources the processor generated
     */
    record Result(boolean succeeded, Set<String> generated) {}

    /** Runs annotation processing with the Warden processor on the sources. */
    static Result compile(List<JavaFileObject> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path root = null;
        boolean succeeded;
        try {
            root = Files.createTempDirectory("warden-generated");
            Path generated = Files.createDirectories(root.resolve("sources"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                JavaCompiler.CompilationTask task = javac.getTask(null, files, new DiagnosticCollector<>(),
                        List.of("-Xlint:-processing", "-proc:only"), null, sources);
                task.setProcessors(List.of(new WardenProcessor()));
                succeeded = task.call();
            }
            Set<String> names = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(generated)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String relative = generated.relativize(p).toString();
                    names.add(relative.substring(0, relative.length() - ".java".length())
                            .replace(p.getFileSystem().getSeparator(), "."));
                });
            }
            return new Result(succeeded, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
