package dev.warden.benchmarks.compile;

import dev.warden.benchmarks.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Item 6: how long javac takes to compile a {@link SyntheticDomain} alone, with the Warden processor and with
 * hibernate-processor, measured in this JVM through {@link JavaCompiler} after warm-up compiles.
 *
 * <p>Each processor's classes are loaded once, into a class loader of its own, and a new processor instance is
 * handed to each compile ({@code JavaCompiler.CompilationTask#setProcessors}), so warm compiles measure the
 * processor's steady state, as javac's do. Every compile gets a new file manager and an empty output directory.
 * The configurations take turns within each round, so that noise from other work on the machine is spread over
 * all of them.
 *
 * <p>Run alone: {@code java -cp warden-benchmarks.jar dev.warden.benchmarks.compile.CompileTimeBenchmark
 * [--sizes 100,500,1000] [--warmup 3] [--iterations 5]}; {@code --single CONFIG SIZE} makes one compile and
 * prints its time in milliseconds (for a measurement in a fresh JVM).
 */
public final class CompileTimeBenchmark {
    /** The system property naming the directory with the class path files the build writes. */
    public static final String PATHS_PROPERTY = "warden.bench.compilePaths";

    /** What javac runs with. */
    public enum Config {
        JAVAC("javac alone"),
        WARDEN("javac + Warden processor"),
        HIBERNATE("javac + hibernate-processor"),
        /** Not a configuration anyone builds with: the Warden processor's own share, without compiling. */
        WARDEN_PROC_ONLY("Warden processor alone (-proc:only)");

        private final String label;

        Config(String label) {
            this.label = label;
        }

        /** How the report names it. */
        public String label() {
            return label;
        }
    }

    /** The times of one configuration at one size, in milliseconds. */
    public record Result(Config config, int entities, double[] millis, long sourceLines, long generatedFiles,
            long generatedLines) {
        /** Their mean and error. */
        public Stats stats() {
            return Stats.of(millis);
        }
    }

    /** The class paths the build wrote to {@code target/compile-paths}. */
    public record CompilePaths(List<Path> domainClasspath, List<Path> wardenProcessorPath,
            List<Path> hibernateProcessorPath) {
        /** Reads them from {@code dir}. */
        public static CompilePaths from(Path dir) {
            List<Path> domain = read(dir.resolve("domain.classpath"));
            List<Path> hibernate = new ArrayList<>(read(dir.resolve("hibernate-processor.classpath")));
            hibernate.addAll(domain);
            return new CompilePaths(domain, read(dir.resolve("warden-processor.classpath")), hibernate);
        }

        /**
         * Finds them: the directory named by {@value #PATHS_PROPERTY}, else {@code compile-paths} next to the jar
         * this class is in, else {@code benchmarks/target/compile-paths} under the working directory.
         */
        public static CompilePaths locate() {
            String property = System.getProperty(PATHS_PROPERTY);
            if (property != null) {
                return from(Paths.get(property));
            }
            List<Path> candidates = new ArrayList<>();
            try {
                Path codeSource = Paths.get(CompileTimeBenchmark.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI());
                candidates.add(codeSource.getParent().resolve("compile-paths"));
            } catch (Exception e) {
                // fall through to the working directory
            }
            candidates.add(Paths.get("benchmarks", "target", "compile-paths"));
            candidates.add(Paths.get("target", "compile-paths"));
            for (Path candidate : candidates) {
                if (Files.isRegularFile(candidate.resolve("domain.classpath"))) {
                    return from(candidate);
                }
            }
            throw new IllegalStateException("No compile-paths directory in " + candidates
                    + "; build the benchmarks module (mvn package) or set -D" + PATHS_PROPERTY);
        }

        private static List<Path> read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                return text.isEmpty() ? List.of() : Arrays.stream(text.split(java.io.File.pathSeparator))
                        .map(Paths::get).collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    private static final String WARDEN_PROCESSOR = "dev.warden.processor.WardenProcessor";
    private static final String HIBERNATE_PROCESSOR = "org.hibernate.processor.HibernateProcessor";

    private final JavaCompiler javac;
    private final CompilePaths paths;
    private final Map<Config, ClassLoader> loaders = new EnumMap<>(Config.class);

    /** A harness for these class paths. */
    public CompileTimeBenchmark(CompilePaths paths) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No system Java compiler: run on a JDK, not a JRE");
        }
        this.paths = paths;
        loaders.put(Config.WARDEN, loader(paths.wardenProcessorPath()));
        loaders.put(Config.HIBERNATE, loader(paths.hibernateProcessorPath()));
        loaders.put(Config.WARDEN_PROC_ONLY, loaders.get(Config.WARDEN));
    }

    private static ClassLoader loader(List<Path> path) {
        URL[] urls = new URL[path.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = path.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new URLClassLoader(urls, CompileTimeBenchmark.class.getClassLoader());
    }

    private Processor newProcessor(Config config) {
        String name = config == Config.HIBERNATE ? HIBERNATE_PROCESSOR : WARDEN_PROCESSOR;
        try {
            return (Processor) Class.forName(name, true, loaders.get(config)).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load " + name, e);
        }
    }

    /**
     * Compiles {@code sources} once with {@code config} into a new directory under {@code work}, then deletes it.
     *
     * @return the elapsed time in nanoseconds, the number of generated source files and their lines
     * @throws IllegalStateException when javac reports an error
     */
    public long[] compileOnce(Config config, List<Path> sources, Path work) throws IOException {
        Path out = Files.createTempDirectory(work, config.name().toLowerCase(Locale.ROOT));
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of(
                "--release", "17", "-encoding", "UTF-8", "-nowarn", "-Xlint:none",
                "-d", classes.toString(), "-s", generated.toString(),
                "-classpath", join(paths.domainClasspath())));
        if (config == Config.JAVAC) {
            options.add("-proc:none");
        } else if (config == Config.WARDEN_PROC_ONLY) {
            options.add("-proc:only");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        long elapsed;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            long start = System.nanoTime();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (config != Config.JAVAC) {
                task.setProcessors(List.of(newProcessor(config)));
            }
            boolean ok = task.call();
            elapsed = System.nanoTime() - start;
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .limit(10)
                        .map(d -> d.toString())
                        .collect(Collectors.joining("\n"));
                throw new IllegalStateException(config.label() + " failed:\n" + errors);
            }
        }
        List<Path> generatedFiles;
        try (Stream<Path> walk = Files.walk(generated)) {
            generatedFiles = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        long generatedLines = lines(generatedFiles);
        deleteTree(out);
        return new long[] {elapsed, generatedFiles.size(), generatedLines};
    }

    /**
     * Measures every configuration at every size.
     *
     * @param sizes the numbers of entities
     * @param warmup warm-up rounds (each compiles every configuration once, not measured) before the first size;
     *     javac and the processors stay warm in this JVM for the later sizes, which get none
     * @param iterations measured rounds per size
     * @param log where progress goes
     */
    public List<Result> run(int[] sizes, int warmup, int iterations, java.io.PrintStream log) throws IOException {
        List<Result> results = new ArrayList<>();
        Path work = Files.createTempDirectory("warden-compile-bench");
        try {
            for (int index = 0; index < sizes.length; index++) {
                int size = sizes[index];
                int warmupRounds = index == 0 ? warmup : 0;
                Path src = work.resolve("src-" + size);
                List<Path> sources = SyntheticDomain.write(src, size);
                Config[] configs = Config.values();
                Map<Config, double[]> millis = new EnumMap<>(Config.class);
                Map<Config, long[]> generated = new EnumMap<>(Config.class);
                long sourceLines = lines(sources);
                for (Config config : configs) {
                    millis.put(config, new double[iterations]);
                }
                for (int round = 0; round < warmupRounds + iterations; round++) {
                    boolean measured = round >= warmupRounds;
                    for (int k = 0; k < configs.length; k++) {
                        Config config = configs[(round + k) % configs.length];
                        System.gc();
                        long[] once = compileOnce(config, sources, work);
                        generated.put(config, once);
                        double ms = once[0] / 1e6;
                        if (measured) {
                            millis.get(config)[round - warmupRounds] = ms;
                        }
                        log.printf(Locale.ROOT, "# compile %5d entities  %-36s %s %8.1f ms%n", size,
                                config.label(), measured ? "measured" : "warm-up ", ms);
                    }
                }
                for (Config config : configs) {
                    results.add(new Result(config, size, millis.get(config), sourceLines,
                            generated.get(config)[1], generated.get(config)[2]));
                }
                deleteTree(src);
            }
        } finally {
            deleteTree(work);
        }
        return results;
    }

    /** One compile in this (fresh) JVM; returns milliseconds. */
    public double single(Config config, int size) throws IOException {
        Path work = Files.createTempDirectory("warden-compile-cold");
        try {
            List<Path> sources = SyntheticDomain.write(work.resolve("src"), size);
            return compileOnce(config, sources, work)[0] / 1e6;
        } finally {
            deleteTree(work);
        }
    }

    /** The lines of these files. */
    static long lines(List<Path> files) throws IOException {
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> fileLines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines += fileLines.count();
            }
        }
        return lines;
    }

    private static String join(List<Path> path) {
        return path.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** See the class comment. */
    public static void main(String[] args) throws IOException {
        int[] sizes = {100, 500, 1000};
        int warmup = 3;
        int iterations = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes":
                    sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--iterations":
                    iterations = Integer.parseInt(args[++i]);
                    break;
                case "--single":
                    Config config = Config.valueOf(args[++i]);
                    int size = Integer.parseInt(args[++i]);
                    System.out.printf(Locale.ROOT, "%.3f%n", new CompileTimeBenchmark(CompilePaths.locate())
                            .single(config, size));
                    return;
                default:
                    throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        List<Result> results = new CompileTimeBenchmark(CompilePaths.locate()).run(sizes, warmup, iterations,
                System.out);
        for (Result r : results) {
            Stats s = r.stats();
            System.out.printf(Locale.ROOT, "%5d  %-36s %9.1f ± %7.1f ms  (%d source lines, %d generated files, "
                    + "%d generated lines)%n", r.entities(), r.config().label(), s.mean(), s.error(), r.sourceLines(),
                    r.generatedFiles(), r.generatedLines());
        }
    }
}
