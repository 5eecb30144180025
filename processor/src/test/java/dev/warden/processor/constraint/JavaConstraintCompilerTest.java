package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Compiles constraints to Java, compiles that with javac, and runs it on fixture objects. */
class JavaConstraintCompilerTest {

    /** 2024-03-15T10:30 in Amsterdam (UTC+1), the stub context's "now". */
    private static final StubContext CTX = new StubContext();

    private static boolean test(BiPredicate<Order, StubContext> rule, Order order) {
        return rule.test(order, CTX);
    }

    private static List<OrderLine> lines(OrderLine... lines) {
        return new ArrayList<>(Arrays.asList(lines));
    }

    // ------------------------------------------------------------------------------------ null semantics

    @Test
    void stringsAndNull() {
        CompiledRules r = CompiledRules.of("[ownerName = 'a']", "[ownerName != 'a']", "[ownerName > 'b']",
                "[ownerName = empty]", "[ownerName != empty]", "[ownerName <= 'b']");
        Order none = new Order();
        Order a = new Order().ownerName("a");
        Order c = new Order().ownerName("c");
        assertFalse(test(r.rule(0), none));
        assertTrue(test(r.rule(0), a));
        assertFalse(test(r.rule(0), c));
        assertTrue(test(r.rule(1), none), "x != 'a' is true when x is empty");
        assertFalse(test(r.rule(1), a));
        assertTrue(test(r.rule(1), c));
        assertFalse(test(r.rule(2), none), "ordering with empty is false");
        assertFalse(test(r.rule(2), a));
        assertTrue(test(r.rule(2), c));
        assertTrue(test(r.rule(3), none));
        assertFalse(test(r.rule(3), a));
        assertFalse(test(r.rule(4), none));
        assertTrue(test(r.rule(4), a));
        assertFalse(test(r.rule(5), none));
        assertTrue(test(r.rule(5), a));
        assertFalse(test(r.rule(5), c));
    }

    @Test
    void stringsAreCaseSensitiveAndEscapedProperly() {
        CompiledRules r = CompiledRules.of("[ownerName = 'It''s \"quoted\" \\ back\\slash']", "[ownerName = 'Zürich ☃ 😀']",
                "[ownerName = 'line\nbreak\ttab']", "[ownerName = 'ALICE']");
        assertTrue(test(r.rule(0), new Order().ownerName("It's \"quoted\" \\ back\\slash")));
        assertTrue(test(r.rule(1), new Order().ownerName("Zürich ☃ 😀")));
        assertTrue(test(r.rule(2), new Order().ownerName("line\nbreak\ttab")));
        assertFalse(test(r.rule(3), new Order().ownerName("alice")));
    }

    @Test
    void primitiveAndBoxedIntegers() {
        CompiledRules r = CompiledRules.of("[quantity > 5]", "[discount = 10]", "[discount != 10]", "[discount < 10]",
                "[version = 9223372036854775807]", "[quantity = -2147483648]", "[priority >= 3 and flags < -1]",
                "[quantity = empty]", "[quantity != empty]", "[version = -9223372036854775808]");
        assertTrue(test(r.rule(0), new Order().quantity(6)));
        assertFalse(test(r.rule(0), new Order().quantity(5)));
        assertFalse(test(r.rule(1), new Order()));
        assertTrue(test(r.rule(1), new Order().discount(10)));
        assertTrue(test(r.rule(1), new Order().discount(Integer.valueOf(10_000 / 1000))));
        assertTrue(test(r.rule(2), new Order()));
        assertFalse(test(r.rule(2), new Order().discount(10)));
        assertFalse(test(r.rule(3), new Order()));
        assertTrue(test(r.rule(3), new Order().discount(9)));
        assertTrue(test(r.rule(4), new Order().version(Long.MAX_VALUE)));
        assertTrue(test(r.rule(5), new Order().quantity(Integer.MIN_VALUE)));
        assertTrue(test(r.rule(6), new Order().priority((short) 3).flags((byte) -2)));
        assertFalse(test(r.rule(6), new Order().priority((short) 3).flags((byte) -1)));
        assertFalse(test(r.rule(7), new Order()), "a primitive is never empty");
        assertTrue(test(r.rule(8), new Order()));
        assertTrue(test(r.rule(9), new Order().version(Long.MIN_VALUE)));
        assertEquals("false", r.compiled.get(7).expression().toString());
    }

    @Test
    void bigDecimalsCompareByValueThroughHoistedConstants() {
        CompiledRules r = CompiledRules.of("[amount = 10.50]", "[amount >= 10 and amount < 10.50 or amount = 10.50]",
                "[amount != 10.5]", "[serial = 12345678901234567890123]", "[serial > -1]");
        assertTrue(test(r.rule(0), new Order().amount(new BigDecimal("10.5"))));
        assertTrue(test(r.rule(0), new Order().amount(new BigDecimal("10.5000"))));
        assertFalse(test(r.rule(0), new Order()));
        assertTrue(test(r.rule(1), new Order().amount(BigDecimal.TEN)));
        assertTrue(test(r.rule(1), new Order().amount(new BigDecimal("10.50"))));
        assertFalse(test(r.rule(1), new Order().amount(new BigDecimal("9.99"))));
        assertFalse(test(r.rule(1), new Order()));
        assertTrue(test(r.rule(2), new Order()));
        assertFalse(test(r.rule(2), new Order().amount(new BigDecimal("10.500"))));
        assertTrue(test(r.rule(3), new Order().serial(new BigInteger("12345678901234567890123"))));
        assertFalse(test(r.rule(4), new Order()));
        assertTrue(test(r.rule(4), new Order().serial(BigInteger.ZERO)));

        // One constant per distinct literal, named after the prefix.
        CompiledJavaConstraint second = r.compiled.get(1);
        assertEquals(List.of("RULE_2_LITERAL_1", "RULE_2_LITERAL_2"),
                second.constants().stream().map(f -> f.name()).toList());
        assertEquals("private static final java.math.BigDecimal RULE_2_LITERAL_2 = new java.math.BigDecimal(\"10.50\");\n",
                second.constants().get(1).toString());
    }

