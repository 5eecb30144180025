package dev.warden.benchmarks;

import dev.warden.benchmarks.BenchmarkReport.Machine;
import dev.warden.benchmarks.BenchmarkReport.Score;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Items 8 and 9 of {@code BENCHMARKS.md}: Warden for JPA against hand-written Criteria on Hibernate 7.4 (issue 11),
 * Spring Data JPA with and without Warden, and the Spring Security bridge against {@code @PostFilter} (issue 12).
 * Run apart from the other items ({@code bash benchmarks/run.sh --jpa-spring}), it writes its own section of
 * {@code BENCHMARKS.md}, between {@link #BEGIN} and {@link #END}, and leaves the rest of the file alone; the full
 * run ({@link BenchmarkReport}) keeps that section when it rewrites the file.
 */
public final class JpaSpringReport {
    /** Where the section begins. */
    static final String BEGIN = "<!-- Items 8 and 9: written by `bash benchmarks/run.sh --jpa-spring` "
            + "(dev.warden.benchmarks.JpaSpringReport); kept by the full run; do not edit by hand. -->";
    /** Where it ends. */
    static final String END = "<!-- End of items 8 and 9. -->";

    private static final String MET = "**met**";
    private static final String MISSED = "**missed**";
    private static final String UNSETTLED = "**not settled**";

    private Path out = Paths.get("BENCHMARKS.md");
    private Path results = Paths.get("benchmarks/results");
    private String command = "bash benchmarks/run.sh --jpa-spring";
    private String revision = "unknown";
    private int forks = 1;
    private int warmup = 8;
    private int iterations = 5;
    private double seconds = 1.0;
    private String rows = "10000";

    private JpaSpringReport() {}

    static String usage() {
        return String.join("\n",
                "Usage: java -cp warden-benchmarks.jar dev.warden.benchmarks.JpaSpringReport [options]",
                "  --out FILE         the report whose section of items 8 and 9 is written (BENCHMARKS.md)",
                "  --results DIR      where the raw JMH results go (benchmarks/results)",
                "  --command TEXT     the command to print as the way to reproduce the run",
                "  --revision TEXT    the source revision to print",
                "  --forks N          JMH forks per benchmark (1)",
                "  --warmup N         warm-up iterations of 1 s (8): Hibernate's and Spring's paths are long to JIT",
                "  --iterations N     measured iterations (5)",
                "  --seconds S        seconds per measured iteration (1)",
                "  --rows N           rows of the table (10000)",
                "  --quick            a smoke run; its figures mean nothing");
    }

    /** See {@link #usage()}. */
    public static void main(String[] args) throws Exception {
        JpaSpringReport report = new JpaSpringReport();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> report.out = Paths.get(args[++i]);
                case "--results" -> report.results = Paths.get(args[++i]);
                case "--command" -> report.command = args[++i];
                case "--revision" -> report.revision = args[++i];
                case "--forks" -> report.forks = Integer.parseInt(args[++i]);
                case "--warmup" -> report.warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> report.iterations = Integer.parseInt(args[++i]);
                case "--seconds" -> report.seconds = Double.parseDouble(args[++i]);
                case "--rows" -> report.rows = args[++i];
                case "--quick" -> {
                    report.warmup = 1;
                    report.iterations = 2;
                    report.seconds = 0.2;
                    report.rows = "5000";
                }
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + usage());
            }
        }
        report.run();
    }

    private void run() throws IOException, RunnerException {
        long start = System.nanoTime();
        Machine machine = Machine.describe();
        Files.createDirectories(results);
        TimeValue time = TimeValue.milliseconds(Math.round(seconds * 1000));
        Map<String, RunResult> jmh = new LinkedHashMap<>();
        for (RunResult result : new Runner(new OptionsBuilder()
                .include("dev\\.warden\\.benchmarks\\.(JpaQueryBenchmark|SpringDataBenchmark|PostFilterBenchmark)\\.")
                .param("rows", rows)
                .forks(forks)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(time)
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve("jmh-jpa-spring.json").toString())
                .build()).run()) {
            jmh.put(BenchmarkReport.key(result), result);
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        String section = section(machine, Machine.loadAverage(), minutes, jmh);
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        Files.writeString(out, splice(existing, section), StandardCharsets.UTF_8);
        System.out.println("# wrote items 8 and 9 into " + out.toAbsolutePath());
    }

    /** {@code document} with its section of items 8 and 9 replaced by {@code section}, or with it at the end. */
    static String splice(String document, String section) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin >= 0 && end > begin) {
            return document.substring(0, begin) + section + document.substring(end + END.length());
        }
        if (section.isEmpty()) {
            return document;
        }
        return document + (document.isEmpty() || document.endsWith("\n\n") ? "" : "\n") + section + "\n";
    }

    /** The section of items 8 and 9 in {@code document}, markers included, or "" when it has none. */
    static String section(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        return begin >= 0 && end > begin ? document.substring(begin, end + END.length()) : "";
    }

    // ------------------------------------------------------------------------------------------- writing

    private String section(Machine machine, String loadAfter, double minutes, Map<String, RunResult> jmh) {
        String suffix = ":" + rows;
        Stats hand = stats(jmh, "JpaQueryBenchmark.handWrittenCriteria" + suffix);
        Stats warden = stats(jmh, "JpaQueryBenchmark.wardenCriteria" + suffix);
        Stats predicate = stats(jmh, "JpaQueryBenchmark.wardenPredicateWithoutSafetyNet" + suffix);
        Stats allOff = stats(jmh, "JpaQueryBenchmark.loadAllWithoutSafetyNet" + suffix);
        Stats allOn = stats(jmh, "JpaQueryBenchmark.loadAllWithSafetyNet" + suffix);
        Stats springHand = stats(jmh, "SpringDataBenchmark.handWrittenSpecification" + suffix);
        Stats springWarden = stats(jmh, "SpringDataBenchmark.wardenSpecification" + suffix);
        Stats postFilter = stats(jmh, "PostFilterBenchmark.springPostFilter" + suffix);
        Stats bridge = stats(jmh, "PostFilterBenchmark.wardenThroughTheBridge" + suffix);

        int n = Integer.parseInt(rows);
        // ms per query over n entities, in ns per entity; the errors of the two arms added in quadrature.
        Stats perEntity = new Stats((allOn.mean() - allOff.mean()) * 1e6 / n,
                Math.hypot(allOn.error(), allOff.error()) * 1e6 / n, Math.min(allOn.samples(), allOff.samples()));
        Stats criteriaRatio = warden.over(hand);
        Stats springRatio = springWarden.over(springHand);
        Stats speedup = postFilter.over(bridge);
        String criteriaVerdict = atMost(1.1, criteriaRatio) + noisy(criteriaRatio);
        String netVerdict = atMost(50, perEntity) + noisy(perEntity);
        String springVerdict = atMost(1.1, springRatio) + noisy(springRatio);
        String bridgeVerdict = atLeast(10, speedup) + noisy(speedup);

        StringBuilder b = new StringBuilder();
        b.append(BEGIN).append("\n\n");
        b.append("## 8 and 9. JPA, Spring Data JPA and the Spring Security bridge (issues 11 and 12)\n\n");
        b.append("Measured apart from items 1 to 7, in a run of their own; every figure is again a ratio against a "
                + "baseline measured in the same run, and `±` is JMH's 99.9% error as above. **These figures were "
                + "measured on a contended machine**: 2 cores shared with about six other engineers' builds and "
                + "test runs (see the load average, where 2.0 would mean both cores busy), so the error bars are wide "
                + "and one side of a ratio can be shifted by what ran beside it. Treat every verdict here as "
                + "provisional until a run on a quiet machine (the command below) confirms it.\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Command | `").append(command).append("` |\n");
        b.append("| Date | ").append(machine.date()).append(" |\n");
        b.append("| Source | ").append(revision).append(" |\n");
        b.append("| Machine | ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores (nproc), ")
                .append(machine.memory()).append(" memory, ").append(machine.os()).append(" |\n");
        b.append("| JDK | ").append(machine.jdk()).append(" |\n");
        b.append("| JMH | ").append(String.format(Locale.ROOT, "%d fork%s x (%d warm-up iterations of 1 s + %d "
                        + "measured iterations of %s s), average time, one thread, -Xms1g -Xmx1g, `-prof gc`; H2 in "
                        + "memory, %s rows, loaded anew in each fork", forks, forks == 1 ? "" : "s", warmup, iterations,
                BenchmarkReport.trim(seconds), rows)).append(" |\n");
        b.append("| Load average (1, 5, 15 min) | ").append(machine.loadBefore()).append(" at the start, ")
                .append(loadAfter).append(" at the end |\n");
        b.append("| Duration | ").append(String.format(Locale.ROOT, "%.1f minutes", minutes)).append(" |\n\n");

        b.append("| # | What | Target | Measured | Verdict |\n|---|---|---|---|---|\n");
        b.append("| 8a | secured Criteria list query vs the same hand-written Criteria query (Hibernate 7.4, H2) "
                + "| ≤ 1.1x | ").append(ReportWriter.fmt(criteriaRatio)).append(" x | ").append(criteriaVerdict)
                .append(" |\n");
        b.append("| 8b | the post-load safety net's check, per entity | < 50 ns | ").append(ReportWriter.fmt(perEntity))
                .append(" ns | ").append(netVerdict).append(" |\n");
        b.append("| 9a | Spring Data `findAll(spec, pageable)` with Warden vs the same repository without | ≤ 1.1x | ")
                .append(ReportWriter.fmt(springRatio)).append(" x | ").append(springVerdict).append(" |\n");
        b.append("| 9b | the reader's invoices through the Spring Security bridge vs `@PostFilter`, ").append(rows)
                .append(" rows | ≥ 10x faster | ").append(ReportWriter.fmt(speedup)).append(" x faster | ")
                .append(bridgeVerdict).append(" |\n\n");
        b.append("A verdict is **met** when the point estimate meets the target, **missed** when it misses it "
                + "beyond its error bar, and **not settled** when it misses it but the error bar reaches the "
                + "target; (noisy) when the error bar is more than half the figure itself.\n\n");

        b.append("### 8. Criteria queries through Hibernate with Warden (issue 11)\n\n");
        b.append("`JpaQueryBenchmark`: the reader's invoices (1% of ").append(rows).append(" rows, `owner` indexed, "
                + "ordered by id) as a Criteria query in a new `EntityManager` per operation, as a request would "
                + "make it. Warden's arm runs in a factory with Warden's integrator (discovered from the jar; its "
                + "automatic read filter off, `warden.jpa.read-filter=false`, so that the query has the predicate "
                + "once) and puts `WardenJpa.readable(cb, query, root, ctx)` in the `WHERE`; Hibernate then also "
                + "judges each entity it loads (the post-load safety net). The baseline runs in a factory with "
                + "`warden.jpa.enabled=false` and writes the rule by hand, `cb.equal(root.get(\"owner\"), reader)`. "
                + "The entity is `LedgerInvoice`, with `Invoice`'s rules, on a copy of the table.\n\n");
        b.append("| Query | Time (ms/op) | Ratio to the hand-written query | Allocated (B/op) |\n|---|---|---:|---:|\n");
        row(b, jmh, "hand-written Criteria, Hibernate without Warden (baseline)",
                "JpaQueryBenchmark.handWrittenCriteria" + suffix, hand);
        row(b, jmh, "`WardenJpa.readable`, Hibernate with Warden (predicate and safety net)",
                "JpaQueryBenchmark.wardenCriteria" + suffix, hand);
        row(b, jmh, "`WardenJpa.readable`, Hibernate without Warden (the predicate alone)",
                "JpaQueryBenchmark.wardenPredicateWithoutSafetyNet" + suffix, hand);
        b.append("\n**Target: within 1.1x of the hand-written query: ").append(criteriaVerdict).append(".**")
                .append(caveat(criteriaRatio)).append("\n\n");
        b.append("The safety net's cost per entity: every row (").append(rows).append(" entities) loaded by a "
                + "manager, whose rule lets them see all, so every entity is judged and none refused; with the "
                + "integrator on, against the same query with it off. Per entity = (on - off) / ").append(rows)
                .append(", the two errors added in quadrature.\n\n");
        b.append("| Query | Time (ms/op) | Ratio to without | Allocated (B/op) |\n|---|---|---:|---:|\n");
        row(b, jmh, "every row, Hibernate without Warden (baseline)",
                "JpaQueryBenchmark.loadAllWithoutSafetyNet" + suffix, allOff);
        row(b, jmh, "every row, Hibernate with Warden (each entity judged after load)",
                "JpaQueryBenchmark.loadAllWithSafetyNet" + suffix, allOff);
        double bytesPerEntity = (Score.of(jmh.get("JpaQueryBenchmark.loadAllWithSafetyNet" + suffix)).bytesPerOp()
                - Score.of(jmh.get("JpaQueryBenchmark.loadAllWithoutSafetyNet" + suffix)).bytesPerOp()) / n;
        b.append("\nPer entity: ").append(ReportWriter.fmt(perEntity)).append(" ns. **Target: under 50 ns per "
                + "entity: ").append(netVerdict).append(".** The difference of two long queries is small against "
                + "their error bars here, so this figure is the least certain of the section. The allocation, "
                + "which the machine's load does not disturb, is steadier: the safety net allocates ")
                .append(String.format(Locale.ROOT, "%.0f", bytesPerEntity)).append(" B per entity it judges "
                + "(JMH's `gc.alloc.rate.norm`, on minus off, over ").append(rows).append(" entities).\n\n");

        b.append("### 9. Spring Data JPA and the Spring Security bridge (issue 12)\n\n");
        b.append("`SpringDataBenchmark`: Spring Data JPA without Spring Boot (`@EnableJpaRepositories`, "
                + "`LocalContainerEntityManagerFactoryBean`, `JpaTransactionManager`), the same repository "
                + "interface in two application contexts on the same database, one with Warden's integrator and "
                + "one without. `findAll(spec, PageRequest.of(1, 20, Sort.by(\"id\")))`: the second page of 20 of the "
                + "reader's invoices and the count query Spring Data runs for the page's total, with "
                + "`WardenSpecification.readable()` against a hand-written `Specification` of the same rule.\n\n");
        b.append("| Page | Time (µs/op) | Ratio to without Warden | Allocated (B/op) |\n|---|---|---:|---:|\n");
        row(b, jmh, "hand-written specification, repository without Warden (baseline)",
                "SpringDataBenchmark.handWrittenSpecification" + suffix, springHand);
        row(b, jmh, "`WardenSpecification.readable()`, repository with Warden",
                "SpringDataBenchmark.wardenSpecification" + suffix, springHand);
        b.append("\n**Target: within 1.1x of the repository without Warden: ").append(springVerdict)
                .append(".**").append(caveat(springRatio)).append("\n\n");
        b.append("`PostFilterBenchmark`: a user signed in with Spring Security (`ROLE_User`, principal id 7) asks for "
                + "their invoices, ").append(rows).append(" rows in the table. Spring Security's own way: a bean "
                + "method under `@EnableMethodSecurity` that loads every invoice with JDBC and is annotated "
                + "`@PostFilter(\"hasRole('Administrator') or filterObject.owner == principal.id\")`, evaluated on "
                + "each row. Warden's: `WardenData.list`, its user read from Spring Security's context through the "
                + "bridge (`SpringSecurityUserProvider`) on each call, the rule in the statement's `WHERE`. Both "
                + "return the same 1% of the rows.\n\n");
        b.append("| Request | Time (ms/op) | Ratio to `@PostFilter` | Allocated (B/op) |\n|---|---|---:|---:|\n");
        row(b, jmh, "Spring Security `@PostFilter` over every row (baseline)",
                "PostFilterBenchmark.springPostFilter" + suffix, postFilter);
        row(b, jmh, "Warden through the bridge, filter in SQL", "PostFilterBenchmark.wardenThroughTheBridge" + suffix,
                postFilter);
        b.append("\n**Target: Warden at least 10x faster at ").append(rows).append(" rows: ").append(bridgeVerdict)
                .append("** (").append(ReportWriter.fmt(speedup)).append(" x).\n\n");

        b.append("### Reproducing items 8 and 9\n\n```\n");
        b.append("bash benchmarks/run.sh --jpa-spring            # builds the jar, runs items 8 and 9, rewrites this "
                + "section only\n");
        b.append("bash benchmarks/run.sh --jpa-spring --quick    # a smoke run; its figures mean nothing\n");
        b.append("java -cp benchmarks/target/warden-benchmarks.jar org.openjdk.jmh.Main -prof gc "
                + "'(JpaQuery|SpringData|PostFilter)Benchmark'   # plain JMH\n```\n\n");
        b.append("Raw results: `benchmarks/results/jmh-jpa-spring.json`. Neither `mvn verify` nor the full "
                + "`bash benchmarks/run.sh` runs these benchmarks: `mvn verify` compiles them and runs "
                + "`JpaSpringBenchmarksTest`, which checks that every arm returns the same rows and that Warden is "
                + "really in the secured factory and repository (and not in the plain ones), never a time.\n\n");
        b.append(END);
        return b.toString();
    }

    /** Said after a verdict whose figure's error bar is more than half the figure. */
    private static String noisy(Stats value) {
        return !Double.isNaN(value.error()) && value.error() > Math.abs(value.mean()) / 2 ? " (noisy)" : "";
    }

    /** What a ratio of Warden's work to a baseline that does less cannot mean, said when the run shows it. */
    private static String caveat(Stats ratio) {
        StringBuilder caveat = new StringBuilder();
        if (ratio.mean() < 1) {
            caveat.append(" A ratio below 1 does not mean Warden is faster: its arm runs the same query and more; "
                    + "the baseline's iterations were slowed by other work on the machine.");
        }
        if (!Double.isNaN(ratio.error()) && ratio.error() > ratio.mean() / 2) {
            caveat.append(" The error bar (± ").append(ReportWriter.fmt(ratio).replaceFirst("^.* ± ", ""))
                    .append(") is more than half the ratio: this run cannot tell the two arms apart, and the verdict "
                            + "needs a run on a quiet machine.");
        }
        return caveat.toString();
    }

    private static Stats stats(Map<String, RunResult> jmh, String key) {
        RunResult run = jmh.get(key);
        if (run == null) {
            throw new IllegalStateException("No result for " + key + "; got " + jmh.keySet());
        }
        return Score.of(run).stats();
    }

    private static void row(StringBuilder b, Map<String, RunResult> jmh, String label, String key, Stats baseline) {
        Score score = Score.of(jmh.get(key));
        boolean isBaseline = score.stats().equals(baseline);
        b.append("| ").append(label).append(" | ").append(ReportWriter.fmt(score.stats())).append(" | ")
                .append(isBaseline ? "1" : ReportWriter.fmt(score.stats().over(baseline))).append(" | ")
                .append(Double.isNaN(score.bytesPerOp()) ? "?"
                        : String.format(Locale.ROOT, "%.0f", score.bytesPerOp()))
                .append(" |\n");
    }

    private static String atMost(double limit, Stats value) {
        if (value.mean() <= limit) {
            return MET;
        }
        return value.mean() - (Double.isNaN(value.error()) ? 0 : value.error()) > limit ? MISSED : UNSETTLED;
    }

    private static String atLeast(double limit, Stats value) {
        if (value.mean() >= limit) {
            return MET;
        }
        return value.mean() + (Double.isNaN(value.error()) ? 0 : value.error()) < limit ? MISSED : UNSETTLED;
    }
}
