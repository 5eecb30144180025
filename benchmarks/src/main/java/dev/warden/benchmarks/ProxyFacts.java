package dev.warden.benchmarks;

import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.CountedDocument;
import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.SecuredCountedDocument;
import dev.warden.benchmarks.fixture.SecuredDocument;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Item 7, the parts that are counts rather than times: how often a constraint runs per proxy and per read, and
 * how many bytes of heap a live proxy keeps.
 */
public final class ProxyFacts {
    private ProxyFacts() {}

    /** Calls of the constrained member's getter (the only member the constraint reads). */
    public record ConstraintRuns(long perProxy, long reads, long duringReads) {}

    /**
     * Makes {@code proxies} proxies of a {@link CountedDocument} for its owner, a reader whose rights come from an
     * unconstrained and a constrained rule, then reads {@code title} and {@code body} {@code reads} times each
     * through one of them, counting the calls of {@code getOwner()} (which only the constraint makes).
     */
    public static ConstraintRuns constraintRuns(int proxies, long reads) {
        SecurityContext reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(ReadBenchmark.READER_ID, "User"));
        CountedDocument document = new CountedDocument("Own title", "Own body", ReadBenchmark.READER_ID);
        long before = CountedDocument.OWNER_READS.get();
        SecuredCountedDocument proxy = null;
        for (int i = 0; i < proxies; i++) {
            proxy = SecuredCountedDocument.of(reader, document);
        }
        long afterCreate = CountedDocument.OWNER_READS.get();
        long checksum = 0;
        for (long i = 0; i < reads; i++) {
            checksum += proxy.getTitle().length() + proxy.getBody().length();
        }
        long afterReads = CountedDocument.OWNER_READS.get();
        if (checksum != reads * ("Own title".length() + "Own body".length())) {
            throw new AssertionError("reads returned the wrong values");
        }
        return new ConstraintRuns((afterCreate - before) / proxies, 2 * reads, afterReads - afterCreate);
    }

    /** Bytes of heap per live object, from the heap in use before and after making {@code count} of them. */
    public record Retained(double plainWrapper, double wardenProxy) {}

    /** Measures {@link Retained} with {@code count} objects of each kind. */
    public static Retained retained(int count) {
        SecurityContext reader = SecurityContext.of(BenchApplicationSecurityModel.INSTANCE,
                UserIdentity.of(ReadBenchmark.READER_ID, "User"));
        Document document = new Document(1L, "Own title", "Own body", ReadBenchmark.READER_ID, "North");
        // Warm up, so that class loading and the first proxies' one-off allocations are not counted.
        for (int i = 0; i < 10_000; i++) {
            SecuredDocument.of(reader, document);
        }
        Object[] holder = new Object[count];
        double plain = measure(holder, () -> new ProxyBenchmark.PlainWrapper(reader, document));
        double proxy = measure(holder, () -> SecuredDocument.of(reader, document));
        return new Retained(plain, proxy);
    }

    private static double measure(Object[] holder, java.util.function.Supplier<Object> make) {
        java.util.Arrays.fill(holder, null);
        long before = usedAfterGc();
        for (int i = 0; i < holder.length; i++) {
            holder[i] = make.get();
        }
        long after = usedAfterGc();
        double perObject = (after - before) / (double) holder.length;
        java.util.Arrays.fill(holder, null);
        return perObject;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
