package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warden.processor.constraint.fixture.Order;
import dev.warden.processor.constraint.fixture.Status;
import dev.warden.processor.constraint.fixture.StubContext;
import dev.warden.runtime.sql.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL of a constraint holds for exactly the rows for which its Java twin holds for the same data, on H2 and on a
 * real PostgreSQL server: for representative and seeded random constraints, each also negated, several users, and
 * orders full of NULLs and edge values. The SQL is evaluated for each row twice, in one query per constraint, user
 * and database: selected as a value (never NULL, and equal to the Java result) and as a condition.
 */
class SqlEquivalenceTest {

    /** Hand-written constraints: every feature of the language once, and every disagreement found, as a regression. */
    static final String[] REPRESENTATIVE = {
        "[ownerId = '[%CurrentUser%]']", "[ownerNumber = '[%CurrentUser%]']", "[ownerId != '[%CurrentUser%]']",
        "[manager = '[%CurrentUser%]']", "[manager != '[%CurrentUser%]']", "[customer/accountManager = '[%CurrentUser%]']",
        "[lines/createdBy = '[%CurrentUser%]']", "[customer/parent/accountManager = '[%CurrentUser%]']",
        "[status = 'OPEN']", "[status != 'CLOSED']", "[status = '[%FavouriteStatus%]']", "[status = empty]",
        "[amount >= 10.50]", "[amount = 10.5]", "[amount < 0]", "[serial > 0]", "[limit <= -2]",
        "[quantity > 1 and discount < 5]", "[quantity = 2147483647]", "[ownerNumber >= 9223372036854775807]",
        "[weight = 0]", "[weight < 0]", "[ratio = 0]", "[ratio > 0]", "[ratio < 0]", "[score = 0.1]", "[score > 3.4]",
        "[priority = -2]", "[flags < 0]", "[version != 3]",
        "[createdAt < '[%CurrentDateTime%]']", "[createdAt = '[%BeginOfCurrentDay%]']",
        "[createdAt >= '[%EndOfCurrentDay%]']", "[dueDate = '[%BeginOfCurrentDay%]']", "[dueDate < '[%CurrentDateTime%]']",
        "[updatedAt <= '[%CurrentDateTime%]']", "[updatedAt = '[%BeginOfCurrentDay%]']",
        "[offsetAt = '[%BeginOfCurrentDay%]']", "[offsetAt > '[%CurrentDateTime%]']",
        "[zonedAt = '[%CurrentDateTime%]']", "[zonedAt < '[%EndOfCurrentDay%]']", "[legacyDate <= '[%CurrentDateTime%]']",
        "[dueDate = '[%Cutoff%]']", "[region = '[%Region%]']", "[tenant = '[%Tenant%]']", "[quantity = '[%Tenant%]']",
        "[weight > '[%Tenant%]']", "['[%Beta%]']", "[paid = '[%Beta%]']", "[archived != '[%Beta%]']",
        "['[%UserRole_Manager%]' or ownerName = 'x']", "[archived = '[%UserRole_Manager%]']",
        "[paid = '[%UserRole_SalesRep%]']", "['[%UserRole_Administrator%]']",
        "[paid]", "[archived]", "[paid = true()]", "[archived = false()]", "[archived != true()]",
        "[customer]", "[manager]", "[warehouse]", "[product]", "[lines]", "[lines/tags]", "[lines/product]",
        "[customer/orders]", "[customer/parent]", "[customer/parent/parent]",
        "[lines = empty]", "[customer/orders = empty]", "[customer = empty]", "[customer/parent = empty]",
        "[ownerName = empty]", "[ownerName != empty]", "[quantity = empty]", "[quantity != empty]",
        "[ownerName = '']", "[ownerName = 'a''b']", "[ownerName != 'x']", "[ownerName < 'b']", "[ownerName >= 'X']",
        "[region > 'a']", "[ownerName = 'é']", "[ownerName = '😀x']",
        "[contains(ownerName, 'a')]", "[contains(ownerName, '')]", "[contains(ownerName, '%')]",
        "[contains(ownerName, '_')]", "[contains(ownerName, '\\')]", "[starts-with(ownerName, 'a%b_c\\')]",
        "[ends-with(ownerName, ' ')]", "[starts-with(ownerName, 'x')]", "[ends-with(region, 'a')]",
        "[contains(customer/name, '%b_')]", "[starts-with(lines/sku, 'a%')]", "[contains(lines/tags/label, '''')]",
        "[ends-with(lines/tags/label, 'c\\d')]", "[contains(ownerName, '😀')]",
        // The string functions ignore case, non-ASCII letters included; = stays exact.
        "[contains(ownerName, 'A')]", "[starts-with(ownerName, 'é')]", "[starts-with(ownerName, 'ÉC')]",
        "[contains(ownerName, 'Σ')]", "[ends-with(ownerName, 'σ')]", "[ends-with(ownerName, 'ς')]",
        "[contains(ownerName, 'ΟΣ')]", "[contains(ownerName, 'İ')]", "[starts-with(ownerName, 'i')]",
        "[starts-with(ownerName, 'İs')]", "[contains(ownerName, 'SS')]", "[contains(ownerName, 'ß')]",
        "[starts-with(ownerName, 'ǆ')]", "[starts-with(ownerName, 'Ǆ')]", "[contains(ownerName, 'ａ')]",
        "[starts-with(ownerName, '𐐨')]", "[ends-with(region, 'u')]", "[contains(customer/name, 'AN')]",
        "[contains(lines/tags/label, 'A')]", "[ownerName = 'A']", "[ownerName != 'a']",
        // NULL, quoted booleans, true() and false() as conditions
        "[ownerName = NULL]", "[customer != NULL]", "[lines = NULL]", "[quantity != NULL]",
        "[paid = 'true']", "[archived = 'false']", "[archived != 'true']", "[lines/product/name = 'true']",
        "[true()]", "[false()]", "[false() or archived]", "[true() and not(lines)]", "[not(false()) and ratio > 0]",
        // more date-time tokens, in the user's zone and in UTC, with every kind of member
        "[updatedAt >= '[%BeginOfCurrentWeek%]']", "[dueDate = '[%BeginOfTomorrow%]']", "[dueDate = '[%EndOfYesterday%]']",
        "[offsetAt < '[%EndOfCurrentMonthUTC%]']", "[zonedAt >= '[%BeginOfCurrentYear%]']",
        "[legacyDate < '[%EndOfCurrentHour%]']", "[updatedAt < '[%BeginOfCurrentDayUTC%]']",
        "[dueDate <= '[%BeginOfCurrentMonth%]']", "[updatedAt > '[%EndOfCurrentMinuteUTC%]']",
        // date arithmetic: calendar days across daylight-saving changes, month and year lengths
        "[createdAt >= '[%BeginOfCurrentDay%] - 3 * [%DayLength%]']",
        "[createdAt < '[%BeginOfCurrentDay%] + 1 * [%DayLength%]']",
        "[createdAt < '[%BeginOfCurrentDay%] + 24 * [%HourLength%]']",
        "[createdAt >= '[%BeginOfCurrentDay%] - 1 * [%MonthLength%]']",
        "[dueDate >= '[%BeginOfCurrentDay%] - 1 * [%MonthLength%]']",
        "[updatedAt < '[%BeginOfCurrentDay%] - 1 * [%MonthLength%] + [%DayLength%]']",
        "[createdAt > '[%CurrentDateTime%] - 2 * [%HourLength%] + 30 * [%MinuteLength%]']",
        "[updatedAt < '[%EndOfCurrentDayUTC%] + [%WeekLength%] - 90 * [%SecondLength%]']",
        "[createdAt >= '[%BeginOfCurrentYear%] - 1 * [%YearLength%]']",
        "[zonedAt <= '[%EndOfCurrentWeek%] - 0 * [%DayLength%]']",
        "[legacyDate > '[%BeginOfCurrentMonthUTC%] - 1 * [%MonthLength%]']",
        "[offsetAt >= '[%BeginOfTomorrow%] - 36 * [%HourLength%]']",
        // string-length and length: characters are code points
        "[string-length(ownerName) > 2]", "[length(ownerName) = 1]", "[string-length(lines/sku) >= 3]",
        "[string-length(ownerName) = empty]", "[string-length(ownerName) != 0]", "[string-length(ownerName) = quantity]",
        "[string-length(ownerName) < '[%Tenant%]']", "[length(customer/name) != discount]",
        // date parts, of instants in the user's zone and of local dates and times as they are
        "[year-from-dateTime(createdAt) = 2024]", "[month-from-dateTime(createdAt) = 3]",
        "[day-from-dateTime(createdAt) = 31]", "[hours-from-dateTime(createdAt) < 2]",
        "[minutes-from-dateTime(createdAt) = 30]", "[seconds-from-dateTime(createdAt) > 58]",
        "[quarter-from-dateTime(createdAt) = 4]", "[week-from-dateTime(createdAt) = 13]",
        "[weekday-from-dateTime(createdAt) = 1]", "[day-of-year-from-dateTime(createdAt) > 90]",
        "[day-from-dateTime(offsetAt) = 15]", "[hours-from-dateTime(offsetAt) = 1]", "[weekday-from-dateTime(zonedAt) = 7]",
        "[hours-from-dateTime(zonedAt) != 10]", "[month-from-dateTime(updatedAt) = 11]",
        "[hours-from-dateTime(updatedAt) = 1]", "[week-from-dateTime(updatedAt) = 45]",
        "[weekday-from-dateTime(dueDate) = 1]", "[week-from-dateTime(dueDate) = 53]", "[day-of-year-from-dateTime(dueDate) = 60]",
        "[quarter-from-dateTime(dueDate) != 1]", "[year-from-dateTime(dueDate) < 2000]",
        "[year-from-dateTime(createdAt) = empty]", "[day-from-dateTime(createdAt) = quantity]",
        // sub-constraints: the same associated object satisfies the whole condition
        "[lines[quantity > 1 and sku = 'x']]", "[lines/quantity > 1][lines/sku = 'x']", "[not(lines[quantity > 1])]",
        "[lines[not(sku = 'x') and price >= 3.5]]", "[lines[tags[label = 'a'] and product/price > 1]]",
        "[customer[name = 'x' or parent/name = 'x']]", "[customer[parent[accountManager = '[%CurrentUser%]']]]",
        "[customer/orders[quantity = quantity and lines]]", "[lines[product = empty or createdBy = '[%CurrentUser%]']]",
        "[lines[contains(sku, 'A') and string-length(sku) < 5]]", "[lines[true()]]", "[lines[false()] or paid]",
        "[customer[orders[lines[sku = empty]]]]", "[warehouse[city = 'Delft']]", "[product[price > 5]]",
        "[lines/quantity > 1]", "[lines/price >= 10.50]", "[lines/product/price >= 10.50]", "[lines/product/name = 'p']",
        "[lines/tags/label = 'a']", "[lines/tags/label = empty]", "[lines/sku != 'x']", "[lines/product = empty]",
        "[customer/name = 'x']", "[customer/parent/name = 'x']", "[customer/accountManager/name = empty]",
        "[customer/orders/quantity > 1]", "[customer/orders/lines/sku = 'x']", "[warehouse/city = 'Delft']",
        "[warehouse/code = 'W']", "[product/price > 1]", "[customer/id = 5]",
        "[ownerName = region]", "[ownerName != region]", "[ownerName < region]", "[discount = ownerId]",
        "[discount != tenant]", "[quantity < weight]", "[score = weight]", "[ratio = weight]", "[amount = limit]",
        "[createdAt = createdAt]", "[cutOff = cutOff]", "[reference = reference]", "[grade != grade]",
        "[customer = customer/parent]", "[customer != customer/parent]", "[manager = customer/accountManager]",
        "[product = lines/product]", "[ownerName = customer/name]", "[customer/name = lines/sku]",
        "[lines/quantity = quantity]", "[lines/price < amount]", "[lines/createdBy = ownerId]",
        "[customer/orders/quantity = quantity]", "[manager = customer/orders/manager]",
        "[not(lines/quantity > 1)]", "[not(customer/name = 'x')]", "[not(customer)]", "[not(lines)]",
        "[not(ownerName = 'a') and not(status = 'OPEN')]", "[not(not(archived))]",
        "[(ownerName = 'a' or region = 'b') and not(lines)]", "[ownerName = 'a' or region = 'b' and quantity > 1]",
        "[quantity = empty and lines/sku = 'x']", "[quantity = empty or amount = empty]",
        "[tenant = '[%Tenant%]'][status = '[%FavouriteStatus%]'][customer]",
        // Java compares an int or a long with a float as floats (16777217 becomes 16777216).
        "[quantity = score]", "[ownerNumber = score]", "[score >= quantity]", "[discount = score]",
        "[score = '[%Tenant%]']", "[score < '[%Tenant%]']", "[quantity = weight]", "[tenant = weight]",
        // -0.0 = 0.0 as numbers, also between two Double members.
        "[ratio = customer/orders/ratio]", "[ratio != customer/orders/ratio]", "[weight = customer/orders/ratio]",
        "[ratio < customer/orders/ratio]", "[ratio = 0]", "[weight = 0]",
    };

