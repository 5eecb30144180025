package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.processor.constraint.fixture.Customer;
import dev.warden.processor.constraint.fixture.Employee;
import dev.warden.processor.constraint.fixture.Order;
import dev.warden.processor.constraint.fixture.OrderLine;
import dev.warden.processor.constraint.fixture.Product;
import dev.warden.processor.constraint.fixture.Status;
import dev.warden.processor.constraint.fixture.StubContext;
import dev.warden.processor.constraint.fixture.Tag;
import dev.warden.processor.constraint.fixture.Warehouse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: the parser and checker never throw and always point inside the text; well-typed
 * random constraints compile, run without exceptions on objects full of nulls, and {@code not(x)} is always
 * the opposite of {@code x}.
 */
class ConstraintFuzzTest {

    private static final String[] FRAGMENTS = {
        "[", "]", "(", ")", "/", ",", "=", "!=", "<", "<=", ">", ">=", "'", "\"", "''", " ", " ", "\n", "\t",
        "and", "or", "not", "empty", "true()", "false()", "true", "contains(", "starts-with(", "ends-with(", "[%",
        "%]", "'[%CurrentUser%]'", "[%UserRole_Manager%]", "'[%Nope%]'", "ownerName", "lines", "customer", "quantity",
        "status", "'OPEN'", "amount", "-1.5", "42", "1.", "-", ".", "!", "%", "&", "|", "AND", "\u0000", "\uD800",
        "\uDC00", "😀", "é", "\u200B", "<>", "'x", "\"y",
        // security-model.md §6
        "NULL", "null", "'true'", "string-length(", "year-from-dateTime(", "weekday-from-dateTime(", "length(", "[%DayLength%]",
        "'[%BeginOfCurrentDay%] - 3 * [%DayLength%]'", " - ", " + ", "*", "3 *", "[%BeginOfCurrentWeekUTC%]", "lines[",
        "customer[", "]]", "-from-dateTime(",
    };

    private static final String[] VALID = {
        "[ownerName = 'a' and (quantity > 1 or not(lines))]",
        "[customer/accountManager = '[%CurrentUser%]'][status != 'OPEN']",
        "[contains(customer/name, 'x') or lines/product/price >= 10.50]",
        "['[%UserRole_Manager%]' or region = [%Region%]]",
        "[lines[quantity > 10 and product/price = NULL]][createdAt >= '[%BeginOfCurrentDay%] - 3 * [%DayLength%]']",
        "[string-length(ownerName) > 3 or weekday-from-dateTime(dueDate) = 1][paid = 'true' or true()]",
    };

    @Test
    void parserAndCheckerNeverThrowAndPointInsideTheText() {
        Random random = new Random(20240315L);
        for (int i = 0; i < 6000; i++) {
            String text;
            switch (i % 3) {
                case 0:
                    text = fragments(random);
                    break;
                case 1:
                    text = mutate(random, VALID[random.nextInt(VALID.length)]);
                    break;
                default:
                    text = randomUnicode(random);
                    break;
            }
            exercise(text);
        }
    }

    @Test
    void hugeInputs() {
        exercise("[" + "a".repeat(1_000_000) + "]");
        exercise("[a = '" + "x".repeat(1_000_000));
        exercise("[a = " + "9".repeat(100_000) + "]");
        exercise("[quantity = " + "9".repeat(10_000) + "]");
        exercise("[weight = 0." + "0".repeat(400) + "1]");
        exercise("[" + "(".repeat(1_000_000));
        exercise("[" + "not(".repeat(1_000_000));
        exercise("]".repeat(1_000_000));
        exercise("[a][".repeat(100_000));
    }

    private static void exercise(String text) {
        ParseResult parsed;
        try {
            parsed = ConstraintParser.parse(text);
        } catch (Throwable t) {
            throw new AssertionError("parse threw on " + printable(text), t);
        }
        if (parsed.isEmpty()) {
            assertTrue(text.isBlank());
            return;
        }
        assertFalse(parsed.hasProblems() && parsed.expression().isPresent());
        for (ConstraintProblem p : parsed.problems()) {
            assertInside(text, p);
            assertFalse(p.message().contains("internal error"), p.message());
        }
        if (parsed.hasProblems()) {
            return;
        }
        CheckResult checked;
        try {
            checked = ConstraintChecker.check(parsed, Fixtures.ORDER_SHAPE, Fixtures.ENV);
        } catch (Throwable t) {
            throw new AssertionError("check threw on " + printable(text), t);
        }
        checked.problems().forEach(p -> assertInside(text, p));
        if (checked.isWellTyped()) {
            try {
                JavaConstraintCompiler.compile(checked.constraint(), Fixtures.ORDER_SHAPE, Fixtures.ENV, "order", "ctx", "R");
            } catch (Throwable t) {
                throw new AssertionError("compile threw on " + printable(text), t);
            }
        }
    }

