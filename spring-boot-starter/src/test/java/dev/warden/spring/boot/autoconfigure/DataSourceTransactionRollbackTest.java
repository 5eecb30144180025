package dev.warden.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.boot.notes.Note;
import dev.warden.spring.boot.notes.NotePolicy;
import dev.warden.spring.boot.notes.NoteTable;
import dev.warden.spring.boot.notes.NotesUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application without JPA, as Boot assembles it: Boot's {@code DataSourceTransactionManager} (a {@link
 * JdbcTransactionManager}), the starter's {@link WardenData} and {@link JdbcTemplate} on the same H2 data source.
 * A {@code @Transactional} service method that writes through both, then is denied a write, leaves nothing behind,
 * read back as the system afterwards; so does one that catches the denial (Warden marked the transaction
 * rollback-only).
 */
class DataSourceTransactionRollbackTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class,
                    WardenAutoConfiguration.class, WardenSecurityAutoConfiguration.class,
                    WardenOperationsAutoConfiguration.class))
            .withPropertyValues("warden.user-id=property:id", "warden.tokens.Region=property:region")
            .withUserConfiguration(Services.class);

    @BeforeEach
    void signInWes() {
        NotesUser wes = new NotesUser(2L, "wes", "{noop}x", "North", AuthorityUtils.createAuthorityList("ROLE_Member"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(wes, null, wes.getAuthorities()));
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        NoteWriter noteWriter(WardenData data, JdbcTemplate jdbc) {
            return new NoteWriter(data, jdbc);
        }
    }

    /** Wes's service: creates a note, records it, renames his own note 1, then renames Ada's note 4 (denied). */
    public static class NoteWriter {
        private final WardenData data;
        private final JdbcTemplate jdbc;

        public NoteWriter(WardenData data, JdbcTemplate jdbc) {
            this.data = data;
            this.jdbc = jdbc;
        }

        @Transactional
        public void writeThenRenameAdasNote() {
            Note note = new Note();
            note.setTitle("Written before the denial");
            note.setPublished(false);
            Note stored = data.insert(NoteTable.TABLE, note);
            jdbc.update("INSERT INTO publication (note_id) VALUES (?)", stored.getId());
            data.update(NoteTable.TABLE, rename(1L, "Renamed before the denial"), NotePolicy.Member.TITLE);
            data.update(NoteTable.TABLE, rename(4L, "Wes was here"), NotePolicy.Member.TITLE);
        }

        @Transactional
        public String writeThenSwallowTheDenial() {
            try {
                writeThenRenameAdasNote();
                return "no denial";
            } catch (AccessDeniedException e) {
                return "denial caught";
            }
        }

        private static Note rename(long id, String title) {
            Note change = new Note();
            change.setId(id);
            change.setTitle(title);
            return change;
        }
    }

    /** What the tables hold, read as the system: Warden's rules do not hide a row from it. */
    private static void assertNothingWasWritten(WardenData data, JdbcTemplate jdbc) {
        try (SecurityContext.Scope system = SecurityContext.system()) {
            List<Note> notes = data.list(NoteTable.TABLE);
            assertThat(notes).extracting(Note::getId).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(notes).extracting(Note::getTitle).containsExactlyInAnyOrder("Wes draft", "Wes published",
                    "Nina draft", "Ada north memo", "Nina published");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class)).isZero();
    }

    @Test
    void theTransactionManagerIsBootsForJdbc() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
        });
    }

    @Test
    void aDenialRollsBackEverythingTheMethodWrote() {
        runner.run(context -> {
            NoteWriter writer = context.getBean(NoteWriter.class);
            assertThatThrownBy(writer::writeThenRenameAdasNote).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Note");
            assertNothingWasWritten(context.getBean(WardenData.class), context.getBean(JdbcTemplate.class));
        });
    }

    @Test
    void aDenialTheMethodCatchesStillRollsBackEverything() {
        runner.run(context -> {
            NoteWriter writer = context.getBean(NoteWriter.class);
            assertThatThrownBy(writer::writeThenSwallowTheDenial).isInstanceOf(UnexpectedRollbackException.class);
            assertNothingWasWritten(context.getBean(WardenData.class), context.getBean(JdbcTemplate.class));
        });
    }

    @Test
    void withoutADenialTheSameWritesCommit() {
        runner.run(context -> {
            NoteWriter writer = context.getBean(NoteWriter.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE note SET owner = 2 WHERE id = 4");
            writer.writeThenRenameAdasNote();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(6);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT title FROM note WHERE id = 1", String.class))
                    .isEqualTo("Renamed before the denial");
        });
    }
}
