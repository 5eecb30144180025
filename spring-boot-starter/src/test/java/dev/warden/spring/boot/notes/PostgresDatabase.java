package dev.warden.spring.boot.notes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's data source replaced by a new embedded PostgreSQL, as the Spring sample's PostgresHttpTest does;
 * everything else as it runs. Import it in a test that also sets {@link #INIT} (Boot runs schema.sql and data.sql
 * by itself only on embedded databases, which it does not take this one for).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresDatabase {
    /** The property that makes Boot run schema.sql and data.sql on PostgreSQL too. */
    public static final String INIT = "spring.sql.init.mode=always";

    /**
     * Fails unless the data source is PostgreSQL's, so that a test meant for PostgreSQL cannot pass on H2.
     *
     * @param dataSource the application's data source
     * @throws SQLException when no connection can be had
     */
    public static void assertPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.equals("PostgreSQL")) {
                throw new AssertionError("expected the application's data source on PostgreSQL, not " + product);
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
