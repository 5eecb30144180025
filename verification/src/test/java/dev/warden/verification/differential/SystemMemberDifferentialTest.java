package dev.warden.verification.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.SystemMembers;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.verification.support.Databases;
import dev.warden.verification.support.Javac;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §4 and §5 on every path: for random users (clerks of a tenant or without one, anonymous users, the system),
 * creating an object and then changing it gives the same outcome and the same owner, changedBy, tenant and dates
 * through the create check with the proxy's setters, through the entry points for persistence listeners, and through
 * the data access layer on H2 and PostgreSQL, and the answer a reference written from security model §6 gives.
 */
class SystemMemberDifferentialTest {

    private static final Instant CREATED = Instant.parse("2026-03-10T09:30:00Z");
    private static final Instant CHANGED = CREATED.plus(Duration.ofMinutes(7));
    private static final String DDL = "CREATE TABLE ticket (id BIGINT PRIMARY KEY, tenant VARCHAR(20), note VARCHAR(50), "
            + "owner BIGINT, changed_by BIGINT, created_at TIMESTAMP WITH TIME ZONE, changed_at TIMESTAMP WITH TIME ZONE)";

    private static Databases databases;
    private static ClassLoader loader;
    private static ApplicationModel app;
    private static EntityTable<Object> table;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compile() throws Exception {
        Compilation compilation = Javac.compile(Map.of(
                "sm.App", """
                        package sm;
                        import dev.warden.annotations.*;
                        @AppSecurity(userRoles = {@UserRole(name = "Clerk", moduleRoles = "Desk.Clerk"),
                            @UserRole(name = "Guest", moduleRoles = "Desk.Guest")}, anonymousRole = "Guest",
                            tokens = @Token(name = "Tenant", type = String.class))
                        public class App {}
                        """,
                "sm.desk.package-info", """
                        @dev.warden.annotations.Module(name = "Desk", roles = {"Clerk", "Guest"})
                        package sm.desk;
                        """,
                "sm.desk.Ticket", """
                        package sm.desk;
                        import dev.warden.annotations.*;
                        import java.time.Instant;
                        @SecuredEntity(table = "ticket")
                        @SuppressWarnings("warden:anonymous-write")
                        @AccessRule(roles = "Clerk", create = true, defaultAccess = Access.READ,
                            members = {@Member(name = "id", access = Access.READ_WRITE),
                                       @Member(name = "note", access = Access.READ_WRITE)},
                            constraint = "[tenant = '[%Tenant%]']")
                        @AccessRule(roles = "Guest", create = true, defaultAccess = Access.READ,
                            members = {@Member(name = "id", access = Access.READ_WRITE),
                                       @Member(name = "note", access = Access.READ_WRITE)})
                        public class Ticket {
                            private Long id;
                            @Preset(token = "Tenant") private String tenant;
                            private String note;
                            @Owner private Long owner;
                            @ChangedBy private Long changedBy;
                            @CreatedDate private Instant createdAt;
                            @ChangedDate private Instant changedAt;
                            public Long getId() { return id; }
                            public void setId(Long id) { this.id = id; }
                            public String getTenant() { return tenant; }
                            public void setTenant(String tenant) { this.tenant = tenant; }
                            public String getNote() { return note; }
                            public void setNote(String note) { this.note = note; }
                            public Long getOwner() { return owner; }
                            public void setOwner(Long owner) { this.owner = owner; }
                            public Long getChangedBy() { return changedBy; }
                            public void setChangedBy(Long changedBy) { this.changedBy = changedBy; }
                            public Instant getCreatedAt() { return createdAt; }
                            public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
                            public Instant getChangedAt() { return changedAt; }
                            public void setChangedAt(Instant changedAt) { this.changedAt = changedAt; }
                        }
                        """));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), Javac.diagnostics(compilation));
        loader = Javac.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("sm.AppSecurityModel").getField("INSTANCE").get(null);
        table = (EntityTable<Object>) loader.loadClass("sm.desk.TicketTable").getField("TABLE").get(null);
        databases = Databases.start();
        Databases.execute(databases.h2, DDL);
        Databases.execute(databases.postgres, DDL);
    }

    @AfterAll
    static void stop() throws Exception {
        if (databases != null) {
            databases.close();
        }
    }

    /** Who acts: a clerk with or without a tenant, an anonymous user or the system. */
    private record Actor(String kind, long id, String tenant) {
        SecurityContext context(Instant at) {
            SecurityContext ctx = switch (kind) {
                case "system" -> SecurityContext.systemOf(app);
                case "anonymous" -> SecurityContext.anonymousOf(app);
                default -> SecurityContext.of(app, tenant == null ? UserIdentity.of(id, "Clerk")
                        : UserIdentity.of(id, "Clerk").withAttribute("Tenant", tenant));
            };
            return ctx.withClock(Clock.fixed(at, ZoneOffset.UTC));
        }
    }

    /** What the caller puts on the new object, and what the object holds afterwards (or "denied"). */
    private record Outcome(String text) {}

    @Test
    void everyPathFillsInTheSameValuesAsTheReference() throws Exception {
        Random random = new Random(20261203L);
        List<String> tenants = Arrays.asList("acme", "globex", null);
        long key = 1;
        for (int round = 0; round < 40; round++) {
            Actor creator = actor(random, tenants);
            Actor changer = random.nextInt(4) == 0 ? creator : actor(random, tenants);
            Object[] forged = {random.nextBoolean() ? "forged" : null, random.nextBoolean() ? 99L : null,
                    random.nextBoolean() ? Instant.EPOCH : null};
            String expected = reference(creator, changer, forged);
            List<String> paths = new ArrayList<>();
            paths.add("memory: " + inMemory(creator, changer, forged, key, false));
            paths.add("listeners: " + inMemory(creator, changer, forged, key, true));
            paths.add("H2: " + stored(databases.h2, creator, changer, forged, key));
            paths.add("PostgreSQL: " + stored(databases.postgres, creator, changer, forged, key));
            key++;
            for (String path : paths) {
                assertEquals(expected, path.substring(path.indexOf(": ") + 2),
                        "round " + round + ", created by " + creator + ", changed by " + changer + ", caller set "
                                + Arrays.toString(forged) + ": " + path);
            }
        }
    }

    private static Actor actor(Random random, List<String> tenants) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return new Actor("system", 0, null);
        }
        if (kind == 1) {
            return new Actor("anonymous", 0, null);
        }
        return new Actor("clerk", 1 + random.nextInt(3), tenants.get(random.nextInt(tenants.size())));
    }

    /** Security model §6, "System members", "Presets" and "One create check", written out for this entity. */
    private static String reference(Actor creator, Actor changer, Object[] forged) {
        boolean system = creator.kind().equals("system");
        String tenant = system ? (String) forged[0] : creator.tenant();
        if (!system && tenant == null) {
            return "create denied"; // no value for the preset's token (anonymous users have no tokens)
        }
        Long owner = system ? (Long) forged[1] : creator.kind().equals("anonymous") ? null : creator.id();
        Instant created = system && forged[2] != null ? (Instant) forged[2] : CREATED;
        String before = values(tenant, null, owner, owner, created, CREATED);
        boolean changerSystem = changer.kind().equals("system");
        boolean mayChange = changerSystem || changer.kind().equals("anonymous")
                || (changer.tenant() != null && changer.tenant().equals(tenant));
        if (!mayChange) {
            return before + " / change denied";
        }
        Long changedBy = changerSystem ? owner : changer.kind().equals("anonymous") ? null : changer.id();
        return before + " / " + values(tenant, "changed", owner, changedBy, created, CHANGED);
    }

    private static String values(String tenant, String note, Long owner, Long changedBy, Instant created,
            Instant changed) {
        return tenant + " " + note + " " + owner + " " + changedBy + " " + created + " " + changed;
    }

    private static String values(EntityRules<Object, ?> rules, Object ticket) {
        return values((String) get(rules, ticket, "tenant"), (String) get(rules, ticket, "note"),
                (Long) get(rules, ticket, "owner"), (Long) get(rules, ticket, "changedBy"),
                (Instant) get(rules, ticket, "createdAt"), (Instant) get(rules, ticket, "changedAt"));
    }

    private static Object get(EntityRules<Object, ?> rules, Object ticket, String member) {
        return rules.getValue(ticket, rules.memberIndex(member));
    }

    private static Object forgedTicket(EntityRules<Object, ?> rules, Object[] forged, long key) throws Exception {
        Object ticket = loader.loadClass("sm.desk.Ticket").getConstructor().newInstance();
        rules.setValue(ticket, rules.memberIndex("id"), key);
        rules.setValue(ticket, rules.memberIndex("tenant"), forged[0]);
        rules.setValue(ticket, rules.memberIndex("owner"), forged[1]);
        rules.setValue(ticket, rules.memberIndex("changedBy"), forged[1]);
        rules.setValue(ticket, rules.memberIndex("createdAt"), forged[2]);
        return ticket;
    }

    /**
     * The proxy's path (the create check, then the generated setter), or the listeners' path (the create check, then
     * a change of the object itself and {@link SystemMembers#onUpdate} with the write check).
     */
    private static String inMemory(Actor creator, Actor changer, Object[] forged, long key, boolean listeners)
            throws Exception {
        EntityRules<Object, ?> rules = table.rules();
        Object ticket = forgedTicket(rules, forged, key);
        try {
            rules.checkCreate(creator.context(CREATED), ticket);
        } catch (AccessDeniedException e) {
            return "create denied";
        }
        String before = values(rules, ticket);
        SecurityContext changing = changer.context(CHANGED);
        if (listeners) {
            if (!rules.rights(changing, ticket).canWrite(rules.memberIndex("note"))) {
                return before + " / change denied";
            }
            rules.setValue(ticket, rules.memberIndex("note"), "changed");
            SystemMembers.onUpdate(changing, ticket);
            return before + " / " + values(rules, ticket);
        }
        try {
            SecuredObject<Object, ?> proxy = rules.secure(changing, ticket).orElseThrow(
                    () -> new AccessDeniedException("Ticket", null, dev.warden.runtime.Operation.VIEW, "not visible"));
            proxy.getClass().getMethod("setNote", String.class).invoke(proxy, "changed");
        } catch (AccessDeniedException e) {
            return before + " / change denied";
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AccessDeniedException) {
                return before + " / change denied";
            }
            throw e;
        }
        return before + " / " + values(rules, ticket);
    }

    /** The data access layer's insert and update, read back by the system. */
    private static String stored(DataSource database, Actor creator, Actor changer, Object[] forged, long key)
            throws Exception {
        EntityRules<Object, ?> rules = table.rules();
        WardenData data = WardenData.of(database);
        SecurityContext system = SecurityContext.systemOf(app);
        try {
            data.as(creator.context(CREATED)).insert(table, forgedTicket(rules, forged, key));
        } catch (AccessDeniedException e) {
            assertTrue(data.as(system).find(table, key).isEmpty(), "a denied insert stores nothing");
            return "create denied";
        }
        Object stored = data.as(system).find(table, key).orElseThrow();
        String before = values(rules, stored);
        rules.setValue(stored, rules.memberIndex("note"), "changed");
        try {
            data.as(changer.context(CHANGED)).update(table, stored, rules.member(rules.memberIndex("note")));
        } catch (AccessDeniedException e) {
            return before + " / change denied";
        }
        return before + " / " + values(rules, data.as(system).find(table, key).orElseThrow());
    }
}
