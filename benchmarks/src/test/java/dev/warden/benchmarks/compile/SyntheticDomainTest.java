package dev.warden.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDomainTest {
    @TempDir
    Path temp;

    @Test
    void modulesOfFiftyEntitiesWithFourRulesEach() throws Exception {
        List<Path> files = SyntheticDomain.write(temp, 120);
        assertEquals(3, SyntheticDomain.modules(120));
        assertEquals(1 + 3 * 2 + 120, files.size());
        String second = Files.readString(temp.resolve("synth/m00/E0001.java"));
        assertEquals(4, second.split("@AccessRule\\(", -1).length - 1);
        assertTrue(second.contains("[parent/owner = '[%CurrentUser%]']"));
        assertTrue(second.contains("@ManyToOne"));
        assertTrue(Files.readString(temp.resolve("synth/m02/E0100.java")).contains("package synth.m02;"));
    }
}