    @Test
    void floatingPoint() {
        CompiledRules r = CompiledRules.of("[weight > 0.5]", "[score = 1.25]", "[ratio <= 2]", "[ratio != 0.1]",
                "[score = 0.1]");
        assertTrue(test(r.rule(0), new Order().weight(0.6)));
        assertFalse(test(r.rule(0), new Order().weight(0.5)));
        assertTrue(test(r.rule(1), new Order().score(1.25f)));
        assertFalse(test(r.rule(2), new Order()));
        assertTrue(test(r.rule(2), new Order().ratio(2.0)));
        assertTrue(test(r.rule(3), new Order()));
        assertFalse(test(r.rule(3), new Order().ratio(0.1)));
        assertTrue(test(r.rule(4), new Order().score(0.1f)), "a float compares with a float literal");
    }

    /**
     * Found by the SQL equivalence test: Java compares an int or a long with a float as floats, where 16777217 equals
     * 16777216; numbers compare by value, as in SQL, so the float is widened to a double.
     */
    @Test
    void aFloatComparesWithAnIntegerByValue() {
        CompiledRules r = CompiledRules.of("[quantity = score]", "[ownerNumber >= score]", "[discount != score]",
                "[score = '[%Tenant%]']", "[score < quantity]");
        Order order = new Order().quantity(16_777_217).ownerNumber(16_777_215L).discount(16_777_217).score(16_777_216f);
        assertFalse(test(r.rule(0), order));
        assertTrue(test(r.rule(0), new Order().quantity(3).score(3f)));
        assertFalse(test(r.rule(1), order));
        assertTrue(test(r.rule(2), order));
        assertFalse(r.rule(3).test(order, new StubContext().token("Tenant", 16_777_217L)));
        assertTrue(test(r.rule(4), order));
        assertEquals("(double) order.getQuantity() == order.getScore()", r.expression());
    }

    /**
     * Found by the SQL equivalence test: {@code Double.equals} tells -0.0 from 0.0, but as numbers (and in SQL) they
     * are equal, also when both sides are boxed.
     */
    @Test
    void boxedDoublesCompareAsNumbers() {
        CompiledRules r = CompiledRules.of("[ratio = customer/orders/ratio]", "[ratio != customer/orders/ratio]");
        Order negativeZero = new Order().ratio(-0.0);
        Order zero = new Order().ratio(0.0).customer(new Customer().orders(List.of(negativeZero)));
        assertTrue(test(r.rule(0), zero));
        assertFalse(test(r.rule(1), zero));
        Order empty = new Order().customer(new Customer().orders(List.of(new Order())));
        assertTrue(test(r.rule(0), empty), "two empty members are equal");
        assertFalse(test(r.rule(0), new Order().ratio(1.0).customer(new Customer().orders(List.of(new Order())))));
        assertTrue(r.expression().contains("order.getRatio().doubleValue() == order2.getRatio()"), r.expression());
    }

    @Test
    void booleans() {
        CompiledRules r = CompiledRules.of("[paid]", "[archived]", "[archived = false()]", "[archived != true()]",
                "[paid = false()]", "[paid != false()]", "[not(archived)]", "[archived = true()]");
        assertTrue(test(r.rule(0), new Order().paid(true)));
        assertFalse(test(r.rule(0), new Order()));
        assertFalse(test(r.rule(1), new Order()));
        assertTrue(test(r.rule(1), new Order().archived(true)));
        assertFalse(test(r.rule(2), new Order()), "empty is not false");
        assertTrue(test(r.rule(2), new Order().archived(false)));
        assertTrue(test(r.rule(3), new Order()));
        assertFalse(test(r.rule(3), new Order().archived(true)));
        assertTrue(test(r.rule(4), new Order()));
        assertFalse(test(r.rule(5), new Order()));
        assertTrue(test(r.rule(6), new Order()));
        assertFalse(test(r.rule(7), new Order()));
    }

    /** security-model.md §6: 'true' and 'false' as Mendix quotes them, true() and false() as whole conditions. */
    @Test
    void quotedBooleansAndConstantConditions() {
        CompiledRules r = CompiledRules.of("[paid = 'true']", "[archived = 'false']", "[archived != 'true']",
                "[true()]", "[false()]", "[false() or paid]", "[true() and not(false())]", "[ownerName = 'true']");
        assertTrue(test(r.rule(0), new Order().paid(true)));
        assertFalse(test(r.rule(0), new Order()));
        assertTrue(test(r.rule(1), new Order().archived(false)));
        assertFalse(test(r.rule(1), new Order()), "empty is not 'false'");
        assertTrue(test(r.rule(2), new Order()));
        assertFalse(test(r.rule(2), new Order().archived(true)));
        assertTrue(test(r.rule(3), new Order()));
        assertFalse(test(r.rule(4), new Order().paid(true)));
        assertTrue(test(r.rule(5), new Order().paid(true)));
        assertFalse(test(r.rule(5), new Order()));
        assertTrue(test(r.rule(6), new Order()));
        assertTrue(test(r.rule(7), new Order().ownerName("true")), "for a String member 'true' is text");
        assertFalse(test(r.rule(7), new Order().ownerName("TRUE")));
        assertEquals("true", r.compiled.get(3).expression().toString());
        assertEquals("false", r.compiled.get(4).expression().toString());
        assertEquals("order.isPaid()", r.compiled.get(5).expression().toString(), "false() or x is x");
    }

    @Test
    void nullIsEmpty() {
        CompiledRules r = CompiledRules.of("[ownerName = NULL]", "[customer != NULL]", "[lines = NULL]");
        assertTrue(test(r.rule(0), new Order()));
        assertFalse(test(r.rule(0), new Order().ownerName("")));
        assertTrue(test(r.rule(1), new Order().customer(new Customer())));
        assertFalse(test(r.rule(1), new Order()));
        assertTrue(test(r.rule(2), new Order().lines(lines())));
        assertFalse(test(r.rule(2), new Order().lines(lines(new OrderLine()))));
        assertEquals(CompiledRules.of("[ownerName = empty]").expression(), r.expression());
    }

