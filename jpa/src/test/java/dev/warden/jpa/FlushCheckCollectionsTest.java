package dev.warden.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
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
 * The flush checks judge a constraint through a to-many collection over all its objects, as the policy and the SQL
 * filter do, also when the check is what initializes the collection: a clerk may rename only empty boxes
 * ({@code [items = empty]}), and box 1 holds an item the clerk cannot see. The check initialized the collection in
 * the clerk's context, the safety net took the invisible item out, and the box looked empty: the rename was flushed
 * (found by the JPA differential test, seed 20270303, Jc2gnzm5e0 rule 1 {@code [not(l1 != empty)]}).
 */
class FlushCheckCollectionsTest {
    private static ClassLoader loader;
    private static ApplicationModel app;
    private static SessionFactory factory;

    @BeforeAll
    static void open() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("boxes.package-info",
                        "@dev.warden.annotations.Module(name = \"Boxes\", roles = {\"Clerk\"})",
                        "package boxes;"),
                WardenCompiler.source("boxes.BoxesApp",
                        "package boxes;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = @UserRole(name = \"Clerk\", moduleRoles = \"Boxes.Clerk\"),",
                        "        userIdType = Long.class)",
                        "public class BoxesApp {}"),
                WardenCompiler.source("boxes.Item",
                        "package boxes;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity @jakarta.persistence.Entity",
                        "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[shown = true()]\")",
                        "public class Item {",
                        "    @jakarta.persistence.Id private Long id;",
                        "    private boolean shown;",
                        "    public Item() {}",
                        "    public Item(Long id, boolean shown) { this.id = id; this.shown = shown; }",
                        "    public Long getId() { return id; }",
                        "    public boolean isShown() { return shown; }",
                        "}"),
                WardenCompiler.source("boxes.Box",
                        "package boxes;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity @jakarta.persistence.Entity",
                        "@AccessRule(roles = \"Clerk\", delete = true, defaultAccess = Access.READ)",
                        "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ_WRITE, constraint = \"[items = empty]\")",
                        "public class Box {",
                        "    @jakarta.persistence.Id private Long id;",
                        "    private String title;",
                        "    @jakarta.persistence.OneToMany @jakarta.persistence.JoinColumn(name = \"box_id\")",
                        "    private java.util.List<Item> items = new java.util.ArrayList<>();",
                        "    public Box() {}",
                        "    public Box(Long id, java.util.List<Item> items) { this.id = id; this.items = items; }",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public String getTitle() { return title; }",
                        "    public void setTitle(String title) { this.title = title; }",
                        "    public java.util.List<Item> getItems() { return items; }",
                        "    public void setItems(java.util.List<Item> items) { this.items = items; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("boxes.BoxesAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:flush_check_collections;DB_CLOSE_DELAY=-1");
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create");
        factory = new MetadataSources(registry.build()).addAnnotatedClass(loader.loadClass("boxes.Item"))
                .addAnnotatedClass(loader.loadClass("boxes.Box")).buildMetadata().buildSessionFactory();
        WardenJpa.integrate(factory);
        try (SecurityContext.Scope system = SecurityContext.enter(SecurityContext.systemOf(app))) {
            EntityManager em = factory.createEntityManager();
            em.getTransaction().begin();
            Object hidden = loader.loadClass("boxes.Item").getConstructor(Long.class, boolean.class)
                    .newInstance(11L, false);
            em.persist(hidden);
            em.persist(box(1L, hidden));
            em.persist(box(2L));
            em.getTransaction().commit();
            em.close();
        }
    }

    private static Object box(Long id, Object... items) throws ReflectiveOperationException {
        return loader.loadClass("boxes.Box").getConstructor(Long.class, List.class).newInstance(id,
                new ArrayList<>(List.of(items)));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** The clerk finds the box (visible by the rule without a constraint), renames it and commits. */
    private static void rename(long id) {
        try (SecurityContext.Scope clerk = SecurityContext.enter(SecurityContext.of(app, UserIdentity.of(1L, "Clerk")))) {
            Shop.inTransaction(factory, em -> {
                try {
                    Object box = em.find(loader.loadClass("boxes.Box"), id);
                    box.getClass().getMethod("setTitle", String.class).invoke(box, "renamed");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static String title(long id) throws Exception {
        EntityManager em = factory.createEntityManager();
        try (SecurityContext.Scope system = SecurityContext.enter(SecurityContext.systemOf(app))) {
            Object box = em.find(loader.loadClass("boxes.Box"), id);
            return (String) box.getClass().getMethod("getTitle").invoke(box);
        } finally {
            em.close();
        }
    }

    @Test
    void aBoxHoldingAnItemTheClerkCannotSeeIsNotEmptyForTheWriteRule() throws Exception {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> rename(1L));
        AccessDeniedException denial = null;
        for (Throwable t = thrown; t != null && denial == null; t = t.getCause()) {
            denial = t instanceof AccessDeniedException d ? d : null;
        }
        assertEquals("Box", denial == null ? thrown.toString() : denial.entity());
        assertEquals("title", denial.member().orElseThrow());
        assertEquals(null, title(1L));
    }

    @Test
    void anEmptyBoxIsRenamed() throws Exception {
        rename(2L);
        assertEquals("renamed", title(2L));
    }
}
