package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: help, the demo, and usage errors with exit code 2 and a message on standard error. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommandsAndTheDemoUsers() {
        assertEquals(Main.OK, run("--help"));
        assertTrue(out().startsWith("usage: java -jar warden-sample-app.jar <command> [options]"), out());
        assertTrue(out().contains("serve [--port N]"), out());
        assertTrue(out().contains("demo_administrator, demo_salesmanager,\ndemo_salesrep, demo_customer"), out());
        assertEquals("", err());
        assertEquals(Main.OK, run("-h"));
    }

    @Test
    void demoPrintsEveryUserAndExitsWithZero() {
        assertEquals(Main.OK, run("demo"));
        assertTrue(out().contains("=== demo_salesrep: Rita Rep, user role SalesRep, region North ==="), out());
        assertTrue(out().contains("=== anonymous visitor: user role Guest ==="), out());
        assertEquals("", err());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(Main.USAGE, run());
        assertEquals("error: no command given; try 'demo' or 'serve', or --help\n", err());
        assertEquals("", out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(Main.USAGE, run("demoo"));
        assertEquals("error: unknown command 'demoo'; see --help\n", err());
    }

    @Test
    void badPortsAreUsageErrors() {
        assertEquals(Main.USAGE, run("serve", "--port", "eighty"));
        assertEquals(Main.USAGE, run("serve", "--port=70000"));
        assertEquals(Main.USAGE, run("serve", "--port"));
        assertEquals(Main.USAGE, run("serve", "--verbose"));
        assertEquals("error: --port must be a number from 0 to 65535, got 'eighty'; see --help\n"
                + "error: --port must be a number from 0 to 65535, got '70000'; see --help\n"
                + "error: --port needs a number; see --help\n"
                + "error: unknown option '--verbose' for 'serve'; see --help\n", err());
    }

    @Test
    void demoTakesOnlyPostgres() {
        assertEquals(Main.USAGE, run("demo", "--fast"));
        assertEquals("error: 'demo' takes only --postgres, got '--fast'; see --help\n", err());
    }
}
