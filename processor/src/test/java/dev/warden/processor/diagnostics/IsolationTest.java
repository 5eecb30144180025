package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One broken entity gets its errors and no generated code; the others are still generated. */
class IsolationTest {

    private static final JavaFileObject GOOD = entity("Good", """
            @SecuredEntity
            @AccessRule(roles = "User", defaultAccess = Access.READ)
            public class Good {
                private Long id;
                private String name;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
            }
            """);

    private static final JavaFileObject BROKEN = entity("Broken", """
            @SecuredEntity
            @AccessRule(roles = "User", defaultAccess = Access.READ,
                    members = @Member(name = "titel", access = Access.NONE))
            public class Broken {
                private Long id;
                private String title;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getTitle() { return title; }
                public void setTitle(String title) { this.title = title; }
            }
            """);

    @Test
    void theBrokenEntityGetsOneError() {
        Compilation compilation = compile(GOOD, BROKEN);

        assertThat(compilation).hadErrorContaining("[WARDEN-E004]").inFile(BROKEN).onLineContaining("name = \"titel\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void theGoodEntityIsStillGeneratedAndTheBrokenOneIsNot() {
        GeneratedSources.Result result =
                GeneratedSources.compile(List.of(shopModule(), billingModule(), app(), BROKEN, GOOD));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.generated()).containsAtLeast("fx.shop.GoodPolicy", "fx.shop.SecuredGood");
        assertThat(result.generated()).containsNoneOf("fx.shop.BrokenPolicy", "fx.shop.SecuredBroken");
    }

    @Test
    void withoutTheBrokenEntityBothWouldBeGenerated() {
        JavaFileObject fixed = entity("Broken", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "title", access = Access.NONE))
                public class Broken {
                    private Long id;
                    private String title;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getTitle() { return title; }
                    public void setTitle(String title) { this.title = title; }
                }
                """);

        Compilation compilation = compile(GOOD, fixed);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("fx.shop.GoodPolicy")).isPresent();
        assertThat(compilation.generatedSourceFile("fx.shop.BrokenPolicy")).isPresent();
    }
}
