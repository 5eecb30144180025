package dev.warden.processor.processing;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.compile;
import static dev.warden.processor.testing.WardenCompiler.source;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import dev.warden.runtime.sql.EntityTable;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Table and column names: {@code @SecuredEntity(table)}, the JPA annotations read by name (stand-ins of
 * {@code jakarta.persistence} are compiled with the fixture, as a user's JPA jar would provide them), and
 * snake_case defaults; invalid mappings are compile errors on the annotation that names them.
 */
class TableMappingTest {

    private static final JavaFileObject MODULE = source("fx.package-info",
            "@Module(name = \"Shop\", roles = {\"Clerk\"})",
            "package fx;",
            "import dev.warden.annotations.Module;");
    private static final JavaFileObject APP = source("fx.App",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = @UserRole(name = \"Clerk\", moduleRoles = \"Shop.Clerk\"))",
            "public class App {}");

    private static JavaFileObject jpa(String name, String body) {
        return source("jakarta.persistence." + name,
                "package jakarta.persistence;",
                "import java.lang.annotation.*;",
                "@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})",
                "public @interface " + name + " { " + body + " }");
    }

    private static final JavaFileObject[] JPA = {
        jpa("Table", "String name() default \"\";"),
        jpa("Column", "String name() default \"\";"),
        jpa("JoinColumn", "String name() default \"\";"),
        jpa("JoinTable", "String name() default \"\"; JoinColumn[] joinColumns() default {}; JoinColumn[] inverseJoinColumns() default {};"),
        jpa("Id", ""),
        jpa("Transient", ""),
        jpa("OneToMany", "String mappedBy() default \"\";"),
        jpa("ManyToMany", ""),
    };

    private static final JavaFileObject TAG = source("fx.Tag",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity",
            "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
            "public class Tag {",
            "    private Long id; private String label;",
            "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
            "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
            "}");

    private static final JavaFileObject LINE = source("fx.Line",
            "package fx;",
            "import dev.warden.annotations.*;",
            "@SecuredEntity",
            "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
            "public class Line {",
            "    private Long id; private int quantity; private Invoice invoice;",
            "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
            "    public int getQuantity() { return quantity; } public void setQuantity(int quantity) { this.quantity = quantity; }",
            "    @jakarta.persistence.JoinColumn(name = \"invoice_ref\")",
            "    public Invoice getInvoice() { return invoice; } public void setInvoice(Invoice invoice) { this.invoice = invoice; }",
            "}");

    private static JavaFileObject invoice(String tableAnnotation, String numberColumn) {
        return source("fx.Invoice", invoiceLines(tableAnnotation, numberColumn));
    }

    /** The invoice of {@link #jpaAnnotationsNameTablesColumnsAndLinks}, with {@code original} replaced in its one line. */
    private static JavaFileObject invoiceWith(String original, String replacement) {
        String[] lines = invoiceLines("@Table(name = \"invoices\")", "");
        int replaced = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(original)) {
                lines[i] = lines[i].replace(original, replacement);
                replaced++;
            }
        }
        assertThat(replaced).isEqualTo(1);
        return source("fx.Invoice", lines);
    }

    private static String[] invoiceLines(String tableAnnotation, String numberColumn) {
        return new String[] {
            "package fx;",
            "import dev.warden.annotations.*;",
            "import jakarta.persistence.*;",
            "import java.util.List;",
            "@SecuredEntity",
            tableAnnotation,
            "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ,",
            "    constraint = \"[lines/quantity > 5 or tags/label = 'urgent']\")",
            "public class Invoice {",
            "    @Id @Column(name = \"invoice_no\") private Long number;",
            "    " + numberColumn + " private String customerName;",
            "    @Transient private String scratch;",
            "    @OneToMany(mappedBy = \"invoice\") private List<Line> lines;",
            "    @ManyToMany @JoinTable(name = \"invoice_tags\", joinColumns = @JoinColumn(name = \"inv\"),",
            "        inverseJoinColumns = @JoinColumn(name = \"tag\")) private List<Tag> tags;",
            "    public Long getNumber() { return number; } public void setNumber(Long number) { this.number = number; }",
            "    public String getCustomerName() { return customerName; }",
            "    public void setCustomerName(String customerName) { this.customerName = customerName; }",
            "    public String getScratch() { return scratch; } public void setScratch(String scratch) { this.scratch = scratch; }",
            "    public List<Line> getLines() { return lines; } public void setLines(List<Line> lines) { this.lines = lines; }",
            "    public List<Tag> getTags() { return tags; } public void setTags(List<Tag> tags) { this.tags = tags; }",
            "}"};
    }

    /** Compiles the invoice (and other entities of package fx) with the module, the application, TAG and LINE. */
    private static Compilation compileWith(JavaFileObject invoice, JavaFileObject... others) {
        List<JavaFileObject> sources = new ArrayList<>(List.of(JPA));
        sources.addAll(List.of(MODULE, APP, TAG, LINE, invoice));
        sources.addAll(List.of(others));
        return compile(sources.toArray(JavaFileObject[]::new));
    }

    /** Compiles one entity of package fx (which may use JPA annotations) with the module and the application. */
    private static Compilation compileAlone(JavaFileObject entity) {
        List<JavaFileObject> sources = new ArrayList<>(List.of(JPA));
        sources.addAll(List.of(MODULE, APP, entity));
        return compile(sources.toArray(JavaFileObject[]::new));
    }

    /** The generated table of an entity, loaded from the compilation. */
    private static EntityTable<Object> table(Compilation compilation, String entity) {
        try {
            @SuppressWarnings("unchecked")
            EntityTable<Object> table = (EntityTable<Object>) WardenCompiler.classLoader(compilation)
                    .loadClass(entity + "Table").getField("TABLE").get(null);
            return table;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The SQL of every rule's constraint, one after the other. */
    private static String constraints(EntityTable<?> table) {
        StringBuilder sql = new StringBuilder();
        for (int rule = 1; rule <= table.rules().ruleCount(); rule++) {
            table.constraint(rule).ifPresent(template -> sql.append(template.sql()).append('\n'));
        }
        return sql.toString();
    }

    /** Whether the compilation generated this source (compile-testing can only assert that it did). */
    private static boolean generated(Compilation compilation, String qualifiedName) {
        String path = "/" + qualifiedName.replace('.', '/') + ".java";
        return compilation.generatedSourceFiles().stream().anyMatch(f -> f.toUri().getPath().endsWith(path));
    }

    /** An entity of package fx with the JPA annotations imported and a rule for Clerk; {@code body} follows the class line. */
    private static JavaFileObject entity(String simpleName, String classAnnotations, String... body) {
        List<String> lines = new ArrayList<>(List.of(
                "package fx;",
                "import dev.warden.annotations.*;",
                "import jakarta.persistence.*;",
                "import java.util.List;",
                "@SecuredEntity" + classAnnotations,
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)"));
        lines.addAll(List.of(body));
        return source("fx." + simpleName, lines.toArray(String[]::new));
    }

    @Test
    void jpaAnnotationsNameTablesColumnsAndLinks() {
        Compilation compilation = compileWith(invoice("@Table(name = \"invoices\")", ""));
        assertThat(compilation).succeededWithoutWarnings();
        EntityTable<Object> invoices = table(compilation, "fx.Invoice");
        assertThat(invoices.tableName()).isEqualTo("invoices");
        assertThat(invoices.keyMember()).isEqualTo(0);
        assertThat(invoices.column(0)).isEqualTo("invoice_no");
        assertThat(invoices.columnType(0)).isEqualTo(Long.class);
        assertThat(invoices.column(1)).isEqualTo("customer_name");
        assertThat(invoices.hasColumn(invoices.rules().memberIndex("scratch"))).isFalse();
        // One-to-many through the child's @JoinColumn named by mappedBy; many-to-many through the @JoinTable.
        assertThat(constraints(invoices)).contains(
                "EXISTS (SELECT 1 FROM line {a}_1 WHERE {a}_1.invoice_ref = {a}.invoice_no AND {a}_1.quantity > ?)"
                        + " OR EXISTS (SELECT 1 FROM invoice_tags {a}_2 JOIN tag {a}_3 ON {a}_3.id = {a}_2.tag "
                        + "WHERE {a}_2.inv = {a}.invoice_no AND {a}_3.label = ?)");
        assertThat(table(compilation, "fx.Line").column(2)).isEqualTo("invoice_ref");
    }

    @Test
    void aTableNameThatIsNotAPlainIdentifierIsAnError() {
        Compilation compilation = compileWith(invoice("@Table(name = \"invoice list\")", ""));
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]");
        assertThat(compilation).hadErrorContaining("table 'invoice list' of Invoice");
        assertThat(compilation).hadErrorContaining(
                "hint: use letters, digits and underscores and avoid reserved words; "
                        + "name the table with @SecuredEntity(table = \"...\") or JPA @Table(name = \"...\")");
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(compilationSource())
                .onLineContaining("@Table(name = \"invoice list\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoMembersInOneColumnIsAnError() {
        Compilation compilation = compileWith(invoice("@Table(name = \"invoices\")", "@Column(name = \"invoice_no\")"));
        assertThat(compilation).hadErrorContaining("[WARDEN-E035]");
        assertThat(compilation).hadErrorContaining("members 'number' and 'customerName' of Invoice are both stored in column 'invoice_no'");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aReservedDefaultTableNameOnlyWarnsAndGeneratesNoTable() {
        JavaFileObject order = source("fx.Order",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ)",
                "public class Order {",
                "    private Long id;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "}");
        Compilation compilation = compile(MODULE, APP, order);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[WARDEN-W008]");
        assertThat(compilation).hadWarningContaining("the default table name 'order' is a reserved SQL word");
        assertThat(compilation).hadWarningContaining("[WARDEN-W008]").inFile(order).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadWarningContaining(
                "hint: name it with @SecuredEntity(table = \"...\") or JPA @Table, or suppress with @SuppressWarnings(\"warden:no-table\")");
        assertThat(compilation).generatedSourceFile("fx.OrderPolicy");
        assertThat(generated(compilation, "fx.OrderPolicy")).isTrue();
        assertThat(generated(compilation, "fx.OrderTable")).isFalse();
    }

    @Test
    void aReservedDefaultColumnNameOnlyWarnsOnThatMemberAndGeneratesNoTable() {
        // The member is the first (index 0), where the table's index -1 is next door.
        JavaFileObject widget = entity("Widget", "",
                "public class Widget {",
                "    private String select;",
                "    private Long id;",
                "    public String getSelect() { return select; } public void setSelect(String select) { this.select = select; }",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "}");
        Compilation compilation = compileAlone(widget);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[WARDEN-W008]").inFile(widget).onLineContaining("private String select;");
        assertThat(compilation).hadWarningContaining("no table mapping is generated for Widget, so the secure data access "
                + "layer cannot use it: the default column name 'select' is a reserved SQL word");
        assertThat(compilation).hadWarningContaining("hint: name it with JPA @Column or @JoinColumn, or suppress with "
                + "@SuppressWarnings(\"warden:no-table\") if the entity is not stored");
        assertThat(compilation).hadWarningCount(1);
        assertThat(generated(compilation, "fx.WidgetPolicy")).isTrue();
        assertThat(generated(compilation, "fx.WidgetTable")).isFalse();
    }

    @Test
    void aColumnNameThatIsNotAPlainIdentifierIsAnErrorOnItsAnnotation() {
        JavaFileObject invoice = invoice("@Table(name = \"invoices\")", "@Column(name = \"customer name\")");
        Compilation compilation = compileWith(invoice);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(invoice)
                .onLineContaining("@Column(name = \"customer name\")");
        assertThat(compilation).hadErrorContaining("column 'customer name' of Invoice is not a plain SQL name, or is a reserved word");
        assertThat(compilation).hadErrorContaining("hint: use letters, digits and underscores and avoid reserved words; "
                + "name it with JPA @Column(name = \"...\"), @JoinColumn or @JoinTable");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aJoinTableNameThatIsNotAPlainIdentifierIsAnError() {
        JavaFileObject invoice = invoiceWith("@JoinTable(name = \"invoice_tags\"", "@JoinTable(name = \"invoice tags\"");
        Compilation compilation = compileWith(invoice);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(invoice).onLineContaining("private List<Tag> tags;");
        assertThat(compilation).hadErrorContaining("join table 'invoice tags' of Invoice is not a plain SQL name");
        assertThat(compilation).hadErrorContaining("name it with JPA @Column(name = \"...\"), @JoinColumn or @JoinTable");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aJoinTablesJoinColumnThatIsAReservedWordIsAnError() {
        JavaFileObject invoice = invoiceWith("joinColumns = @JoinColumn(name = \"inv\")", "joinColumns = @JoinColumn(name = \"order\")");
        Compilation compilation = compileWith(invoice);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(invoice).onLineContaining("private List<Tag> tags;");
        assertThat(compilation).hadErrorContaining("column 'order' of Invoice is not a plain SQL name, or is a reserved word");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aJoinTablesInverseJoinColumnThatIsNotAPlainIdentifierIsAnError() {
        JavaFileObject invoice = invoiceWith("inverseJoinColumns = @JoinColumn(name = \"tag\")",
                "inverseJoinColumns = @JoinColumn(name = \"tag-id\")");
        Compilation compilation = compileWith(invoice);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(invoice).onLineContaining("private List<Tag> tags;");
        assertThat(compilation).hadErrorContaining("column 'tag-id' of Invoice is not a plain SQL name");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aOneToManysJoinColumnThatIsNotAPlainIdentifierIsAnError() {
        JavaFileObject invoice = invoiceWith("@OneToMany(mappedBy = \"invoice\")",
                "@OneToMany @JoinColumn(name = \"invoice ref\")");
        Compilation compilation = compileWith(invoice);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(invoice).onLineContaining("private List<Line> lines;");
        assertThat(compilation).hadErrorContaining("column 'invoice ref' of Invoice is not a plain SQL name");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anInvalidNameOnTheFirstMemberIsReportedOnThatMember() {
        // A to-many member has no annotation location of its own: the message goes on the member (index 0),
        // not on @SecuredEntity (the table's index -1).
        JavaFileObject basket = entity("Basket", "",
                "public class Basket {",
                "    @ManyToMany @JoinTable(name = \"basket items\")",
                "    private List<Tag> tags;",
                "    private Long id;",
                "    public List<Tag> getTags() { return tags; } public void setTags(List<Tag> tags) { this.tags = tags; }",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "}");
        Compilation compilation = compileWith(invoice("@Table(name = \"invoices\")", ""), basket);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(basket).onLineContaining("private List<Tag> tags;");
        assertThat(compilation).hadErrorContaining("join table 'basket items' of Basket is not a plain SQL name");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aStoredMemberWithoutASetterWarnsThatItCannotBeLoaded() {
        JavaFileObject gadget = entity("Gadget", "",
                "public class Gadget {",
                "    private Long id;",
                "    private String label;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getLabel() { return label; }",
                "}");
        Compilation compilation = compileAlone(gadget);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[WARDEN-W009]").inFile(gadget).onLineContaining("private String label;");
        assertThat(compilation).hadWarningContaining("member 'label' of Gadget is stored in column 'label' but has no "
                + "setter, so objects read from the table leave it empty");
        assertThat(compilation).hadWarningContaining("hint: add a public setter, or mark the member @Calculated or JPA @Transient");
        assertThat(compilation).hadWarningCount(1);
        // A warning only: the table is still generated.
        assertThat(generated(compilation, "fx.GadgetTable")).isTrue();
    }

    @Test
    void aRecordNeedsNoSetters() {
        JavaFileObject part = entity("Part", "",
                "public record Part(Long id, String label) {}");
        Compilation compilation = compileAlone(part);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "fx.PartTable")).isTrue();
    }

    @Test
    void aNonPersistentEntityGetsNoTable() {
        JavaFileObject draft = entity("Draft", "(persistent = false)",
                "public class Draft {",
                "    private Long id;",
                "    private String select;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getSelect() { return select; }",
                "}");
        Compilation compilation = compileAlone(draft);
        // Neither the reserved column name nor the missing setter matters for an entity that is not stored.
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "fx.DraftPolicy")).isTrue();
        assertThat(generated(compilation, "fx.DraftTable")).isFalse();
    }

    @Test
    void defaultNamesWhereTheJpaAnnotationsNameNothing() {
        // The key is not the first member, and the first key member wins over a later one named id.
        JavaFileObject log = source("fx.HTTPLog",
                "package fx;",
                "import dev.warden.annotations.*;",
                "import jakarta.persistence.*;",
                "import java.util.List;",
                "@SecuredEntity",
                "@Table",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ,",
                "    constraint = \"[tags/label = 'a' or marks/label = 'b' or labels/label = 'c' or lines/quantity > 1 or others/quantity > 2]\")",
                "public class HTTPLog {",
                "    private String pageURL;",
                "    @Id private Long number;",
                "    private Long id;",
                "    @Column private String orderID;",
                "    @JoinColumn private Badge badge;",
                "    @ManyToMany private List<Tag> tags;",
                "    @ManyToMany @JoinTable(name = \"log_marks\") private List<Tag> marks;",
                "    @ManyToMany @JoinTable(joinColumns = @JoinColumn(name = \"log\"), inverseJoinColumns = @JoinColumn(name = \"tag\"))",
                "    private List<Tag> labels;",
                "    @OneToMany private List<Line> lines;",
                "    @OneToMany @JoinColumn private List<Line> others;",
                "    public String getPageURL() { return pageURL; } public void setPageURL(String pageURL) { this.pageURL = pageURL; }",
                "    public Long getNumber() { return number; } public void setNumber(Long number) { this.number = number; }",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getOrderID() { return orderID; } public void setOrderID(String orderID) { this.orderID = orderID; }",
                "    public Badge getBadge() { return badge; } public void setBadge(Badge badge) { this.badge = badge; }",
                "    public List<Tag> getTags() { return tags; } public void setTags(List<Tag> tags) { this.tags = tags; }",
                "    public List<Tag> getMarks() { return marks; } public void setMarks(List<Tag> marks) { this.marks = marks; }",
                "    public List<Tag> getLabels() { return labels; } public void setLabels(List<Tag> labels) { this.labels = labels; }",
                "    public List<Line> getLines() { return lines; } public void setLines(List<Line> lines) { this.lines = lines; }",
                "    public List<Line> getOthers() { return others; } public void setOthers(List<Line> others) { this.others = others; }",
                "}");
        // Keyed by a JPA @Id on a member not named id.
        JavaFileObject badge = entity("Badge", "",
                "public class Badge {",
                "    @Id private Long code;",
                "    public Long getCode() { return code; } public void setCode(Long code) { this.code = code; }",
                "}");
        Compilation compilation = compileWith(invoice("@Table(name = \"invoices\")", ""), log, badge);
        assertThat(compilation).succeededWithoutWarnings();
        EntityTable<Object> logs = table(compilation, "fx.HTTPLog");
        assertThat(logs.tableName()).isEqualTo("http_log");
        assertThat(logs.keyMember()).isEqualTo(1);
        assertThat(List.of(logs.column(0), logs.column(1), logs.column(2), logs.column(3), logs.column(4)))
                .containsExactly("page_url", "number", "id", "order_id", "badge_id").inOrder();
        assertThat(logs.columnType(3)).isEqualTo(String.class);
        assertThat(logs.columnType(4)).isEqualTo(Long.class);
        // The associated object is rebuilt from its key, the @Id member, and gives that key back.
        Object[] values = new Object[logs.rules().memberCount()];
        values[1] = 7L;
        values[4] = 42L;
        assertThat(logs.value(logs.read(values), 4)).isEqualTo(42L);
        String sql = constraints(logs);
        for (String text : new String[] {
            "EXISTS (SELECT 1 FROM http_log_tags {a}_1 JOIN tag {a}_2 ON {a}_2.id = {a}_1.tag_id "
                    + "WHERE {a}_1.http_log_id = {a}.number AND {a}_2.label = ?)",
            "EXISTS (SELECT 1 FROM log_marks {a}_3 JOIN tag {a}_4 ON {a}_4.id = {a}_3.tag_id "
                    + "WHERE {a}_3.http_log_id = {a}.number AND {a}_4.label = ?)",
            "EXISTS (SELECT 1 FROM http_log_labels {a}_5 JOIN tag {a}_6 ON {a}_6.id = {a}_5.tag "
                    + "WHERE {a}_5.log = {a}.number AND {a}_6.label = ?)",
            // A unidirectional @OneToMany without @JoinColumn is stored in JPA's default join table.
            "EXISTS (SELECT 1 FROM http_log_lines {a}_7 JOIN line {a}_8 ON {a}_8.id = {a}_7.lines_id "
                    + "WHERE {a}_7.http_log_id = {a}.number AND {a}_8.quantity > ?)",
            "EXISTS (SELECT 1 FROM line {a}_9 WHERE {a}_9.http_log_id = {a}.number AND {a}_9.quantity > ?)",
        }) {
            assertThat(sql).contains(text);
        }
    }

    @Test
    void theFirstKeyMemberIsTheKeyEvenWhenItsIdIsOnARecordComponentsAccessor() {
        // jakarta.persistence.Id does not target record components: javac puts it on the field and the accessor.
        JavaFileObject part = entity("Part", "",
                "public record Part(@Id Long code, Long id, String label) {}");
        Compilation compilation = compileAlone(part);
        assertThat(compilation).succeededWithoutWarnings();
        EntityTable<Object> parts = table(compilation, "fx.Part");
        assertThat(parts.tableName()).isEqualTo("part");
        assertThat(parts.keyMember()).isEqualTo(0);
    }

    @Test
    void aReferenceToARecordKeyedByAJpaIdCarriesTheKeyInThatComponent() {
        // The table key and the key of the entity model (used for references and constraint paths) must agree.
        JavaFileObject part = entity("Part", "",
                "public record Part(@Id Long code, Long id, String label) {}");
        JavaFileObject holder = entity("Holder", "",
                "public class Holder {",
                "    private Long id;",
                "    private Part part;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public Part getPart() { return part; } public void setPart(Part part) { this.part = part; }",
                "}");
        List<JavaFileObject> sources = new ArrayList<>(List.of(JPA));
        sources.addAll(List.of(MODULE, APP, part, holder));
        Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        EntityTable<Object> holders = table(compilation, "fx.Holder");
        Object[] values = new Object[2];
        values[0] = 1L;
        values[1] = 9L;
        Object read = holders.read(values);
        assertThat(holders.value(read, 1)).isEqualTo(9L);
        // The reference is a Part whose code, its @Id, is the key; its component named id stays empty.
        assertThat(holders.rules().getValue(read, 1).toString()).isEqualTo("Part[code=9, id=null, label=null]");
    }

    @Test
    void anInvalidColumnNameOnTheGetterOfAPropertyWithAFieldIsReportedOnTheGetter() {
        JavaFileObject gadget = entity("Gadget", "",
                "public class Gadget {",
                "    private Long id;",
                "    private String label;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    @Column(name = \"label text\")",
                "    public String getLabel() { return label; }",
                "    public void setLabel(String label) { this.label = label; }",
                "}");
        Compilation compilation = compileAlone(gadget);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(gadget).onLineContaining("@Column(name = \"label text\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anInvalidColumnNameIsReportedOnItsAnnotationWhenThatIsOnItsOwnLine() {
        JavaFileObject gadget = entity("Gadget", "",
                "public class Gadget {",
                "    private Long id;",
                "    @Column(name = \"label text\")",
                "    private String label;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "}");
        Compilation compilation = compileAlone(gadget);
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]").inFile(gadget).onLineContaining("@Column(name = \"label text\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anEntityWithoutAKeyAndOneWhoseConstraintReachesItGetNoTableAndSayWhy() {
        JavaFileObject keyless = entity("Keyless", "",
                "public class Keyless {",
                "    private String label;",
                "    public String getLabel() { return label; } public void setLabel(String label) { this.label = label; }",
                "}");
        JavaFileObject holder = source("fx.Holder",
                "package fx;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"Clerk\", defaultAccess = Access.READ, constraint = \"[keyless/label = 'x']\")",
                "public class Holder {",
                "    private Long id;",
                "    private Keyless keyless;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "    public Keyless getKeyless() { return keyless; } public void setKeyless(Keyless keyless) { this.keyless = keyless; }",
                "}");
        List<JavaFileObject> sources = new ArrayList<>(List.of(JPA));
        sources.addAll(List.of(MODULE, APP, keyless, holder));
        Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[WARDEN-W008]").inFile(keyless).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadWarningContaining(
                "no table mapping is generated for Keyless, so the secure data access layer cannot use it: Keyless has no key member");
        assertThat(compilation).hadWarningContaining("[WARDEN-W008]").inFile(holder).onLineContaining("@SecuredEntity");
        assertThat(compilation).hadWarningContaining(
                "no table mapping is generated for Holder, so the secure data access layer cannot use it: Keyless has no key member");
        assertThat(compilation).hadWarningCount(2);
        assertThat(generated(compilation, "fx.HolderPolicy")).isTrue();
        assertThat(generated(compilation, "fx.HolderTable")).isFalse();
    }

    private static JavaFileObject compilationSource() {
        return invoice("@Table(name = \"invoice list\")", "");
    }
}