    @Test
    void enums() {
        CompiledRules r = CompiledRules.of("[status = 'OPEN']", "[status != 'OPEN']", "[status = empty]",
                "[status = 'SHIPPED' or status = 'CLOSED']");
        assertFalse(test(r.rule(0), new Order()));
        assertTrue(test(r.rule(0), new Order().status(Status.OPEN)));
        assertTrue(test(r.rule(1), new Order()));
        assertTrue(test(r.rule(1), new Order().status(Status.CLOSED)));
        assertFalse(test(r.rule(1), new Order().status(Status.OPEN)));
        assertTrue(test(r.rule(2), new Order()));
        assertTrue(test(r.rule(3), new Order().status(Status.CLOSED)));
        assertEquals("order.getStatus() == dev.warden.processor.constraint.fixture.Status.OPEN", r.expression());
    }

    @Test
    void uuidsAndCharacters() {
        UUID id = UUID.randomUUID();
        CompiledRules r = CompiledRules.of("[reference = empty]", "[grade != empty]", "[reference = reference]");
        assertTrue(test(r.rule(0), new Order()));
        assertFalse(test(r.rule(0), new Order().reference(id)));
        assertTrue(test(r.rule(1), new Order().grade('A')));
        assertTrue(test(r.rule(2), new Order().reference(id)));
    }

    // -------------------------------------------------------------------------------------------- temporal

    /** 2024-03-31, the day daylight saving time starts in Amsterdam: 23 hours from midnight to midnight. */
    private static final StubContext DST_DAY = new StubContext()
            .now(ZonedDateTime.parse("2024-03-31T12:00:00+02:00[Europe/Amsterdam]"));

    @Test
    void dateArithmeticFollowsTheCalendarOfTheUsersZone() {
        CompiledRules r = CompiledRules.of(
                "[createdAt < '[%BeginOfCurrentDay%] + 1 * [%DayLength%]']",
                "[createdAt < '[%BeginOfCurrentDay%] + 24 * [%HourLength%]']",
                "[dueDate = '[%BeginOfCurrentDay%] - 1 * [%MonthLength%]']",
                "[createdAt >= '[%BeginOfCurrentDayUTC%] - 1 * [%YearLength%]']",
                "[updatedAt > '[%CurrentDateTime%] - 2 * [%HourLength%] + 30 * [%MinuteLength%] - 15 * [%SecondLength%]']");
        Instant midnight = Instant.parse("2024-03-31T22:00:00Z"); // 1 April 00:00 in Amsterdam (UTC+2)
        assertTrue(r.rule(0).test(new Order().createdAt(midnight.minusNanos(1)), DST_DAY));
        assertFalse(r.rule(0).test(new Order().createdAt(midnight), DST_DAY), "a day is a calendar day");
        assertTrue(r.rule(1).test(new Order().createdAt(midnight), DST_DAY), "24 hours reach 01:00 the next day");
        assertFalse(r.rule(1).test(new Order().createdAt(midnight.plusSeconds(3600)), DST_DAY));
        assertTrue(r.rule(2).test(new Order().dueDate(LocalDate.of(2024, 2, 29)), DST_DAY), "31 March - 1 month");
        assertTrue(r.rule(3).test(new Order().createdAt(Instant.parse("2023-03-31T00:00:00Z")), DST_DAY));
        assertFalse(r.rule(3).test(new Order().createdAt(Instant.parse("2023-03-30T23:59:59Z")), DST_DAY));
        assertTrue(r.rule(4).test(new Order().updatedAt(LocalDateTime.of(2024, 3, 31, 10, 29, 46)), DST_DAY));
        assertFalse(r.rule(4).test(new Order().updatedAt(LocalDateTime.of(2024, 3, 31, 10, 29, 45)), DST_DAY));
        assertTrue(r.expression().contains("ctx.dateTime(dev.warden.runtime.TimeToken.BEGIN_OF_CURRENT_DAY).plusDays(1).toInstant()"),
                r.expression());
        assertTrue(r.compiled.get(4).expression().toString().contains(
                "ctx.now().minusHours(2).plusMinutes(30).minusSeconds(15).toLocalDateTime()"),
                r.compiled.get(4).expression().toString());
    }

    @Test
    void everyTimeTokenIsTheRuntimes() {
        StringBuilder constraint = new StringBuilder("[");
        for (String token : TokenMeaning.TIME_TOKEN_NAMES) {
            constraint.append(constraint.length() > 1 ? " or " : "").append("createdAt = '[%").append(token).append("%]'");
        }
        CompiledRules r = CompiledRules.of(constraint.append("]").toString());
        for (String token : TokenMeaning.TIME_TOKEN_NAMES) {
            dev.warden.runtime.TimeToken runtime = dev.warden.runtime.TimeToken.named(token);
            assertEquals(token, runtime.tokenName());
            assertEquals(runtime.name(), TokenMeaning.builtIn(token).orElseThrow().timeTokenConstant());
            Instant value = runtime.at(DST_DAY.now()).toInstant();
            assertTrue(r.rule().test(new Order().createdAt(value), DST_DAY), token);
        }
        assertEquals(dev.warden.runtime.TimeToken.values().length, TokenMeaning.TIME_TOKEN_NAMES.size());
        assertFalse(r.rule().test(new Order().createdAt(Instant.parse("2024-03-31T10:00:00.5Z")), DST_DAY));
    }

