package dev.warden.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.benchmarks.compile.CompileTimeBenchmark.CompilePaths;
import dev.warden.benchmarks.compile.CompileTimeBenchmark.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic domains compile in every configuration, and the processors generate what they should. */
class CompileTimeBenchmarkTest {
    @TempDir
    Path temp;

    @Test
    void aSmallDomainCompilesInEveryConfiguration() throws Exception {
        int entities = 5;
        List<Path> sources = SyntheticDomain.write(temp.resolve("src"), entities, 3);
        assertEquals(1 + 2 * 2 + entities, sources.size(), "application, two modules with an enum each, entities");

        CompileTimeBenchmark harness = new CompileTimeBenchmark(CompilePaths.locate());
        Path work = Files.createDirectories(temp.resolve("work"));
        assertEquals(0, harness.compileOnce(Config.JAVAC, sources, work)[1]);
        // at least a policy and a proxy per entity, a class per module and the application's security model
        long warden = harness.compileOnce(Config.WARDEN, sources, work)[1];
        assertTrue(warden >= 2 * entities + 2 + 1, "Warden generated " + warden + " files");
        assertEquals(warden, harness.compileOnce(Config.WARDEN_PROC_ONLY, sources, work)[1]);
        // a JPA metamodel class per entity
        assertTrue(harness.compileOnce(Config.HIBERNATE, sources, work)[1] >= entities);
    }

    @Test
    void theRunRecordsEveryConfigurationAtEverySize() throws Exception {
        List<CompileTimeBenchmark.Result> results = new CompileTimeBenchmark(CompilePaths.locate())
                .run(new int[] {2, 3}, 0, 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(2 * Config.values().length, results.size());
        for (CompileTimeBenchmark.Result r : results) {
            assertEquals(1, r.millis().length);
            assertTrue(r.sourceLines() > 0);
        }
    }
}
