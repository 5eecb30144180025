package dev.warden.jpa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * A boolean member compared with a user-role token, {@code [leadOnly = '[%UserRole_Lead%]']}, also inside a
 * sub-constraint through a to-many association, compiles to Criteria (the processor stopped with an internal error,
 * WARDEN-E099, "has no value of its own here"; found by the JPA differential test, seed 20270127) and selects the rows
 * whose member is whether the user has the role.
 */
class UserRoleValueTest {
    private static ClassLoader loader;
    private static ApplicationModel app;
    private static SessionFactory factory;
    private static Compilation compilation;

    @BeforeAll
    static void open() throws Exception {
        compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("roles.package-info",
                        "@dev.warden.annotations.Module(name = \"Roles\", roles = {\"Member\"})",
                        "package roles;"),
                WardenCompiler.source("roles.RolesApp",
                        "package roles;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = {@UserRole(name = \"Staff\", moduleRoles = \"Roles.Member\"),",
                        "        @UserRole(name = \"Lead\", moduleRoles = \"Roles.Member\")}, userIdType = Long.class)",
                        "public class RolesApp {}"),
                WardenCompiler.source("roles.Item",
                        "package roles;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity @jakarta.persistence.Entity",
                        "@AccessRule(roles = \"Member\", defaultAccess = Access.READ,",
                        "        constraint = \"[leadOnly = '[%UserRole_Lead%]']\")",
                        "public class Item {",
                        "    @jakarta.persistence.Id private Long id;",
                        "    private boolean leadOnly;",
                        "    public Item() {}",
                        "    public Item(Long id, boolean leadOnly) { this.id = id; this.leadOnly = leadOnly; }",
                        "    public Long getId() { return id; }",
                        "    public boolean isLeadOnly() { return leadOnly; }",
                        "}"),
                WardenCompiler.source("roles.Box",
                        "package roles;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity @jakarta.persistence.Entity",
                        "@AccessRule(roles = \"Member\", defaultAccess = Access.READ,",
                        "        constraint = \"[items[leadOnly != '[%UserRole_Lead%]']]\")",
                        "public class Box {",
                        "    @jakarta.persistence.Id private Long id;",
                        "    @jakarta.persistence.OneToMany @jakarta.persistence.JoinColumn(name = \"box_id\")",
                        "    private java.util.List<Item> items = new java.util.ArrayList<>();",
                        "    public Box() {}",
                        "    public Box(Long id, java.util.List<Item> items) { this.id = id; this.items = items; }",
                        "    public Long getId() { return id; }",
                        "    public java.util.List<Item> getItems() { return items; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("roles.RolesAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:user_role_value;DB_CLOSE_DELAY=-1");
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                .applySetting(dev.warden.jpa.WardenJpa.ENABLED, "false");
        factory = new MetadataSources(registry.build()).addAnnotatedClass(loader.loadClass("roles.Item"))
                .addAnnotatedClass(loader.loadClass("roles.Box")).buildMetadata().buildSessionFactory();
        Class<?> item = loader.loadClass("roles.Item");
        Class<?> box = loader.loadClass("roles.Box");
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        Object open = item.getConstructor(Long.class, boolean.class).newInstance(1L, false);
        Object lead = item.getConstructor(Long.class, boolean.class).newInstance(2L, true);
        em.persist(open);
        em.persist(lead);
        em.persist(box.getConstructor(Long.class, List.class).newInstance(10L, new java.util.ArrayList<>(List.of(open))));
        em.persist(box.getConstructor(Long.class, List.class).newInstance(20L, new java.util.ArrayList<>(List.of(lead))));
        em.persist(box.getConstructor(Long.class, List.class).newInstance(30L, new java.util.ArrayList<>()));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void theGeneratedCriteriaComparesTheMemberWithWhetherTheUserHasTheRole() throws Exception {
        String source = compilation.generatedSourceFile("roles.ItemCriteria").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(source.contains("c.eq(item.get(\"leadOnly\"), c.userRole(\"Lead\"))"), source);
    }

    @Test
    void aLeadSeesTheLeadsItemsAndTheBoxesWithAnotherOne() {
        SecurityContext leadUser = SecurityContext.of(app, UserIdentity.of(1L, "Lead"));
        assertEquals(Set.of(2L), ids("roles.Item", leadUser));
        assertEquals(Set.of(10L), ids("roles.Box", leadUser));
    }

    @Test
    void staffSeeTheOtherItemsAndTheBoxesWithALeadsItem() {
        SecurityContext staff = SecurityContext.of(app, UserIdentity.of(2L, "Staff"));
        assertEquals(Set.of(1L), ids("roles.Item", staff));
        assertEquals(Set.of(20L), ids("roles.Box", staff));
    }

    private static Set<Long> ids(String entity, SecurityContext user) {
        EntityManager em = factory.createEntityManager();
        try {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            @SuppressWarnings("unchecked")
            Root<Object> root = query.from((Class<Object>) loader.loadClass(entity));
            query.select(root.get("id")).where(JpaFilters.readable(cb, query, root, user));
            return new TreeSet<>(em.createQuery(query).getResultList());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            em.close();
        }
    }
}
