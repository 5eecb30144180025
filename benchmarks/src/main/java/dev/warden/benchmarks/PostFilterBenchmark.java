package dev.warden.benchmarks;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.BenchApplicationSecurityModel;
import dev.warden.benchmarks.fixture.Invoice;
import dev.warden.benchmarks.fixture.InvoiceTable;
import dev.warden.benchmarks.spring.BenchPrincipal;
import dev.warden.benchmarks.spring.PostFilterConfig;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import dev.warden.spring.security.AuthenticationValue;
import dev.warden.spring.security.SpringSecurityUserProvider;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Item 9b (issue 12): the reader's invoices for a user signed in with Spring Security ({@code ROLE_User}, principal
 * id 7), at {@code rows} rows on H2. Spring Security's own way: a {@code @PostFilter} method that loads every
 * invoice and evaluates the rule's expression on each. Warden's: {@code WardenData.list}, whose user comes from
 * Spring Security through the bridge ({@link SpringSecurityUserProvider}, read anew on each call) and whose rule
 * is in the statement's {@code WHERE}. Both return the same 1% of the rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PostFilterBenchmark {
    @Param({"10000"})
    public int rows;

    BenchDatabase db;
    ConfigurableApplicationContext spring;
    PostFilterConfig.InvoiceService service;
    WardenData data;

    /** Loads the table, starts Spring's application, registers the bridge and signs the reader in. */
    @Setup
    public void setUp() {
        db = BenchDatabase.start(BenchDatabase.Kind.H2, rows);
        spring = PostFilterConfig.start(db.dataSource());
        service = spring.getBean(PostFilterConfig.InvoiceService.class);
        ApplicationModel.setDefault(BenchApplicationSecurityModel.INSTANCE);
        SecurityContext.setUserProvider(SpringSecurityUserProvider.builder(BenchApplicationSecurityModel.INSTANCE)
                .userId(AuthenticationValue.parse("property:id"))
                .token("Region", AuthenticationValue.parse("property:region"))
                .build());
        data = WardenData.of(db.dataSource(), Dialect.h2());
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                new BenchPrincipal(BenchDatabase.READER_ID, "North"), null,
                List.of(new SimpleGrantedAuthority("ROLE_User")))));
    }

    /** Signs out and stops everything. */
    @TearDown
    public void tearDown() throws Exception {
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
        spring.close();
        db.close();
    }

    /** Baseline: Spring Security's {@code @PostFilter} over every row. */
    @Benchmark
    public List<Invoice> springPostFilter() throws SQLException {
        return service.invoices();
    }

    /** Warden through the bridge: the user from Spring Security, the rule in SQL. */
    @Benchmark
    public List<Invoice> wardenThroughTheBridge() {
        return data.list(InvoiceTable.TABLE);
    }
}
