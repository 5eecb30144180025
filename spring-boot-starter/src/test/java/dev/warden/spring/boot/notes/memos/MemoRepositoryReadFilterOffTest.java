package dev.warden.spring.boot.notes.memos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.spring.boot.notes.NotesApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code warden.jpa.read-filter=false}: queries are not filtered, the safety net alone refuses a list with an unreadable
 * row; with {@code warden.jpa.enabled=false} ({@link MemoRepositoryWardenOffTest}) nothing is filtered or refused.
 */
@SpringBootTest(classes = NotesApp.class, properties = "warden.jpa.read-filter=false")
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class MemoRepositoryReadFilterOffTest {
    @Autowired
    MemoRepository memos;

    @Test
    void queriesAreNotFilteredButAnUnreadableRowIsRefused() {
        try (SecurityContext.Scope wes = SecurityContext.open(UserIdentity.of(2L, "Member"))) {
            assertThrows(AccessDeniedException.class, memos::findAll);
            assertEquals(4, memos.count()); // a count materializes no entity: the safety net cannot see it
        }
    }
}
