package dev.warden.processor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The Eclipse compiler (ecj) as compile-testing's {@code Compiler.compiler(...)} needs it. ecj reads the sources it
 * is given from files ({@code new File(uri)}), while compile-testing's sources live in memory under relative URIs:
 * this adapter writes each source to a temporary directory, hands ecj those files, and reports every diagnostic
 * with the original source object again, so that {@code inFile(source).onLineContaining(...)} works as under javac.
 * Generated files still go to compile-testing's in-memory file manager.
 */
final class EclipseCompilerAdapter implements JavaCompiler {

    private final EclipseCompiler ecj = new EclipseCompiler();

    @Override
    public CompilationTask getTask(Writer out, JavaFileManager fileManager,
            DiagnosticListener<? super JavaFileObject> listener, Iterable<String> options, Iterable<String> classes,
            Iterable<? extends JavaFileObject> compilationUnits) {
        Map<String, JavaFileObject> originals = new HashMap<>();
        List<JavaFileObject> onDisk = new ArrayList<>();
        try {
            Path directory = Files.createTempDirectory("warden-ecj");
            directory.toFile().deleteOnExit();
            for (JavaFileObject unit : compilationUnits) {
                JavaFileObject file = onDisk(directory, unit);
                originals.put(file.getName(), unit);
                onDisk.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticListener<JavaFileObject> mapping = diagnostic -> listener.report(
                new Remapped(diagnostic, original(originals, diagnostic.getSource())));
        return ecj.getTask(out, fileManager, mapping, options, classes, onDisk);
    }

    /** The original of a source ecj reports on (ecj makes file objects of its own for the processor's messages). */
    private static JavaFileObject original(Map<String, JavaFileObject> originals, JavaFileObject source) {
        if (source == null) {
            return null;
        }
        JavaFileObject byName = originals.get(source.getName());
        if (byName != null) {
            return byName;
        }
        if ("file".equals(source.toUri().getScheme())) {
            JavaFileObject byPath = originals.get(Path.of(source.toUri()).toString());
            if (byPath != null) {
                return byPath;
            }
        }
        return source;
    }

    /** The source written to a file under the directory, at the path of its URI. */
    private static JavaFileObject onDisk(Path directory, JavaFileObject unit) throws IOException {
        String path = unit.toUri().getPath();
        if (path == null || path.isEmpty()) {
            path = unit.getName();
        }
        Path file = directory.resolve(path.replaceFirst("^/+", ""));
        Files.createDirectories(file.getParent());
        String content = unit.getCharContent(true).toString();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return content;
            }

            @Override
            public String getName() {
                return file.toString();
            }
        };
    }

    /** A diagnostic of ecj's, with its source replaced by the original source object. */
    private record Remapped(Diagnostic<? extends JavaFileObject> diagnostic, JavaFileObject source)
            implements Diagnostic<JavaFileObject> {

        @Override
        public Kind getKind() {
            return diagnostic.getKind();
        }

        @Override
        public JavaFileObject getSource() {
            return source;
        }

        @Override
        public long getPosition() {
            return diagnostic.getPosition();
        }

        @Override
        public long getStartPosition() {
            return diagnostic.getStartPosition();
        }

        @Override
        public long getEndPosition() {
            return diagnostic.getEndPosition();
        }

        @Override
        public long getLineNumber() {
            return diagnostic.getLineNumber();
        }

        @Override
        public long getColumnNumber() {
            return diagnostic.getColumnNumber();
        }

        @Override
        public String getCode() {
            return diagnostic.getCode();
        }

        @Override
        public String getMessage(Locale locale) {
            return diagnostic.getMessage(locale);
        }

        @Override
        public String toString() {
            return (source == null ? "" : source.getName() + ":" + getLineNumber() + ": ")
                    + getKind().toString().toLowerCase(Locale.ROOT) + ": " + getMessage(Locale.ROOT);
        }
    }

    @Override
    public StandardJavaFileManager getStandardFileManager(DiagnosticListener<? super JavaFileObject> listener,
            Locale locale, Charset charset) {
        return ecj.getStandardFileManager(listener, locale, charset);
    }

    @Override
    public int isSupportedOption(String option) {
        return ecj.isSupportedOption(option);
    }

    @Override
    public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
        return ecj.run(in, out, err, arguments);
    }

    @Override
    public Set<SourceVersion> getSourceVersions() {
        return ecj.getSourceVersions();
    }
}
