package dev.warden.verification.failclosed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The denials issue 10 added fail closed: a secured specialization ({@code TopNote extends Note}, which only admins
 * may see) reached through its parent's policy, proxy and table; objects in containers (an array, a map, an optional,
 * an iterable, a list, a calculated getter) of a holder; and the create check (an unwritable member, an association to
 * an invisible object, a specialization inserted through its parent's table), for no context, an unknown role, no
 * roles, an id of the wrong type, and a signed-in user whose rules do not reach the specialization.
 */
class SpecializationsFailClosedTest {

    static final String SECRET = "T0P-S3CR3T-91ab";

    private static ClassLoader loader;
    private static ApplicationModel model;
    private static JdbcDataSource h2;
    private static Object note;
    private static Object top;

    @BeforeAll
    static void compile() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("topapp.TopApp", """
                package topapp;
                import dev.warden.annotations.*;
                @AppSecurity(userRoles = {@UserRole(name = "Writer", moduleRoles = "Notes.Writer"),
                        @UserRole(name = "Admin", moduleRoles = {"Notes.Writer", "Notes.Admin"})}, userIdType = Long.class)
                public class TopApp {}
                """);
        sources.put("topapp.notes.package-info", """
                @dev.warden.annotations.Module(name = "Notes", roles = {"Writer", "Admin"})
                package topapp.notes;
                """);
        sources.put("topapp.notes.Note", """
                package topapp.notes;
                import dev.warden.annotations.*;
                @SecuredEntity(table = "note")
                @jakarta.persistence.DiscriminatorColumn(name = "kind")
                @jakarta.persistence.DiscriminatorValue("N")
                @AccessRule(roles = "Writer", create = true, defaultAccess = Access.READ,
                        members = {@Member(name = "id", access = Access.READ_WRITE),
                                   @Member(name = "text", access = Access.READ_WRITE)})
                public class Note {
                    private Long id;
                    private String text;
                    private boolean pinned;
                    public Note() {}
                    public Note(Long id, String text) { this.id = id; this.text = text; }
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                    public boolean isPinned() { return pinned; }
                    public void setPinned(boolean pinned) { this.pinned = pinned; }
                }
                """);
        sources.put("topapp.notes.TopNote", """
                package topapp.notes;
                import dev.warden.annotations.*;
                @SecuredEntity(table = "note")
                @jakarta.persistence.DiscriminatorValue("T")
                @AccessRule(roles = "Admin", create = true, defaultAccess = Access.READ_WRITE)
                @SuppressWarnings("warden:default-read-write")
                public class TopNote extends Note {
                    public TopNote() {}
                    public TopNote(Long id, String text) { super(id, text); }
                }
                """);
        sources.put("topapp.notes.Box", """
                package topapp.notes;
                import dev.warden.annotations.*;
                import java.util.*;
                @SecuredEntity(persistent = false)
                @AccessRule(roles = "Writer", create = true, defaultAccess = Access.READ_WRITE)
                @SuppressWarnings("warden:default-read-write")
                public class Box {
                    private Note[] shelf = new Note[0];
                    private Map<String, Note> byName = new LinkedHashMap<>();
                    private Optional<Note> cover = Optional.empty();
                    private Iterable<Note> history = new ArrayList<>();
                    private List<Note> items = new ArrayList<>();
                    public Note[] getShelf() { return shelf; }
                    public void setShelf(Note[] shelf) { this.shelf = shelf; }
                    public Map<String, Note> getByName() { return byName; }
                    public void setByName(Map<String, Note> byName) { this.byName = byName; }
                    public Optional<Note> getCover() { return cover; }
                    public void setCover(Optional<Note> cover) { this.cover = cover; }
                    public Iterable<Note> getHistory() { return history; }
                    public void setHistory(Iterable<Note> history) { this.history = history; }
                    public List<Note> getItems() { return items; }
                    public void setItems(List<Note> items) { this.items = items; }
                    @Calculated public Note getFirst() { return items.isEmpty() ? null : items.get(0); }
                }
                """);
        Compilation compilation = Javac.compile(sources);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), Javac.diagnostics(compilation));
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass("topapp.TopAppSecurityModel").getField("INSTANCE").get(null);
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:specializations-failclosed;DB_CLOSE_DELAY=-1");
        Databases.execute(h2, "CREATE TABLE note (id BIGINT PRIMARY KEY, kind VARCHAR(1) NOT NULL, text VARCHAR(100), "
                + "pinned BOOLEAN NOT NULL DEFAULT FALSE)",
                "INSERT INTO note (id, kind, text) VALUES (1, 'N', 'plain'), (2, 'T', '" + SECRET + "')");
        note = type("Note").getConstructor(Long.class, String.class).newInstance(1L, "plain");
        top = type("TopNote").getConstructor(Long.class, String.class).newInstance(2L, SECRET);
    }

    @AfterAll
    static void shutdown() {
        Databases.execute(h2, "SHUTDOWN");
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return loader.loadClass("topapp.notes." + name);
    }

    @SuppressWarnings("unchecked")
    private static EntityRules<Object, ?> noteRules() throws Exception {
        return (EntityRules<Object, ?>) type("NotePolicy").getField("RULES").get(null);
    }

    @SuppressWarnings("unchecked")
    private static EntityTable<Object> noteTable() throws Exception {
        return (EntityTable<Object>) type("NoteTable").getField("TABLE").get(null);
    }

    private static Object call(Class<?> type, String name, Object target, Object... args) throws Throwable {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no " + name + " in " + type);
    }

    private static void assertDenied(Executable call) {
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, call::run);
        assertFalse(String.valueOf(denied.getMessage()).contains(SECRET), denied.getMessage());
    }

    private interface Executable {
        void run() throws Throwable;
    }

    private static SecurityContext user(Object id, String... roles) {
        return SecurityContext.of(model, UserIdentity.of(id, roles));
    }

    private static long rows() throws Exception {
        return (long) WardenData.of(h2).as(SecurityContext.systemOf(model)).count(noteTable())
                + WardenData.of(h2).as(SecurityContext.systemOf(model))
                        .count((EntityTable<?>) type("TopNoteTable").getField("TABLE").get(null));
    }

    /** The specialization reached through the parent: nothing for a context that denies, or whose rules miss it. */
    @Test
    void aSpecializationIsDeniedThroughItsParentForEveryContextThatDenies() throws Throwable {
        List<SecurityContext> deniers = List.of(user(1L, "Writer", "Ghost"), user(1L), user("1", "Writer"),
                user(1L, "Writer"), SecurityContext.anonymousOf(model));
        for (SecurityContext ctx : deniers) {
            EntityRules<Object, ?> rules = noteRules();
            assertFalse(rules.isVisible(ctx, top), ctx::toString);
            assertFalse(rules.rights(ctx, top).visible());
            for (int m = 0; m < rules.memberCount(); m++) {
                assertFalse(rules.canRead(ctx, top, m));
            }
            assertFalse(rules.explain(ctx, top).visible());
            assertEquals("TopNote", rules.explain(ctx, top).entity());
            assertDenied(() -> call(type("SecuredNote"), "of", null, ctx, top));
            assertEquals(List.of(), call(type("SecuredNote"), "visibleOf", null, ctx, List.of(top)));
            WardenData data = WardenData.of(h2).as(ctx);
            assertTrue(data.find(noteTable(), 2L).isEmpty());
            assertTrue(data.list(noteTable()).stream().noneMatch(row -> row.getClass().getSimpleName().equals("TopNote")
                    || SECRET.equals(rules.getValue(row, rules.memberIndex("text")))));
            assertDenied(() -> data.delete(noteTable(), 2L));
        }
        // and without any context at all
        assertFalse(noteRules().isVisible(top));
        assertDenied(() -> call(type("SecuredNote"), "of", null, top));
        assertDenied(() -> WardenData.of(h2).list(noteTable()));
        assertEquals(2L, rows());
    }

    /** Containers of a holder the writer may read and change: never an object the writer may not see. */
    @Test
    void containersNeverHandOutNorTakeAnInvisibleObject() throws Throwable {
        SecurityContext writer = user(1L, "Writer");
        Class<?> noteClass = type("Note");
        Object box = type("Box").getConstructor().newInstance();
        Object[] shelf = (Object[]) java.lang.reflect.Array.newInstance(noteClass, 2);
        shelf[0] = top;
        shelf[1] = note;
        call(box.getClass(), "setShelf", box, (Object) shelf);
        Map<String, Object> byName = new LinkedHashMap<>(Map.of("top", top));
        call(box.getClass(), "setByName", box, byName);
        call(box.getClass(), "setCover", box, Optional.of(top));
        call(box.getClass(), "setHistory", box, new ArrayList<>(List.of(top)));
        call(box.getClass(), "setItems", box, new ArrayList<>(List.of(top, note)));
        Object proxy = call(type("SecuredBox"), "of", null, writer, box);
        assertEquals(1, ((List<?>) call(proxy.getClass(), "getShelf", proxy)).size());
        assertTrue(((Map<?, ?>) call(proxy.getClass(), "getByName", proxy)).isEmpty());
        assertTrue(((Optional<?>) call(proxy.getClass(), "getCover", proxy)).isEmpty());
        assertEquals(0, ((List<?>) call(proxy.getClass(), "getHistory", proxy)).size());
        assertEquals(1, ((List<?>) call(proxy.getClass(), "getItems", proxy)).size());
        assertEquals(null, call(proxy.getClass(), "getFirst", proxy), "a calculated getter's invisible object");
        Map<?, ?> values = (Map<?, ?>) call(proxy.getClass(), "readableValues", proxy);
        assertFalse(values.toString().contains(SECRET));
        values.values().forEach(value -> assertFalse(noteClass.isInstance(value), "a raw object in readableValues"));

        Object empty = type("Box").getConstructor().newInstance();
        Object emptyProxy = call(type("SecuredBox"), "of", null, writer, empty);
        Object[] onlyTop = (Object[]) java.lang.reflect.Array.newInstance(noteClass, 1);
        onlyTop[0] = top;
        assertDenied(() -> call(emptyProxy.getClass(), "setShelf", emptyProxy, (Object) onlyTop));
        assertDenied(() -> call(emptyProxy.getClass(), "setByName", emptyProxy, Map.of("top", top)));
        assertDenied(() -> call(emptyProxy.getClass(), "setCover", emptyProxy, Optional.of(top)));
        assertDenied(() -> call(emptyProxy.getClass(), "setHistory", emptyProxy, List.of(top)));
        assertDenied(() -> call(emptyProxy.getClass(), "setItems", emptyProxy, List.of(note, top)));
        assertEquals(0, ((Object[]) call(empty.getClass(), "getShelf", empty)).length, "nothing was written");
        assertTrue(((List<?>) call(empty.getClass(), "getItems", empty)).isEmpty(), "nothing was written");
        Object withTop = type("Box").getConstructor().newInstance();
        call(withTop.getClass(), "setItems", withTop, new ArrayList<>(List.of(top)));
        assertDenied(() -> call(type("SecuredBox"), "create", null, writer, withTop));
        // no context, an unknown role: not even the holder
        assertDenied(() -> call(type("SecuredBox"), "of", null, box));
        assertDenied(() -> call(type("SecuredBox"), "of", null, user(1L, "Ghost"), box));
    }

    /** The one create check refuses on both paths, stores nothing and names the member, never the value. */
    @Test
    void createsOfUnwritableMembersAndSpecializationsAreRefusedOnBothPaths() throws Throwable {
        SecurityContext writer = user(1L, "Writer");
        WardenData data = WardenData.of(h2).as(writer);
        Object pinned = type("Note").getConstructor(Long.class, String.class).newInstance(60L, SECRET);
        call(pinned.getClass(), "setPinned", pinned, true);
        AccessDeniedException proxyDenial = assertThrows(AccessDeniedException.class,
                () -> call(type("SecuredNote"), "create", null, writer, pinned));
        AccessDeniedException dataDenial = assertThrows(AccessDeniedException.class,
                () -> data.insert(noteTable(), pinned));
        assertEquals(Optional.of("pinned"), proxyDenial.member());
        assertEquals(proxyDenial.member(), dataDenial.member());
        assertFalse(proxyDenial.getMessage().contains(SECRET) || dataDenial.getMessage().contains(SECRET));
        Object newTop = type("TopNote").getConstructor(Long.class, String.class).newInstance(61L, "mine");
        assertDenied(() -> call(type("SecuredNote"), "create", null, writer, newTop));
        assertThrows(IllegalArgumentException.class, () -> data.insert(noteTable(), newTop));
        for (SecurityContext ctx : List.of(user(1L, "Writer", "Ghost"), user(1L), user("1", "Writer"))) {
            Object plain = type("Note").getConstructor(Long.class, String.class).newInstance(62L, "x");
            assertDenied(() -> call(type("SecuredNote"), "create", null, ctx, plain));
            assertDenied(() -> WardenData.of(h2).as(ctx).insert(noteTable(), plain));
        }
        Object plain = type("Note").getConstructor(Long.class, String.class).newInstance(63L, "x");
        assertDenied(() -> call(type("SecuredNote"), "create", null, plain));
        assertDenied(() -> WardenData.of(h2).insert(noteTable(), plain));
        assertEquals(2L, rows(), "nothing was stored");
    }
}
