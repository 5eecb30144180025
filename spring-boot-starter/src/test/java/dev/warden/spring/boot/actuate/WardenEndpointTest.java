package dev.warden.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.runtime.ApplicationModel;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** Which overview the endpoint serves when jars carry several, and what it says when there is none. */
class WardenEndpointTest {
    private static final ApplicationModel SHOP = ApplicationModel.builder("ShopApplication")
            .userRole("User", "Sales.User").build();

    private static Path jar(Path root, String name, String application) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name).resolve("META-INF/warden"));
        Files.writeString(dir.resolve("security-overview.json"), "{\n  \"application\": \"" + application + "\"\n}");
        Files.writeString(dir.resolve("security-overview.html"), "<!DOCTYPE html><title>" + application + "</title>");
        return root.resolve(name);
    }

    private static URLClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void theOverviewOfThisApplicationIsServedWhenSeveralAreOnTheClassPath(@TempDir Path root) throws IOException {
        try (URLClassLoader loader = loader(jar(root, "library", "LibraryApplication"), jar(root, "app", "ShopApplication"))) {
            WardenEndpoint endpoint = new WardenEndpoint(SHOP, loader);

            WebEndpointResponse<String> json = endpoint.overview(OverviewFormat.JSON);
            assertThat(json.getStatus()).isEqualTo(200);
            assertThat(json.getBody()).contains("\"ShopApplication\"");
            assertThat(json.getContentType().toString()).isEqualTo("application/json");

            WebEndpointResponse<String> html = endpoint.overview(OverviewFormat.HTML);
            assertThat(html.getBody()).isEqualTo("<!DOCTYPE html><title>ShopApplication</title>");
            assertThat(html.getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        }
    }

    @Test
    void withoutAnOverviewTheAnswerIs404SayingWhy(@TempDir Path root) throws IOException {
        try (URLClassLoader loader = loader(jar(root, "library", "LibraryApplication"))) {
            WardenEndpoint endpoint = new WardenEndpoint(SHOP, loader);

            WebEndpointResponse<String> json = endpoint.overview(OverviewFormat.JSON);
            assertThat(json.getStatus()).isEqualTo(404);
            assertThat(json.getBody()).isEqualTo("{\"error\": \"Not Found\", \"message\": \"No security overview of "
                    + "ShopApplication is on the class path (META-INF/warden/security-overview.json, found 1 of other "
                    + "applications): compile the class annotated @AppSecurity with the Warden processor\"}");

            WebEndpointResponse<String> html = endpoint.overview(OverviewFormat.HTML);
            assertThat(html.getStatus()).isEqualTo(404);
            assertThat(html.getBody()).startsWith("<!DOCTYPE html>").contains("No security overview of ShopApplication");
        }
    }
}