    /** security-model.md §6: the same line must satisfy the whole sub-constraint. */
    @Test
    void subConstraintsNeedOneObjectThatSatisfiesTheWholeCondition() {
        CompiledRules r = CompiledRules.of("[lines[quantity > 10 and sku = 'Anvil']]",
                "[lines/quantity > 10][lines/sku = 'Anvil']", "[not(lines[quantity > 10])]",
                "[customer[name = 'ACME' and parent[name = 'Group']]]",
                "[lines[tags[label = 'a'] and product/price > 1]]", "[lines[true()]]",
                "[customer[orders[quantity = 2]]]");
        Order split = new Order().lines(lines(new OrderLine("Anvil", 1, null), new OrderLine("Rope", 20, null)));
        Order one = new Order().lines(lines(new OrderLine("Rope", 20, null), new OrderLine("Anvil", 11, null)));
        assertFalse(test(r.rule(0), split), "two lines, each satisfying half");
        assertTrue(test(r.rule(1), split), "the two comparisons may be met by different lines");
        assertTrue(test(r.rule(0), one));
        assertFalse(test(r.rule(0), new Order()));
        assertFalse(test(r.rule(0), new Order().lines(lines(new OrderLine(), null))));
        assertTrue(test(r.rule(2), new Order()));
        assertTrue(test(r.rule(2), split.lines(lines(new OrderLine("Anvil", 1, null)))));
        assertFalse(test(r.rule(2), one));
        Customer group = new Customer("Group");
        assertTrue(test(r.rule(3), new Order().customer(new Customer("ACME").parent(group))));
        assertFalse(test(r.rule(3), new Order().customer(new Customer("ACME"))));
        assertFalse(test(r.rule(3), new Order().customer(new Customer("Other").parent(group))));
        assertFalse(test(r.rule(3), new Order()));
        OrderLine tagged = new OrderLine("x", 1, null).product(new Product("p", BigDecimal.TEN));
        tagged.tags(new ArrayList<>(List.of(new Tag("a"))));
        OrderLine cheap = new OrderLine("y", 1, null).product(new Product("q", BigDecimal.ONE));
        cheap.tags(new ArrayList<>(List.of(new Tag("a"))));
        assertTrue(test(r.rule(4), new Order().lines(lines(cheap, tagged))));
        assertFalse(test(r.rule(4), new Order().lines(lines(cheap))));
        assertTrue(test(r.rule(5), new Order().lines(lines(new OrderLine()))));
        assertFalse(test(r.rule(5), new Order().lines(lines())));
        Customer customer = new Customer("c");
        customer.orders(new ArrayList<>(List.of(new Order().quantity(1), new Order().quantity(2))));
        assertTrue(test(r.rule(6), new Order().customer(customer)));
        assertEquals("order.getLines() != null && order.getLines().stream().anyMatch(orderLine -> orderLine != null"
                + " && orderLine.getQuantity() > 10 && java.util.Objects.equals(orderLine.getSku(), \"Anvil\"))",
                r.expression().replaceAll("\\s*\\n\\s*", " "));
    }

    @Test
    void functionValues() {
        CompiledRules r = CompiledRules.of("[string-length(ownerName) > 2]", "[length(ownerName) = empty]",
                "[string-length(lines/sku) = quantity]", "[year-from-dateTime(createdAt) = 2024]",
                "[day-from-dateTime(createdAt) = 31]", "[weekday-from-dateTime(dueDate) = 1]",
                "[week-from-dateTime(updatedAt) = 1]", "[hours-from-dateTime(zonedAt) = 0]",
                "[seconds-from-dateTime(offsetAt) != 59]", "[quarter-from-dateTime(dueDate) = 4]",
                "[day-of-year-from-dateTime(dueDate) = 366]", "[minutes-from-dateTime(createdAt) = 30]");
        assertTrue(r.rule(0).test(new Order().ownerName("abc"), DST_DAY));
        assertFalse(r.rule(0).test(new Order().ownerName("a😀"), DST_DAY), "two characters, three UTF-16 units");
        assertFalse(r.rule(0).test(new Order(), DST_DAY));
        assertTrue(r.rule(1).test(new Order(), DST_DAY));
        assertFalse(r.rule(1).test(new Order().ownerName(""), DST_DAY));
        assertTrue(r.rule(2).test(new Order().quantity(2).lines(lines(new OrderLine("ab", 1, null))), DST_DAY));
        assertFalse(r.rule(2).test(new Order().quantity(2).lines(lines(new OrderLine(), new OrderLine("a", 1, null))),
                DST_DAY));
        Instant lateMarch = Instant.parse("2024-03-30T23:30:00Z"); // 31 March 00:30 in Amsterdam, 30 March in UTC
        assertTrue(r.rule(3).test(new Order().createdAt(lateMarch), DST_DAY));
        assertTrue(r.rule(4).test(new Order().createdAt(lateMarch), DST_DAY), "the day in the user's zone");
        assertFalse(r.rule(4).test(new Order().createdAt(lateMarch),
                new StubContext().now(ZonedDateTime.parse("2024-03-30T12:00:00Z[UTC]"))), "in UTC it is the 30th");
        assertTrue(r.rule(5).test(new Order().dueDate(LocalDate.of(2024, 3, 31)), DST_DAY), "a Sunday is 1");
        assertFalse(r.rule(5).test(new Order().dueDate(LocalDate.of(2024, 4, 1)), DST_DAY));
        assertTrue(r.rule(6).test(new Order().updatedAt(LocalDateTime.of(2024, 12, 30, 8, 0)), DST_DAY), "ISO week 1");
        assertTrue(r.rule(7).test(new Order().zonedAt(ZonedDateTime.parse("2024-03-30T23:30:00Z[UTC]")), DST_DAY));
        assertTrue(r.rule(8).test(new Order(), DST_DAY), "empty != 59");
        assertFalse(r.rule(8).test(new Order().offsetAt(OffsetDateTime.parse("2024-03-31T01:00:59.9+05:30")), DST_DAY));
        assertTrue(r.rule(9).test(new Order().dueDate(LocalDate.of(2024, 12, 31)), DST_DAY));
        assertTrue(r.rule(10).test(new Order().dueDate(LocalDate.of(2024, 12, 31)), DST_DAY), "a leap year");
        assertTrue(r.rule(11).test(new Order().createdAt(lateMarch), DST_DAY));
        assertEquals("dev.warden.runtime.internal.ConstraintFunctions.length(order.getOwnerName()) != null"
                + " && dev.warden.runtime.internal.ConstraintFunctions.length(order.getOwnerName()) > 2", r.expression());
        assertTrue(r.compiled.get(3).expression().toString().contains(
                "DatePart.YEAR.of(order.getCreatedAt(), ctx.zone())"), r.compiled.get(3).expression().toString());
        assertTrue(r.compiled.get(5).expression().toString().contains("DatePart.WEEKDAY.of(order.getDueDate())"));
    }

