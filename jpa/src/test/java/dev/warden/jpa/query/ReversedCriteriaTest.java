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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
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
 * {@code reversed(Entity.member)} in the Criteria filter on real Hibernate (H2, the schema Hibernate creates): back
 * along a unidirectional {@code @OneToMany @JoinColumn} and along a {@code @ManyToOne}, the rows of
 * {@link JpaFilters#readable} are those the rule's SQL selects (HQL {@code warden_readable}, and the rows worked out
 * by hand); the generated Criteria code names the declaring entity with a class literal, so no class is loaded by
 * name per query. And a {@code reversed()} of a member that is no association is WARDEN-E042 on the constraint, in the
 * entity's file, on the rule's line.
 */
class ReversedCriteriaTest {
    private static final JavaFileObject MODULE = WardenCompiler.source("pets.package-info",
            "@dev.warden.annotations.Module(name = \"Pets\", roles = {\"Keeper\", \"Vet\"})",
            "package pets;");
    private static final JavaFileObject APP = WardenCompiler.source("pets.PetsApp",
            "package pets;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = {@UserRole(name = \"Keeper\", moduleRoles = \"Pets.Keeper\"),",
            "        @UserRole(name = \"Vet\", moduleRoles = \"Pets.Vet\")}, userIdType = Long.class)",
            "public class PetsApp {}");
    private static final JavaFileObject OWNER = WardenCompiler.source("pets.Owner",
            "package pets;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity @jakarta.persistence.Entity",
            "@AccessRule(roles = {\"Keeper\", \"Vet\"}, defaultAccess = Access.READ)",
            "public class Owner {",
            "    @jakarta.persistence.Id private Long id;",
            "    private String name;",
            "    @jakarta.persistence.OneToMany @jakarta.persistence.JoinColumn(name = \"owner_id\")",
            "    private java.util.List<Pet> pets = new java.util.ArrayList<>();",
            "    public Owner() {}",
            "    public Owner(Long id, java.util.List<Pet> pets) { this.id = id; this.pets = pets; }",
            "    public Long getId() { return id; }",
            "    public String getName() { return name; }",
            "    public java.util.List<Pet> getPets() { return pets; }",
            "}");
    private static final JavaFileObject TAG = WardenCompiler.source("pets.Tag",
            "package pets;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity @jakarta.persistence.Entity",
            "@AccessRule(roles = {\"Keeper\", \"Vet\"}, defaultAccess = Access.READ)",
            "public class Tag {",
            "    @jakarta.persistence.Id private Long id;",
            "    private String label;",
            "    @jakarta.persistence.ManyToOne private Pet pet;",
            "    public Tag() {}",
            "    public Tag(Long id, String label, Pet pet) { this.id = id; this.label = label; this.pet = pet; }",
            "    public Long getId() { return id; }",
            "    public String getLabel() { return label; }",
            "    public Pet getPet() { return pet; }",
            "}");

    /** The pet: a keeper sees the pets they own, a vet the pets with a vip tag; line 4 is the first rule. */
    private static JavaFileObject pet(String keeperConstraint) {
        return WardenCompiler.source("pets.Pet",
                "package pets;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity @jakarta.persistence.Entity",
                "@AccessRule(roles = \"Keeper\", defaultAccess = Access.READ, constraint = \"" + keeperConstraint + "\")",
                "@AccessRule(roles = \"Vet\", defaultAccess = Access.READ, constraint = \"[reversed(Tag.pet)/label = 'vip']\")",
                "public class Pet {",
                "    @jakarta.persistence.Id private Long id;",
                "    private String name;",
                "    public Pet() {}",
                "    public Pet(Long id) { this.id = id; }",
                "    public Long getId() { return id; }",
                "    public String getName() { return name; }",
                "}");
    }

    private static Compilation compilation;
    private static ClassLoader loader;
    private static ApplicationModel app;
    private static SessionFactory factory;

