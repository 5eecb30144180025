package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of the README's "Queries" section compile, against the test shop ({@code fixture.shop.Invoice})
 * and Spring Data JPA, with the variables they use ({@code em}, a repository {@code invoices}) declared around them.
 */
class ReadmeQueriesTest {

    @Test
    void theQueriesSnippetsCompile() throws IOException {
        List<String> snippets = snippets(Files.readString(Path.of("..", "README.md")));
        assertFalse(snippets.isEmpty(), "no Java snippet in the Queries section");
        for (String snippet : snippets) {
            String source = String.join("\n",
                    "package readme;",
                    "import dev.warden.jpa.query.JpaFilters;",
                    "import dev.warden.jpa.query.WardenSpecification;",
                    "import fixture.shop.Invoice;",
                    "import jakarta.persistence.EntityManager;",
                    "import jakarta.persistence.criteria.*;",
                    "import java.util.List;",
                    "import org.springframework.data.domain.*;",
                    "import org.springframework.data.jpa.repository.*;",
                    "class Snippet {",
                    "  interface Invoices extends JpaRepository<Invoice, Long>, JpaSpecificationExecutor<Invoice> {}",
                    "  void run(EntityManager em, Invoices invoices) {",
                    snippet,
                    "  }",
                    "}");
            Compilation compilation = Compiler.javac().withOptions("-proc:none")
                    .compile(JavaFileObjects.forSourceString("readme.Snippet", source));
            assertEquals(Compilation.Status.SUCCESS, compilation.status(),
                    compilation.diagnostics() + "\n" + snippet);
        }
    }

    /** The ```java blocks between "### Queries" and the next heading of level 2 or 3. */
    private static List<String> snippets(String readme) {
        int start = readme.indexOf("\n### Queries\n");
        int end = readme.indexOf("\n## ", start + 1);
        int next = readme.indexOf("\n### ", start + 1);
        if (next > 0 && next < end) {
            end = next;
        }
        String section = readme.substring(start, end);
        List<String> snippets = new ArrayList<>();
        int at = 0;
        while ((at = section.indexOf("```java\n", at)) >= 0) {
            int close = section.indexOf("```", at + 8);
            snippets.add(section.substring(at + 8, close));
            at = close + 3;
        }
        return snippets;
    }
}
