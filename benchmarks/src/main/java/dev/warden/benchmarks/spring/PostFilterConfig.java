package dev.warden.benchmarks.spring;

import dev.warden.benchmarks.data.BenchDatabase;
import dev.warden.benchmarks.fixture.Invoice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Item 9b: the invoices behind Spring Security's own filter, as a Spring user would secure a list without Warden:
 * a bean whose method loads every invoice and is annotated {@code @PostFilter} with the rules of
 * {@link Invoice} ({@code hasRole('Administrator') or filterObject.owner == principal.id}), evaluated for each row.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class PostFilterConfig {
    /** Every invoice, ordered by id. */
    public static final String ALL = "SELECT " + BenchDatabase.COLUMNS + " FROM invoices ORDER BY id";

    /** The service. */
    public static class InvoiceService {
        private final DataSource dataSource;

        public InvoiceService(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Every invoice, then Spring Security keeps those the expression allows. */
        @PostFilter("hasRole('Administrator') or filterObject.owner == principal.id")
        public List<Invoice> invoices() throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                return BenchDatabase.invoices(connection, ALL);
            }
        }
    }

    @Bean
    InvoiceService invoiceService(DataSource dataSource) {
        return new InvoiceService(dataSource);
    }

    /** Starts the application on that data source. */
    public static AnnotationConfigApplicationContext start(DataSource dataSource) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("dataSource", DataSource.class, () -> dataSource);
        context.register(PostFilterConfig.class);
        context.refresh();
        return context;
    }
}
