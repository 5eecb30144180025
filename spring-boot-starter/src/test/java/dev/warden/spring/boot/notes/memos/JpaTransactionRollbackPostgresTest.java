package dev.warden.spring.boot.notes.memos;

import dev.warden.spring.boot.notes.NotesApp;
import dev.warden.spring.boot.notes.PostgresDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** {@link JpaTransactionRollbackTest} on embedded PostgreSQL. */
@SpringBootTest(classes = NotesApp.class, properties = PostgresDatabase.INIT)
@Import({PostgresDatabase.class, JpaTransactionRollbackTest.Editor.class})
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class JpaTransactionRollbackPostgresTest extends JpaTransactionRollbackTest {
    @Autowired
    DataSource dataSource;

    @Test
    void theTestsAboveRanOnPostgres() throws Exception {
        PostgresDatabase.assertPostgres(dataSource);
    }
}
