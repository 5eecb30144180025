package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import jakarta.persistence.EntityManager;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The insert check judges the new object with the key it is stored with: the identifier the application assigns
 * needs no write right, and a create rule's constraint on the key sees it (the check saw no key at all, so a rule
 * {@code [id = NULL]} let every insert through and {@code [id >= 100]} refused every one; found by the JPA
 * differential test, seed 20270127, Jc2gj3m0e2 and the anonymous user).
 */
class CreateCheckKeyTest {
    private static ClassLoader loader;
    private static ApplicationModel app;
    private static SessionFactory factory;

    @BeforeAll
    static void open() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("keys.package-info",
                        "@dev.warden.annotations.Module(name = \"Keys\", roles = {\"Clerk\", \"Temp\"})",
                        "package keys;"),
                WardenCompiler.source("keys.KeysApp",
                        "package keys;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = {@UserRole(name = \"Clerk\", moduleRoles = \"Keys.Clerk\"),",
                        "        @UserRole(name = \"Temp\", moduleRoles = \"Keys.Temp\")}, userIdType = Long.class)",
                        "public class KeysApp {}"),
                WardenCompiler.source("keys.Ticket",
                        "package keys;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity @jakarta.persistence.Entity",
                        "@AccessRule(roles = \"Clerk\", create = true, defaultAccess = Access.READ_WRITE,",
                        "        members = @Member(name = \"id\", access = Access.READ), constraint = \"[id >= 100]\")",
                        "@AccessRule(roles = \"Temp\", create = true, defaultAccess = Access.READ_WRITE,",
                        "        constraint = \"[id = NULL]\")",
                        "public class Ticket {",
                        "    @jakarta.persistence.Id private Long id;",
                        "    private String title;",
                        "    public Ticket() {}",
                        "    public Ticket(Long id, String title) { this.id = id; this.title = title; }",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public String getTitle() { return title; }",
                        "    public void setTitle(String title) { this.title = title; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("keys.KeysAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:create_check_key;DB_CLOSE_DELAY=-1");
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create");
        factory = new MetadataSources(registry.build()).addAnnotatedClass(loader.loadClass("keys.Ticket"))
                .buildMetadata().buildSessionFactory();
        WardenJpa.integrate(factory);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static void insert(SecurityContext user, long id) {
        Object ticket;
        try {
            ticket = loader.loadClass("keys.Ticket").getConstructor(Long.class, String.class).newInstance(id, "t");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            Shop.inTransaction(factory, em -> em.persist(ticket));
        }
    }

    private static Object stored(long id) throws ClassNotFoundException {
        EntityManager em = factory.createEntityManager();
        try (SecurityContext.Scope system = SecurityContext.enter(SecurityContext.systemOf(app))) {
            return em.find(loader.loadClass("keys.Ticket"), id);
        } finally {
            em.close();
        }
    }

    private static AccessDeniedException denied(Runnable work) {
        RuntimeException thrown = assertThrows(RuntimeException.class, work::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denial) {
                return denial;
            }
        }
        throw new AssertionError("expected an AccessDeniedException", thrown);
    }

    @Test
    void aKeyTheRuleAllowsIsInsertedThoughTheUserMayNotWriteTheKey() throws Exception {
        insert(SecurityContext.of(app, UserIdentity.of(1L, "Clerk")), 150L);
        assertNotNull(stored(150L));
    }

    @Test
    void aKeyTheRuleDoesNotAllowIsRefused() throws Exception {
        AccessDeniedException denial = denied(() -> insert(SecurityContext.of(app, UserIdentity.of(1L, "Clerk")), 5L));
        assertEquals("Ticket", denial.entity());
        // the member it sets first: no rule active for the new object lets the clerk write its title
        assertEquals(Operation.WRITE, denial.operation());
        assertEquals("title", denial.member().orElseThrow());
        assertNull(stored(5L));
    }

    @Test
    void aRuleForObjectsWithoutAKeyDoesNotAllowInsertingOneWithAKey() throws Exception {
        AccessDeniedException denial = denied(() -> insert(SecurityContext.of(app, UserIdentity.of(2L, "Temp")), 7L));
        assertEquals("Ticket", denial.entity());
        assertNull(stored(7L));
    }
}
