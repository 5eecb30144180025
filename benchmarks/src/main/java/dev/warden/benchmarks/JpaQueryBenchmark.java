package dev.warden.benchmarks;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.data.BenchJpa;
import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.jpa.LedgerInvoice;
import dev.warden.jpa.WardenJpa;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
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
 * Item 8 (issue 11): a Criteria list query through real Hibernate 7.4 on H2, each in a new entity manager as a
 * request would be. The reader's invoices (1% of the table, {@code owner} indexed) with Warden's read predicate
 * ({@link WardenJpa#readable}) in a factory with Warden's integrator on, which also judges every loaded entity
 * (the post-load safety net), against the same query with the rule written by hand ({@code owner = :reader}) in a
 * factory without Warden. Then the safety net's cost per entity: every row loaded by a manager (whose rule lets
 * them see all, so nothing is refused) with the integrator on and off; the difference over {@code rows} entities.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class JpaQueryBenchmark {
    @Param({"10000"})
    public int rows;

    BenchDatabase db;
    EntityManagerFactory plain;
    EntityManagerFactory secured;
    SecurityContext reader;
    SecurityContext manager;

    /** Loads the table and opens both factories. */
    @Setup
    public void setUp() {
        db = BenchDatabase.start(BenchDatabase.Kind.H2, rows);
        BenchJpa.copyInvoices(db);
        plain = BenchJpa.open(db.dataSource(), false);
        secured = BenchJpa.open(db.dataSource(), true);
        reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(BenchDatabase.READER_ID, "User"));
        manager = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE, UserIdentity.of(1L, "Administrator"));
    }

    /** Closes the factories and the database. */
    @TearDown
    public void tearDown() throws Exception {
        plain.close();
        secured.close();
        db.close();
    }

    /** Baseline: the rule written by hand as a Criteria predicate, Hibernate without Warden. */
    @Benchmark
    public List<LedgerInvoice> handWrittenCriteria() {
        try (EntityManager em = plain.createEntityManager()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<LedgerInvoice> query = cb.createQuery(LedgerInvoice.class);
            Root<LedgerInvoice> root = query.from(LedgerInvoice.class);
            query.where(cb.equal(root.get("owner"), BenchDatabase.READER_ID)).orderBy(cb.asc(root.get("id")));
            return em.createQuery(query).getResultList();
        }
    }

    /** Warden: the generated read predicate for the reader, Hibernate with Warden (the safety net judges each row). */
    @Benchmark
    public List<LedgerInvoice> wardenCriteria() {
        try (SecurityContext.Scope scope = SecurityContext.enter(reader);
                EntityManager em = secured.createEntityManager()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<LedgerInvoice> query = cb.createQuery(LedgerInvoice.class);
            Root<LedgerInvoice> root = query.from(LedgerInvoice.class);
            query.where(WardenJpa.readable(cb, query, root, reader)).orderBy(cb.asc(root.get("id")));
            return em.createQuery(query).getResultList();
        }
    }

    /** The generated read predicate in Hibernate without Warden: what the predicate alone costs. */
    @Benchmark
    public List<LedgerInvoice> wardenPredicateWithoutSafetyNet() {
        try (EntityManager em = plain.createEntityManager()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<LedgerInvoice> query = cb.createQuery(LedgerInvoice.class);
            Root<LedgerInvoice> root = query.from(LedgerInvoice.class);
            query.where(WardenJpa.readable(cb, query, root, reader)).orderBy(cb.asc(root.get("id")));
            return em.createQuery(query).getResultList();
        }
    }

    /** Every row, Hibernate without Warden: the baseline of the safety net's cost per entity. */
    @Benchmark
    public List<LedgerInvoice> loadAllWithoutSafetyNet() {
        try (EntityManager em = plain.createEntityManager()) {
            return all(em);
        }
    }

    /** Every row, for a manager, Hibernate with Warden: each of the {@code rows} entities is judged after load. */
    @Benchmark
    public List<LedgerInvoice> loadAllWithSafetyNet() {
        try (SecurityContext.Scope scope = SecurityContext.enter(manager);
                EntityManager em = secured.createEntityManager()) {
            return all(em);
        }
    }

    private static List<LedgerInvoice> all(EntityManager em) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<LedgerInvoice> query = cb.createQuery(LedgerInvoice.class);
        Root<LedgerInvoice> root = query.from(LedgerInvoice.class);
        query.orderBy(cb.asc(root.get("id")));
        return em.createQuery(query).getResultList();
    }
}
