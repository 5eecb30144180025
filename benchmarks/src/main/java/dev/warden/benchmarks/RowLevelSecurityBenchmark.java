package dev.warden.benchmarks;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.InvoiceTable;
import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.Invoice;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Item 5: PostgreSQL row-level security as the database-native anchor. The reader's rule as a {@code CREATE
 * POLICY ... USING (owner = current_setting('warden.user_id')::bigint)}, queried as the restricted role
 * {@value BenchDatabase#RLS_ROLE} with no {@code WHERE}. The report compares it with
 * {@link QueryBenchmark#wardenList} on PostgreSQL: the same table, policy and server setup ({@link BenchDatabase}),
 * queried as the table's owner, to whom the policy does not apply. Its {@link #wardenList} is there for a direct
 * comparison in one fork; the report's run leaves it out to save a fork per size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class RowLevelSecurityBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int rows;

    BenchDatabase db;
    WardenData data;

    /** Starts PostgreSQL, loads the rows and sets up the policy and the reader's context. */
    @Setup
    public void setUp() throws SQLException {
        db = BenchDatabase.start(BenchDatabase.Kind.POSTGRESQL, rows);
        db.rlsConnection();
        SecurityContext reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(BenchDatabase.READER_ID, "User"));
        data = WardenData.of(db.dataSource(), Dialect.postgreSql()).as(reader);
    }

    /** Stops PostgreSQL. */
    @TearDown
    public void tearDown() throws Exception {
        db.close();
    }

    /** The policy: every row selected, the database filters. */
    @Benchmark
    public List<Invoice> rowLevelSecurity() throws SQLException {
        return BenchDatabase.invoices(db.rlsConnection(), QueryBenchmark.ALL);
    }

    /** Warden's filter in the statement. */
    @Benchmark
    public List<Invoice> wardenList() {
        return data.list(InvoiceTable.TABLE);
    }
}
