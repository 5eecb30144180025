package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.type;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Members that hold entities in containers or hold mutable values, and entities sharing a table (issue 10 §1, §2,
 * §4): E038 to E041.
 */
class ContainerDiagnosticsTest {

    private static final JavaFileObject LINE = entity("Line", """
            @SecuredEntity
            @AccessRule(roles = "User", defaultAccess = Access.READ)
            public class Line {
                private Long id;
                private int quantity;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public int getQuantity() { return quantity; }
                public void setQuantity(int quantity) { this.quantity = quantity; }
            }
            """);

    /** An entity {@code Box} with an id and the given extra member lines. */
    private static JavaFileObject box(String annotations, String members) {
        return entity("Box", "@SecuredEntity" + annotations + "\n"
                + "@AccessRule(roles = \"User\", defaultAccess = Access.READ)\n"
                + "public class Box {\n"
                + "    private Long id;\n"
                + "    public Long getId() { return id; }\n"
                + "    public void setId(Long id) { this.id = id; }\n"
                + members
                + "}\n");
    }

    @Test
    void aRawContainerMightHoldEntities() {
        JavaFileObject box = box("(persistent = false)", """
                    private List stuff;
                    public List getStuff() { return stuff; }
                    public void setStuff(List stuff) { this.stuff = stuff; }
                """);

        Compilation compilation = compile(LINE, box);

        assertThat(compilation).hadErrorContaining("[WARDEN-E039]").inFile(box).onLineContaining("private List stuff;");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E039");
        assertThat(message).contains("member 'stuff' of Box has type java.util.List");
        assertThat(message).contains("hint: declare the element type");
    }

    @Test
    void anArrayOfObjectsAndAMapOfObjectsMightHoldEntities() {
        JavaFileObject box = box("(persistent = false)", """
                    private Object[] things;
                    private java.util.Map<String, Object> byName;
                    public Object[] getThings() { return things; }
                    public void setThings(Object[] things) { this.things = things; }
                    public java.util.Map<String, Object> getByName() { return byName; }
                    public void setByName(java.util.Map<String, Object> byName) { this.byName = byName; }
                """);

        Compilation compilation = compile(LINE, box);

        assertThat(compilation).hadErrorContaining("[WARDEN-E039]").inFile(box).onLineContaining("private Object[] things;");
        assertThat(compilation).hadErrorContaining("[WARDEN-E039]").inFile(box)
                .onLineContaining("private java.util.Map<String, Object> byName;");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void containersOfEntitiesAreAssociationsAndCompile() {
        JavaFileObject box = box("(persistent = false)", """
                    private Line[] shelf;
                    private java.util.Map<String, Line> byName;
                    private java.util.Optional<Line> cover;
                    private Iterable<Line> history;
                    private java.util.Set<? extends Line> picked;
                    public Line[] getShelf() { return shelf; }
                    public void setShelf(Line[] shelf) { this.shelf = shelf; }
                    public java.util.Map<String, Line> getByName() { return byName; }
                    public void setByName(java.util.Map<String, Line> byName) { this.byName = byName; }
                    public java.util.Optional<Line> getCover() { return cover; }
                    public void setCover(java.util.Optional<Line> cover) { this.cover = cover; }
                    public Iterable<Line> getHistory() { return history; }
                    public void setHistory(Iterable<Line> history) { this.history = history; }
                    public java.util.Set<? extends Line> getPicked() { return picked; }
                    @Calculated public Line getFirst() { return null; }
                    @Calculated public List<Line> getAll() { return List.of(); }
                """);

        assertNoWardenWarning(compile(LINE, box));
    }

    @Test
    void aMutableTypeThatCannotBeCopied() {
        JavaFileObject box = box("(persistent = false)", """
                    private java.util.Queue<String> waiting;
                    public java.util.Queue<String> getWaiting() { return waiting; }
                    public void setWaiting(java.util.Queue<String> waiting) { this.waiting = waiting; }
                """);

        Compilation compilation = compile(box);

        assertThat(compilation).hadErrorContaining("[WARDEN-E041]").inFile(box)
                .onLineContaining("private java.util.Queue<String> waiting;");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E041"))
                .contains("member 'waiting' of Box has the mutable type java.util.Queue<java.lang.String>");
    }

    @Test
    void aConstraintThroughAMemberThatIsNotStored() {
        JavaFileObject box = entity("Box", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[byName/quantity > 1]")
                public class Box {
                    private Long id;
                    private java.util.Map<String, Line> byName;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public java.util.Map<String, Line> getByName() { return byName; }
                    public void setByName(java.util.Map<String, Line> byName) { this.byName = byName; }
                }
                """);

        Compilation compilation = compile(LINE, box);

        assertThat(compilation).hadErrorContaining("[WARDEN-E040]").inFile(box)
                .onLineContaining("constraint = \"[byName/quantity > 1]\")");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E040");
        assertThat(message).contains("goes through 'byName', whose associated objects are held in a Map");
        assertThat(message).contains("[byName/quantity > 1]\n");
    }

    @Test
    void twoEntitiesInOneTableWithoutADiscriminator() {
        JavaFileObject doc = entity("Doc", """
                @SecuredEntity(table = "doc")
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Doc {
                    private Long id;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                }
                """);
        JavaFileObject secret = entity("Secret", """
                @SecuredEntity(table = "doc")
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Secret extends Doc {
                }
                """);

        Compilation compilation = compile(doc, secret);

        assertThat(compilation).hadErrorContaining("[WARDEN-E038] Secret and Doc are both stored in table 'doc'")
                .inFile(secret).onLineContaining("@SecuredEntity(table = \"doc\")");
        assertThat(compilation).hadErrorContaining("[WARDEN-E038] Doc and Secret are both stored in table 'doc'")
                .inFile(doc).onLineContaining("@SecuredEntity(table = \"doc\")");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aSubclassOfAnEntityThatIsNotOneIsAnAssociationToTheEntity() {
        JavaFileObject special = type("fx.shop.SpecialLine", """
                public class SpecialLine extends Line {
                }
                """);
        JavaFileObject box = box("(persistent = false)", """
                    private SpecialLine special;
                    public SpecialLine getSpecial() { return special; }
                    public void setSpecial(SpecialLine special) { this.special = special; }
                """);

        Compilation compilation = compile(LINE, special, box);

        assertNoWardenWarning(compilation);
        assertThat(compilation).generatedSourceFile("fx.shop.BoxPolicy").contentsAsUtf8String()
                .contains("association(Member.SPECIAL, Line.class);");
    }
}