    private static final List<Map.Entry<String, StubContext>> CONTEXTS = List.of(
            Map.entry("alice", context(7L, "EU", 42L, true, LocalDate.of(2024, 3, 15), Status.OPEN, null, "Manager")),
            Map.entry("bob", context(8L, "a'b", 16_777_217L, false, LocalDate.of(2024, 3, 14), Status.CLOSED,
                    ZonedDateTime.parse("2024-03-15T00:00:00Z[UTC]"), "SalesRep")),
            Map.entry("carol", context(-2L, "", 7L, true, LocalDate.of(2024, 3, 16), Status.SHIPPED,
                    ZonedDateTime.parse("2024-03-15T09:30:00.000001+09:00[Asia/Tokyo]"), "Manager", "Administrator")),
            Map.entry("anonymous", context(null, "US", 0L, false, LocalDate.of(1999, 12, 31), Status.OPEN, null)),
            // The day daylight saving time starts in Amsterdam (23 hours), and a month after a leap February.
            Map.entry("dora", context(9L, "EU", 7L, false, LocalDate.of(2024, 3, 31), Status.OPEN,
                    ZonedDateTime.parse("2024-03-31T12:00:00+02:00[Europe/Amsterdam]"), "Manager")),
            // The day it ends in New York (25 hours), before the second 01:30.
            Map.entry("eve", context(10L, "US", 1L, true, LocalDate.of(2024, 11, 3), Status.CLOSED,
                    ZonedDateTime.parse("2024-11-03T01:40:00-04:00[America/New_York]"), "SalesRep")),
            // A zone half an hour off the hour, which PostgreSQL's AT TIME ZONE would read the POSIX way.
            Map.entry("fay", context(11L, "", 42L, false, LocalDate.of(2024, 3, 31), Status.SHIPPED,
                    ZonedDateTime.parse("2024-03-31T04:59:30+05:30[Asia/Kolkata]"), "Manager")),
            Map.entry("gus", context(12L, "", 42L, false, LocalDate.of(2024, 3, 31), Status.SHIPPED,
                    ZonedDateTime.parse("2024-03-31T04:59:30+05:30"), "Manager")));

