package dev.warden.verification.support;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.warden.processor.WardenProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Runs javac with the Warden processor over sources held in memory, and loads what it produced. */
public final class Javac {

    private Javac() {}

    /** Compiles qualified name (or {@code pkg.package-info}) to source text. */
    public static Compilation compile(Map<String, String> sources) {
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
        return Compiler.javac().withProcessors(new WardenProcessor()).withOptions("-Xlint:-processing")
                .compile(files);
    }

    /** All diagnostics as text, one per line, with the file and line. */
    public static String diagnostics(Compilation compilation) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            text.append(d.getKind()).append(' ')
                    .append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                    .append(d.getMessage(Locale.ROOT)).append('\n');
        }
        return text.toString();
    }

    /** A class loader over the classes a compilation produced, with the test class path as parent. */
    public static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            int start = path.indexOf("/CLASS_OUTPUT/");
            String name = (start >= 0 ? path.substring(start + "/CLASS_OUTPUT/".length()) : path)
                    .replaceAll("\\.class$", "").replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ClassLoader(Javac.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
