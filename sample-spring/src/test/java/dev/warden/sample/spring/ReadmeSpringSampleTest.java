package dev.warden.sample.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippets of the README's "The Spring sample" section compile against this module and its dependencies. */
class ReadmeSpringSampleTest {
    @Test
    void snippetsCompile(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## The Spring sample (with Spring Boot)");
        assertTrue(start >= 0, "no Spring sample section in the README");
        int end = readme.indexOf("\n## ", start + 4);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> files = new ArrayList<>();
        int at = 0;
        while ((at = section.indexOf("```java\n", at)) >= 0) {
            int close = section.indexOf("```", at + 8);
            String snippet = section.substring(at + 8, close);
            Path file = dir.resolve("Snippet" + files.size() + "/" + className(snippet) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, snippet);
            files.add(file.toString());
            at = close + 3;
        }
        assertFalse(files.isEmpty(), "no Java snippet in the Spring sample section");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of("-proc:none", "-classpath", classPath, "-d",
                dir.resolve("classes").toString()));
        args.addAll(files);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, result, "a README snippet does not compile (the compiler's errors are on standard error)");
    }

    private static String className(String snippet) {
        int at = snippet.indexOf("public class ");
        assertTrue(at >= 0, "a snippet without a public class");
        return snippet.substring(at + 13, snippet.indexOf(' ', at + 13));
    }
}
