package dev.warden.benchmarks;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.data.BenchJpa;
import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoice;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoices;
import dev.warden.benchmarks.spring.SpringDataConfig;
import dev.warden.jpa.query.WardenSpecification;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Item 9a (issue 12): Spring Data JPA's {@code findAll(spec, pageable)} (a page of 20 of the reader's invoices by
 * id, and the count query Spring Data runs for the page's total) on H2, through the same repository in two
 * applications: with Warden's integrator and {@link WardenSpecification#readable()}, against without Warden and a
 * hand-written specification of the same rule ({@code owner = reader}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SpringDataBenchmark {
    /** The reader's rule, written by hand. */
    static final Specification<LedgerInvoice> OWN = (root, query, cb) ->
            cb.equal(root.get("owner"), BenchDatabase.READER_ID);
    /** The second page of 20, by id. */
    static final Pageable PAGE = PageRequest.of(1, 20, Sort.by("id"));

    @Param({"10000"})
    public int rows;

    BenchDatabase db;
    ConfigurableApplicationContext plain;
    ConfigurableApplicationContext secured;
    LedgerInvoices plainRepository;
    LedgerInvoices securedRepository;
    SecurityContext reader;

    /** Loads the table and starts both applications. */
    @Setup
    public void setUp() {
        db = BenchDatabase.start(BenchDatabase.Kind.H2, rows);
        BenchJpa.copyInvoices(db);
        plain = SpringDataConfig.start(db.dataSource(), false);
        secured = SpringDataConfig.start(db.dataSource(), true);
        plainRepository = plain.getBean(LedgerInvoices.class);
        securedRepository = secured.getBean(LedgerInvoices.class);
        reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(BenchDatabase.READER_ID, "User"));
    }

    /** Stops the applications and the database. */
    @TearDown
    public void tearDown() throws Exception {
        plain.close();
        secured.close();
        db.close();
    }

    /** Baseline: the repository without Warden, the rule as a hand-written specification. */
    @Benchmark
    public Page<LedgerInvoice> handWrittenSpecification() {
        return plainRepository.findAll(OWN, PAGE);
    }

    /** Warden: the same repository with Warden's integrator, {@code WardenSpecification.readable()}. */
    @Benchmark
    public Page<LedgerInvoice> wardenSpecification() {
        try (SecurityContext.Scope scope = SecurityContext.enter(reader)) {
            return securedRepository.findAll(WardenSpecification.readable(), PAGE);
        }
    }
}
