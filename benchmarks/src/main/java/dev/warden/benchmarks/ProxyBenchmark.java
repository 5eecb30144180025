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
 * Item 7: what making one secured proxy costs, in time and in bytes allocated (run with {@code -prof gc}), against
 * a plain wrapper that holds the same two references and checks nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ProxyBenchmark {
    SecurityContext reader;
    SecurityContext manager;
    Document document;

    /** A wrapper with a context and an object, and nothing else: the least a proxy can be. */
    public record PlainWrapper(SecurityContext context, Document document) {}

    /** Makes the document (owned by the reader) and the two users' contexts. */
    @Setup
    public void setUp() {
        document = new Document(1L, "Own title", "Own body", ReadBenchmark.READER_ID, "North");
        reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(ReadBenchmark.READER_ID, "User"));
        manager = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE, UserIdentity.of(1L, "Administrator"));
    }

    /** Baseline: a wrapper that checks nothing. */
    @Benchmark
    public PlainWrapper plainWrapper() {
        return new PlainWrapper(reader, document);
    }

    /** A proxy for the manager: one unconstrained rule applies. */
    @Benchmark
    public SecuredDocument wardenProxyUnconstrainedRule() {
        return SecuredDocument.of(manager, document);
    }

    /** A proxy for the reader: an unconstrained and a constrained rule apply; the constraint runs once. */
    @Benchmark
    public SecuredDocument wardenProxyConstrainedRule() {
        return SecuredDocument.of(reader, document);
    }
}
