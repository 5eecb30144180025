package dev.warden.benchmarks;

import dev.warden.benchmarks.compile.CompileTimeBenchmark;
import dev.warden.benchmarks.compile.CompileTimeBenchmark.CompilePaths;
import dev.warden.benchmarks.compile.CompileTimeBenchmark.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module and writes {@code BENCHMARKS.md}: the JMH benchmarks (items 1, 2, 3 and 7,
 * with the GC profiler), the constraint-run counts and retained heap of item 7, and the compile-time harness
 * (item 6). Every figure that is compared is compared with a baseline measured in the same run.
 *
 * <p>{@code java -jar benchmarks/target/warden-benchmarks.jar [--out BENCHMARKS.md] [--quick] ...}; see
 * {@link #usage()} and {@code benchmarks/run.sh}.
 */
public final class BenchmarkReport {
    private static final String RESULT_DIR = "benchmarks/results";

    // Settings, with the defaults of the documented run.
    private Path out = Paths.get("BENCHMARKS.md");
    private Path results = Paths.get(RESULT_DIR);
    private String command = "java -jar benchmarks/target/warden-benchmarks.jar";
    private int forks = 2;
    private int warmupIterations = 4;
    /** Warm-up of the benchmarks with long code paths (Spring's interceptors, the SQL filter), one fork each. */
    private int heavyWarmupIterations = 10;
    private int heavyForks = 1;
    private double warmupSeconds = 1.0;
    private int iterations = 5;
    private double iterationSeconds = 0.4;
    private int[] compileSizes = {100, 500, 1000};
    private int compileWarmup = 1;
    private int compileIterations = 3;
    private int[] coldSizes = {100};
    private String[] queryRows = {"10000", "100000", "1000000"};
    private int queryWarmup = 5;
    private int queryIterations = 6;
    private double querySeconds = 0.5;
    private String revision = "unknown";
    private boolean runJmh = true;
    private boolean runCompile = true;
    private boolean quick;

    private final PrintStream log = System.out;

    private BenchmarkReport() {}

    static String usage() {
        return String.join("\n",
                "Usage: java -jar warden-benchmarks.jar [options]",
                "  --out FILE                 where the report goes (BENCHMARKS.md)",
                "  --results DIR              where the raw JMH and compile results go (" + RESULT_DIR + ")",
                "  --command TEXT             the command to print as the way to reproduce the run",
                "  --forks N                  JMH forks per benchmark (2)",
                "  --warmup N                 JMH warm-up iterations of 1 s (4): reads and proxies",
                "  --heavy-warmup N           ... of Spring's proxies and the filters (10), whose code takes long to JIT",
                "  --heavy-forks N            forks of those (1)",
                "  --iterations N             JMH measured iterations (5)",
                "  --seconds S                seconds per measured JMH iteration (0.4)",
                "  --compile-sizes A,B,C      entities of the synthetic domains (100,500,1000)",
                "  --compile-warmup N         warm-up rounds before the first size (1); later sizes start warm",
                "  --compile-iterations N     measured rounds per size (3)",
                "  --cold-sizes A,B           sizes also compiled once in a fresh JVM per configuration (100; none: -)",
                "  --query-rows A,B,C         table sizes of the query benchmarks (10000,100000,1000000)",
                "  --query-warmup N           their warm-up iterations of 1 s (5)",
                "  --query-iterations N       their measured iterations of 0.5 s (6); one fork each",
                "  --revision TEXT            the source revision to print",
                "  --skip-jmh, --skip-compile leave a part out (its tables say so)",
                "  --quick                    a smoke run of a minute or two; its figures mean nothing");
    }

    /** See {@link #usage()}. */
    public static void main(String[] args) throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.parse(args);
        report.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Paths.get(args[++i]);
                case "--results" -> results = Paths.get(args[++i]);
                case "--command" -> command = args[++i];
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupIterations = Integer.parseInt(args[++i]);
                case "--heavy-warmup" -> heavyWarmupIterations = Integer.parseInt(args[++i]);
                case "--heavy-forks" -> heavyForks = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--seconds" -> iterationSeconds = Double.parseDouble(args[++i]);
                case "--compile-sizes" -> compileSizes = ints(args[++i]);
                case "--compile-warmup" -> compileWarmup = Integer.parseInt(args[++i]);
                case "--compile-iterations" -> compileIterations = Integer.parseInt(args[++i]);
                case "--cold-sizes" -> coldSizes = ints(args[++i]);
                case "--query-rows" -> queryRows = args[++i].split(",");
                case "--query-warmup" -> queryWarmup = Integer.parseInt(args[++i]);
                case "--query-iterations" -> queryIterations = Integer.parseInt(args[++i]);
                case "--revision" -> revision = args[++i];
                case "--skip-jmh" -> runJmh = false;
                case "--skip-compile" -> runCompile = false;
                case "--quick" -> {
                    quick = true;
                    forks = 1;
                    warmupIterations = 1;
                    heavyWarmupIterations = 1;
                    iterations = 2;
                    iterationSeconds = 0.2;
                    warmupSeconds = 0.2;
                    querySeconds = 0.2;
                    compileSizes = new int[] {10, 20, 40};
                    compileWarmup = 1;
                    compileIterations = 2;
                    coldSizes = new int[] {10};
                    queryRows = new String[] {"2000", "20000"};
                    queryWarmup = 1;
                    queryIterations = 2;
                    compileIterations = 2;
                }
                case "--help", "-h" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
            }
        }
    }

    private static int[] ints(String list) {
        return list.equals("-") ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    // ------------------------------------------------------------------------------------------------- running

    private void run() throws IOException, RunnerException, InterruptedException {
        long start = System.nanoTime();
        Machine machine = Machine.describe();
        Files.createDirectories(results);

        Map<String, RunResult> jmh = new LinkedHashMap<>();
        if (runJmh) {
            jmh = runJmh();
        }
        ProxyFacts.ConstraintRuns runs = ProxyFacts.constraintRuns(1000, 1_000_000);
        ProxyFacts.Retained retained = ProxyFacts.retained(quick ? 100_000 : 1_000_000);

        List<CompileTimeBenchmark.Result> compile = List.of();
        Map<Config, Map<Integer, Double>> cold = new EnumMap<>(Config.class);
        if (runCompile) {
            CompileTimeBenchmark harness = new CompileTimeBenchmark(CompilePaths.locate());
            compile = harness.run(compileSizes, compileWarmup, compileIterations, log);
            cold = runCold();
            writeCompileCsv(compile);
        }
        String loadAfter = Machine.loadAverage();
        double minutes = (System.nanoTime() - start) / 60e9;

        String markdown = new ReportWriter(this, machine, loadAfter, minutes, jmh, runs, retained, compile, cold).write();
        // Items 8 and 9 are run apart (JpaSpringReport): keep the section the last such run wrote.
        String kept = Files.exists(out) ? JpaSpringReport.section(Files.readString(out, StandardCharsets.UTF_8)) : "";
        Files.writeString(out, JpaSpringReport.splice(markdown, kept), StandardCharsets.UTF_8);
        log.println("# wrote " + out.toAbsolutePath() + " after " + String.format(Locale.ROOT, "%.1f", minutes)
                + " minutes");
    }

    private Map<String, RunResult> runJmh() throws RunnerException {
        Map<String, RunResult> byName = new LinkedHashMap<>();
        TimeValue time = TimeValue.milliseconds(Math.round(iterationSeconds * 1000));
        TimeValue warmupTime = TimeValue.milliseconds(Math.round(warmupSeconds * 1000));
        TimeValue queryWarmupTime = TimeValue.milliseconds(Math.round(Math.max(warmupSeconds, querySeconds) * 1000));
        ChainedOptionsBuilder queries = new OptionsBuilder()
                .include("dev\\.warden\\.benchmarks\\.(QueryBenchmark\\.|RowLevelSecurityBenchmark\\.rowLevelSecurity)")
                .param("rows", queryRows)
                .forks(1)
                .warmupIterations(queryWarmup)
                .warmupTime(queryWarmupTime)
                .measurementIterations(queryIterations)
                .measurementTime(TimeValue.milliseconds(Math.round(querySeconds * 1000)))
                .timeUnit(TimeUnit.MILLISECONDS)
                .jvmArgsAppend("-Xms2g", "-Xmx2g")
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve("jmh-queries.json").toString());
        for (RunResult result : new Runner(queries.build()).run()) {
            byName.put(key(result), result);
        }
        String[][] groups = {
            {"(ReadBenchmark|ProxyBenchmark)", "jmh-result.json"},
            {"(SpringReadBenchmark|FilterBenchmark)", "jmh-heavy.json"},
        };
        for (String[] group : groups) {
            boolean heavy = group[1].equals("jmh-heavy.json");
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include("dev\\.warden\\.benchmarks\\." + group[0] + "\\.")
                    .forks(heavy ? heavyForks : forks)
                    .warmupIterations(heavy ? heavyWarmupIterations : warmupIterations)
                    .warmupTime(warmupTime)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g")
                    .addProfiler(GCProfiler.class)
                    .resultFormat(ResultFormatType.JSON)
                    .result(results.resolve(group[1]).toString());
            Collection<RunResult> runResults = new Runner(options.build()).run();
            for (RunResult result : runResults) {
                byName.put(key(result), result);
            }
        }
        return byName;
    }

    /** {@code Class.method}, then {@code :value} for each parameter in the order JMH lists them. */
    static String key(RunResult result) {
        String name = result.getParams().getBenchmark();
        StringBuilder key = new StringBuilder(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
        for (String param : result.getParams().getParamsKeys()) {
            key.append(':').append(result.getParams().getParam(param));
        }
        return key.toString();
    }

    private Map<Config, Map<Integer, Double>> runCold() throws IOException, InterruptedException {
        Map<Config, Map<Integer, Double>> cold = new EnumMap<>(Config.class);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        for (int size : coldSizes) {
            for (Config config : new Config[] {Config.JAVAC, Config.WARDEN, Config.HIBERNATE}) {
                List<String> cmd = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx4g", "-cp", classPath));
                String paths = System.getProperty(CompileTimeBenchmark.PATHS_PROPERTY);
                if (paths != null) {
                    cmd.add("-D" + CompileTimeBenchmark.PATHS_PROPERTY + "=" + paths);
                }
                cmd.addAll(List.of(CompileTimeBenchmark.class.getName(), "--single", config.name(),
                        Integer.toString(size)));
                Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("Cold compile failed: " + output);
                }
                String[] outputLines = output.split("\n");
                double ms = Double.parseDouble(outputLines[outputLines.length - 1].trim());
                cold.computeIfAbsent(config, c -> new LinkedHashMap<>()).put(size, ms);
                log.printf(Locale.ROOT, "# cold compile %5d entities  %-36s %9.1f ms%n", size, config.label(), ms);
            }
        }
        return cold;
    }

    private void writeCompileCsv(List<CompileTimeBenchmark.Result> compile) throws IOException {
        StringBuilder csv = new StringBuilder("entities,configuration,iteration,milliseconds\n");
        for (CompileTimeBenchmark.Result r : compile) {
            for (int i = 0; i < r.millis().length; i++) {
                csv.append(r.entities()).append(',').append(r.config().name()).append(',').append(i + 1).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", r.millis()[i])).append('\n');
            }
        }
        Files.writeString(results.resolve("compile-times.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ the machine

    /** What the report says about where it ran. */
    record Machine(String cpu, int cores, String memory, String os, String jdk, String date, String loadBefore) {
        static Machine describe() {
            String cpu = "unknown";
            String memory = "unknown";
            try {
                cpu = Files.readAllLines(Paths.get("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
                memory = Files.readAllLines(Paths.get("/proc/meminfo")).stream()
                        .filter(l -> l.startsWith("MemTotal")).findFirst()
                        .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                                Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                        .orElse(memory);
            } catch (IOException | RuntimeException e) {
                // not Linux: leave them unknown
            }
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                    + System.getProperty("os.arch") + ")";
            String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vendor") + ")";
            String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm")) + " UTC";
            return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, os, jdk, date,
                    loadAverage());
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
                return parts[0] + ", " + parts[1] + ", " + parts[2];
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    // ------------------------------------------------------------------------------------------- accessors

    boolean quick() {
        return quick;
    }

    String command() {
        return command;
    }

    String jmhSettings() {
        return String.format(Locale.ROOT, "reads and proxies: %d fork%s x (%d warm-up iterations of %s s + %d measured "
                        + "iterations of %s s); Spring and the filters, whose code takes longer to compile: %d fork%s x "
                        + "(%d warm-up iterations of %s s + the same measured iterations); average time, one thread, "
                        + "-Xms1g -Xmx1g, `-prof gc`",
                forks, forks == 1 ? "" : "s", warmupIterations, trim(warmupSeconds), iterations,
                trim(iterationSeconds), heavyForks, heavyForks == 1 ? "" : "s", heavyWarmupIterations,
                trim(warmupSeconds));
    }

    String compileSettings() {
        return String.format(Locale.ROOT, "sizes %s; in one JVM: %d warm-up rounds before the first size (javac and "
                        + "the processors stay warm for the later sizes), then %d measured rounds per size, each "
                        + "compiling every configuration once, in turns",
                Arrays.toString(compileSizes), compileWarmup, compileIterations);
    }

    String querySettings() {
        return String.format(Locale.ROOT, "1 fork x (%d warm-up iterations of %s s + %d measured iterations of %s s), "
                + "average time, -Xms2g -Xmx2g, `-prof gc`; the database is made and loaded anew in each fork",
                queryWarmup, trim(Math.max(warmupSeconds, querySeconds)), queryIterations, trim(querySeconds));
    }

    String[] queryRows() {
        return queryRows;
    }

    String revision() {
        return revision;
    }

    int[] coldSizes() {
        return coldSizes;
    }

    boolean ranJmh() {
        return runJmh;
    }

    boolean ranCompile() {
        return runCompile;
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The primary score and error of a run, with its allocation per operation. */
    record Score(Stats stats, double bytesPerOp, double bytesPerOpError) {
        static Score of(RunResult run) {
            Result<?> primary = run.getPrimaryResult();
            double bytes = Double.NaN;
            double bytesError = Double.NaN;
            for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = secondary.getValue().getScore();
                    bytesError = secondary.getValue().getScoreError();
                }
            }
            long samples = primary.getSampleCount();
            return new Score(new Stats(primary.getScore(), primary.getScoreError(), (int) samples), bytes,
                    bytesError);
        }
    }
}