    @BeforeAll
    static void open() throws Exception {
        compilation = WardenCompiler.compileCleanly(MODULE, APP, OWNER, TAG,
                pet("[reversed(Owner.pets)/id = '[%CurrentUser%]']"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("pets.PetsAppSecurityModel").getField("INSTANCE").get(null);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:reversed_criteria;DB_CLOSE_DELAY=-1");
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                .applySetting(dev.warden.jpa.WardenJpa.ENABLED, "false");
        factory = new MetadataSources(registry.build()).addAnnotatedClass(type("pets.Owner"))
                .addAnnotatedClass(type("pets.Pet")).addAnnotatedClass(type("pets.Tag"))
                .buildMetadata().buildSessionFactory();
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        Object[] pets = new Object[5];
        long[] ids = {11, 12, 21, 31, 32};
        for (int i = 0; i < ids.length; i++) {
            pets[i] = type("pets.Pet").getConstructor(Long.class).newInstance(ids[i]);
            em.persist(pets[i]);
        }
        // owner 1 holds pets 11 and 12, owner 2 pet 21; pets 31 and 32 have no owner
        em.persist(owner(1L, pets[0], pets[1]));
        em.persist(owner(2L, pets[2]));
        em.persist(owner(3L));
        // a vip tag on pets 12 and 31, a plain one on pet 21
        em.persist(tag(100L, "vip", pets[1]));
        em.persist(tag(101L, "plain", pets[2]));
        em.persist(tag(102L, "vip", pets[3]));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Object owner(Long id, Object... pets) throws Exception {
        return type("pets.Owner").getConstructor(Long.class, List.class).newInstance(id,
                new ArrayList<>(List.of(pets)));
    }

    private static Object tag(Long id, String label, Object pet) throws Exception {
        return type("pets.Tag").getConstructor(Long.class, String.class, type("pets.Pet")).newInstance(id, label, pet);
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    @Test
    void theGeneratedCriteriaNamesTheDeclaringEntitiesWithClassLiterals() throws Exception {
        String source = compilation.generatedSourceFile("pets.PetCriteria").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(source.contains("c.exists(pet, \"reversed(pets.Owner.pets)\", owner -> "
                + "c.eq(owner.get(\"id\"), c.currentUser()), Owner.class)"), source);
        assertTrue(source.contains("c.exists(pet, \"reversed(pets.Tag.pet)\", tag -> "
                + "c.eq(tag.get(\"label\"), \"vip\"), Tag.class)"), source);
    }

    @Test
    void aKeeperSeesThePetsTheyOwnBackAlongTheOneToMany() {
        assertRows(Set.of(11L, 12L), SecurityContext.of(app, UserIdentity.of(1L, "Keeper")));
        assertRows(Set.of(21L), SecurityContext.of(app, UserIdentity.of(2L, "Keeper")));
        assertRows(Set.of(), SecurityContext.of(app, UserIdentity.of(3L, "Keeper")));
    }

    @Test
    void aVetSeesThePetsWithAVipTagBackAlongTheManyToOne() {
        assertRows(Set.of(12L, 31L), SecurityContext.of(app, UserIdentity.of(9L, "Vet")));
    }

    @Test
    void bothRulesAddUp() {
        assertRows(Set.of(11L, 12L, 31L), SecurityContext.of(app, UserIdentity.of(1L, "Keeper", "Vet")));
    }

    private static void assertRows(Set<Long> expected, SecurityContext user) {
        assertEquals(expected, criteriaRows(user), "Criteria rows");
        assertEquals(expected, sqlRows(user), "the rule's SQL (HQL warden_readable)");
    }

    private static Set<Long> criteriaRows(SecurityContext user) {
        EntityManager em = factory.createEntityManager();
        try {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            @SuppressWarnings("unchecked")
            Root<Object> root = query.from((Class<Object>) type("pets.Pet"));
            query.select(root.get("id")).where(JpaFilters.readable(cb, query, root, user));
            return new TreeSet<>(em.createQuery(query).getResultList());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            em.close();
        }
    }

    private static Set<Long> sqlRows(SecurityContext user) {
        EntityManager em = factory.createEntityManager();
        try (SecurityContext.Scope scope = SecurityContext.enter(user)) {
            return new TreeSet<>(em.createQuery("select p.id from Pet p where warden_readable(p)", Long.class)
                    .getResultList());
        } finally {
            em.close();
        }
    }

    @Test
    void reversedOfAMemberThatIsNoAssociationIsE042OnTheRulesLine() {
        Compilation failed = WardenCompiler.compile(MODULE, APP, OWNER, TAG, pet("[reversed(Owner.name)/id = 1]"));
        List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : failed.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(Locale.ROOT).contains("[WARDEN-E042]")) {
                found.add(d);
            }
        }
        assertEquals(1, found.size(), "E042 in " + failed.diagnostics());
        Diagnostic<? extends JavaFileObject> error = found.get(0);
        assertTrue(error.getSource().getName().endsWith("pets/Pet.java"), error.getSource().getName());
        assertEquals(4, error.getLineNumber(), error.getMessage(Locale.ROOT));
        String message = error.getMessage(Locale.ROOT);
        assertTrue(message.contains("name"), message);
        assertEquals(Compilation.Status.FAILURE, failed.status());
    }
}
