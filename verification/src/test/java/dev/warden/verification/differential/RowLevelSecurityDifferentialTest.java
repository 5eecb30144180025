package dev.warden.verification.differential;

import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.verification.differential.Model.App;
import dev.warden.verification.support.Databases;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential testing of the generated PostgreSQL row-level security ({@link RowLevelSecurityHarness}): random models,
 * data and users from {@link Generator}, plain SQL of a non-superuser role with the user's settings and no Warden
 * filter, against the reference evaluator. {@code warden.verify.rlsModels} models (16 by default, 400 with
 * {@code -Pthorough}), from seed {@code warden.verify.seed}; {@code -Dwarden.verify.only=<seed>} reruns one batch.
 */
class RowLevelSecurityDifferentialTest {

    private static Databases databases;

    @BeforeAll
    static void start() {
        databases = Databases.start();
        RowLevelSecurityHarness.createRole(databases);
    }

    @AfterAll
    static void stop() throws Exception {
        databases.close();
        System.out.printf("row-level security: %d checks, %d (user, object) pairs visible, %d rules with date-time "
                + "tokens left out%n", RowLevelSecurityHarness.CHECKS.get(), RowLevelSecurityHarness.VISIBLE.get(),
                RowLevelSecurityHarness.RULES_LEFT_OUT.get());
    }

    @TestFactory
    Stream<DynamicTest> randomModels() {
        long base = Long.getLong("warden.verify.seed", 20261127L) + 5000;
        int models = Integer.getInteger("warden.verify.rlsModels", 16);
        String only = System.getProperty("warden.verify.only");
        LongStream seeds = only != null && !only.isBlank() ? LongStream.of(Long.parseLong(only.trim()))
                : LongStream.range(base, base + (models + DifferentialTest.MODELS_PER_BATCH - 1)
                        / DifferentialTest.MODELS_PER_BATCH);
        return seeds.boxed().map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Generator generator = new Generator(seed);
            App app = generator.batch("r" + Long.toString(seed, 36), DifferentialTest.MODELS_PER_BATCH);
            RowLevelSecurityHarness harness = new RowLevelSecurityHarness(app, generator.users(app), generator,
                    databases);
            List<String> disagreements = harness.run();
            if (!disagreements.isEmpty()) {
                fail(disagreements.size() + " disagreement(s) for seed " + seed + ":\n" + String.join("\n",
                        disagreements.subList(0, Math.min(15, disagreements.size()))) + "\n\nThe model:\n"
                        + harness.sources());
            }
        }));
    }
}
