package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The executable jar the README runs, after {@code package}: {@code demo}, {@code --help}, a usage error, and
 * {@code serve} answering a request, each in its own JVM as a newcomer starts it.
 */
class ExecutableJarIT {
    private static final Path JAR = Path.of("target/warden-sample-app.jar");

    private record Run(int exit, String out, String err) {}

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Run run(String... args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run 'mvn package' first");
        Path out = Files.createTempFile("warden-sample", ".out");
        Path err = Files.createTempFile("warden-sample", ".err");
        Process process = java(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("java -jar " + JAR + " " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void demoRunsFromTheJar() throws Exception {
        Run demo = run("demo");
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().startsWith("Warden sample shop: modules Sales and Administration;"), demo.out());
        for (String user : List.of("demo_administrator", "demo_salesmanager", "demo_salesrep", "demo_customer")) {
            assertTrue(demo.out().contains("=== " + user + ": "), user);
        }
        assertTrue(demo.out().contains("=== anonymous visitor: user role Guest ==="), demo.out());
        assertEquals("", demo.err());
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("usage: java -jar warden-sample-app.jar"), help.out());
        Run wrong = run("serve", "--port", "x");
        assertEquals(2, wrong.exit());
        assertEquals("", wrong.out());
        assertEquals("error: --port must be a number from 0 to 65535, got 'x'; see --help", wrong.err().strip());
    }

    @Test
    void serveAnswersUntilStopped() throws Exception {
        Process server = java("serve", "--port", "0").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null, "the server printed nothing");
            Matcher url = Pattern.compile("API on (http://localhost:\\d+)/api ").matcher(first);
            assertTrue(url.find(), first);
            HttpResponse<String> products = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/api/products")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, products.statusCode());
            assertTrue(products.body().contains("\"name\": \"Anvil\""), products.body());
        } catch (IOException e) {
            throw new AssertionError("could not talk to the server", e);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                fail("the server did not stop on SIGTERM");
            }
        }
    }
}
