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
}