    @Test
    void temporalTokensConvertToTheMembersType() {
        CompiledRules r = CompiledRules.of(
                "[createdAt < '[%CurrentDateTime%]']",
                "[dueDate = '[%BeginOfCurrentDay%]']",
                "[updatedAt >= '[%BeginOfCurrentDay%]' and updatedAt < '[%EndOfCurrentDay%]']",
                "[offsetAt = '[%CurrentDateTime%]']",
                "[zonedAt <= '[%CurrentDateTime%]']",
                "[legacyDate > '[%CurrentDateTime%]']",
                "[offsetAt > '[%CurrentDateTime%]']",
                "[zonedAt != '[%CurrentDateTime%]']",
                "[offsetAt >= '[%CurrentDateTime%]']",
                "[dueDate < '[%Cutoff%]']");
        Instant now = CTX.now().toInstant();
        assertTrue(test(r.rule(0), new Order().createdAt(now.minusSeconds(1))));
        assertFalse(test(r.rule(0), new Order().createdAt(now)));
        assertFalse(test(r.rule(0), new Order()));
        assertTrue(test(r.rule(1), new Order().dueDate(LocalDate.of(2024, 3, 15))));
        assertFalse(test(r.rule(1), new Order().dueDate(LocalDate.of(2024, 3, 16))));
        assertTrue(test(r.rule(2), new Order().updatedAt(LocalDateTime.of(2024, 3, 15, 23, 59))));
        assertFalse(test(r.rule(2), new Order().updatedAt(LocalDateTime.of(2024, 3, 16, 0, 0))));
        // The same instant at another offset is equal.
        assertTrue(test(r.rule(3), new Order().offsetAt(OffsetDateTime.ofInstant(now, ZoneOffset.ofHours(-5)))));
        assertTrue(test(r.rule(4), new Order().zonedAt(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))));
        assertFalse(test(r.rule(4), new Order().zonedAt(ZonedDateTime.ofInstant(now.plusMillis(1), ZoneOffset.UTC))));
        assertTrue(test(r.rule(5), new Order().legacyDate(Date.from(now.plusSeconds(60)))));
        assertFalse(test(r.rule(5), new Order().legacyDate(Date.from(now))));
        assertFalse(test(r.rule(6), new Order().offsetAt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))));
        assertTrue(test(r.rule(6), new Order().offsetAt(OffsetDateTime.ofInstant(now.plusSeconds(1), ZoneOffset.UTC))));
        assertTrue(test(r.rule(7), new Order()));
        assertFalse(test(r.rule(7), new Order().zonedAt(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))));
        assertTrue(test(r.rule(8), new Order().offsetAt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))));
        StubContext ctx = new StubContext().token("Cutoff", LocalDate.of(2024, 1, 1));
        assertTrue(r.rule(9).test(new Order().dueDate(LocalDate.of(2023, 12, 31)), ctx));
        assertFalse(r.rule(9).test(new Order().dueDate(LocalDate.of(2024, 1, 1)), ctx));
        assertEquals(Set.of("Cutoff"), r.compiled.get(9).customTokens());
    }

    // ------------------------------------------------------------------------------------- associations

    @Test
    void toOnePathsThroughANullAssociationAreFalse() {
        CompiledRules r = CompiledRules.of("[customer/name = 'ACME']", "[customer/name != 'ACME']",
                "[customer/name = empty]", "[not(customer/name = 'ACME')]", "[customer/parent/name = 'Group']");
        Order noCustomer = new Order();
        Order unnamed = new Order().customer(new Customer());
        Order acme = new Order().customer(new Customer("ACME"));
        assertFalse(test(r.rule(0), noCustomer));
        assertTrue(test(r.rule(0), acme));
        assertFalse(test(r.rule(1), noCustomer), "no customer, so no name to compare");
        assertTrue(test(r.rule(1), unnamed));
        assertFalse(test(r.rule(1), acme));
        assertFalse(test(r.rule(2), noCustomer));
        assertTrue(test(r.rule(2), unnamed));
        assertTrue(test(r.rule(3), noCustomer), "not() negates the whole");
        assertTrue(test(r.rule(4), new Order().customer(new Customer().parent(new Customer("Group")))));
        assertFalse(test(r.rule(4), acme));
        assertEquals("order.getCustomer() != null && java.util.Objects.equals(order.getCustomer().getName(), \"ACME\")",
                r.expression());
    }

    @Test
    void associationsAsConditionsAndEmpty() {
        CompiledRules r = CompiledRules.of("[customer]", "[not(customer)]", "[customer = empty]", "[customer != empty]",
                "[lines]", "[not(lines)]", "[lines = empty]", "[lines != empty]", "[customer/orders]");
        Order none = new Order();
        Order withCustomer = new Order().customer(new Customer());
        assertFalse(test(r.rule(0), none));
        assertTrue(test(r.rule(0), withCustomer));
        assertTrue(test(r.rule(1), none));
        assertTrue(test(r.rule(2), none));
        assertTrue(test(r.rule(3), withCustomer));
        Order emptyLines = new Order().lines(lines());
        Order nullLine = new Order().lines(lines((OrderLine) null));
        Order oneLine = new Order().lines(lines(new OrderLine()));
        for (Order o : List.of(none, emptyLines, nullLine)) {
            assertFalse(test(r.rule(4), o));
            assertTrue(test(r.rule(5), o));
            assertTrue(test(r.rule(6), o));
            assertFalse(test(r.rule(7), o));
        }
        assertTrue(test(r.rule(4), oneLine));
        assertFalse(test(r.rule(5), oneLine));
        assertFalse(test(r.rule(6), oneLine));
        assertTrue(test(r.rule(7), oneLine));
        assertFalse(test(r.rule(8), withCustomer));
        assertTrue(test(r.rule(8), new Order().customer(new Customer().orders(List.of(new Order())))));
    }

    @Test
    void toManyComparisonsAreTrueWhenSomeElementSatisfiesThem() {
        CompiledRules r = CompiledRules.of("[lines/quantity > 3]", "[not(lines/quantity > 3)]",
                "[lines/product/price < 10]", "[lines/tags/label = 'urgent']", "[lines/sku != 'A']");
        assertFalse(test(r.rule(0), new Order()));
        assertFalse(test(r.rule(0), new Order().lines(lines())));
        assertFalse(test(r.rule(0), new Order().lines(lines(new OrderLine("a", 1, null), null, new OrderLine("b", 2, null)))));
        assertTrue(test(r.rule(0), new Order().lines(lines(null, new OrderLine("a", 1, null), new OrderLine("b", 5, null)))));
        assertTrue(test(r.rule(1), new Order()), "not(some) is true when there is none");
        assertFalse(test(r.rule(1), new Order().lines(lines(new OrderLine("b", 5, null)))));
        Order products = new Order().lines(lines(new OrderLine(), new OrderLine().product(new Product("p", null)),
                new OrderLine().product(new Product("q", new BigDecimal("9.99")))));
        assertTrue(test(r.rule(2), products));
        assertFalse(test(r.rule(2), new Order().lines(lines(new OrderLine().product(new Product("q", BigDecimal.TEN))))));
        Order tagged = new Order().lines(lines(new OrderLine().tags(List.of(new Tag("slow"))),
                new OrderLine().tags(Arrays.asList(null, new Tag("urgent")))));
        assertTrue(test(r.rule(3), tagged));
        assertFalse(test(r.rule(3), new Order().lines(lines(new OrderLine().tags(List.of(new Tag("slow")))))));
        // Some line whose sku is not 'A' (an empty sku counts).
        assertTrue(test(r.rule(4), new Order().lines(lines(new OrderLine("A", 1, null), new OrderLine()))));
        assertFalse(test(r.rule(4), new Order().lines(lines(new OrderLine("A", 1, null)))));
        assertEquals("order.getLines() != null && order.getLines().stream().anyMatch(orderLine -> orderLine != null"
                + " && orderLine.getQuantity() > 3)", r.expression().replaceAll("\\s*\\n\\s*", " "));
    }

    @Test
    void lambdaVariablesDoNotClashWithTheObjectVariable() {
        CompiledRules r = CompiledRules.of("[customer/orders/lines/quantity > 1]", "[customer/orders/quantity = quantity]");
        Order inner = new Order().quantity(4).lines(lines(new OrderLine("x", 2, null)));
        Order order = new Order().quantity(4).customer(new Customer().orders(List.of(inner)));
        assertTrue(test(r.rule(0), order));
        assertTrue(test(r.rule(1), order));
        assertFalse(test(r.rule(1), new Order().quantity(5).customer(new Customer().orders(List.of(inner)))));
        assertTrue(r.expression().contains("order2 -> order2 != null"), r.expression());
    }

    // ------------------------------------------------------------------------------------------- tokens

    @Test
    void currentUser() {
        CompiledRules r = CompiledRules.of("[ownerId = '[%CurrentUser%]']", "[ownerId != '[%CurrentUser%]']",
                "[ownerNumber = [%CurrentUser%]]", "[manager = '[%CurrentUser%]']", "[manager != '[%CurrentUser%]']",
                "[customer/accountManager = '[%CurrentUser%]']", "[lines/createdBy = '[%CurrentUser%]']");
        StubContext alice = new StubContext().user(7L);
        StubContext anonymous = new StubContext();
        assertTrue(r.rule(0).test(new Order().ownerId(7L), alice));
        assertFalse(r.rule(0).test(new Order().ownerId(8L), alice));
        assertFalse(r.rule(0).test(new Order(), anonymous), "no owner and no user is no match");
        assertFalse(r.rule(0).test(new Order(), alice));
        assertTrue(r.rule(1).test(new Order(), alice));
        assertFalse(r.rule(1).test(new Order().ownerId(7L), alice));
        assertTrue(r.rule(2).test(new Order().ownerNumber(7L), alice));
        assertFalse(r.rule(2).test(new Order().ownerNumber(0L), anonymous));
        assertTrue(r.rule(3).test(new Order().manager(new Employee(7L, "Alice")), alice));
        assertFalse(r.rule(3).test(new Order().manager(new Employee(8L, "Bob")), alice));
        assertFalse(r.rule(3).test(new Order(), alice));
        assertFalse(r.rule(3).test(new Order().manager(new Employee(null, "New")), anonymous));
        assertTrue(r.rule(4).test(new Order(), alice));
        assertFalse(r.rule(4).test(new Order().manager(new Employee(7L, "Alice")), alice));
        assertTrue(r.rule(5).test(new Order().customer(new Customer().accountManager(new Employee(7L, "A"))), alice));
        assertFalse(r.rule(5).test(new Order().customer(new Customer()), alice));
        assertTrue(r.rule(6).test(new Order().lines(lines(new OrderLine(), new OrderLine().createdBy(7L))), alice));
        assertFalse(r.rule(6).test(new Order().lines(lines(new OrderLine().createdBy(8L))), alice));
        assertEquals("order.getOwnerId() != null && order.getOwnerId().equals(ctx.currentUserId())", r.expression());
    }

    @Test
    void userRolesAndCustomTokens() {
        CompiledRules r = CompiledRules.of("['[%UserRole_Manager%]' or ownerName = 'x']",
                "[archived = '[%UserRole_Manager%]']", "[region = '[%Region%]']", "[tenant = '[%Tenant%]']",
                "['[%Beta%]']", "[status = '[%FavouriteStatus%]']", "[region != [%Region%]]", "[paid = [%UserRole_Manager%]]");
        StubContext manager = new StubContext().role("Manager").token("Region", "EU").token("Tenant", 42L)
                .token("Beta", true).token("FavouriteStatus", Status.OPEN);
        StubContext clerk = new StubContext().token("Region", "US").token("Tenant", 43L).token("Beta", false)
                .token("FavouriteStatus", Status.CLOSED);
        assertTrue(r.rule(0).test(new Order(), manager));
        assertFalse(r.rule(0).test(new Order(), clerk));
        assertTrue(r.rule(1).test(new Order().archived(true), manager));
        assertTrue(r.rule(1).test(new Order().archived(false), clerk));
        assertFalse(r.rule(1).test(new Order(), clerk));
        assertTrue(r.rule(2).test(new Order().region("EU"), manager));
        assertFalse(r.rule(2).test(new Order().region("EU"), clerk));
        assertFalse(r.rule(2).test(new Order(), clerk));
        assertTrue(r.rule(3).test(new Order().tenant(42L), manager));
        assertTrue(r.rule(3).test(new Order().tenant(Long.valueOf(100_042L - 100_000L)), manager), "compares values, not boxes");
        assertFalse(r.rule(3).test(new Order().tenant(42L), clerk));
        assertFalse(r.rule(3).test(new Order(), clerk));
        assertTrue(r.rule(4).test(new Order(), manager));
        assertFalse(r.rule(4).test(new Order(), clerk));
        assertTrue(r.rule(5).test(new Order().status(Status.OPEN), manager));
        assertFalse(r.rule(5).test(new Order().status(Status.OPEN), clerk));
        assertTrue(r.rule(6).test(new Order(), manager));
        assertTrue(r.rule(7).test(new Order().paid(true), manager));
        assertTrue(r.rule(7).test(new Order().paid(false), clerk));
        assertEquals(Set.of("Region"), r.compiled.get(2).customTokens());
        assertEquals(Set.of(), r.compiled.get(0).customTokens());
        assertEquals("java.util.Objects.equals(order.getRegion(), ctx.token(\"Region\", java.lang.String.class))",
                r.compiled.get(2).expression().toString());
    }

    // --------------------------------------------------------------------------------- paths on the right

    @Test
    void pathsOnBothSides() {
        CompiledRules r = CompiledRules.of("[amount < limit]", "[quantity < weight]", "[discount = quantity]",
                "[region = customer/name]", "[tenant = ownerId]", "[discount = ownerId]", "[customer = customer/parent]",
                "[lines/quantity > quantity]", "[amount = limit]", "[discount != ownerId]");
        assertTrue(test(r.rule(0), new Order().amount(BigDecimal.ONE).limit(BigDecimal.TEN)));
        assertFalse(test(r.rule(0), new Order().amount(BigDecimal.ONE)));
        assertTrue(test(r.rule(1), new Order().quantity(1).weight(1.5)));
        assertTrue(test(r.rule(2), new Order().discount(3).quantity(3)));
        assertFalse(test(r.rule(2), new Order().quantity(3)));
        assertTrue(test(r.rule(3), new Order().region("EU").customer(new Customer("EU"))));
        assertTrue(test(r.rule(3), new Order().customer(new Customer())), "two empty values are equal");
        assertFalse(test(r.rule(3), new Order()), "no customer, no comparison");
        assertTrue(test(r.rule(4), new Order().tenant(1000L).ownerId(1000L)));
        assertTrue(test(r.rule(4), new Order()));
        assertTrue(test(r.rule(5), new Order().discount(1000).ownerId(1000L)), "Integer and Long by value");
        assertFalse(test(r.rule(5), new Order().discount(1000)));
        assertTrue(test(r.rule(5), new Order()));
        Customer group = new Customer("Group").id(1L);
        assertTrue(test(r.rule(6), new Order().customer(new Customer().id(1L).parent(group))), "same id");
        assertFalse(test(r.rule(6), new Order().customer(new Customer().id(2L).parent(group))));
        assertFalse(test(r.rule(6), new Order().customer(new Customer().id(2L))));
        assertTrue(test(r.rule(7), new Order().quantity(2).lines(lines(new OrderLine("a", 1, null), new OrderLine("b", 3, null)))));
        assertFalse(test(r.rule(7), new Order().quantity(3).lines(lines(new OrderLine("b", 3, null)))));
        assertTrue(test(r.rule(8), new Order().amount(new BigDecimal("1.0")).limit(BigDecimal.ONE)));
        assertTrue(test(r.rule(8), new Order()));
        assertFalse(test(r.rule(8), new Order().amount(BigDecimal.ONE)));
        assertTrue(test(r.rule(9), new Order().discount(1)));
        assertFalse(test(r.rule(9), new Order()));
    }

    // ------------------------------------------------------------------------------------------- the rest

    @Test
    void stringFunctionsIgnoreCase() {
        CompiledRules r = CompiledRules.of("[contains(ownerName, 'li')]", "[starts-with(customer/name, 'AC')]",
                "[ends-with(lines/sku, '-x1')]", "[not(contains(ownerName, 'LI'))]", "[contains(ownerName, 'Σ')]",
                "[starts-with(ownerName, 'i̇s')]", "[ownerName = 'alice']");
        assertTrue(test(r.rule(0), new Order().ownerName("Alice")));
        assertTrue(test(r.rule(0), new Order().ownerName("ALICE")), "case-insensitive, as in Mendix");
        assertFalse(test(r.rule(0), new Order().ownerName("Alce")));
        assertFalse(test(r.rule(0), new Order()));
        assertTrue(test(r.rule(1), new Order().customer(new Customer("acme"))));
        assertFalse(test(r.rule(1), new Order().customer(new Customer("BACME"))));
        assertFalse(test(r.rule(1), new Order().customer(new Customer())));
        assertTrue(test(r.rule(2), new Order().lines(lines(new OrderLine(), new OrderLine("A-X1", 1, null)))));
        assertTrue(test(r.rule(3), new Order()));
        assertFalse(test(r.rule(3), new Order().ownerName("ali")));
        assertTrue(test(r.rule(4), new Order().ownerName("ΟΔΟΣ")), "a final sigma matches Σ and σ");
        assertTrue(test(r.rule(4), new Order().ownerName("οδοσ")));
        assertFalse(test(r.rule(4), new Order().ownerName("οδο")));
        assertTrue(test(r.rule(5), new Order().ownerName("İstanbul")), "İ lower-cases to i and a combining dot");
        assertFalse(test(r.rule(5), new Order().ownerName("Istanbul")));
        assertFalse(test(r.rule(6), new Order().ownerName("Alice")), "= stays case-sensitive");
        assertTrue(r.expression().startsWith("dev.warden.runtime.internal.ConstraintFunctions.contains("
                + "order.getOwnerName(), \"li\")"), r.expression());
    }

    @Test
    void andOrNotAndSeveralBrackets() {
        CompiledRules r = CompiledRules.of("[quantity > 1 and (status = 'OPEN' or paid)][not(archived)]",
                "[not(quantity > 1 or paid) and ownerName != empty]");
        assertTrue(test(r.rule(0), new Order().quantity(2).status(Status.OPEN)));
        assertTrue(test(r.rule(0), new Order().quantity(2).paid(true)));
        assertFalse(test(r.rule(0), new Order().quantity(2).paid(true).archived(true)));
        assertFalse(test(r.rule(0), new Order().quantity(1).paid(true)));
        assertTrue(test(r.rule(1), new Order().ownerName("x")));
        assertFalse(test(r.rule(1), new Order().ownerName("x").paid(true)));
        assertEquals("order.getQuantity() > 1 && (order.getStatus() == dev.warden.processor.constraint.fixture.Status.OPEN"
                + " || order.isPaid()) && !java.lang.Boolean.TRUE.equals(order.getArchived())", r.expression().replaceAll("\\s*\\n\\s*", " "));
    }

    @Test
    void recordAccessorsAndStringIdsWhenTheUserIdIsAString() {
        ConstraintEnvironment stringIds = new ConstraintEnvironment(Fixtures.LOOKUP, Fixtures.STRING, Fixtures.TOKENS, null);
        CompiledRules r = CompiledRules.of(stringIds, "[warehouse = '[%CurrentUser%]']", "[warehouse/city = 'Delft']");
        assertTrue(r.rule(0).test(new Order().warehouse(new Warehouse("W1", "Delft")), new StubContext().user("W1")));
        assertFalse(r.rule(0).test(new Order().warehouse(new Warehouse("W2", "Delft")), new StubContext().user("W1")));
        assertTrue(test(r.rule(1), new Order().warehouse(new Warehouse("W2", "Delft"))));
    }

    @Test
    void refusesAConstraintCheckedAgainstAnotherEntity() {
        CheckedConstraint checked = Fixtures.check("[ownerName = 'x']").constraint();
        assertThrows(IllegalArgumentException.class, () -> JavaConstraintCompiler.compile(checked,
                Fixtures.CUSTOMER_SHAPE, Fixtures.ENV, "o", "ctx", "R"));
        assertThrows(IllegalArgumentException.class, () -> JavaConstraintCompiler.compile(checked,
                Fixtures.ORDER_SHAPE, Fixtures.ENV, "class", "ctx", "R"));
    }

    /** A golden comparison, to keep the generated code readable: one line per condition of the constraint. */
    @Test
    void generatedCodeReadsLikeHandWrittenCode() {
        CompiledRules r = CompiledRules.of(
                "[customer/accountManager = '[%CurrentUser%]' or lines/product/price >= 10.50]",
                "[discount = ownerId and offsetAt <= '[%BeginOfCurrentDay%]' and tenant = '[%Tenant%]']");
        assertEquals(""
                + "  private static final BigDecimal RULE_1_LITERAL_1 = new BigDecimal(\"10.50\");\n"
                + "\n"
                + "  @Override\n"
                + "  public boolean test(Order order, StubContext ctx) {\n"
                + "    return (order.getCustomer() != null && order.getCustomer().getAccountManager() != null"
                + " && order.getCustomer().getAccountManager().getId() != null"
                + " && order.getCustomer().getAccountManager().getId().equals(ctx.currentUserId()))\n"
                + "        || (order.getLines() != null && order.getLines().stream().anyMatch(orderLine -> orderLine != null"
                + " && orderLine.getProduct() != null && orderLine.getProduct().price() != null"
                + " && orderLine.getProduct().price().compareTo(RULE_1_LITERAL_1) >= 0));\n"
                + "  }\n", body(r.sources.get(0)));
        assertEquals(""
                + "  @Override\n"
                + "  public boolean test(Order order, StubContext ctx) {\n"
                + "    return (order.getDiscount() == null ? order.getOwnerId() == null : order.getOwnerId() != null"
                + " && order.getDiscount().intValue() == order.getOwnerId())\n"
                + "        && order.getOffsetAt() != null"
                + " && !order.getOffsetAt().isAfter(ctx.dateTime(TimeToken.BEGIN_OF_CURRENT_DAY).toOffsetDateTime())\n"
                + "        && order.getTenant() != null && order.getTenant().longValue() == ctx.token(\"Tenant\", Long.class);\n"
                + "  }\n", body(r.sources.get(1)));
    }

    private static String body(String source) {
        return source.substring(source.indexOf("{\n") + 2, source.lastIndexOf('}'));
    }
}
