package dev.warden.benchmarks;

import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.BenchModule;
import dev.warden.benchmarks.fixture.Document;
import dev.warden.benchmarks.fixture.DocumentPolicy;
import dev.warden.benchmarks.fixture.DocumentTable;
import dev.warden.benchmarks.fixture.InvoiceTable;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.sql.Dialect;
import dev.warden.runtime.sql.SqlFragment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Item 3: building a read filter for a user, against a constant string.
 *
 * <p>The SQL read filter ({@code EntityTable.filter(ctx, alias, dialect).readFilter()}) for a context made once
 * and for one made per request, for the reader (an unconstrained and a constrained rule) and the regional user (a
 * constraint with a token); and its ingredients and the in-memory decision: the user's roles as a module's bitmask
 * ({@link SecurityContext#rolesIn}), a token's value, and {@link EntityRules#rights} / {@link EntityRules#isVisible}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FilterBenchmark {
    /** What a hand-written filter would be: a constant. */
    static final String CONSTANT_FILTER = "d.owner = ?";

    ApplicationModel app;
    UserIdentity readerUser;
    UserIdentity regionalUser;
    SecurityContext reader;
    SecurityContext regional;
    EntityRules<Document, ?> rules;
    Document document;

    /** Makes the users, their contexts and a document the reader owns in the regional user's region. */
    @Setup
    public void setUp() {
        app = BenchApplicationSecurityModel.INSTANCE;
        readerUser = UserIdentity.of(ReadBenchmark.READER_ID, "User");
        regionalUser = UserIdentity.of(9L, "RegionalUser").withAttribute("Region", "North");
        reader = SecurityContext.of(app, readerUser);
        regional = SecurityContext.of(app, regionalUser);
        rules = DocumentPolicy.RULES;
        document = new Document(1L, "Own title", "Own body", ReadBenchmark.READER_ID, "North");
    }

    /** Baseline: a constant filter. */
    @Benchmark
    public String constant() {
        return CONSTANT_FILTER;
    }

    /** The reader's SQL read filter on {@code invoices}: {@code (d.owner IS NOT NULL AND d.owner = ?)}, id bound. */
    @Benchmark
    public SqlFragment sqlReadFilter() {
        return InvoiceTable.TABLE.filter(reader, "d", Dialect.postgreSql()).readFilter();
    }

    /** The regional user's SQL read filter on {@code documents}: a constraint with a token. */
    @Benchmark
    public SqlFragment sqlReadFilterToken() {
        return DocumentTable.TABLE.filter(regional, "d", Dialect.postgreSql()).readFilter();
    }

    /** Per request: a new context for the regional user, then the SQL read filter. */
    @Benchmark
    public SqlFragment sqlReadFilterNewContext() {
        return DocumentTable.TABLE.filter(SecurityContext.of(app, regionalUser), "d", Dialect.postgreSql()).readFilter();
    }

    /** The user's roles in the module as a bitmask, from a context that has computed them before. */
    @Benchmark
    public long rolesInCachedContext() {
        return reader.rolesIn(BenchModule.DESCRIPTOR);
    }

    /** A new context for the user (as per request) and its roles in the module as a bitmask. */
    @Benchmark
    public long rolesInNewContext() {
        return SecurityContext.of(app, readerUser).rolesIn(BenchModule.DESCRIPTOR);
    }

    /** Whether the token a constraint needs has a value. */
    @Benchmark
    public String tokenValue() {
        return regional.token("Region", String.class);
    }

    /** The reader's rights on the document: an unconstrained and a constrained rule. */
    @Benchmark
    public Rights rightsConstrainedRule() {
        return rules.rights(reader, document);
    }

    /** Whether the regional user sees the document: a constraint with a token. */
    @Benchmark
    public boolean visibleTokenConstraint() {
        return rules.isVisible(regional, document);
    }

    /** The whole decision per request: a new context, the roles as a bitmask, the token and the constraint. */
    @Benchmark
    public boolean visibleNewContext() {
        return rules.isVisible(SecurityContext.of(app, regionalUser), document);
    }
}
