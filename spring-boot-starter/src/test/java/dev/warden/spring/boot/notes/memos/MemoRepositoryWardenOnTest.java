package dev.warden.spring.boot.notes.memos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.spring.boot.notes.NotesApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The same repository as {@link MemoRepositoryWardenOffTest}, Warden on (the default), nobody signed in. */
@SpringBootTest(classes = NotesApp.class)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class MemoRepositoryWardenOnTest {
    @Autowired
    MemoRepository memos;

    @Test
    void theGuestIsRefusedAnUnreadableRow() {
        assertEquals("Wes published", memos.findById(2L).orElseThrow().getTitle());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> memos.findById(3L));
        assertEquals(false, denied.getMessage().contains("Nina draft"), denied.getMessage());
        // Lists are filtered in SQL: the guest (a Reader) gets the published memo only.
        assertEquals(List.of(2L), memos.findAll().stream().map(Memo::getId).toList());
        assertEquals(1L, memos.count());
    }
}
