package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.Invoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every arm of the query benchmarks returns the reader's 1% of the rows, the same list. No timing. */
class QueryBenchmarkTest {
    private static final int ROWS = 2000;

    @Test
    void h2() throws Exception {
        check(BenchDatabase.Kind.H2);
    }

    @Test
    void postgreSqlAndRowLevelSecurity() throws Exception {
        check(BenchDatabase.Kind.POSTGRESQL);
        RowLevelSecurityBenchmark rls = new RowLevelSecurityBenchmark();
        rls.rows = ROWS;
        rls.setUp();
        try {
            List<Invoice> expected = rls.wardenList();
            assertEquals(ROWS / 100, expected.size());
            assertEquals(expected, rls.rowLevelSecurity());
            assertEquals(ROWS, BenchDatabase.invoices(rls.db.connection(), QueryBenchmark.ALL).size(),
                    "the table owner is not filtered by the policy");
        } finally {
            rls.tearDown();
        }
    }

    private static void check(BenchDatabase.Kind kind) throws Exception {
        QueryBenchmark benchmark = new QueryBenchmark();
        benchmark.database = kind;
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<Invoice> expected = benchmark.handWrittenSql();
            assertEquals(ROWS / 100, expected.size());
            assertTrue(expected.stream().allMatch(i -> i.getOwner() == BenchDatabase.READER_ID));
            assertEquals(expected, benchmark.wardenList());
            assertEquals(expected, benchmark.loadAllFilterInMemory());
        } finally {
            benchmark.tearDown();
        }
    }
}
