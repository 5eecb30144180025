package dev.warden.benchmarks;

import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.SecuredDocument;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Item 1: a checked read through a {@link SecuredDocument} against the direct getter (the physical limit).
 *
 * <p>The user is a reader (user role {@code User}, module role {@code Bench.Reader}) who owns the document:
 * {@code title} is readable through an unconstrained rule, {@code body} only through the constrained rule
 * {@code [owner = '[%CurrentUser%]']}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ReadBenchmark {
    /** The reader's user id; they own {@link #document}. */
    public static final long READER_ID = 7L;

    Document document;
    SecuredDocument secured;

    /** Makes the document and its proxy for the reader. */
    @Setup
    public void setUp() {
        document = new Document(1L, "Own title", "Own body", READER_ID, "North");
        SecurityContext reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(READER_ID, "User"));
        secured = SecuredDocument.of(reader, document);
    }

    /** Baseline: the plain getter. */
    @Benchmark
    public String directTitle() {
        return document.getTitle();
    }

    /** {@code title} through the proxy; readable through the reader's unconstrained rule. */
    @Benchmark
    public String wardenTitleUnconstrainedRule() {
        return secured.getTitle();
    }

    /** Baseline: the plain getter. */
    @Benchmark
    public String directBody() {
        return document.getBody();
    }

    /** {@code body} through the proxy; readable through the reader's constrained rule. */
    @Benchmark
    public String wardenBodyConstrainedRule() {
        return secured.getBody();
    }
}
