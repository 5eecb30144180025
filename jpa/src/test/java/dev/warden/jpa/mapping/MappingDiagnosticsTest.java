package dev.warden.jpa.mapping;

import static dev.warden.jpa.mapping.ClerkShop.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The JPA mappings Warden's SQL cannot follow are compile errors on the annotation (or member) that makes them, with
 * the stable code and a hint: E070 for a constraint over a {@code @Convert} member, E070 also for one that compares an
 * {@code @Embedded} member itself (it has no column of its own; its attributes do, reached as {@code address/city}) or
 * an embeddable nested in it, E011 for an attribute the embeddable does not have, E071 for {@code @EmbeddedId},
 * {@code @IdClass}, a column in a secondary table, JOINED inheritance below the root and TABLE_PER_CLASS. Compiled
 * with the real {@code jakarta.persistence} annotations.
 */
class MappingDiagnosticsTest {
    private static final String ACCESSORS =
            "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }";

    @Test
    void aConstraintOverAConvertedMemberIsE070OnTheMember() {
        JavaFileObject converter = WardenCompiler.source("fx.Upper",
                "package fx;",
                "import jakarta.persistence.*;",
                "@Converter public class Upper implements AttributeConverter<String, String> {",
                "    public String convertToDatabaseColumn(String v) { return v == null ? null : v.toUpperCase(); }",
                "    public String convertToEntityAttribute(String v) { return v; }",
                "}");
        Compilation compilation = WardenCompiler.compile(MODULE, APP, converter, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ, constraint = \"[code = 'a']\")",
                "public class Item {",
                "    @Id private Long id;",
                "    @Convert(converter = Upper.class) private String code;",
                ACCESSORS,
                "    public String getCode() { return code; } public void setCode(String code) { this.code = code; }",
                "}"));
        String message = error(compilation, "E070", "fx/Item.java", 8);
        assertTrue(message.contains("member 'code' of Item cannot be compared in SQL (rule 1 of Item)"), message);
        assertTrue(message.contains("@Convert"), message);
    }

    @Test
    void anEmbeddedIdIsE071OnTheAnnotation() {
        JavaFileObject key = WardenCompiler.source("fx.ItemKey",
                "package fx;",
                "@jakarta.persistence.Embeddable public class ItemKey implements java.io.Serializable {",
                "    private Long a; public Long getA() { return a; } public void setA(Long a) { this.a = a; }",
                "}");
        Compilation compilation = WardenCompiler.compile(MODULE, APP, key, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    private Long id;",
                "    @EmbeddedId private ItemKey key;",
                ACCESSORS,
                "    public ItemKey getKey() { return key; } public void setKey(ItemKey key) { this.key = key; }",
                "}"));
        String message = error(compilation, "E071", "fx/Item.java", 8);
        assertTrue(message.contains("JPA @EmbeddedId on member 'key' of Item is not supported"), message);
        assertTrue(message.contains("use a single @Id member"), message);
    }

    @Test
    void anIdClassIsE071OnTheAnnotation() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity",
                "@IdClass(Object.class)",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id private Long id;",
                ACCESSORS,
                "}"));
        String message = error(compilation, "E071", "fx/Item.java", 5);
        assertTrue(message.contains("JPA @IdClass on the entity of Item"), message);
    }

    private static final JavaFileObject ADDRESS = WardenCompiler.source("fx.Address",
            "package fx;",
            "@jakarta.persistence.Embeddable public class Address {",
            "    private String city; public String getCity() { return city; }",
            "    public void setCity(String city) { this.city = city; }",
            "}");

    /** Item with an @Embedded address and an @ElementCollection of tags, under the given rule constraint. */
    private static JavaFileObject itemWithEmbeddedAndTags(String constraint) {
        return item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ, constraint = \""
                        + constraint + "\")",
                "public class Item {",
                "    @Id private Long id;",
                "    private String label;",
                "    @Embedded private Address address;",
                "    @ElementCollection private java.util.Set<String> tags = new java.util.HashSet<>();",
                ACCESSORS,
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "    public Address getAddress() { return address; }",
                "    public void setAddress(Address address) { this.address = address; }",
                "    public java.util.Set<String> getTags() { return tags; }",
                "    public void setTags(java.util.Set<String> tags) { this.tags = tags; }",
                "}");
    }

    @Test
    void anEntityWithEmbeddedAndElementCollectionMembersCompilesWhenNoConstraintComparesThem() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS,
                itemWithEmbeddedAndTags("[label = 'a']"));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
    }

    @Test
    void aConstraintComparingAnEmbeddedMemberIsE070OnTheMember() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS,
                itemWithEmbeddedAndTags("[address = empty]"));
        String message = error(compilation, "E070", "fx/Item.java", 9);
        assertTrue(message.contains("member 'address' of Item cannot be compared in SQL (rule 1 of Item)"), message);
        assertTrue(message.contains("no column in the entity's table"), message);
    }

    @Test
    void aPathIntoAnEmbeddableCompiles() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS,
                itemWithEmbeddedAndTags("[address/city = 'Oslo' or address/city = empty]"));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
    }

    @Test
    void anUnknownAttributeOfAnEmbeddableIsE011WithTheClosestName() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS,
                itemWithEmbeddedAndTags("[address/ctiy = 'Oslo']"));
        String message = error(compilation, "E011", "fx/Item.java", 5);
        assertTrue(message.contains("'address' of Item is an embedded Address, which has no member 'ctiy'"), message);
        assertTrue(message.contains("did you mean 'city'?"), message);
    }

    private static final JavaFileObject NESTED = WardenCompiler.source("fx.Place",
            "package fx;",
            "@jakarta.persistence.Embeddable public class Place {",
            "    private String name; public String getName() { return name; }",
            "    public void setName(String name) { this.name = name; }",
            "    private Address address; public Address getAddress() { return address; }",
            "    public void setAddress(Address address) { this.address = address; }",
            "}");

    @Test
    void aNestedEmbeddableComparedIsE070OnTheEmbeddedMember() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS, NESTED, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ,"
                        + " constraint = \"[place/name = 'a' and place/address = empty]\")",
                "public class Item {",
                "    @Id private Long id;",
                "    private Place place;",
                ACCESSORS,
                "    public Place getPlace() { return place; } public void setPlace(Place place) { this.place = place; }",
                "}"));
        String message = error(compilation, "E070", "fx/Item.java", 8);
        assertTrue(message.contains("member 'place.address' of Item cannot be compared in SQL (rule 1 of Item)"),
                message);
    }

    @Test
    void aPathThroughANestedEmbeddableIsE011() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, ADDRESS, NESTED, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ,"
                        + " constraint = \"[place/address/city = 'a']\")",
                "public class Item {",
                "    @Id private Long id;",
                "    private Place place;",
                ACCESSORS,
                "    public Place getPlace() { return place; } public void setPlace(Place place) { this.place = place; }",
                "}"));
        String message = error(compilation, "E011", "fx/Item.java", 5);
        assertTrue(message.contains("not an association, so it has no member 'city'"), message);
    }

    @Test
    void aColumnInASecondaryTableIsE071OnItsAnnotation() {
        Compilation compilation = WardenCompiler.compile(MODULE, APP, item(
                "@Entity @SecuredEntity @SecondaryTable(name = \"item_detail\")",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item {",
                "    @Id private Long id;",
                "    @Column(table = \"item_detail\") private String note;",
                ACCESSORS,
                "    public String getNote() { return note; } public void setNote(String note) { this.note = note; }",
                "}"));
        String message = error(compilation, "E071", "fx/Item.java", 8);
        assertTrue(message.contains("JPA @Column(table = \"item_detail\") on member 'note' of Item"), message);
        assertTrue(message.contains("keep the member in the entity's own table"), message);
    }

    @Test
    void joinedInheritanceBelowTheRootIsE071OnTheSubclass() {
        JavaFileObject base = WardenCompiler.source("fx.Base",
                "package fx;",
                "import dev.warden.annotations.*;",
                "import jakarta.persistence.*;",
                "@Entity @Inheritance(strategy = InheritanceType.JOINED) @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Base {",
                "    @Id private Long id;",
                ACCESSORS,
                "}");
        Compilation compilation = WardenCompiler.compile(MODULE, APP, base, item(
                "@Entity @SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = dev.warden.annotations.Access.READ)",
                "public class Item extends Base {",
                "    private String label;",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "}"));
        String message = error(compilation, "E071", "fx/Item.java", 4);  // the subclass's @SecuredEntity
        assertTrue(message.contains("JPA @Inheritance(strategy = JOINED) on its superclass Base of Item"), message);
    }
}
