package dev.warden.processor.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.compile;
import static dev.warden.processor.testing.WardenCompiler.source;

import com.google.testing.compile.Compilation;
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
        return source("fx.Invoice",
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
                "}");
    }

    private static Compilation compileWith(JavaFileObject invoice) {
        JavaFileObject[] sources = new JavaFileObject[JPA.length + 5];
        System.arraycopy(JPA, 0, sources, 0, JPA.length);
        sources[JPA.length] = MODULE;
        sources[JPA.length + 1] = APP;
        sources[JPA.length + 2] = TAG;
        sources[JPA.length + 3] = LINE;
        sources[JPA.length + 4] = invoice;
        return compile(sources);
    }

    @Test
    void jpaAnnotationsNameTablesColumnsAndLinks() {
        Compilation compilation = compileWith(invoice("@Table(name = \"invoices\")", ""));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fx.InvoiceTable").contentsAsUtf8String()
                .contains("EntityTable.<Invoice>builder(InvoicePolicy.rules(), \"invoices\", 0)");
        assertThat(compilation).generatedSourceFile("fx.InvoiceTable").contentsAsUtf8String()
                .contains(".column(0, \"invoice_no\", Long.class)");
        assertThat(compilation).generatedSourceFile("fx.InvoiceTable").contentsAsUtf8String()
                .contains(".column(1, \"customer_name\", String.class)");
        assertThat(compilation).generatedSourceFile("fx.InvoiceTable").contentsAsUtf8String()
                .doesNotContain("scratch\"");
        // One-to-many through the child's @JoinColumn named by mappedBy; many-to-many through the @JoinTable.
        assertThat(compilation).generatedSourceFile("fx.InvoiceTable").contentsAsUtf8String()
                .contains("EXISTS (SELECT 1 FROM line {a}_1 WHERE {a}_1.invoice_ref = {a}.invoice_no AND {a}_1.quantity > ?)"
                        + " OR EXISTS (SELECT 1 FROM invoice_tags {a}_2 JOIN tag {a}_3 ON {a}_3.id = {a}_2.tag "
                        + "WHERE {a}_2.inv = {a}.invoice_no AND {a}_3.label = ?)");
        assertThat(compilation).generatedSourceFile("fx.LineTable").contentsAsUtf8String()
                .contains(".column(2, \"invoice_ref\", Long.class)");
    }

    @Test
    void aTableNameThatIsNotAPlainIdentifierIsAnError() {
        Compilation compilation = compileWith(invoice("@Table(name = \"invoice list\")", ""));
        assertThat(compilation).hadErrorContaining("[WARDEN-E034]");
        assertThat(compilation).hadErrorContaining("table 'invoice list' of Invoice");
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
        assertThat(compilation).generatedSourceFile("fx.OrderPolicy");
    }

    private static JavaFileObject compilationSource() {
        return invoice("@Table(name = \"invoice list\")", "");
    }
}
