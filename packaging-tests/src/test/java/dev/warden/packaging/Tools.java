package dev.warden.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The packaged jars, the fixtures, and {@code javac} and {@code java} run as processes of their own, so that nothing
 * of this test's class path reaches them: what they see is exactly what the command line gives them.
 */
final class Tools {
    private Tools() {}

    /** A process's exit code and everything it printed, standard error and standard output together. */
    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    static Path annotationsJar() {
        return jar("warden.annotations.jar");
    }

    static Path runtimeJar() {
        return jar("warden.runtime.jar");
    }

    static Path processorJar() {
        return jar("warden.processor.jar");
    }

    private static Path jar(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && value.endsWith(".jar"), property + " is " + value
                + ": run these tests through Maven after package (mvn verify), which sets it to the packaged jar");
        Path jar = Path.of(value);
        assertTrue(Files.isRegularFile(jar), jar + " does not exist");
        return jar;
    }

    /** The Java source files under a fixture folder, {@code shop} or {@code main}. */
    static List<String> sources(String... fixtures) {
        List<String> files = new ArrayList<>();
        for (String fixture : fixtures) {
            Path root = Path.of(System.getProperty("warden.fixtures", "src/test/fixtures")).resolve(fixture);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> files.add(p.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String path(Path... entries) {
        return Arrays.stream(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The JDK running these tests. */
    static Path currentJdk() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The version of a JDK, from its {@code release} file: 17, 25. */
    static Optional<Integer> featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A JDK of at least the given version with a {@code javac}: the one named by the system property
     * {@code warden.test.jdk}, else the newest under {@code /usr/lib/jvm}.
     */
    static Optional<Path> jdkOfAtLeast(int version) {
        List<Path> candidates = new ArrayList<>();
        String named = System.getProperty("warden.test.jdk");
        if (named != null && !named.isBlank()) {
            candidates.add(Path.of(named));
        } else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
                jdks.forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(jdk -> Files.isExecutable(jdk.resolve("bin/javac")))
                .filter(jdk -> featureVersion(jdk).orElse(0) >= version)
                .max((a, b) -> Integer.compare(featureVersion(a).orElse(0), featureVersion(b).orElse(0)));
    }

    static Result javac(Path jdk, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/javac").toString());
        command.addAll(arguments);
        return run(command);
    }

    static Result java(Path jdk, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/java").toString());
        command.addAll(arguments);
        return run(command);
    }

    private static Result run(List<String> command) {
        try {
            Path output = Files.createTempFile("warden-packaging", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("did not end within 5 minutes: " + command);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** javac's arguments for the fixture on the class path: the processor alone on the processor path. */
    static List<String> classPathCompile(Path out, List<String> options, List<String> sources) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-processorpath", processorJar().toString(),
                "-classpath", path(annotationsJar(), runtimeJar())));
        arguments.addAll(options);
        arguments.addAll(sources);
        return arguments;
    }
}
