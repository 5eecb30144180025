package dev.warden.verification.robustness;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.warden.verification.support.Javac;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The processor never crashes: hand-written and generated malformed inputs compile to success or to diagnostics,
 * never to an exception from the processor ({@code [WARDEN-E099]} counts as one, and so does a stack trace in any
 * message) and never to a javac crash (compile-testing throws then). A failure that is not success must say why:
 * at least one error.
 *
 * <p>Generated cases are batched, several entities with malformed rules in one compilation (the processor reports an
 * internal failure on the element and goes on, so one crash cannot hide another); a failing batch is compiled again
 * case by case to name the culprit. Size: {@code warden.verify.robustness} generated cases (120 by default, 1500
 * with {@code -Pthorough}).
 */
class ProcessorRobustnessTest {

    static final int CASES_PER_BATCH = 12;
    static final AtomicInteger CASES = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.printf("robustness: %d inputs compiled without a processor crash%n", CASES.get());
    }

    // --------------------------------------------------------------------------------------------- the check

    /** Compiles and returns what is wrong, or null when the processor behaved. */
    static String problem(Map<String, String> sources) {
        Compilation compilation;
        try {
            compilation = Javac.compile(sources);
        } catch (Throwable crash) {
            return "javac or the processor crashed: " + crash;
        }
        String diagnostics = Javac.diagnostics(compilation);
        if (diagnostics.contains("WARDEN-E099")) {
            return "internal error of the processor:\n" + diagnostics;
        }
        if (diagnostics.contains("Exception") && diagnostics.contains("\tat ") || diagnostics.contains("\n\tat dev.warden")) {
            return "a stack trace in a message:\n" + diagnostics;
        }
        if (compilation.status() == Compilation.Status.FAILURE && compilation.diagnostics().stream()
                .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
            return "failed without an error:\n" + diagnostics;
        }
        return null;
    }

    static void check(String name, Map<String, String> sources) {
        CASES.incrementAndGet();
        String problem = problem(sources);
        if (problem != null) {
            fail(name + ": " + problem + "\n\nsources:\n" + render(sources));
        }
    }

    static String render(Map<String, String> sources) {
        StringBuilder s = new StringBuilder();
        sources.forEach((n, t) -> s.append("// ").append(n).append('\n').append(t).append('\n'));
        return s.toString();
    }

    // -------------------------------------------------------------------------------------------- hand-written

    @TestFactory
    Stream<DynamicTest> handWrittenInputs() {
        return MalformedInputs.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> malformedConstraints() {
        return Stream.concat(constraintBatches("constraints", MalformedInputs.constraints(), CASES_PER_BATCH),
                constraintBatches("misspelled tokens", MalformedInputs.misspelledTokens(), 40));
    }

    /** Constraints compiled in batches of one entity each; a failing batch is compiled again case by case. */
    static Stream<DynamicTest> constraintBatches(String what, String[] constraints, int size) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int start = 0; start < constraints.length; start += size) {
            List<String> batch = List.of(constraints).subList(start, Math.min(constraints.length, start + size));
            int first = start;
            tests.add(DynamicTest.dynamicTest(what + " " + start + " to " + (start + batch.size() - 1), () -> {
                CASES.addAndGet(batch.size());
                String problem = problem(MalformedInputs.constraintEntities(batch));
                if (problem == null) {
                    return;
                }
                for (int i = 0; i < batch.size(); i++) {
                    Map<String, String> alone = MalformedInputs.constraintEntities(List.of(batch.get(i)));
                    String single = problem(alone);
                    if (single != null) {
                        fail(what + " " + (first + i) + ": " + single + "\n\nsources:\n" + render(alone));
                    }
                }
                fail(problem);
            }));
        }
        return tests.stream();
    }

    // ---------------------------------------------------------------------------------------------- generated

    @TestFactory
    Stream<DynamicTest> generatedInputs() {
        long seed = Long.getLong("warden.verify.seed", 20261127L);
        int cases = Integer.getInteger("warden.verify.robustness", 120);
        List<DynamicTest> tests = new ArrayList<>();
        for (int b = 0; b * CASES_PER_BATCH < cases; b++) {
            long batchSeed = seed * 31 + b;
            tests.add(DynamicTest.dynamicTest("seed " + batchSeed, () -> generatedBatch(batchSeed)));
        }
        return tests.stream();
    }

    static void generatedBatch(long seed) {
        Random random = new Random(seed);
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < CASES_PER_BATCH; i++) {
            entities.add(Fuzz.entity(random, "Case" + i));
        }
        Map<String, String> batch = Fuzz.application(entities);
        CASES.addAndGet(CASES_PER_BATCH - 1);
        String problem = problem(batch);
        CASES.incrementAndGet();
        if (problem == null) {
            return;
        }
        // name the culprit: each case alone
        for (int i = 0; i < entities.size(); i++) {
            Map<String, String> alone = Fuzz.application(List.of(entities.get(i)));
            String single = problem(alone);
            if (single != null) {
                fail("seed " + seed + ", case " + i + ": " + single + "\n\nsources:\n" + render(alone));
            }
        }
        fail("seed " + seed + ": " + problem + "\n\nsources:\n" + render(batch));
    }

    /** Random malformed rules on an entity of a small fixed application. */
    static final class Fuzz {
        static final String[] SOUP = {
            "[", "]", "(", ")", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "not(", "'", "''", "'x'",
            "'a''b'", "[%", "%]", "'[%CurrentUser%]'", "'[%CurrentUsr%]'", "'[%currentuser%]'", "'[%UserRole_U1%]'",
            "'[%UserRole_%]'", "'[%UserRole_Nobody%]'", "'[%Tenant%]'", "'[%Tenant'", "'[%%]'", "'[%BeginOfCurrentDay%]'",
            "empty", "true()", "false()", "true", "()", "contains(", "starts-with(", "ends-with(", "count(", ",", "1",
            "-1", "1.5", "1e5", ".5", "5.", "--1", "0x10", "99999999999999999999999", "s", "n", "i", "b", "e", "d",
            "ref", "list", "ref/s", "list/n", "ref/ref/ref/list/s", "calc", "nope", "S", "id", "é", "名前", "😀",
            "\u0000", "\u202e", "\t", "\n", " ", "  ", "\\", "\"", "$", "%", "_", "@", "#", "[]", "[[", "]]",
            "'OPEN'", "'RED'", "'red'", "/s", "s/", "ref//s",
        };
        static final String[] ROLES = {"R1", "R2", "", " R1", "Fuzz.R1", "Other.R1", "r1", "R9", "U1", "😀", "R1 ",
            "a.b.c", "R1", "R2"};
        static final String[] MEMBERS = {"s", "n", "i", "b", "e", "d", "ref", "list", "calc", "id", "", "nope", "S",
            "ref/s", "😀", " s"};
        static final String[] ACCESS = {"NONE", "READ", "READ_WRITE"};
        static final String[] VALID = {"[s = 'x']", "[n > 1]", "[ref/s = empty]", "[list/n >= 2]",
            "[not(ref) or b = true()]", "[contains(s, 'a')]", "[e = 'RED']", "[n = '[%CurrentUser%]']",
            "[ref = '[%CurrentUser%]'][d < 1.5]", "['[%UserRole_U1%]']", "[s = '[%Region%]']"};

        static String constraint(Random random) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                return "";
            }
            if (kind == 1) {
                StringBuilder s = new StringBuilder(VALID[random.nextInt(VALID.length)]);
                int edits = 1 + random.nextInt(3);
                for (int i = 0; i < edits && s.length() > 0; i++) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.insert(at, SOUP[random.nextInt(SOUP.length)]);
                        default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                return s.toString();
            }
            int length = 1 + random.nextInt(kind == 2 ? 12 : 40);
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "[" : "");
            for (int i = 0; i < length; i++) {
                s.append(SOUP[random.nextInt(SOUP.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            return s.append(random.nextBoolean() ? "]" : "").toString();
        }

        static String rule(Random random) {
            StringBuilder s = new StringBuilder("@AccessRule(roles = {");
            int roles = random.nextInt(4);
            for (int i = 0; i < roles; i++) {
                s.append(i == 0 ? "" : ", ").append(literal(ROLES[random.nextInt(ROLES.length)]));
            }
            s.append("}");
            if (random.nextBoolean()) {
                s.append(", create = ").append(random.nextBoolean());
            }
            if (random.nextBoolean()) {
                s.append(", delete = ").append(random.nextBoolean());
            }
            if (random.nextBoolean()) {
                s.append(", defaultAccess = Access.").append(ACCESS[random.nextInt(3)]);
            }
            int members = random.nextInt(4);
            if (members > 0) {
                s.append(", members = {");
                for (int i = 0; i < members; i++) {
                    s.append(i == 0 ? "" : ", ").append("@Member(name = ")
                            .append(literal(MEMBERS[random.nextInt(MEMBERS.length)])).append(", access = Access.")
                            .append(ACCESS[random.nextInt(3)]).append(')');
                }
                s.append('}');
            }
            if (random.nextInt(5) > 0) {
                s.append(", constraint = ").append(literal(constraint(random)));
            }
            return s.append(')').toString();
        }

        static String entity(Random random, String name) {
            StringBuilder s = new StringBuilder();
            s.append(random.nextInt(8) == 0 ? "@SecuredEntity(persistent = false)\n" : "@SecuredEntity\n");
            int rules = random.nextInt(4);
            for (int i = 0; i < rules; i++) {
                s.append(rule(random)).append('\n');
            }
            s.append("class ").append(name).append(" {\n");
            s.append("    private Long id;\n");
            s.append(memberAccess(random)).append("    private String s;\n");
            s.append(memberAccess(random)).append("    private Long n;\n");
            s.append("    private int i;\n    private boolean b;\n    private Color e;\n    private java.math.BigDecimal d;\n");
            s.append("    private ").append(name).append(" ref;\n");
            s.append("    private java.util.List<").append(name).append("> list;\n");
            if (random.nextInt(4) == 0) {
                s.append("    @Owner private ").append(random.nextBoolean() ? "Long" : "String").append(" owner;\n");
                s.append("    public Object getOwner() { return null; }\n");
            }
            for (String[] m : new String[][] {{"Long", "id"}, {"String", "s"}, {"Long", "n"}, {"int", "i"},
                {"boolean", "b"}, {"Color", "e"}, {"java.math.BigDecimal", "d"}, {name, "ref"},
                {"java.util.List<" + name + ">", "list"}}) {
                String cap = Character.toUpperCase(m[1].charAt(0)) + m[1].substring(1);
                s.append("    public ").append(m[0]).append(" get").append(cap).append("() { return ").append(m[1])
                        .append("; }\n");
                if (random.nextInt(6) > 0) {
                    s.append("    public void set").append(cap).append('(').append(m[0]).append(" v) { ").append(m[1])
                            .append(" = v; }\n");
                }
            }
            s.append(memberAccess(random)).append("    @Calculated public int getCalc() { return 1; }\n");
            return s.append("}\n").toString();
        }

        static String memberAccess(Random random) {
            if (random.nextInt(4) > 0) {
                return "";
            }
            return "    @MemberAccess(roles = " + literal(ROLES[random.nextInt(ROLES.length)]) + ", value = Access."
                    + ACCESS[random.nextInt(3)] + ")\n";
        }

        static Map<String, String> application(List<String> entities) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("fuzz.App", "package fuzz;\nimport dev.warden.annotations.*;\n"
                    + "@AppSecurity(userRoles = {@UserRole(name = \"U1\", moduleRoles = {\"Fuzz.R1\"}), "
                    + "@UserRole(name = \"U2\", moduleRoles = {\"Fuzz.R2\"})}, userIdType = Long.class, "
                    + "tokens = {@Token(name = \"Tenant\", type = Long.class), @Token(name = \"Region\", type = String.class)})\n"
                    + "public class App {}\n");
            sources.put("fuzz.model.package-info", "@dev.warden.annotations.Module(name = \"Fuzz\", roles = {\"R1\", \"R2\"})\n"
                    + "package fuzz.model;\n");
            sources.put("fuzz.model.Color", "package fuzz.model;\npublic enum Color { RED, GREEN }\n");
            for (int i = 0; i < entities.size(); i++) {
                String text = entities.get(i);
                int start = text.indexOf("\nclass ") + 7;
                String name = text.substring(start, text.indexOf(" {", start));
                sources.put("fuzz.model." + name, "package fuzz.model;\nimport dev.warden.annotations.*;\n" + text);
            }
            return sources;
        }
    }

    /** A Java string literal for any text: quotes, backslashes and control characters escaped (not as unicode escapes). */
    static String literal(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\%03o", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
