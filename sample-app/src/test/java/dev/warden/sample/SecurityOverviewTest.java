package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The security overview the processor writes while compiling the sample: the JSON and the CSV are exactly the
 * checked-in {@code expected/security-overview.json} and {@code .csv}, and the HTML page renders in headless Chromium
 * to screenshots that show the entity matrix and the operations tab. Without Chromium the rendering tests are
 * skipped, except in CI ({@code CI} set), where they fail.
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
        assertSameAsExpected("json");
    }

    @Test
    void theCsvIsExactlyTheExpectedOneForTheSamplesModel() throws IOException {
        assertSameAsExpected("csv");
    }

    private static void assertSameAsExpected(String extension) throws IOException {
        String actual = resource(OVERVIEW + "." + extension);
        String expected = resource("expected/security-overview." + extension);
        if (!actual.equals(expected)) {
            Path written = TARGET.resolve("security-overview.actual." + extension);
            Files.writeString(written, actual);
            List<String> a = actual.lines().toList();
            List<String> e = expected.lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), e.size()) && a.get(line).equals(e.get(line))) {
                line++;
            }
            fail("The security overview differs from src/test/resources/expected/security-overview." + extension
                    + " at line " + (line + 1) + ":\n  expected: " + (line < e.size() ? e.get(line) : "(end)")
                    + "\n  actual:   " + (line < a.size() ? a.get(line) : "(end)")
                    + "\nThe whole actual file is " + written.toAbsolutePath()
                    + "; if the change is intended, copy it over the expected one.");
        }
    }

    @Test
    void theJsonSaysWhatTheRulesMean() throws IOException {
        String json = resource(OVERVIEW + ".json");
        assertTrue(json.contains("{\"name\": \"Guest\", \"moduleRoles\": [\"Sales.Guest\"], \"manageableRoles\": []}"), json);
        assertTrue(json.contains("{\"name\": \"SalesManager\", \"moduleRoles\": [\"Sales.Manager\", \"Administration.Staff\","
                + " \"Administration.User\", \"Administration.UserManager\"], \"manageableRoles\": [\"SalesRep\", \"Customer\"]}"),
                json);
        // [%UserRole_Administrator%] resolved: administrators delete every order, managers only cancelled ones.
        assertTrue(json.contains("{\"userRole\": \"Administrator\", \"entity\": \"Sales.Order\",\n"
                + "     \"view\": \"always\", \"create\": true, \"delete\": \"always\","), json);
        assertTrue(json.contains("{\"userRole\": \"SalesManager\", \"entity\": \"Sales.Order\",\n"
                + "     \"view\": \"always\", \"create\": true, \"delete\": {\"when\": [\"[status = 'CANCELLED']\"]},"), json);
        assertFalse(json.contains("UserRole_"), json);
        // Operation access: user administration is for administrators and user managers, deleting for administrators.
        assertTrue(json.contains("{\"operation\": \"UserAdministration.deleteAccount\", \"type\":"
                + " \"dev.warden.sample.app.UserAdministration\", \"moduleRoles\": [\"Administration.Admin\"],\n"
                + "     \"userRoles\": {\"Administrator\": true, \"SalesManager\": false, \"SalesRep\": false, \"Customer\":"
                + " false, \"Guest\": false}}"), json);
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
        String entitiesTab = section(html, "entities");
        List<String> entities = Pattern.compile("<h2>([^<]+)</h2>").matcher(entitiesTab).results().map(m -> m.group(1))
                .toList();
        assertEquals(List.of("Administration.Account", "Sales.Customer", "Sales.Order", "Sales.OrderLine", "Sales.Product"),
                entities);
        assertEquals(5, headers(entitiesTab));
        assertEquals(1, headers(section(html, "operations")));
        assertEquals(1, headers(section(html, "user-management")));
        assertTrue(section(html, "operations").contains("<tr><th>UserAdministration.deleteAccount<small>Administration.Admin"
                + "</small></th><td class=\"always\">yes</td><td class=\"never\">no</td><td class=\"never\">no</td>"
                + "<td class=\"never\">no</td><td class=\"never\">no</td></tr>"), html);
    }

    /** The tables with a header row of every user role in a part of the page. */
    private static int headers(String html) {
        Matcher header = Pattern.compile("<tr><th></th>(.*?)</tr>").matcher(html);
        int tables = 0;
        while (header.find()) {
            assertEquals("<th>Administrator</th><th>SalesManager</th><th>SalesRep</th><th>Customer</th><th>Guest</th>",
                    header.group(1));
            tables++;
        }
        return tables;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no tab " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void theHtmlPageRendersInHeadlessChromium() throws Exception {
        Map<Integer, Integer> colours = new HashMap<>();
        int dark = render("", "security-overview.png", colours);
        // The matrix: many cells of each kind, column and row headers, and text in them.
        for (int colour : new int[] {ALWAYS, WHEN, NEVER, HEADER}) {
            int pixels = colours.getOrDefault(colour, 0);
            assertTrue(pixels > 20_000, String.format("only %d pixels of #%06x", pixels, colour));
        }
        assertTrue(dark > 20_000, "only " + dark + " dark (text) pixels");
    }

    /** The operations tab alone: yes and no cells, and none of the entity matrix's "when a constraint holds". */
    @Test
    void theOperationsTabRendersWithoutTheEntityMatrix() throws Exception {
        Map<Integer, Integer> colours = new HashMap<>();
        int dark = render("#operations", "security-overview-operations.png", colours);
        assertTrue(colours.getOrDefault(ALWAYS, 0) > 2_000, "too few 'yes' cells: " + colours.get(ALWAYS));
        assertTrue(colours.getOrDefault(NEVER, 0) > 2_000, "too few 'no' cells: " + colours.get(NEVER));
        assertEquals(0, colours.getOrDefault(WHEN, 0), "the entity matrix shows on the operations tab");
        assertTrue(dark > 1_000, "only " + dark + " dark (text) pixels");
    }

    /** Renders the page (with a fragment) to a screenshot; the colours of its pixels, and how many are dark. */
    private static int render(String fragment, String screenshot, Map<Integer, Integer> colours) throws Exception {
        Path chromium = chromium();
        Path html = Path.of(pageUrl().toURI());
        Path dir = Files.createDirectories(TARGET.resolve("chromium"));
        Path png = TARGET.resolve(screenshot).toAbsolutePath();
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile").toAbsolutePath(),
                "--screenshot=" + png, "--window-size=1400,2000", html.toUri() + fragment)
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 90 s; see " + dir.resolve("chromium.log"));
        }
        assertEquals(0, process.exitValue(), "Chromium failed; see " + dir.resolve("chromium.log"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(2000, image.getHeight());
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
        return dark;
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
