package dev.warden.spring.boot.notes.memos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.spring.boot.notes.NotesApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code warden.jpa.enabled=false} takes Warden out of Boot's EntityManagerFactory: the repository returns what the
 * database holds to anybody, here to nobody signed in (the Guest, refused memos 1, 3 and 4 when Warden is on: see
 * {@link MemoRepositoryWardenOnTest}).
 */
@SpringBootTest(classes = NotesApp.class, properties = "warden.jpa.enabled=false")
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class MemoRepositoryWardenOffTest {
    @Autowired
    MemoRepository memos;

    @Test
    void everyRowIsReturned() {
        assertEquals(4, memos.findAll().size());
        assertEquals(4, memos.count());
        assertEquals(true, memos.existsById(3L));
        assertEquals("Nina draft", memos.findById(3L).orElseThrow().getTitle());
    }
}
