package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the generated {@code DocCriteria} looks like: each rule's constraint as one readable predicate expression over
 * the helpers of {@link Conditions}, and nothing else (which rules apply is {@link EntityCriteria}'s).
 */
class GeneratedCriteriaTest {

    @Test
    void eachConstraintIsOnePredicateExpression() throws IOException {
        String source = source("docs/DocCriteria.java");
        for (String expected : new String[] {
            "public final class DocCriteria extends EntityCriteria<Doc> {",
            "protected Predicate holds(int rule, Conditions c, From<?, ? extends Doc> doc) {",
            "case 1: // [owner = '[%CurrentUser%]']",
            "return c.eq(doc.get(\"owner\"), c.currentUser());",
            "c.exists(doc, \"folder\", folder -> c.eq(folder.get(\"team\"), c.token(\"Team\", String.class))),",
            "c.ne(doc.get(\"status\"), Status.DRAFT));",
            "return c.exists(doc, \"tags\", tag -> c.and(c.eq(tag.get(\"label\"), \"urgent\"), c.gt(tag.get(\"weight\"), 2)));",
        }) {
            assertTrue(source.contains(expected), "missing: " + expected + "\nin:\n" + source);
        }
    }

    private static String source(String path) throws IOException {
        JavaFileObject file = Docs.COMPILATION.generatedSourceFile(path.replace(".java", "").replace('/', '.'))
                .orElseThrow(() -> new AssertionError(path + " was not generated"));
        return file.getCharContent(true).toString();
    }
}
