package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The security overview the processor writes while compiling the sample: the JSON is exactly the checked-in
 * {@code expected/security-overview.json}, and the HTML page renders in headless Chromium to a screenshot that
 * shows the matrix. Without Chromium the rendering test is skipped, except in CI ({@code CI} set), where it fails.
 */
class SecurityOverviewTest {
    private static final String OVERVIEW = "META-INF/warden/security-overview";
    private static final Path TARGET = Path.of("target");

    /** The background colours of the page's cells: always, when a constraint holds, never, and the headers. */
    private static final int ALWAYS = 0xd7f5dd;
    private static final int WHEN = 0xfff4cc;
    private static final int NEVER = 0xf6f7f9;
    private static final int HEADER = 0xeef1f6;

    private static String resource(String name) throws IOException {
        try (InputStream in = SecurityOverviewTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError(name + " is not on the class path: the processor did not write it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theJsonIsExactlyTheExpectedOneForTheSamplesModel() throws IOException {
        String actual = resource(OVERVIEW + ".json");
        String expected = resource("expected/security-overview.json");
        if (!actual.equals(expected)) {
            Path written = TARGET.resolve("security-overview.actual.json");
            Files.writeString(written, actual);
            List<String> a = actual.lines().toList();
            List<String> e = expected.lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), e.size()) && a.get(line).equals(e.get(line))) {
                line++;
            }
            fail("The security overview differs from src/test/resources/expected/security-overview.json at line "
                    + (line + 1) + ":\n  expected: " + (line < e.size() ? e.get(line) : "(end)")
                    + "\n  actual:   " + (line < a.size() ? a.get(line) : "(end)")
                    + "\nThe whole actual file is " + written.toAbsolutePath()
                    + "; if the change is intended, copy it over the expected one.");
        }
    }

    @Test
    void theJsonSaysWhatTheRulesMean() throws IOException {
        String json = resource(OVERVIEW + ".json");
        assertTrue(json.contains("{\"name\": \"Guest\", \"moduleRoles\": [\"Sales.Guest\"]}"), json);
        // Customers never see a product's cost price; sales reps see it on active products.
        assertTrue(json.contains("{\"userRole\": \"Customer\", \"entity\": \"Sales.Product\",\n"
                + "     \"view\": {\"when\": [\"[active = true()]\"]}, \"create\": false, \"delete\": \"never\",\n"), json);
        assertTrue(json.contains("\"costPrice\": {\"read\": \"never\", \"write\": \"never\"}"), json);
        // A sales rep's two rules on Customer, of different scope.
        assertTrue(json.contains("\"view\": {\"when\": [\"[accountManager = '[%CurrentUser%]']\", \"[region = '[%Region%]']\"]}"),
                json);
        assertTrue(json.contains("\"creditLimit\": {\"read\": {\"when\": [\"[accountManager = '[%CurrentUser%]']\"]},"
                + " \"write\": \"never\"}"), json);
    }

    @Test
    void theHtmlPageHasOneMatrixPerEntityWithAColumnPerUserRole() throws IOException {
        String html = resource(OVERVIEW + ".html");
        List<String> entities = Pattern.compile("<h2>([^<]+)</h2>").matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("Administration.Account", "Sales.Customer", "Sales.Order", "Sales.OrderLine", "Sales.Product"),
                entities);
        Matcher header = Pattern.compile("<tr><th></th>(.*?)</tr>").matcher(html);
        int tables = 0;
        while (header.find()) {
            assertEquals("<th>Administrator</th><th>SalesManager</th><th>SalesRep</th><th>Customer</th><th>Guest</th>",
                    header.group(1));
            tables++;
        }
        assertEquals(5, tables);
    }

    @Test
    void theHtmlPageRendersInHeadlessChromium() throws Exception {
        Path chromium = chromium();
        Path html = Path.of(pageUrl().toURI());
        Path dir = Files.createDirectories(TARGET.resolve("chromium"));
        Path png = TARGET.resolve("security-overview.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile").toAbsolutePath(),
                "--screenshot=" + png, "--window-size=1400,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 90 s; see " + dir.resolve("chromium.log"));
        }
        assertEquals(0, process.exitValue(), "Chromium failed; see " + dir.resolve("chromium.log"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(2000, image.getHeight());
        Map<Integer, Integer> colours = new HashMap<>();
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.merge(rgb, 1, Integer::sum);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                    dark++;
                }
            }
        }
        // The matrix: many cells of each kind, column and row headers, and text in them.
        for (int colour : new int[] {ALWAYS, WHEN, NEVER, HEADER}) {
            int pixels = colours.getOrDefault(colour, 0);
            assertTrue(pixels > 20_000, String.format("only %d pixels of #%06x in %s", pixels, colour, png));
        }
        assertTrue(dark > 20_000, "only " + dark + " dark (text) pixels in " + png);
    }

    private static URL pageUrl() {
        URL url = SecurityOverviewTest.class.getClassLoader().getResource(OVERVIEW + ".html");
        if (url == null || !url.getProtocol().equals("file")) {
            throw new AssertionError(OVERVIEW + ".html is not a file on the class path: " + url);
        }
        return url;
    }

    /** Debian's chromium, or a skip (a failure in CI) when it is not installed. */
    private static Path chromium() throws URISyntaxException {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (new File(candidate).canExecute()) {
                return Path.of(candidate);
            }
        }
        String message = "headless Chromium is not installed (/usr/bin/chromium); install Debian's package with"
                + " 'apt-get install chromium' to render the security overview";
        if (System.getenv("CI") != null) {
            fail(message + ". CI must run this test: .ci/run installs it.");
        }
        Assumptions.abort(message);
        return null;
    }
}
