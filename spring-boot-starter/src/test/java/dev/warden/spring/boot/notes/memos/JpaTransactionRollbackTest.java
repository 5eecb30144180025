package dev.warden.spring.boot.notes.memos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.boot.notes.Note;
import dev.warden.spring.boot.notes.NotePolicy;
import dev.warden.spring.boot.notes.NoteTable;
import dev.warden.spring.boot.notes.NotesApp;
import dev.warden.spring.boot.notes.NotesUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The starter's application with Spring Data JPA, where Boot's transaction manager is {@link JpaTransactionManager}:
 * a {@code @Transactional} service method writes through a repository ({@code save}), {@link WardenData} and
 * {@link JdbcTemplate}, then is denied, either by {@code WardenData} or by Warden's check of a JPA flush; afterwards,
 * read as the system, the tables hold what they held before. So they do when the method catches the denial and
 * returns normally (Warden, or Hibernate for the flush, marked the transaction rollback-only: no Spring proxy is
 * between the denial and the catch to do it). The same methods without the denial commit, so the assertions can
 * see writes.
 */
@SpringBootTest(classes = NotesApp.class)
@Import(JpaTransactionRollbackTest.Editor.class)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class JpaTransactionRollbackTest {
    @Autowired
    MemoEditor editor;
    @Autowired
    MemoRepository memos;
    @Autowired
    WardenData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @TestConfiguration(proxyBeanMethods = false)
    static class Editor {
        @Bean
        MemoEditor memoEditor(MemoRepository memos, WardenData data, JdbcTemplate jdbc) {
            return new MemoEditor(memos, data, jdbc);
        }
    }

    /** Wes's service. Each method writes a memo, a note and a publication, and renames wes's memo 1 first. */
    public static class MemoEditor {
        private final MemoRepository memos;
        private final WardenData data;
        private final JdbcTemplate jdbc;
        @PersistenceContext
        private EntityManager entityManager;

        public MemoEditor(MemoRepository memos, WardenData data, JdbcTemplate jdbc) {
            this.memos = memos;
            this.data = data;
            this.jdbc = jdbc;
        }

        private void writeEverywhere() {
            Memo memo = new Memo();
            memo.setTitle("Saved before the denial");
            memo.setPublished(false);
            memos.save(memo);
            Memo first = memos.findById(1L).orElseThrow();
            first.setTitle("Renamed before the denial");
            memos.save(first);

            Note note = new Note();
            note.setTitle("Inserted before the denial");
            note.setPublished(false);
            Note stored = data.insert(NoteTable.TABLE, note);
            jdbc.update("INSERT INTO publication (note_id) VALUES (?)", stored.getId());
        }

        /** Then renames Ada's note 4 through WardenData: wes may read it (region North), not change it. */
        @Transactional
        public void writeThenRenameNote(long noteId) {
            writeEverywhere();
            Note change = new Note();
            change.setId(noteId);
            change.setTitle("Wes was here");
            data.update(NoteTable.TABLE, change, NotePolicy.Member.TITLE);
        }

        /**
         * The same, but the method catches the denial and returns: only Warden's marking of the transaction as
         * rollback-only (no Spring proxy is in between to mark it) stops the commit.
         */
        @Transactional
        public String writeThenRenameNoteAndCatch(long noteId) {
            writeEverywhere();
            Note change = new Note();
            change.setId(noteId);
            change.setTitle("Wes was here");
            try {
                data.update(NoteTable.TABLE, change, NotePolicy.Member.TITLE);
                return "no denial";
            } catch (AccessDeniedException e) {
                return "denial caught";
            }
        }

        /** Then gives wes's memo 2 to Nina and flushes: the write check on the flushed state refuses it. */
        @Transactional
        public void writeThenGiveMemoAway(Long newOwner) {
            writeEverywhere();
            Memo second = memos.findById(2L).orElseThrow();
            second.setOwner(newOwner);
            memos.flush();
        }

        /**
         * The same, flushing the entity manager itself (not through the repository's proxy) and catching the
         * denial: the transaction must not commit what came before.
         */
        @Transactional
        public String writeThenGiveMemoAwayAndCatch(Long newOwner) {
            writeEverywhere();
            Memo second = memos.findById(2L).orElseThrow();
            second.setOwner(newOwner);
            try {
                entityManager.flush();
                return "no denial";
            } catch (AccessDeniedException e) {
                return "denial caught";
            }
        }
    }

    @BeforeEach
    void signInWes() {
        NotesUser wes = new NotesUser(2L, "wes", "{noop}x", "North", AuthorityUtils.createAuthorityList("ROLE_Member"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(wes, null, wes.getAuthorities()));
    }

    @AfterEach
    void restore() {
        SecurityContextHolder.clearContext();
        jdbc.update("DELETE FROM publication");
        jdbc.update("DELETE FROM memo WHERE id > 4");
        jdbc.update("DELETE FROM note WHERE id > 5");
        jdbc.update("UPDATE memo SET title = 'Wes draft', owner = 2 WHERE id = 1");
        jdbc.update("UPDATE memo SET owner = 2 WHERE id = 2");
        jdbc.update("UPDATE note SET title = 'Wes draft' WHERE id = 1");
        jdbc.update("UPDATE note SET title = 'Ada north memo' WHERE id = 4");
    }

    /** The tables as the seed left them, read as the system through the repository, WardenData and JDBC. */
    private void assertNothingWasWritten() {
        try (SecurityContext.Scope system = SecurityContext.system()) {
            assertThat(memos.count()).isEqualTo(4);
            assertThat(memos.findById(1L).orElseThrow().getTitle()).isEqualTo("Wes draft");
            assertThat(memos.findById(2L).orElseThrow().getOwner()).isEqualTo(2L);
            List<Note> notes = data.list(NoteTable.TABLE);
            assertThat(notes).extracting(Note::getId).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(data.find(NoteTable.TABLE, 4L).orElseThrow().getTitle()).isEqualTo("Ada north memo");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM memo", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class)).isZero();
    }

    @Test
    void theTransactionManagerIsJpas() {
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
    }

    @Test
    void aWardenDataDenialRollsBackTheRepositoryWardenDataAndJdbcWrites() {
        assertThatThrownBy(() -> editor.writeThenRenameNote(4L)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Note");
        assertNothingWasWritten();
    }

    @Test
    void aFlushCheckDenialRollsBackTheRepositoryWardenDataAndJdbcWrites() {
        assertThatThrownBy(() -> editor.writeThenGiveMemoAway(3L)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Memo").hasMessageContaining("owner");
        assertNothingWasWritten();
    }

    @Test
    void aWardenDataDenialThatTheCallerCatchesStillRollsBackEverything() {
        assertThatThrownBy(() -> editor.writeThenRenameNoteAndCatch(4L)).isInstanceOf(UnexpectedRollbackException.class);
        assertNothingWasWritten();
    }

    @Test
    void aFlushCheckDenialThatTheCallerCatchesStillRollsBackEverything() {
        assertThatThrownBy(() -> editor.writeThenGiveMemoAwayAndCatch(3L)).isInstanceOf(UnexpectedRollbackException.class);
        assertNothingWasWritten();
    }

    @Test
    void withoutADenialTheSameMethodsCommit() {
        editor.writeThenRenameNote(1L);
        assertThat(jdbc.queryForObject("SELECT title FROM memo WHERE id = 1", String.class))
                .isEqualTo("Renamed before the denial");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM memo", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class)).isEqualTo(1);

        editor.writeThenGiveMemoAway(2L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM memo", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Long.class)).isEqualTo(2);
    }
}
