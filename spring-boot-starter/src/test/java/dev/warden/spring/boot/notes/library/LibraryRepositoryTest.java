package dev.warden.spring.boot.notes.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.spring.boot.notes.NotesApp;
import dev.warden.spring.boot.notes.NotesUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The library's own repository tests, unchanged by Warden: they run as a signed-in Member, whose rule on these
 * entities allows everything, so that with the starter, warden-jpa and {@code @SecuredEntity} added (safety net and
 * flush checks on) saving, loading with eager collections and the unidirectional association, derived and
 * {@code @Query} methods, counting and deleting all work as before.
 */
@SpringBootTest(classes = NotesApp.class)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class LibraryRepositoryTest {
    @Autowired
    AuthorRepository authors;
    @Autowired
    BookRepository books;

    @BeforeEach
    void signIn() {
        NotesUser wes = new NotesUser(2L, "wes", "{noop}x", "North", AuthorityUtils.createAuthorityList("ROLE_Member"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(wes, null, wes.getAuthorities()));
    }

    @AfterEach
    void cleanUp() {
        books.deleteAll();
        authors.deleteAll();
        SecurityContextHolder.clearContext();
    }

    private Book book(String title, Author author, Set<String> tags, String... headings) {
        Book book = new Book();
        book.setTitle(title);
        book.setAuthor(author);
        book.setCreatedBy("wes");
        book.getTags().addAll(tags);
        for (String heading : headings) {
            Chapter chapter = new Chapter();
            chapter.setHeading(heading);
            book.getChapters().add(chapter);
        }
        return book;
    }

    private Author author(String name) {
        Author author = new Author();
        author.setName(name);
        return authors.save(author);
    }

    @Test
    void savedBooksComeBackWithTheirEagerCollectionsAndTheirAuthor() {
        Author le = author("Le Guin");
        Integer id = books.save(book("The Dispossessed", le, Set.of("sf", "anarchy"), "Anarres", "Urras")).getId();

        Book loaded = books.findById(id).orElseThrow(); // outside any transaction: eager collections are loaded
        assertEquals("The Dispossessed", loaded.getTitle());
        assertEquals("Le Guin", loaded.getAuthor().getName());
        assertEquals(List.of("Anarres", "Urras"), loaded.getChapters().stream().map(Chapter::getHeading).toList());
        assertEquals(Set.of("sf", "anarchy"), loaded.getTags());
        assertEquals("wes", loaded.getCreatedBy());
    }

    @Test
    void derivedQueriesQueryMethodsAndCounts() {
        Author le = author("Le Guin");
        Author lem = author("Lem");
        books.save(book("The Lathe of Heaven", le, Set.of("sf")));
        books.save(book("A Wizard of Earthsea", le, Set.of("fantasy")));
        books.save(book("Solaris", lem, Set.of("sf"), "The Newcomer"));

        assertEquals(List.of("A Wizard of Earthsea", "The Lathe of Heaven"),
                books.findByAuthorNameOrderByTitle("Le Guin").stream().map(Book::getTitle).toList());
        assertEquals(List.of("Solaris", "The Lathe of Heaven"),
                books.tagged("sf").stream().map(Book::getTitle).toList());
        assertEquals(3, books.count());
        assertEquals(3, books.findAll().size());
        assertEquals(2, authors.count());
    }

    @Test
    void updatesAndDeletes() {
        Author lem = author("Lem");
        Book solaris = books.save(book("Solaris", lem, Set.of("sf"), "The Newcomer", "The Solarists"));

        solaris = books.findById(solaris.getId()).orElseThrow();
        solaris.setTitle("Solaris (1961)");
        solaris.getTags().add("classic");
        solaris.getChapters().removeIf(chapter -> chapter.getHeading().equals("The Solarists"));
        books.save(solaris);

        Book reloaded = books.findById(solaris.getId()).orElseThrow();
        assertEquals("Solaris (1961)", reloaded.getTitle());
        assertEquals(Set.of("sf", "classic"), reloaded.getTags());
        assertEquals(1, reloaded.getChapters().size());

        books.delete(reloaded);
        assertFalse(books.existsById(reloaded.getId()));
        assertTrue(authors.existsById(lem.getId()));
    }
}
