package dev.warden.sample.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README compiles, with Warden's processor, as a user's build would compile it.
 *
 * <p>Each {@code ```java} block is preceded by a marker that says where it belongs:
 * <ul>
 *   <li>{@code <!-- snippet: PROJECT/NAME -->}: the block replaces the line {@code // README: NAME} in one of the
 *       files of {@code src/test/readme/PROJECT}, which give it its package, imports and the variables it uses.
 *       Each project is compiled on its own, with this module's test class path and the processor;
 *   <li>{@code <!-- generated: PROJECT PATH -->}: the block is an excerpt of the source the processor generated
 *       at {@code PATH} for that project (compared with white space collapsed).
 * </ul>
 * Two shorthands of the README are expanded: a method body {@code { ... }} becomes one that throws, and the comment
 * {@code // getters and setters ...} becomes a getter and a setter for each {@code private} field of the block.
 * A project's file {@code sources} names further source directories, relative to the repository's root.
 */
class ReadmeSnippetsTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path PROJECTS = Path.of("src", "test", "readme");
    private static final Pattern MARKER = Pattern.compile("<!-- (snippet|generated): (\\S+)(?: (\\S+))? -->");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\s*// README: (\\S+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("private\\s+([\\w.<>, ?\\[\\]]+?)\\s+(\\w+)\\s*;");

    /** A Java block of the README: its first line's number (1-based), its marker and its text. */
    private record Block(int line, String kind, String target, String path, String text) {}

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path work) throws IOException {
        List<Block> blocks = blocks(Files.readString(REPOSITORY.resolve("README.md")));
        Map<String, Block> snippets = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (block.kind().equals("snippet") && snippets.put(block.target(), block) != null) {
                fail("README.md line " + block.line() + ": a second block named " + block.target());
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        try (Stream<Path> projects = Files.list(PROJECTS)) {
            for (Path project : projects.sorted().toList()) {
                String name = project.getFileName().toString();
                Path out = work.resolve(name);
                problems.addAll(compile(name, project, out, snippets, placed));
                for (Block block : blocks) {
                    if (block.kind().equals("generated") && block.target().equals(name)) {
                        problems.addAll(excerptOfGenerated(block, out.resolve("generated").resolve(block.path())));
                    }
                }
            }
        }
        for (Block block : snippets.values()) {
            if (!placed.contains(block.target())) {
                problems.add("README.md line " + block.line() + ": no file of src/test/readme has the line "
                        + "// README: " + block.target().substring(block.target().indexOf('/') + 1));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The project's sources, with the README's blocks in place, compiled with the processor; the errors. */
    private static List<String> compile(String name, Path project, Path out, Map<String, Block> snippets,
            List<String> placed) throws IOException {
        Path sources = out.resolve("sources");
        List<Path> files = new ArrayList<>();
        Map<Path, TreeMap<Integer, Block>> origins = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path target = sources.resolve(project.relativize(file).toString());
                TreeMap<Integer, Block> origin = new TreeMap<>();
                Files.createDirectories(target.getParent());
                Files.writeString(target, substitute(name, Files.readAllLines(file), snippets, placed, origin));
                files.add(target);
                origins.put(target, origin);
            }
        }
        Path extra = project.resolve("sources");
        if (Files.exists(extra)) {
            for (String directory : Files.readAllLines(extra)) {
                try (Stream<Path> walk = Files.walk(REPOSITORY.resolve(directory.strip()))) {
                    walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> options = new ArrayList<>(List.of("-d", directory(out.resolve("classes")),
                "-s", directory(out.resolve("generated")), "-processorpath", classPath));
        if (files.stream().anyMatch(f -> f.getFileName().toString().equals("module-info.java"))) {
            options.addAll(List.of("--module-path", modulePath(classPath)));
        } else {
            options.addAll(List.of("-classpath", classPath));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(where(diagnostic, origins) + ": " + diagnostic.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    /** The file's lines with each placeholder replaced by its block; notes where each block starts in the file. */
    private static String substitute(String project, List<String> lines, Map<String, Block> snippets,
            List<String> placed, TreeMap<Integer, Block> origin) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (String source : lines) {
            Matcher placeholder = PLACEHOLDER.matcher(source);
            Block block = placeholder.matches() ? snippets.get(project + "/" + placeholder.group(1)) : null;
            if (placeholder.matches() && block == null) {
                fail("src/test/readme/" + project + ": no README block is marked snippet: " + project + "/"
                        + placeholder.group(1));
            }
            String replacement = block == null ? source : expand(block.text());
            if (block != null) {
                placed.add(block.target());
                origin.put(line, block);
            }
            text.append(replacement).append('\n');
            line += replacement.split("\n", -1).length;
            if (block != null) {
                origin.put(line, null);
            }
        }
        return text.toString();
    }

    /** The README's shorthands as code: bodies that throw, and accessors for the fields. */
    private static String expand(String block) {
        String text = block.replace("{ ... }", "{ throw new UnsupportedOperationException(); }");
        if (!text.contains("// getters and setters ...")) {
            return text;
        }
        StringBuilder accessors = new StringBuilder();
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            String type = field.group(1);
            String name = field.group(2);
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("public ").append(type).append(" get").append(capitalized).append("() { return ")
                    .append(name).append("; } public void set").append(capitalized).append('(').append(type)
                    .append(" value) { this.").append(name).append(" = value; } ");
        }
        // On the comment's line, so that the lines after it keep their numbers.
        return text.replace("// getters and setters ...", accessors + "// getters and setters ...");
    }

    /** The README line a compiler diagnostic is on, or the file and line for a fixture's own code. */
    private static String where(Diagnostic<? extends JavaFileObject> diagnostic,
            Map<Path, TreeMap<Integer, Block>> origins) {
        if (diagnostic.getSource() == null) {
            return "(no file)";
        }
        Path file = Path.of(diagnostic.getSource().toUri());
        int line = (int) diagnostic.getLineNumber();
        TreeMap<Integer, Block> origin = origins.get(file);
        if (origin != null) {
            Map.Entry<Integer, Block> start = origin.floorEntry(line);
            if (start != null && start.getValue() != null) {
                return "README.md line " + (start.getValue().line() + line - start.getKey()) + " ("
                        + start.getValue().target() + ")";
            }
        }
        return file.getFileName() + " line " + line;
    }

    /** An excerpt of generated code: the problem, if the generated file does not contain it. */
    private static List<String> excerptOfGenerated(Block block, Path generated) throws IOException {
        if (!Files.exists(generated)) {
            return List.of("README.md line " + block.line() + ": the processor generated no " + block.path());
        }
        String excerpt = collapse(block.text());
        String source = collapse(Files.readString(generated));
        if (source.contains(excerpt)) {
            return List.of();
        }
        String start = excerpt.substring(0, Math.min(excerpt.length(), 12));
        int near = source.indexOf(start);
        return List.of("README.md line " + block.line() + ": " + block.path() + " does not contain the excerpt"
                + (near < 0 ? "" : "; it has: " + source.substring(near, Math.min(source.length(), near + 300))));
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
    }

    /** Warden's jars from the class path: the automatic modules a named application module requires. */
    private static String modulePath(String classPath) {
        List<String> jars = Stream.of(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().matches("warden-(runtime|annotations).*"))
                .toList();
        assertEquals(2, jars.size(), "the runtime and annotations jars on the class path: " + jars);
        assertTrue(jars.stream().allMatch(jar -> jar.endsWith(".jar")),
                "run with the jars Maven packaged (mvn verify), not class directories: " + jars);
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static String directory(Path directory) {
        try {
            return Files.createDirectories(directory).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every ```java block with its marker; a block without one fails the test. */
    private static List<Block> blocks(String readme) {
        List<String> lines = readme.lines().collect(Collectors.toList());
        List<Block> blocks = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            String text = String.join("\n", lines.subList(i + 1, end));
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : null;
            if (marker == null || !marker.matches()) {
                unmarked.add("README.md line " + (i + 1));
            } else {
                blocks.add(new Block(i + 2, marker.group(1), marker.group(2), marker.group(3), text));
            }
            i = end;
        }
        assertTrue(unmarked.isEmpty(), "Java blocks without a <!-- snippet: project/name --> or <!-- generated: "
                + "project path --> marker on the line before: " + unmarked);
        assertTrue(blocks.size() > 10, "found only " + blocks.size() + " Java blocks in the README");
        return blocks;
    }
}
