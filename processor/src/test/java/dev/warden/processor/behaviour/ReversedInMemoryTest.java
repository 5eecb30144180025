package dev.warden.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.ConstraintFailedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.sql.EntityTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rule with {@code reversed(Owner.pets)} judged in memory, on an object without a database at hand, cannot find the
 * owners whose collection holds the object: the generated rules fail with {@link ConstraintFailedException} naming
 * the entity and the rule, never a silent "no", while a rule that does not need it still decides.
 */
class ReversedInMemoryTest {

    private static ClassLoader loader;
    private static ApplicationModel app;

    @BeforeAll
    static void compile() throws Exception {
        Compilation compilation = WardenCompiler.compileCleanly(
                WardenCompiler.source("pets.App",
                        "package pets;",
                        "import dev.warden.annotations.*;",
                        "@AppSecurity(userRoles = {@UserRole(name = \"Owner\", moduleRoles = \"Clinic.Owner\"),",
                        "    @UserRole(name = \"Vet\", moduleRoles = \"Clinic.Vet\")}, userIdType = Long.class)",
                        "public class App {}"),
                WardenCompiler.source("pets.clinic.package-info",
                        "@dev.warden.annotations.Module(name = \"Clinic\", roles = {\"Owner\", \"Vet\"})",
                        "package pets.clinic;"),
                WardenCompiler.source("pets.clinic.PetOwner",
                        "package pets.clinic;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity",
                        "@AccessRule(roles = {\"Owner\", \"Vet\"}, defaultAccess = Access.READ)",
                        "public class PetOwner {",
                        "    private Long id;",
                        "    private java.util.List<Pet> pets = new java.util.ArrayList<>();",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public java.util.List<Pet> getPets() { return pets; }",
                        "    public void setPets(java.util.List<Pet> pets) { this.pets = pets; }",
                        "}"),
                WardenCompiler.source("pets.clinic.Pet",
                        "package pets.clinic;",
                        "import dev.warden.annotations.*;",
                        "@SecuredEntity",
                        "@AccessRule(roles = \"Owner\", defaultAccess = Access.READ,",
                        "    constraint = \"[reversed(PetOwner.pets)/id = '[%CurrentUser%]']\")",
                        "@AccessRule(roles = \"Vet\", defaultAccess = Access.READ)",
                        "public class Pet {",
                        "    private Long id;",
                        "    private String name;",
                        "    public Pet() {}",
                        "    public Pet(Long id) { this.id = id; }",
                        "    public Long getId() { return id; }",
                        "    public void setId(Long id) { this.id = id; }",
                        "    public String getName() { return name; }",
                        "    public void setName(String name) { this.name = name; }",
                        "}"));
        loader = WardenCompiler.classLoader(compilation);
        app = (ApplicationModel) loader.loadClass("pets.AppSecurityModel").getField("INSTANCE").get(null);
    }

    @SuppressWarnings("unchecked")
    private static EntityRules<Object, ?> petRules() throws ReflectiveOperationException {
        return ((EntityTable<Object>) loader.loadClass("pets.clinic.PetTable").getField("TABLE").get(null)).rules();
    }

    private static Object pet(long id) throws ReflectiveOperationException {
        return loader.loadClass("pets.clinic.Pet").getConstructor(Long.class).newInstance(id);
    }

    @Test
    void aReversedRuleJudgedInMemoryFailsNamingTheEntityAndTheRule() throws Exception {
        SecurityContext owner = SecurityContext.of(app, UserIdentity.of(7L, "Owner"));
        ConstraintFailedException failed = assertThrows(ConstraintFailedException.class,
                () -> petRules().isVisible(owner, pet(1)));
        assertEquals("Pet", failed.entity());
        assertEquals(1, failed.rule());
        assertInstanceOf(UnsupportedOperationException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains("reversed(PetOwner.pets) cannot be followed in memory"),
                failed.getCause().getMessage());
    }

    @Test
    void aRuleWithoutReversedStillDecidesInMemory() throws Exception {
        SecurityContext vet = SecurityContext.of(app, UserIdentity.of(9L, "Vet"));
        assertTrue(petRules().isVisible(vet, pet(1)));
    }
}
