package dev.warden.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.warden.processor.WardenProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles fixture sources through the Warden processor, and loads what they compiled to. */
public final class WardenCompiler {

    private WardenCompiler() {}

    /** Compiles with the Warden processor only. */
    public static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /**
     * Compiles with other processors and the Warden processor, in that order: Warden claims its annotations, so a
     * processor after it would not be asked in a round that has only Warden's annotations.
     */
    public static Compilation compile(List<Processor> others, JavaFileObject... sources) {
        List<Processor> processors = new ArrayList<>(others);
        processors.add(new WardenProcessor());
        return compiler().withProcessors(processors).compile(sources);
    }

    /** The name of the Eclipse compiler for {@link #COMPILER_PROPERTY}. */
    public static final String ECJ = "ecj";

    /**
     * The system property that chooses the compiler the fixtures are compiled with: {@code javac} (the default) or
     * {@code ecj}, the Eclipse compiler. The build runs the diagnostics tests once with each.
     */
    public static final String COMPILER_PROPERTY = "warden.test.compiler";

    /** Whether the fixtures are compiled with the Eclipse compiler. */
    public static boolean isEcj() {
        return ECJ.equals(System.getProperty(COMPILER_PROPERTY, "javac"));
    }

    /**
     * The compiler chosen by {@link #COMPILER_PROPERTY}, with its options. The Eclipse compiler runs with its
     * default warnings except unused imports, since the fixtures import more than each test uses;
     * {@code EclipseCompilerTest} checks the generated code with every default warning on.
     */
    private static Compiler compiler() {
        if (isEcj()) {
            return eclipse("-warn:-unusedImport");
        }
        return Compiler.javac().withOptions("-Xlint:-processing");
    }

    /** The Eclipse compiler, with the Warden processor, for Java 17, and these further options. */
    public static Compiler eclipse(String... options) {
        List<String> all = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8"));
        all.addAll(List.of(options));
        return Compiler.compiler(new EclipseCompilerAdapter()).withProcessors(new WardenProcessor())
                .withOptions(all);
    }

    /** A source given line by line. */
    public static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** A fixture source from the test resources, {@code fixtures/shop/Order.java}. */
    public static JavaFileObject resource(String path) {
        return JavaFileObjects.forResource(path);
    }

    /** Compiles and fails the test with the diagnostics when the compilation does not succeed. */
    public static Compilation compileCleanly(JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        assertWithMessage("compilation failed:\n%s", compilation.diagnostics())
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        return compilation;
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
        return new ClassLoader(WardenCompiler.class.getClassLoader()) {
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
