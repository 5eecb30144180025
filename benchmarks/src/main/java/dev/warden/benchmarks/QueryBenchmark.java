package dev.warden.benchmarks;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.InvoiceTable;
import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.Invoice;
import dev.warden.benchmarks.fixture.InvoicePolicy;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * Item 4: the reader's invoices (1% of the table, {@code owner} indexed) through Warden's data-access layer,
 * against the same hand-written SQL with the equivalent {@code WHERE}, and against loading every row and filtering
 * in memory with the rules (what Spring's {@code @PostFilter} does). Every arm returns the same list of invoices,
 * ordered by id, over the same connection.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class QueryBenchmark {
    /** The hand-written query: the reader's rule as a {@code WHERE}. */
    static final String HAND_WRITTEN = "SELECT " + BenchDatabase.COLUMNS + " FROM invoices WHERE owner = ? ORDER BY id";
    /** Every row, for filtering in memory. */
    static final String ALL = "SELECT " + BenchDatabase.COLUMNS + " FROM invoices ORDER BY id";

    @Param({"H2", "POSTGRESQL"})
    public BenchDatabase.Kind database;

    @Param({"10000", "100000", "1000000"})
    public int rows;

    BenchDatabase db;
    SecurityContext reader;
    WardenData data;
    EntityRules<Invoice, ?> rules;

    /** Starts the database, loads the rows and makes the reader's context. */
    @Setup
    public void setUp() {
        db = BenchDatabase.start(database, rows);
        reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(BenchDatabase.READER_ID, "User"));
        Dialect dialect = database == BenchDatabase.Kind.H2 ? Dialect.h2() : Dialect.postgreSql();
        data = WardenData.of(db.dataSource(), dialect).as(reader);
        rules = InvoicePolicy.RULES;
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() throws Exception {
        db.close();
    }

    /** Baseline: hand-written SQL with the rule as its {@code WHERE}. */
    @Benchmark
    public List<Invoice> handWrittenSql() throws SQLException {
        return BenchDatabase.invoices(db.connection(), HAND_WRITTEN, BenchDatabase.READER_ID);
    }

    /** Warden: {@code WardenData.list}, with the reader's read filter and projection in the statement. */
    @Benchmark
    public List<Invoice> wardenList() {
        return data.list(InvoiceTable.TABLE);
    }

    /** Every row loaded, then filtered with the rules in memory. */
    @Benchmark
    public List<Invoice> loadAllFilterInMemory() throws SQLException {
        List<Invoice> visible = new ArrayList<>();
        for (Invoice invoice : BenchDatabase.invoices(db.connection(), ALL)) {
            if (rules.isVisible(reader, invoice)) {
                visible.add(invoice);
            }
        }
        return visible;
    }
}
