package dev.warden.packaging;

import static dev.warden.packaging.Tools.classPathCompile;
import static dev.warden.packaging.Tools.currentJdk;
import static dev.warden.packaging.Tools.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code carries {@code @dev.warden.annotations.Generated}, whose retention is {@code CLASS}: JaCoCo's report
 * leaves out classes annotated with a {@code CLASS} or {@code RUNTIME} annotation whose simple name contains
 * {@code Generated}, so the generated classes do not dilute a user's coverage. Checked with JaCoCo's own analyzer on
 * what the packaged processor generated.
 */
class JacocoIT {

    @Test
    void jacocoLeavesTheGeneratedClassesOutOfTheReport(@TempDir Path out) throws IOException {
        Tools.Result compiled = Tools.javac(currentJdk(), classPathCompile(out, List.of(), sources("shop")));
        assertEquals(0, compiled.exitCode(), compiled.toString());

        CoverageBuilder coverage = new CoverageBuilder();
        new Analyzer(new ExecutionDataStore(), coverage).analyzeAll(out.toFile());
        Map<String, Integer> instructions = new TreeMap<>();
        for (IClassCoverage type : coverage.getClasses()) {
            instructions.put(type.getName(), type.getInstructionCounter().getTotalCount());
        }

        for (String generated : List.of("shop/ShopModule", "shop/ShopAppSecurityModel", "shop/NotePolicy",
                "shop/SecuredNote", "shop/NoteTable", "shop/NoteServiceOperations")) {
            assertEquals(0, instructions.get(generated), generated + " counted by JaCoCo: " + instructions);
        }
        assertTrue(instructions.get("shop/Note") > 0, "the user's own class is counted: " + instructions);
    }
}
