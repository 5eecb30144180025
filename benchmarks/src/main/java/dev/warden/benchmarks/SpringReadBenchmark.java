package dev.warden.benchmarks;

import dev.warden.benchmarks.spring.SpringDocument;
import dev.warden.benchmarks.spring.SpringDocuments;
import dev.warden.benchmarks.spring.SpringSecurityConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Item 2: the reads of {@link ReadBenchmark} through Spring Security 7's authorization proxies: a document from
 * an {@code @AuthorizeReturnObject} method, whose getters carry {@code @PreAuthorize}, read by the same reader
 * (role {@code READER}, user 7, the owner) with the authentication in the thread's {@code SecurityContextHolder}.
 *
 * <p>Also item 7's counterpart: what making one such proxy costs ({@link #springProxy}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SpringReadBenchmark {
    AnnotationConfigApplicationContext context;
    SpringDocuments documents;
    SpringDocument proxy;

    /** Starts Spring, signs the reader in on this (the benchmark's) thread and gets the proxy. */
    @Setup
    public void setUp() {
        context = SpringSecurityConfig.start();
        SpringSecurityConfig.signIn("READER");
        documents = context.getBean(SpringDocuments.class);
        proxy = documents.find(SpringSecurityConfig.OWN_DOCUMENT);
    }

    /** Signs out and stops Spring. */
    @TearDown
    public void tearDown() {
        SpringSecurityConfig.signOut();
        context.close();
    }

    /** {@code title}: {@code hasRole('MANAGER') or hasRole('READER') or ...}, granted by its second term. */
    @Benchmark
    public String springTitleUnconstrainedRule() {
        return proxy.getTitle();
    }

    /** {@code body}: {@code ... or (hasRole('READER') and this.owner == principal.id) or ...}. */
    @Benchmark
    public String springBodyConstrainedRule() {
        return proxy.getBody();
    }

    /** One {@code @AuthorizeReturnObject} call: the lookup plus a new authorization proxy. */
    @Benchmark
    public SpringDocument springProxy() {
        return documents.find(SpringSecurityConfig.OWN_DOCUMENT);
    }
}
