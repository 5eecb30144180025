package dev.warden.spring.boot.notes.memos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.GeneratedCode;
import dev.warden.spring.boot.notes.NotesApp;
import dev.warden.spring.boot.notes.NotesUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every Spring Data repository method that runs a query, for each Spring Security user of the notes application and
 * for the guest, returns exactly the memos the generated policy lets that user read (judged over all memos read as
 * the system), with nothing Warden-specific in the repository: plain {@code findAll}, sorted and paged (with the
 * page's total), {@code count}, {@code existsById}, {@code findAllById}, derived queries (list, page, count, exists)
 * and {@code @Query} methods (list, page with its count query). {@code findById} of an unreadable memo is still
 * refused.
 */
@SpringBootTest(classes = NotesApp.class)
@DirtiesContext // Warden's registration is static: a cached context would outlive the next one's
class MemoRepositoryReadFilterTest {
    /** Signed-in users (ada an admin, wes and nina writers); null is the guest (a reader). */
    private static final List<String> USERS = java.util.Arrays.asList("ada", "wes", "nina", null);

    @Autowired
    MemoRepository memos;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void moreMemos() {
        // Beside data.sql's four: published and not, in both regions, for every owner.
        long id = 100;
        for (long owner = 1; owner <= 4; owner++) {
            for (String region : List.of("North", "South")) {
                for (boolean published : List.of(false, true)) {
                    jdbc.update("INSERT INTO memo (id, owner, title, region, published) VALUES (?, ?, ?, ?, ?)", id,
                            owner, "Memo " + id, region, published);
                    id++;
                }
            }
        }
    }

    @AfterEach
    void signOutAndClean() {
        SecurityContextHolder.clearContext();
        jdbc.update("DELETE FROM memo WHERE id >= 100");
    }

    private void signIn(String user) {
        SecurityContextHolder.clearContext();
        if (user != null) {
            var details = (NotesUser) users.loadUserByUsername(user);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        }
    }

    /** The memos the policy lets the signed-in user read, in id order, that match a condition. */
    @SuppressWarnings("unchecked")
    private List<Long> policy(Predicate<Memo> matching) {
        SecurityContext user = SecurityContext.current();
        var rules = (dev.warden.runtime.EntityRules<Memo, ?>) GeneratedCode.rulesOf(Memo.class);
        List<Memo> all;
        try (SecurityContext.Scope system = SecurityContext.system()) {
            all = memos.findAll(Sort.by("id"));
        }
        List<Long> visible = new ArrayList<>();
        for (Memo memo : all) {
            if (matching.test(memo) && rules.isVisible(user, memo)) {
                visible.add(memo.getId());
            }
        }
        return visible;
    }

    private static List<Long> ids(Iterable<Memo> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(memo -> ids.add(memo.getId()));
        return ids;
    }

    @Test
    void everyQueryMethodReturnsExactlyTheReadableRows() {
        for (String user : USERS) {
            signIn(user);
            List<Long> readable = policy(memo -> true);
            List<Long> north = policy(memo -> "North".equals(memo.getRegion()));
            String who = user == null ? "guest" : user;

            assertEquals(readable, ids(memos.findAll()).stream().sorted().toList(), who + " findAll()");
            assertEquals(readable, ids(memos.findAll(Sort.by("id"))), who + " findAll(Sort)");
            assertEquals(readable.size(), memos.count(), who + " count()");

            Page<Memo> second = memos.findAll(PageRequest.of(1, 3, Sort.by("id")));
            assertEquals(readable.subList(Math.min(3, readable.size()), Math.min(6, readable.size())),
                    ids(second), who + " findAll(Pageable) content");
            assertEquals(readable.size(), second.getTotalElements(), who + " findAll(Pageable) total");

            List<Long> everyId = new ArrayList<>(List.of(1L, 2L, 3L, 4L));
            for (long id = 100; id < 116; id++) {
                everyId.add(id);
            }
            assertEquals(readable, ids(memos.findAllById(everyId)).stream().sorted().toList(), who + " findAllById");
            for (long id : everyId) {
                assertEquals(readable.contains(id), memos.existsById(id), who + " existsById(" + id + ")");
            }

            assertEquals(north, ids(memos.findByRegionOrderById("North")), who + " derived list");
            Page<Memo> derived = memos.findByRegion("North", PageRequest.of(0, 2, Sort.by("id")));
            assertEquals(north.subList(0, Math.min(2, north.size())), ids(derived), who + " derived page");
            assertEquals(north.size(), derived.getTotalElements(), who + " derived page total");
            assertEquals(north.size(), memos.countByRegion("North"), who + " derived count");
            assertEquals(!north.isEmpty(), memos.existsByRegion("North"), who + " derived exists");

            assertEquals(policy(memo -> memo.getTitle().startsWith("Memo 1")), ids(memos.titled("Memo 1")),
                    who + " @Query list");
            Page<Memo> query = memos.inRegion("North", PageRequest.of(1, 2, Sort.by("id")));
            assertEquals(north.subList(Math.min(2, north.size()), Math.min(4, north.size())), ids(query),
                    who + " @Query page");
            assertEquals(north.size(), query.getTotalElements(), who + " @Query page total");

            // The Specification still composes with it (the same rows: the filter and the spec agree).
            assertEquals(readable, ids(memos.findAll(dev.warden.jpa.query.WardenSpecification.readable(),
                    Sort.by("id"))), who + " findAll(WardenSpecification)");
        }
    }

    @Test
    void findByIdOfAnUnreadableRowIsStillRefused() {
        signIn("wes");
        assertEquals("Wes draft", memos.findById(1L).orElseThrow().getTitle());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> memos.findById(3L));
        assertEquals(false, denied.getMessage().contains("Nina draft"), denied.getMessage());
        assertEquals(false, memos.existsById(3L)); // the row exists, but not for him
        assertEquals(true, memos.findById(999L).isEmpty());
    }

    @Test
    void aUserWithoutAUserRoleIsRefused() {
        signIn("odd"); // signed in, but none of his authorities is a user role: no security context for him
        assertThrows(AccessDeniedException.class, memos::findAll);
        assertThrows(AccessDeniedException.class, memos::count);
    }

    @Test
    void theSystemSeesEveryRow() {
        int all = jdbc.queryForObject("SELECT COUNT(*) FROM memo", Integer.class);
        try (SecurityContext.Scope system = SecurityContext.system()) {
            assertEquals(all, memos.findAll().size());
            assertEquals(all, memos.count());
        }
    }
}
