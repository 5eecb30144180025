package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.Module;
import dev.warden.runtime.SecurityContext;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deliberately misconfigured examples in {@code src/broken/}: each folder holds one or two files of the sample's
 * domain with one mistake, marked {@code // expect: WARDEN-Exxx} on the line the diagnostic must point at. The test
 * compiles the sample's domain with those files swapped in, through the Warden processor exactly as
 * {@code mvn compile} runs it, and checks that the diagnostics are exactly the expected ones: code, file and line.
 */
class BrokenExamplesTest {
    private static final Path BROKEN = Path.of("src/broken");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern EXPECT = Pattern.compile("// expect: ((?:WARDEN-[EW]\\d{3}\\s*)+)$");
    private static final Pattern CODE = Pattern.compile("\\[(WARDEN-[EW]\\d{3})]");
    /** Named, not referenced: the processor jar is a test dependency, found on the class path at run time. */
    private static final String PROCESSOR = "dev.warden.processor.WardenProcessor";

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(BROKEN)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachExampleGivesItsDiagnosticOnTheMarkedLine(String name, @TempDir Path out) throws Exception {
        Path example = BROKEN.resolve(name);
        Map<String, Path> sources = domainSources();
        List<String> replaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String key = example.relativize(file).toString().replace(File.separatorChar, '/');
                assertTrue(sources.containsKey(key), name + ": " + key + " does not replace a file of the sample");
                sources.put(key, file);
                replaced.add(key);
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (String key : replaced) {
            List<String> lines = Files.readAllLines(sources.get(key));
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = EXPECT.matcher(lines.get(i));
                if (marker.find()) {
                    for (String code : marker.group(1).trim().split("\\s+")) {
                        expected.add(key + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertFalse(expected.isEmpty(), name + " marks no expected diagnostic");

        DiagnosticCollector<JavaFileObject> diagnostics = compile(sources, out);
        TreeSet<String> actual = new TreeSet<>();
        StringBuilder report = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            String file = d.getSource() == null ? "(no file)" : keyOf(sources, Path.of(d.getSource().toUri()));
            report.append(d.getKind()).append(' ').append(file).append(':').append(d.getLineNumber()).append(": ")
                    .append(message).append('\n');
            Matcher code = CODE.matcher(message);
            if (code.find()) {
                actual.add(file + ":" + d.getLineNumber() + ": " + code.group(1));
            } else {
                assertTrue(d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.WARNING
                        && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING, name + ": a diagnostic that is not"
                        + " Warden's:\n" + report);
            }
        }
        assertEquals(expected, actual, name + ": the diagnostics were\n" + report);
    }

    /** The sample's domain sources (not its demo and API code), by path below the source root. */
    private static Map<String, Path> domainSources() throws IOException {
        Map<String, Path> sources = new TreeMap<>();
        Path root = MAIN.resolve("dev/warden/sample");
        List<Path> paths = new ArrayList<>(List.of(root.resolve("ShopApplication.java")));
        for (String module : List.of("sales", "administration")) {
            try (Stream<Path> files = Files.list(root.resolve(module))) {
                paths.addAll(files.filter(f -> f.toString().endsWith(".java")).toList());
            }
        }
        for (Path path : paths) {
            sources.put(MAIN.relativize(path).toString().replace(File.separatorChar, '/'), path);
        }
        return sources;
    }

    private static String keyOf(Map<String, Path> sources, Path file) {
        return sources.entrySet().stream().filter(e -> e.getValue().toAbsolutePath().normalize().equals(file.normalize()))
                .map(Map.Entry::getKey).findFirst().orElse(file.toString());
    }

    /** Runs javac with the Warden processor on the sources, annotation processing only. */
    private static DiagnosticCollector<JavaFileObject> compile(Map<String, Path> sources, Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path generated = Files.createDirectories(out.resolve("generated"));
        Path classes = Files.createDirectories(out.resolve("classes"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:only",
                    "-processor", PROCESSOR, "-processorpath", processorPath(),
                    "-classpath", location(Module.class) + File.pathSeparator + location(SecurityContext.class), "-s", generated.toString(), "-d", classes.toString());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources.values());
            StringWriter output = new StringWriter();
            javac.getTask(output, files, diagnostics, options, null, units).call();
        }
        return diagnostics;
    }

    /**
     * The processor's jar: with the build's reactor it is the shaded jar, which carries its JavaPoet. From a
     * directory of classes, JavaPoet has to be added.
     */
    private static String processorPath() throws URISyntaxException, ClassNotFoundException {
        String processor = location(Class.forName(PROCESSOR));
        if (processor.endsWith(".jar")) {
            return processor;
        }
        try {
            return processor + File.pathSeparator + location(Class.forName("com.palantir.javapoet.JavaFile"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The processor is on the class path as classes without JavaPoet; build it with"
                    + " 'mvn package' (or run 'mvn -B verify') so that its shaded jar is used", e);
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