    private static void assertInside(String text, ConstraintProblem p) {
        assertTrue(p.offset() + p.length() <= text.length(), () -> p + " outside " + printable(text));
        String rendered = p.render(text);
        assertTrue(rendered.contains("^"), rendered);
    }

    private static String fragments(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }

    private static String mutate(Random random, String valid) {
        StringBuilder b = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                    break;
                default:
                    b.setCharAt(at, (char) random.nextInt(0x3000));
                    break;
            }
        }
        return b.toString();
    }

    private static String randomUnicode(Random random) {
        StringBuilder b = new StringBuilder();
        if (random.nextBoolean()) {
            b.append('[');
        }
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80);
            if (Character.isValidCodePoint(cp)) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        StringBuilder b = new StringBuilder("\"");
        shown.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }

    @Test
    void randomWellTypedConstraintsCompileRunNullSafelyAndNotIsTheirOpposite() {
        Random random = new Random(42L);
        Set<String> conditions = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 20_000 && conditions.size() < 120; attempt++) {
            String condition = (attempt % 2 == 0 ? RandomConstraints.STANDARD : RandomConstraints.EXTENDED)
                    .condition(random, 0);
            String text = "[" + condition + "]";
            exercise(text);
            ParseResult parsed = ConstraintParser.parse(text);
            if (ConstraintChecker.check(parsed, Fixtures.ORDER_SHAPE, Fixtures.ENV).isWellTyped()) {
                conditions.add(condition);
            }
        }
        assertEquals(120, conditions.size(), "the generator should find enough well-typed constraints");
        List<String> texts = new ArrayList<>();
        for (String c : conditions) {
            texts.add("[" + c + "]");
            texts.add("[not(" + c + ")]");
        }
        CompiledRules rules = CompiledRules.of(texts.toArray(String[]::new));
        List<Order> orders = orders();
        List<StubContext> contexts = List.of(context(7L, "EU", 42L, true), context(null, "US", 1L, false));
        for (int i = 0; i < texts.size(); i += 2) {
            for (Order order : orders) {
                for (StubContext ctx : contexts) {
                    boolean positive;
                    boolean negative;
                    try {
                        positive = rules.rule(i).test(order, ctx);
                        negative = rules.rule(i + 1).test(order, ctx);
                    } catch (RuntimeException e) {
                        fail("evaluating " + texts.get(i) + " threw\n" + rules.sources.get(i), e);
                        return;
                    }
                    assertNotEquals(positive, negative, texts.get(i));
                }
            }
        }
    }

    private static StubContext context(Long user, String region, long tenant, boolean beta) {
        StubContext ctx = new StubContext().token("Region", region).token("Tenant", tenant).token("Beta", beta)
                .token("Cutoff", LocalDate.of(2024, 3, 15)).token("FavouriteStatus", Status.OPEN);
        if (user != null) {
            ctx.user(user).role("Manager");
        }
        return ctx;
    }

    private static List<Order> orders() {
        Instant now = Instant.parse("2024-03-15T09:30:00Z");
        Order full = new Order().id(1L).ownerId(7L).ownerNumber(7L).ownerName("a").region("EU").version(3).quantity(1)
                .discount(1).priority((short) 1).flags((byte) 1).amount(new BigDecimal("10.50")).serial(BigInteger.ONE)
                .weight(3.5).ratio(0.0).score(1f).tenant(42L).paid(true).archived(false).status(Status.OPEN)
                .createdAt(now).dueDate(LocalDate.of(2024, 3, 15)).updatedAt(LocalDateTime.of(2024, 3, 15, 0, 0))
                .offsetAt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).zonedAt(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))
                .legacyDate(Date.from(now)).cutOff(LocalTime.NOON).reference(UUID.randomUUID()).grade('A')
                .manager(new Employee(7L, "x")).warehouse(new Warehouse("W", "x")).product(new Product("p", BigDecimal.ONE))
                .limit(new BigDecimal("-2"));
        Customer customer = new Customer("x").id(5L).accountManager(new Employee(null, null))
                .parent(new Customer().id(5L)).orders(Arrays.asList(null, new Order(), full));
        full.customer(customer).lines(new ArrayList<>(Arrays.asList(null, new OrderLine(),
                new OrderLine("x", -2, new BigDecimal("3.5")).product(new Product(null, null))
                        .tags(Arrays.asList(null, new Tag(null), new Tag("a"))).createdBy(7L))));
        Order sparse = new Order().customer(new Customer().parent(new Customer())).lines(new ArrayList<>())
                .manager(new Employee(null, null)).warehouse(new Warehouse(null, null)).product(new Product(null, null));
        return List.of(new Order(), sparse, full);
    }
}
