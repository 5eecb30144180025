package dev.warden.processor.processing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.testing.WardenCompiler.compile;
import static dev.warden.processor.testing.WardenCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.warden.processor.WardenProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deferral of types generated in later rounds, declarations read from the class path, deterministic output. */
class RoundsAndClassPathTest {

    private static final JavaFileObject SALES = source("fixture.sales.package-info",
            "@Module(name = \"Sales\", roles = {\"User\", \"Manager\"})",
            "package fixture.sales;",
            "import dev.warden.annotations.Module;");

    private static final JavaFileObject APP = source("fixture.App",
            "package fixture;",
            "import dev.warden.annotations.*;",
            "@AppSecurity(userRoles = {",
            "    @UserRole(name = \"Rep\", moduleRoles = \"Sales.User\"),",
            "    @UserRole(name = \"Boss\", moduleRoles = \"Sales.Manager\")})",
            "public class App {}");

    /** Generates {@code fixture.gen.Money} in the first round, as another processor (say, a value-type generator) would. */
    static final class MoneyGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("fixture.gen.Money").openWriter()) {
                    writer.write("package fixture.gen; public final class Money { public long cents; }");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    private static JavaFileObject invoice(String amountType) {
        return source("fixture.sales.Invoice",
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ)",
                "public class Invoice {",
                "    private " + amountType + " amount;",
                "    public " + amountType + " getAmount() { return amount; }",
                "    public void setAmount(" + amountType + " amount) { this.amount = amount; }",
                "}");
    }

    @Test
    void anEntityUsingATypeGeneratedInALaterRoundIsDeferredAndThenGenerated() {
        Compilation compilation = compile(List.of(new MoneyGenerator()), SALES, APP, invoice("fixture.gen.Money"));
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("fixture.sales.InvoicePolicy").contentsAsUtf8String()
                .contains("\"amount\"");
        assertThat(compilation).generatedSourceFile("fixture.sales.SecuredInvoice").contentsAsUtf8String()
                .contains("public Money getAmount()");
    }

    @Test
    void aTypeThatIsNeverGeneratedIsReportedOnceAtTheEnd() {
        Compilation compilation = compile(SALES, APP, invoice("fixture.gen.Missing"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[WARDEN-E098]");
        assertThat(compilation).hadErrorContaining("fixture.gen.Missing");
        long warden = compilation.errors().stream().filter(d -> d.getMessage(null).contains("[WARDEN-E098]")).count();
        assertEquals(1, warden);
    }

    @Test
    void modulesCompiledEarlierAreReadFromTheClassPath(@TempDir Path classes) throws IOException {
        JavaFileObject customer = source("fixture.sales.Customer",
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ)",
                "public class Customer {",
                "    private Long id;",
                "    private Long accountManager;",
                "    public Long getId() { return id; }",
                "    public void setId(Long id) { this.id = id; }",
                "    public Long getAccountManager() { return accountManager; }",
                "    public void setAccountManager(Long accountManager) { this.accountManager = accountManager; }",
                "}");
        // First compilation: the Sales module and one entity, as a jar built earlier would hold them.
        Compilation module = Compiler.javac().withProcessors(new WardenProcessor()).compile(SALES, customer);
        assertThat(module).succeededWithoutWarnings();
        writeClassOutput(module, classes);

        // Second compilation: the application and an entity of the same module, with the first on the class path.
        JavaFileObject order = source("fixture.sales.Order",
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity(table = \"orders\")",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ,",
                "    constraint = \"[customer/accountManager = '[%CurrentUser%]']\")",
                "public class Order {",
                "    private Long id;",
                "    private Customer customer;",
                "    public Long getId() { return id; }",
                "    public void setId(Long id) { this.id = id; }",
                "    public Customer getCustomer() { return customer; }",
                "    public void setCustomer(Customer customer) { this.customer = customer; }",
                "}");
        Compilation app = Compiler.javac().withProcessors(new WardenProcessor())
                .withClasspath(classPathWith(classes)).compile(APP, order);
        assertThat(app).succeededWithoutWarnings();
        assertThat(app).generatedSourceFile("fixture.sales.OrderPolicy").contentsAsUtf8String()
                .contains("SalesModule.USER");
        // The constraint through the association to the class-path entity compiles to SQL over its table.
        assertThat(app).generatedSourceFile("fixture.sales.OrderTable").contentsAsUtf8String()
                .contains("EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.account_manager = ?)");

        // A typo in the application's mapping is found against the module from the class path.
        JavaFileObject typo = source("fixture.App",
                "package fixture;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = {",
                "    @UserRole(name = \"Rep\", moduleRoles = \"Sales.Usr\"),",
                "    @UserRole(name = \"Boss\", moduleRoles = \"Sales.Manager\")})",
                "public class App {}");
        Compilation failed = Compiler.javac().withProcessors(new WardenProcessor())
                .withClasspath(classPathWith(classes)).compile(typo);
        assertThat(failed).hadErrorContaining("[WARDEN-E001]");
        assertThat(failed).hadErrorContaining("did you mean 'User'?");
        assertThat(failed).hadErrorContaining("[WARDEN-E001]").inFile(typo).onLineContaining("Sales.Usr");
        assertThat(failed).hadErrorCount(1);
    }

    @Test
    void generatedCodeIsTheSameOnEveryRunAndCarriesNoDate() {
        Compilation first = compile(SALES, APP, invoice("Long"));
        Compilation second = compile(SALES, APP, invoice("Long"));
        List<String> a = sources(first);
        List<String> b = sources(second);
        assertEquals(a, b);
        assertTrue(a.stream().allMatch(s -> s.contains("@Generated(\"dev.warden.processor.WardenProcessor\")")));
        assertTrue(a.stream().noneMatch(s -> s.contains("date =")));
    }

    private static List<String> sources(Compilation compilation) {
        List<String> contents = new ArrayList<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            try {
                contents.add(file.getName() + "\n" + file.getCharContent(true));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        contents.sort(null);
        return contents;
    }

    private static void writeClassOutput(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            int start = path.indexOf("/CLASS_OUTPUT/");
            if (start < 0) {
                continue;
            }
            Path target = directory.resolve(path.substring(start + "/CLASS_OUTPUT/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    private static List<File> classPathWith(Path extra) {
        List<File> entries = new ArrayList<>();
        entries.add(extra.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(new File(entry));
        }
        return entries;
    }

    /** Fails unless the entity is reported once, at the end, as waiting for {@code fixture.gen.Missing}. */
    private static void assertReportedAsUnresolved(JavaFileObject entity) {
        Compilation compilation = compile(SALES, APP, entity);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[WARDEN-E098]").inFile(entity);
        assertThat(compilation).hadErrorContaining("Invoice could not be processed: type fixture.gen.Missing does not exist");
        long warden = compilation.errors().stream().filter(d -> d.getMessage(null).contains("[WARDEN-")).count();
        assertEquals(1, warden);
    }

    private static JavaFileObject invoiceWith(String classLine, String... members) {
        List<String> lines = new ArrayList<>(List.of(
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ)",
                classLine,
                "    private Long id;",
                "    public Long getId() { return id; } public void setId(Long id) { this.id = id; }"));
        lines.addAll(List.of(members));
        lines.add("}");
        return source("fixture.sales.Invoice", lines.toArray(String[]::new));
    }

    @Test
    void anEntityIsDeferredOnAnUnresolvedSuperclassFieldGetterOrTypeArgument() {
        assertReportedAsUnresolved(invoiceWith("public class Invoice extends fixture.gen.Missing {"));
        assertReportedAsUnresolved(invoiceWith("public class Invoice {", "    private fixture.gen.Missing amount;"));
        assertReportedAsUnresolved(invoiceWith("public class Invoice {",
                "    public fixture.gen.Missing getAmount() { return null; }"));
        assertReportedAsUnresolved(invoiceWith("public class Invoice {",
                "    private java.util.Map<String, fixture.gen.Missing> amounts;",
                "    public java.util.Map<String, fixture.gen.Missing> getAmounts() { return amounts; }",
                "    public void setAmounts(java.util.Map<String, fixture.gen.Missing> amounts) { this.amounts = amounts; }"));
    }

    @Test
    void anEntityInASubpackageBelongsToTheModuleOfTheEnclosingPackage() {
        JavaFileObject quote = source("fixture.sales.quotes.Quote",
                "package fixture.sales.quotes;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"Manager\", defaultAccess = Access.READ)",
                "public record Quote(Long id) {}");
        Compilation compilation = compile(SALES, APP, quote);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fixture.sales.quotes.QuotePolicy").contentsAsUtf8String()
                .contains(".grant(SalesModule.MANAGER,");
    }

    @Test
    void theApplicationCompiledEarlierIsReadFromTheClassPath(@TempDir Path classes) throws IOException {
        JavaFileObject app = source("fixture.App",
                "package fixture;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = {",
                "    @UserRole(name = \"Rep\", moduleRoles = \"Sales.User\"),",
                "    @UserRole(name = \"Boss\", moduleRoles = \"Sales.Manager\")},",
                "    tokens = @Token(name = \"Region\", type = String.class))",
                "public class App {}");
        // First compilation: the module and the application, as a jar built earlier would hold them.
        Compilation first = Compiler.javac().withProcessors(new WardenProcessor()).compile(SALES, app);
        assertThat(first).succeededWithoutWarnings();
        writeClassOutput(first, classes);

        // Second compilation: only an entity of the module, whose constraint uses the application's token.
        JavaFileObject customer = source("fixture.sales.Customer",
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ, constraint = \"[region = '[%Region%]']\")",
                "public record Customer(Long id, String region) {}");
        Compilation second = Compiler.javac().withProcessors(new WardenProcessor())
                .withClasspath(classPathWith(classes)).compile(customer);
        assertThat(second).succeededWithoutWarnings();
        assertThat(second).generatedSourceFile("fixture.sales.CustomerPolicy").contentsAsUtf8String()
                .contains("defaultAccess = READ, constraint = \\\"[region = '[%Region%]']\\\")\", true, \"Region\")");
        assertThat(second).generatedSourceFile("fixture.sales.CustomerPolicy").contentsAsUtf8String()
                .contains(".grant(SalesModule.USER,");
    }

    @Test
    void aModuleIndexEntryPointingAtAnotherModulesPackageIsIgnored(@TempDir Path classes) throws IOException {
        Compilation module = Compiler.javac().withProcessors(new WardenProcessor()).compile(SALES);
        assertThat(module).succeededWithoutWarnings();
        writeClassOutput(module, classes);
        // A stale entry: module Marketing recorded with the package of module Sales.
        Path stale = classes.resolve("META-INF/warden/modules/Marketing");
        Files.write(stale, "fixture.sales\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JavaFileObject app = source("fixture.App",
                "package fixture;",
                "import dev.warden.annotations.*;",
                "@AppSecurity(userRoles = @UserRole(name = \"Rep\", moduleRoles = {\"Sales.User\", \"Marketing.User\"}))",
                "public class App {}");
        Compilation compilation = Compiler.javac().withProcessors(new WardenProcessor())
                .withClasspath(classPathWith(classes)).compile(app);
        assertThat(compilation).hadErrorContaining("[WARDEN-E033]").inFile(app).onLineContaining("Marketing.User");
        assertThat(compilation).hadErrorContaining("names module 'Marketing', which is not declared");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aModuleWithAConstrainedEntityCompilesWithoutTheApplication() {
        JavaFileObject quote = source("fixture.sales.Quote",
                "package fixture.sales;",
                "import dev.warden.annotations.*;",
                "@SecuredEntity",
                "@AccessRule(roles = \"User\", defaultAccess = Access.READ, constraint = \"[amount > 5]\")",
                "public record Quote(Long id, int amount) {}");
        Compilation compilation = compile(SALES, quote);
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("fixture.sales.QuotePolicy").contentsAsUtf8String()
                .contains("case 1: // [amount > 5]");
    }
}
