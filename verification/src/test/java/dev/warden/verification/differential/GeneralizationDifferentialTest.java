package dev.warden.verification.differential;

import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.verification.differential.Families.Family;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.support.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential testing of the semantics issue 10 added (security model §6): generalization (an object judged by the
 * most specific secured entity of its class, through the parent's policy, proxy, explain, association getters and
 * table), members holding entities in containers, the one create check on the proxy and the data path, and copies of
 * mutable values. Random families ({@link Families}) against the reference evaluator ({@link Reference}), every path
 * compared by {@link FamilyHarness}, on H2 and PostgreSQL.
 *
 * <p>Sizes: {@code warden.verify.models} / 8 batches of {@link #FAMILIES_PER_BATCH} families (at least one), from seed
 * {@code warden.verify.seed}; {@code -Dwarden.verify.families.only=<seed>} reruns one batch.
 */
class GeneralizationDifferentialTest {

    static final int FAMILIES_PER_BATCH = 4;

    private static Databases databases;

    @BeforeAll
    static void start() {
        databases = Databases.start();
    }

    @AfterAll
    static void stop() throws Exception {
        databases.close();
        System.out.printf("generalization differential: %d families (%d in one table), %d checks; %d of %d (user, "
                + "specialized object) pairs visible to a restricted user; %d of %d creates and %d of %d container "
                + "writes allowed%n", FamilyHarness.FAMILIES.get(), FamilyHarness.SINGLE_TABLE.get(),
                FamilyHarness.CHECKS.get(), FamilyHarness.SPECIALIZED_VISIBLE.get(),
                FamilyHarness.SPECIALIZED_SEEN.get(), FamilyHarness.CREATES_ALLOWED.get(), FamilyHarness.CREATES.get(),
                FamilyHarness.CONTAINER_WRITES_ALLOWED.get(), FamilyHarness.CONTAINER_WRITES.get());
    }

    @TestFactory
    Stream<DynamicTest> randomFamilies() {
        long base = Long.getLong("warden.verify.seed", 20261127L) + 5000;
        int batches = Math.max(1, Integer.getInteger("warden.verify.models", 16) / 8);
        String only = System.getProperty("warden.verify.families.only");
        LongStream seeds = only != null && !only.isBlank() ? LongStream.of(Long.parseLong(only.trim()))
                : LongStream.range(base, base + batches);
        return seeds.boxed().map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runBatch(seed)));
    }

    static void runBatch(long seed) throws Exception {
        Generator generator = new Generator(seed);
        List<Family> families = new ArrayList<>();
        App app = new Families(generator).batch("g" + Long.toString(seed, 36), FAMILIES_PER_BATCH, families);
        FamilyHarness harness = new FamilyHarness(app, families, generator.users(app), generator, databases);
        List<String> disagreements = harness.run();
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " disagreement(s) for seed " + seed + ":\n" + String.join("\n",
                    disagreements.subList(0, Math.min(15, disagreements.size()))) + "\n\nThe model:\n"
                    + harness.sources());
        }
    }
}
