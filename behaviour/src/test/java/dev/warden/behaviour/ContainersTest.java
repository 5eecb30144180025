package dev.warden.behaviour;

import static dev.warden.behaviour.Users.reader;
import static dev.warden.behaviour.Users.writer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import fixture.docs.Doc;
import fixture.docs.DocPolicy;
import fixture.docs.Folder;
import fixture.docs.Secret;
import fixture.docs.SecuredDoc;
import fixture.docs.SecuredFolder;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §2 and §4: members that hold entities in any container are associations, filtered by visibility and
 * wrapped in proxies; nothing mutable is shared through a proxy.
 */
class ContainersTest {

    private final Doc visible = new Doc(1L, "Handbook", true);
    private final Doc draft = new Doc(2L, "Draft", false);
    private final Secret secret = new Secret(3L, "Codes", true, "0000");

    private Folder folder() {
        Folder folder = new Folder();
        folder.setShelf(new Doc[] {visible, draft, secret});
        Map<String, Doc> byName = new LinkedHashMap<>();
        byName.put("handbook", visible);
        byName.put("draft", draft);
        byName.put("secret", secret);
        folder.setByName(byName);
        folder.setCover(Optional.of(draft));
        folder.setHistory(new ArrayList<>(List.of(secret, visible)));
        folder.setItems(new ArrayList<>(List.of(draft, visible)));
        return folder;
    }

    private static List<Long> ids(List<SecuredDoc> docs) {
        return docs.stream().map(SecuredDoc::getId).toList();
    }

    @Test
    void everyContainerOfEntitiesHandsOutOnlyProxiesOfVisibleObjects() {
        SecuredFolder folder = SecuredFolder.of(reader(), folder());

        assertEquals(List.of(1L), ids(folder.getShelf()), "an array");
        assertEquals(List.of("handbook"), List.copyOf(folder.getByName().keySet()), "a map's values");
        assertEquals(1L, folder.getByName().get("handbook").getId());
        assertTrue(folder.getCover().isEmpty(), "an optional holding a draft the reader may not see");
        assertEquals(List.of(1L), ids(folder.getHistory()), "an iterable");
        assertEquals(List.of(1L), ids(folder.getItems()), "a list");
        assertEquals(1L, folder.getNewest().get(0).getId(), "a calculated list");
        assertNull(folder.getFirst(), "a calculated association whose object is invisible");
        assertEquals(List.of(1L), ids(folder.getItemArray()), "a calculated array");
        assertEquals(List.of("1"), List.copyOf(folder.getItemsById().keySet()), "a calculated map's values");
        assertTrue(folder.getLead().isEmpty(), "a calculated optional holding a draft the reader may not see");

        SecuredFolder asWriter = SecuredFolder.of(writer(), folder());
        assertEquals(List.of(1L, 2L, 3L), ids(asWriter.getShelf()));
        assertEquals(2L, asWriter.getCover().orElseThrow().getId());
        assertEquals(2L, asWriter.getFirst().getId());
        assertEquals(List.of(2L, 1L), ids(asWriter.getItemArray()));
        assertEquals(2L, asWriter.getLead().orElseThrow().getId());
    }

    @Test
    void readableValuesNeverHoldARawEntity() {
        Map<String, Object> values = SecuredFolder.of(reader(), folder()).readableValues();
        for (String member : List.of("shelf", "history", "items", "newest")) {
            assertEquals(List.of(1L), ((List<?>) values.get(member)).stream()
                    .map(proxy -> ((SecuredDoc) proxy).getId()).toList(), member);
        }
        assertEquals(List.of("handbook"), List.copyOf(((Map<?, ?>) values.get("byName")).keySet()));
        assertEquals(Optional.empty(), values.get("cover"));
        assertNull(values.get("first"));
        values.values().forEach(value -> assertFalse(value instanceof Doc, "a raw Doc in readableValues"));
    }

    @Test
    void whatAGetterReturnsIsACopyThatChangesNothing() {
        Folder raw = folder();
        SecuredFolder folder = SecuredFolder.of(writer(), raw);
        List<SecuredDoc> items = new ArrayList<>(folder.getItems());
        assertThrows(UnsupportedOperationException.class, () -> folder.getItems().clear());
        assertEquals(2, raw.getItems().size());

        raw.setTags(new ArrayList<>(List.of("a")));
        raw.setDue(new Date(1_000L));
        List<String> tags = folder.getTags();
        tags.add("b");
        folder.getDue().setTime(0L);
        assertEquals(List.of("a"), raw.getTags(), "the list behind the proxy is unchanged");
        assertEquals(1_000L, raw.getDue().getTime(), "the date behind the proxy is unchanged");
        assertEquals(2, items.size());
    }

    @Test
    void aSetterStoresACopyNeverTheCallersContainer() {
        Folder raw = new Folder();
        SecuredFolder folder = SecuredFolder.of(reader(), raw);
        List<Doc> mine = new ArrayList<>(List.of(visible));
        folder.setItems(mine);
        // Adding an object the reader may not see to their own list later must not attach it.
        mine.add(draft);
        assertEquals(List.of(visible), raw.getItems());
        assertNotSame(mine, raw.getItems());

        Doc[] shelf = {visible};
        folder.setShelf(shelf);
        shelf[0] = draft;
        assertArrayEquals(new Doc[] {visible}, raw.getShelf());
    }

    @Test
    void aSetterRefusesObjectsTheUserMayNotSeeInAnyContainer() {
        Folder raw = new Folder();
        SecuredFolder folder = SecuredFolder.of(reader(), raw);
        assertDenied(() -> folder.setItems(List.of(visible, draft)), "items");
        assertDenied(() -> folder.setShelf(new Doc[] {secret}), "shelf");
        assertDenied(() -> folder.setByName(Map.of("x", draft)), "byName");
        assertDenied(() -> folder.setCover(Optional.of(secret)), "cover");
        assertDenied(() -> folder.setHistory(List.of(draft)), "history");
        assertTrue(raw.getItems().isEmpty() && raw.getShelf().length == 0 && raw.getByName().isEmpty()
                && raw.getCover().isEmpty(), "nothing was written");
        folder.setCover(Optional.of(visible));
        assertEquals(Optional.of(visible), raw.getCover());
    }

    private static void assertDenied(Runnable write, String member) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, write::run);
        assertEquals(Optional.of(member), e.member());
        assertTrue(e.reason().contains("not visible"), e.getMessage());
    }

    @Test
    void mutableAttributesOfADocumentAreCopiedInAndOut() {
        Doc raw = new Doc(9L, "Plan", true);
        raw.setDeadline(new Date(5_000L));
        raw.setBlob(new byte[] {1, 2, 3});
        SecuredDoc doc = SecuredDoc.of(reader(), raw);
        // Read-only for a reader: changing the returned values must not change the document.
        doc.getDeadline().setTime(0L);
        doc.getBlob()[0] = 9;
        assertEquals(5_000L, raw.getDeadline().getTime());
        assertArrayEquals(new byte[] {1, 2, 3}, raw.getBlob());
        assertThrows(AccessDeniedException.class, () -> doc.setBlob(new byte[] {9}));

        SecuredDoc asWriter = SecuredDoc.of(writer(), raw);
        byte[] mine = {7};
        asWriter.setBlob(mine);
        mine[0] = 8;
        assertArrayEquals(new byte[] {7}, raw.getBlob());
        assertTrue(DocPolicy.RULES.canWrite(writer(), raw, DocPolicy.Member.BLOB));
    }
}