    private static final int RANDOM = 150;

    private static SqlTestData data;
    /**
     * The constraints, representative ones first, each followed by its negation; and the Java twins of the
     * constraints, all from one javac run. The twin of a negation is the opposite of the twin of the constraint
     * ({@link ConstraintFuzzTest} checks that), so it is not compiled again; its SQL is.
     */
    private static List<String> texts;
    private static CompiledRules java;
    private static Connection h2;
    private static EmbeddedPostgres postgres;
    private static Connection pg;

    @BeforeAll
    static void startDatabases() throws Exception {
        data = SqlTestData.generate(20240315L, 40);
        List<String> constraints = new ArrayList<>(List.of(REPRESENTATIVE));
        constraints.addAll(randomConstraints());
        texts = new ArrayList<>();
        for (String c : constraints) {
            texts.add(c);
            texts.add("[not((" + c.substring(1, c.length() - 1).replace("][", ") and (") + "))]");
        }
        java = CompiledRules.of(constraints.toArray(String[]::new));
        h2 = DriverManager.getConnection("jdbc:h2:mem:sql_equivalence;DB_CLOSE_DELAY=-1");
        data.store(h2);
        postgres = EmbeddedPostgres.start();
        pg = postgres.getPostgresDatabase().getConnection();
        data.store(pg);
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        try {
            if (h2 != null) {
                h2.createStatement().execute("SHUTDOWN");
                h2.close();
            }
            if (pg != null) {
                pg.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void representativeConstraintsAgree() throws SQLException {
        assertAgree(0, 2 * REPRESENTATIVE.length, "representative");
    }

    @Test
    void randomConstraintsAgree() throws SQLException {
        assertAgree(2 * REPRESENTATIVE.length, texts.size(), "random");
    }

    /** Seeded random well-typed constraints, over more paths and function texts than the fuzz test's. */
    private static List<String> randomConstraints() {
        Random random = new Random(7L);
        Set<String> constraints = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 50_000 && constraints.size() < RANDOM; attempt++) {
            String text = "[" + RandomConstraints.EXTENDED.condition(random, 0) + "]";
            ParseResult parsed = ConstraintParser.parse(text);
            if (ConstraintChecker.check(parsed, Fixtures.ORDER_SHAPE, Fixtures.ENV).isWellTyped()) {
                constraints.add(text);
            }
        }
        assertEquals(RANDOM, constraints.size(), "the generator should find enough well-typed constraints");
        return new ArrayList<>(constraints);
    }

    /**
     * Compares the constraints {@code from} (inclusive) to {@code to} (exclusive) of {@link #texts}, compiled to
     * Java and SQL, row by row, for every context and on both databases.
     */
    private static void assertAgree(int from, int to, String what) throws SQLException {
        List<String> problems = new ArrayList<>();
        long comparisons = 0;
        int dropped = 0;
        int varying = 0;
        Map<String, Connection> databases = new LinkedHashMap<>();
        databases.put("H2", h2);
        databases.put("PostgreSQL", pg);
        for (int i = from; i < to; i++) {
            CompiledSqlConstraint sql = SqlFixtures.compile(texts.get(i));
            Set<Boolean> outcomes = new java.util.HashSet<>();
            for (Map.Entry<String, StubContext> context : CONTEXTS) {
                if (SqlFixtures.render(sql, "o", context.getValue(), Dialect.h2()) == null) {
                    dropped++;
                    continue;
                }
                Map<Long, Boolean> expected = new LinkedHashMap<>();
                for (Order order : data.orders) {
                    boolean holds = java.rule(i / 2).test(order, context.getValue());
                    expected.put(order.getId(), i % 2 == 0 ? holds : !holds);
                }
                outcomes.addAll(expected.values());
                for (Map.Entry<String, Connection> db : databases.entrySet()) {
                    String where = texts.get(i) + " for " + context.getKey() + " on " + db.getKey();
                    SqlFixtures.Rendered rendered = SqlFixtures.render(sql, "o", context.getValue(),
                            db.getKey().equals("H2") ? Dialect.h2() : Dialect.postgreSql());
                    Map<Long, Boolean[]> actual = evaluate(db.getValue(), rendered, where);
                    for (Map.Entry<Long, Boolean> row : expected.entrySet()) {
                        Boolean[] values = actual.get(row.getKey());
                        comparisons++;
                        if (!row.getValue().equals(values[0]) || !row.getValue().equals(values[1])) {
                            problems.add(where + ", order " + row.getKey() + ": Java " + row.getValue() + ", SQL "
                                    + values[0] + " as a value, " + values[1] + " as a condition\n    " + sql.sql()
                                    + "\n    " + sql.params());
                        }
                    }
                }
            }
            varying += outcomes.size() == 2 ? 1 : 0;
        }
        System.out.printf("SQL equivalence (%s): %d constraints (half of them negations) x %d orders x %d users"
                        + " x %d databases = %d row comparisons (%d (constraint, user) pairs dropped for want of a"
                        + " user id); %d constraints are true for some rows and false for others%n",
                what, to - from, data.orders.size(), CONTEXTS.size(), databases.size(), comparisons, dropped, varying);
        if (!problems.isEmpty()) {
            fail(problems.size() + " disagreements between Java and SQL, the first ones:\n"
                    + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
        }
        assertTrue(varying > (to - from) / 2, "most constraints should tell rows apart");
    }

    /**
     * For every order: the constraint selected as a value (which must never be NULL) and used as a condition
     * ({@code CASE WHEN}, which like {@code WHERE} takes only TRUE).
     */
    private static Map<Long, Boolean[]> evaluate(Connection db, SqlFixtures.Rendered rendered, String where)
            throws SQLException {
        Map<Long, Boolean[]> values = new LinkedHashMap<>();
        String sql = "SELECT o.id, (" + rendered.sql() + ") AS v, CASE WHEN " + rendered.sql()
                + " THEN 1 ELSE 0 END AS w FROM orders o";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            rendered.bind(query, 0);
            rendered.bind(query, rendered.values().size());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    boolean value = rows.getBoolean(2);
                    Boolean asValue = rows.wasNull() ? null : value;
                    values.put(id, new Boolean[] {asValue, rows.getInt(3) == 1});
                }
            }
        } catch (SQLException e) {
            throw new SQLException(where + ": " + rendered.sql(), e);
        }
        return values;
    }

    private static StubContext context(Long user, String region, long tenant, boolean beta, LocalDate cutoff,
            Status favourite, ZonedDateTime now, String... roles) {
        StubContext ctx = new StubContext().token("Region", region).token("Tenant", tenant).token("Beta", beta)
                .token("Cutoff", cutoff).token("FavouriteStatus", favourite);
        if (user != null) {
            ctx.user(user);
        }
        if (now != null) {
            ctx.now(now);
        }
        for (String role : roles) {
            ctx.role(role);
        }
        return ctx;
    }
}
