package dev.warden.processor.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.compile;
import static dev.warden.processor.testing.WardenCompiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Operation;
import dev.warden.runtime.sql.EntityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How the processor reads the sources into its model, seen through what it generates: which methods make
 * members (and in which order, under which names), which members can be written, what each rule grants to
 * each role, the owner, and the application's level.
 */
class ModelReadingTest {

    private static final JavaFileObject MODULE = source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\", \"Boss\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");

    private static JavaFileObject app(String attributes) {
        return source("fx.App",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(" + attributes + "userRoles = {@UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"),",
                "    @UserRole(name = \"Boss\", moduleRoles = \"Shop.Boss\")})",
                "public class App {}");
    }

    private static final JavaFileObject APP = app("");

    /** The role bits of module Shop, in the order it declares them. */
    private static final long CLERK = 1L;
    private static final long BOSS = 2L;

    /** The generated rules of an entity, loaded from the compilation. */
    private static EntityRules<?, ?> rules(Compilation compilation, String entity) {
        return (EntityRules<?, ?>) load(compilation, entity + "Policy", "RULES");
    }

    /** The generated table of an entity, loaded from the compilation. */
    private static EntityTable<?> table(Compilation compilation, String entity) {
        return (EntityTable<?>) load(compilation, entity + "Table", "TABLE");
    }

    private static Object load(Compilation compilation, String className, String field) {
        try {
            return WardenCompiler.classLoader(compilation).loadClass(className).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> memberNames(EntityRules<?, ?> rules) {
        return rules.members().stream().map(EntityMember::memberName).toList();
    }

    /** The members a rule lets some roles read or write, by name. */
    private static List<String> granted(EntityRules<?, ?> rules, int rule, long roles, Operation operation) {
        List<String> names = new ArrayList<>();
        for (int member = 0; member < rules.memberCount(); member++) {
            if (rules.ruleGives(rule, roles, operation, member)) {
                names.add(rules.memberName(member));
            }
        }
        return names;
    }

    /** An entity of package fx: the annotations and imports, then {@code lines}. */
    private static JavaFileObject entity(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(List.of(
                "package fx;",
                "import dev.warden.annotations.*;",
                "import java.math.BigDecimal;",
                "import java.util.List;"));
        all.addAll(List.of(lines));
        return source("fx." + simpleName, all.toArray(String[]::new));
    }

    private static Compilation compileWithModule(JavaFileObject... entities) {
        List<JavaFileObject> sources = new ArrayList<>(List.of(MODULE, APP));
        sources.addAll(List.of(entities));
        return compile(sources.toArray(JavaFileObject[]::new));
    }

    @Test
    void beanMembersAreTheFieldsWithAGetterInFieldOrderThenGetterOnlyPropertiesUnderTheirBeanNames() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public class Gadget {",
                "    private String label;",
                "    private Long id;",
                "    private int counter;",
                // Getters declared in another order than the fields.
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                // Getter-only properties: an acronym keeps its case, a one-letter name is lower-cased.
                "    public String getURL() { return \"u\"; }",
                "    public String getX() { return \"x\"; }",
                "    public Boolean isArchived() { return false; }",
                // Not getters: static, with a parameter, void, generic, the bare prefixes, an is-method not returning a boolean.
                "    public static String getVersion() { return \"1\"; }",
                "    public String getText(int i) { return \"t\"; }",
                "    public void getNothing() {}",
                "    public <T> T getAnything() { return null; }",
                "    public String get() { return \"\"; }",
                "    public boolean is() { return true; }",
                "    public void set(String value) {}",
                "    public String isoCode() { return \"EUR\"; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("label", "id", "URL", "x", "archived"), memberNames(rules(compilation, "fx.Gadget")));
    }

    @Test
    void aPropertyWithAGetterAndASetterButNoFieldIsWritableAndStored() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, members = @Member(name = \"nickname\", access = Access.READ_WRITE))",
                "public class Gadget {",
                "    private Long id;",
                "    private String[] names = new String[1];",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getNickname() { return names[0]; } public void setNickname(String nickname) { names[0] = nickname; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).succeededWithoutWarnings();
        EntityRules<?, ?> rules = rules(compilation, "fx.Gadget");
        assertEquals(List.of("id", "nickname"), granted(rules, 1, CLERK, Operation.READ));
        assertEquals(List.of("nickname"), granted(rules, 1, CLERK, Operation.WRITE));
        assertFalse(rules.isReadOnly(1));
        assertEquals("nickname", table(compilation, "fx.Gadget").column(1));
    }

    @Test
    void calculatedOnAGetterWithAFieldMakesTheMemberCalculatedNotAStoredGetterOnlyOne() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public class Gadget {",
                "    private Long id;",
                "    private BigDecimal total;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    @Calculated public BigDecimal getTotal() { return total; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        // A getter-only stored member would warn (W009) and have a column; a calculated one has neither.
        assertThat(compilation).succeededWithoutWarnings();
        EntityTable<?> table = table(compilation, "fx.Gadget");
        assertFalse(table.hasColumn(1));
        assertEquals("id", table.column(0));
        assertTrue(rules(compilation, "fx.Gadget").isReadOnly(1));
    }

    @Test
    void recordMembersAreTheComponentsThenCalculatedAccessorShapedMethods() {
        JavaFileObject part = entity("Part",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Part(Long id, @Calculated String label, BigDecimal price) {",
                "    @Calculated public String display() { return label + \" \" + price; }",
                "    public String helper() { return \"h\"; }",
                "    @Calculated public String describe(int width) { return \"d\"; }",
                "    @Calculated public static String kind() { return \"k\"; }",
                "}");
        Compilation compilation = compileWithModule(part);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("id", "label", "price", "display"), memberNames(rules(compilation, "fx.Part")));
        // Calculated members (the component marked @Calculated, the extra method) have no column.
        EntityTable<?> table = table(compilation, "fx.Part");
        assertEquals("price", table.column(2));
        assertSame(java.math.BigDecimal.class, table.columnType(2));
        assertFalse(table.hasColumn(1));
        assertFalse(table.hasColumn(3));
    }

    @Test
    void aCollectionBoundedByAnEntityIsAToManyAssociation() {
        JavaFileObject tag = entity("Tag",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Tag(Long id, String label) {}");
        JavaFileObject box = entity("Box",
                "@SecuredEntity(persistent = false)",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Box(Long id, List<String> labels, List<? extends Tag> tags) {}");
        Compilation compilation = compileWithModule(tag, box);
        assertThat(compilation).succeededWithoutWarnings();
        EntityRules<?, ?> rules = rules(compilation, "fx.Box");
        assertTrue(rules.associatedEntity(1).isEmpty(), "a list of strings is an attribute");
        assertEquals("fx.Tag", rules.associatedEntity(2).orElseThrow().getName());
    }

    @Test
    void aContainerOfUnknownElementsMightHoldEntitiesAndIsAnError() {
        JavaFileObject box = entity("Box",
                "@SecuredEntity(persistent = false)",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Box(Long id,",
                "        List<?> anything) {}");
        Compilation compilation = compileWithModule(box);
        assertThat(compilation).hadErrorContaining("[WARDEN-E039]").inFile(box).onLineContaining("List<?> anything");
        assertThat(compilation).hadErrorContaining("member 'anything' of Box has type java.util.List<?>");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMemberAnnotationOnAFieldWithoutAGetterIsNotOnAMember() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public class Gadget {",
                "    private Long id;",
                "    @MemberAccess(roles = \"Clerk\", value = Access.NONE) private String scratch;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(gadget).onLineContaining("private String scratch;");
        assertThat(compilation).hadErrorContaining("@MemberAccess is on scratch, which is not a member of a @SecuredEntity");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void memberAccessOverridesTheRuleForTheRolesItNamesOnlyAndReadWriteOnAReadOnlyMemberIsRead() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@SuppressWarnings(\"warden:default-read-write\")",
                "@AccessRule(roles = {\"Clerk\", \"Boss\"}, defaultAccess = Access.READ_WRITE)",
                "public class Gadget {",
                "    private Long id;",
                "    private String label;",
                "    private String secret;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "    @MemberAccess(roles = \"Shop.Boss\", value = Access.NONE)",
                "    public String getSecret() { return secret; } public void setSecret(String secret) { this.secret = secret; }",
                "    @Calculated public String getDisplay() { return label; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).succeededWithoutWarnings();
        // Clerk: everything readable, all but the calculated member writable; Boss: the same without the secret.
        EntityRules<?, ?> rules = rules(compilation, "fx.Gadget");
        assertEquals(List.of("id", "label", "secret", "display"), granted(rules, 1, CLERK, Operation.READ));
        assertEquals(List.of("id", "label", "secret"), granted(rules, 1, CLERK, Operation.WRITE));
        assertEquals(List.of("id", "label", "display"), granted(rules, 1, BOSS, Operation.READ));
        assertEquals(List.of("id", "label"), granted(rules, 1, BOSS, Operation.WRITE));
    }

    @Test
    void aMembersEntryNamingNoMemberGrantsNothing() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", members = @Member(name = \"nosuch\", access = Access.READ))",
                "public class Gadget {",
                "    private Long id;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).hadErrorContaining("[WARDEN-E004]");
        // The entry gives no right to any member (in particular not to the first one).
        assertThat(compilation).hadWarningContaining("[WARDEN-W001]");
        assertThat(compilation).hadWarningContaining("rule 1 of Gadget grants nothing");
    }

    @Test
    void theOwnerMemberIsFilledOnCreateAndKnownToTheTable() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", create = true, defaultAccess = Access.READ,",
                "    constraint = \"[createdBy = '[%CurrentUser%]']\")",
                "public class Gadget {",
                "    private Long id;",
                "    private String label;",
                "    @Owner private Long createdBy;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "    public Long getCreatedBy() { return createdBy; } public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }",
                "}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(OptionalInt.of(2), table(compilation, "fx.Gadget").ownerMember());
        assertEquals("createdBy", rules(compilation, "fx.Gadget").ownerMember().orElseThrow().memberName());
    }

    @Test
    void theApplicationsLevelIsTheOneWritten() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Gadget(Long id) {}");
        Compilation compilation = compile(MODULE, app("level = SecurityLevel.PROTOTYPE, "), gadget);
        assertThat(compilation).succeeded();
        // The only warning is the one about the level itself (W014, "not for production").
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[WARDEN-W014] security level PROTOTYPE");
        ApplicationModel model = (ApplicationModel) load(compilation, "fx.AppSecurityModel", "INSTANCE");
        assertEquals(dev.warden.annotations.SecurityLevel.PROTOTYPE, model.level());
    }

    @Test
    void anAttributeOnlyWrittenAloneOnItsLineIsWhereItsMessageGoes() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(",
                "    roles = {})",
                "public record Gadget(Long id) {}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).hadErrorContaining("[WARDEN-E003]").inFile(gadget).onLineContaining("roles = {})");
    }

    @Test
    void tokensOfAPrimitiveOrAnEnumTypeCanBeCompared() {
        JavaFileObject tier = source("fx.Tier", "package fx;", "public enum Tier { GOLD, SILVER }");
        JavaFileObject account = entity("Account",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[level >= '[%Level%]' and tier = '[%Tier%]']\")",
                "public record Account(Long id, int level, Tier tier) {}");
        Compilation compilation = compile(MODULE,
                app("tokens = {@Token(name = \"Level\", type = int.class), @Token(name = \"Tier\", type = Tier.class)}, "),
                tier, account);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("Level", "Tier"), rules(compilation, "fx.Account").ruleTokens(1));
    }

    @Test
    void aTokenOfAnArrayTypeCannotBeCompared() {
        JavaFileObject account = entity("Account",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public record Account(Long id) {}");
        JavaFileObject app = app("tokens = @Token(name = \"Codes\", type = String[].class), ");
        Compilation compilation = compile(MODULE, app, account);
        assertThat(compilation).hadErrorContaining("[WARDEN-E032]").inFile(app).onLineContaining("String[].class");
        assertThat(compilation).hadErrorContaining("token 'Codes' has type");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aGenericAttributeIsNamedByItsRawTypeInConstraintMessages() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[nicknames = 'x']\")",
                "public record Gadget(Long id, List<String> nicknames) {}");
        Compilation compilation = compileWithModule(gadget);
        assertThat(compilation).hadErrorContaining("'nicknames' is a List,");
    }

    @Test
    void anUnresolvedUserIdTypeIsLeftToJavac() {
        JavaFileObject gadget = entity("Gadget",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[owner = '[%CurrentUser%]']\")",
                "public record Gadget(Long id, @Owner Long owner) {}");
        Compilation compilation = compile(MODULE, app("userIdType = NoSuchType.class, "), gadget);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("NoSuchType");
        Truth.assertThat(compilation.errors().stream().map(d -> d.getMessage(null)).filter(m -> m.contains("[WARDEN-")).toList())
                .isEmpty();
    }
}
