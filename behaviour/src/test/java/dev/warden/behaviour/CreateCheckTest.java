package dev.warden.behaviour;

import static dev.warden.behaviour.Users.anonymous;
import static dev.warden.behaviour.Users.reader;
import static dev.warden.behaviour.Users.system;
import static dev.warden.behaviour.Users.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.data.WardenData;
import fixture.docs.Doc;
import fixture.docs.DocTable;
import fixture.docs.Secret;
import fixture.docs.SecuredDoc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §3: one create check, the same on the proxy path ({@code SecuredDoc.create}) and the data path
 * ({@code WardenData.insert}): the create right, the owner filled in, every member the caller set writable, then the
 * write check.
 */
class CreateCheckTest {

    private static WardenData data;

    @BeforeAll
    static void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:create-check;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE doc (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100), "
                    + "published BOOLEAN NOT NULL DEFAULT FALSE, owner BIGINT, deadline TIMESTAMP, blob VARBINARY(100))");
        }
        data = WardenData.of(h2);
    }

    /** New documents as callers make them, each a new object every time. */
    private static List<Supplier<Doc>> candidates() {
        List<Supplier<Doc>> docs = new ArrayList<>();
        docs.add(() -> doc(null, "just a title", false, null));
        docs.add(() -> doc(null, "published at once", true, null));
        docs.add(() -> doc(50L, "a key of my choosing", false, null));
        docs.add(() -> doc(null, "owned by user 42", false, 42L));
        docs.add(() -> {
            Doc doc = doc(null, "with a deadline", false, null);
            doc.setDeadline(new Date(1_000L));
            return doc;
        });
        docs.add(() -> doc(null, null, false, null));
        return docs;
    }

    private static Doc doc(Long id, String title, boolean published, Long owner) {
        Doc doc = new Doc(id, title, published);
        doc.setOwner(owner);
        return doc;
    }

    private static Optional<String> viaProxy(SecurityContext ctx, Doc doc) {
        try {
            SecuredDoc.create(ctx, doc);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of(e.operation() + " " + e.member().orElse(""));
        }
    }

    private static Optional<String> viaData(SecurityContext ctx, Doc doc) {
        try {
            data.as(ctx).inTransaction(() -> {
                data.as(ctx).insert(DocTable.TABLE, doc);
                throw new RolledBack();
            });
        } catch (RolledBack stored) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of(e.operation() + " " + e.member().orElse(""));
        }
        throw new AssertionError("unreachable");
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    @Test
    void bothPathsGiveTheSameAnswerOnTheSameObjects() {
        int allowed = 0;
        int denied = 0;
        for (SecurityContext ctx : List.of(reader(), writer(), anonymous(), system())) {
            for (Supplier<Doc> candidate : candidates()) {
                Optional<String> proxy = viaProxy(ctx, candidate.get());
                Optional<String> sql = viaData(ctx, candidate.get());
                assertEquals(proxy, sql, candidate.get().getTitle() + " by " + ctx);
                if (proxy.isEmpty()) {
                    allowed++;
                } else {
                    denied++;
                }
            }
        }
        assertTrue(allowed >= 8 && denied >= 4, allowed + " allowed, " + denied + " denied");
    }

    @Test
    void aMemberTheUserMayNotWriteIsRefusedOnCreate() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> SecuredDoc.create(reader(), doc(null, "published at once", true, null)));
        assertEquals(Optional.of("published"), e.member());
        assertThrows(AccessDeniedException.class, () -> SecuredDoc.create(reader(), doc(50L, "keyed", false, null)),
                "a key of the caller's choosing needs the right to write the key");
        SecuredDoc.create(writer(), doc(50L, "keyed", true, null));
    }

    @Test
    void aDefaultValueIsNotTheCallersChoice() {
        // published is false by default: a reader, who may not write it, may still create a document.
        assertEquals(1L, SecuredDoc.create(reader(), doc(null, "mine", false, null)).getOwner());
    }

    @Test
    void theOwnerIsAlwaysTheCreatingUser() {
        Doc presetByReader = doc(null, "claimed", false, 42L);
        assertEquals(1L, SecuredDoc.create(reader(), presetByReader).getOwner());
        assertEquals(1L, presetByReader.getOwner());

        Doc presetByGuest = doc(null, "from a guest", false, 42L);
        SecuredDoc.create(anonymous(), presetByGuest);
        assertNull(presetByGuest.getOwner(), "an anonymous creator owns nothing, whatever the caller put there");

        Doc presetBySystem = doc(null, "imported", false, 42L);
        SecuredDoc.create(system(), presetBySystem);
        assertEquals(42L, presetBySystem.getOwner(), "the system keeps what it was given");
    }

    @Test
    void aSpecializationIsNotInsertedThroughItsParentsTable() {
        // SecuredDoc.create judges a Secret by Secret's rules; DocTable would store it as a Doc row, judged by Doc's.
        Secret secret = new Secret(60L, "Codes", false, "1234");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> data.as(writer()).insert(DocTable.TABLE, secret));
        assertTrue(e.getMessage().contains("through SecretTable"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.as(system()).insert(DocTable.TABLE, secret));
        assertTrue(data.as(system()).find(DocTable.TABLE, 60L).isEmpty(), "nothing was stored");
    }
}
