package dev.warden.processor.constraint;

import java.util.Random;

/**
 * Random constraints on the fixture's {@code Order}, mostly well-typed: conditions over every kind of member,
 * path, literal and token, nested in {@code and}, {@code or} and {@code not}. Shared by the fuzz test and the SQL
 * equivalence test.
 */
final class RandomConstraints {

    private static final String[] PATHS = {
        "ownerId", "ownerNumber", "ownerName", "region", "version", "quantity", "discount", "priority", "flags", "amount",
        "serial", "weight", "ratio", "score", "tenant", "paid", "archived", "status", "createdAt", "dueDate",
        "updatedAt", "offsetAt", "zonedAt", "legacyDate", "cutOff", "reference", "grade", "customer", "customer/name",
        "customer/parent", "customer/parent/name", "customer/accountManager", "customer/accountManager/name", "manager",
        "warehouse/city", "product/price", "lines", "lines/quantity", "lines/price", "lines/sku", "lines/product/price",
        "lines/tags/label", "lines/createdBy", "customer/orders/quantity", "customer/orders/lines/sku", "limit",
    };

    private static final String[] LITERALS = {
        "'OPEN'", "'CLOSED'", "'x'", "'a''b'", "''", "1", "-2", "0", "3.5", "10.50", "true()", "false()", "empty",
        "'[%CurrentUser%]'", "'[%CurrentDateTime%]'", "'[%BeginOfCurrentDay%]'", "'[%EndOfCurrentDay%]'",
        "'[%UserRole_Manager%]'", "'[%Region%]'", "'[%Tenant%]'", "'[%Beta%]'", "'[%Cutoff%]'", "'[%FavouriteStatus%]'",
    };

    private static final String[] OPS = {"=", "!=", "<", "<=", ">", ">="};

    /**
     * More paths: bare to-one and to-many associations at every depth (also many-to-many), keys, and associations
     * compared with each other.
     */
    static final String[] MORE_PATHS = concat(PATHS, new String[] {
        "id", "product", "warehouse", "lines/product", "lines/tags", "customer/orders", "customer/parent/accountManager",
        "customer/orders/manager", "customer/parent/parent", "warehouse/code", "lines/product/name", "customer/id",
    });

    /** The texts of the string functions: also LIKE's wildcards and escape character. */
    private static final String[] MORE_TEXTS = {"a", "x", "", "b'c", "%", "_", "\\", "a%b_c\\d", "😀", "X", "A", "É",
        "Σ", "ς", "i", "İ", "ß", "𐐨", "ǆ", "ａ", "OΣ"};

    /** The generator of the fuzz test. */
    static final RandomConstraints STANDARD = new RandomConstraints(PATHS, new String[] {"a", "x", "", "b'c"});
    /** More paths, function texts and the forms of security-model.md §6, for the SQL equivalence test. */
    static final RandomConstraints EXTENDED = new RandomConstraints(MORE_PATHS, MORE_TEXTS, true);

    /** The literals of §6: NULL, quoted booleans, more date-time tokens and date arithmetic. */
    private static final String[] MORE_LITERALS = concat(LITERALS, new String[] {
        "NULL", "'true'", "'false'", "'[%BeginOfCurrentWeek%]'", "'[%EndOfCurrentMonthUTC%]'", "'[%BeginOfYesterday%]'",
        "'[%BeginOfCurrentDay%] - 1 * [%MonthLength%]'", "'[%CurrentDateTime%] + 2 * [%HourLength%]'",
        "'[%BeginOfTomorrow%] - 90 * [%MinuteLength%]'", "'[%EndOfCurrentYear%] - [%YearLength%] + 3 * [%DayLength%]'",
    });

    private static final String[] FUNCTIONS = {"string-length", "length", "year-from-dateTime", "month-from-dateTime",
        "day-from-dateTime", "hours-from-dateTime", "minutes-from-dateTime", "seconds-from-dateTime",
        "quarter-from-dateTime", "week-from-dateTime", "weekday-from-dateTime", "day-of-year-from-dateTime"};
    private static final String[] FUNCTION_PATHS = {"ownerName", "lines/sku", "createdAt", "updatedAt", "dueDate",
        "offsetAt", "zonedAt", "customer/orders/createdAt"};
    private static final String[] NUMBERS = {"0", "1", "3", "12", "30", "31", "2024", "empty", "quantity",
        "'[%Tenant%]'"};
    private static final String[] LINE_CONDITIONS = {"quantity > 1", "sku = 'x'", "product/price > 1",
        "tags[label = 'a']", "createdBy = '[%CurrentUser%]'", "contains(sku, 'A')", "string-length(sku) > 1",
        "not(price = empty)", "product = empty"};
    private static final String[] CUSTOMER_CONDITIONS = {"name = 'x'", "parent/name = 'x'",
        "accountManager = '[%CurrentUser%]'", "orders[quantity > 1]", "parent[name = 'Ann']", "orders"};

    private final String[] paths;
    private final String[] texts;
    private final boolean extended;

    private RandomConstraints(String[] paths, String[] texts) {
        this(paths, texts, false);
    }

    private RandomConstraints(String[] paths, String[] texts, boolean extended) {
        this.paths = paths;
        this.texts = texts;
        this.extended = extended;
    }

    /** A random condition (without brackets); nested at most a few levels deeper than {@code depth}. */
    String condition(Random random, int depth) {
        if (extended && random.nextInt(4) == 0) {
            return extendedCondition(random);
        }
        int choice = random.nextInt(depth > 2 ? 6 : 9);
        switch (choice) {
            case 0:
            case 1:
            case 2:
                String right = random.nextInt(4) == 0 ? pick(random, paths)
                        : pick(random, extended ? MORE_LITERALS : LITERALS);
                return pick(random, paths) + " " + pick(random, OPS) + " " + right;
            case 3:
                return pick(random, new String[] {"contains", "starts-with", "ends-with"}) + "("
                        + pick(random, new String[] {"ownerName", "customer/name", "lines/sku", "lines/tags/label"})
                        + ", '" + pick(random, texts).replace("'", "''") + "')";
            case 4:
                return pick(random, paths);
            case 5:
                return pick(random, new String[] {"'[%UserRole_Manager%]'", "'[%UserRole_SalesRep%]'", "'[%Beta%]'"});
            case 6:
                return "not(" + condition(random, depth + 1) + ")";
            case 7:
                return "(" + condition(random, depth + 1) + " and " + condition(random, depth + 1) + ")";
            default:
                return "(" + condition(random, depth + 1) + " or " + condition(random, depth + 1) + ")";
        }
    }

    /** A function comparison, a sub-constraint or a constant condition (security-model.md §6). */
    private static String extendedCondition(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return pick(random, FUNCTIONS) + "(" + pick(random, FUNCTION_PATHS) + ") " + pick(random, OPS) + " "
                        + pick(random, NUMBERS);
            case 1:
                return "lines[" + pick(random, LINE_CONDITIONS) + (random.nextBoolean() ? " and " : " or ")
                        + pick(random, LINE_CONDITIONS) + "]";
            case 2:
                return (random.nextBoolean() ? "customer[" : "customer/parent[") + pick(random, CUSTOMER_CONDITIONS)
                        + (random.nextBoolean() ? "" : " and " + pick(random, CUSTOMER_CONDITIONS)) + "]";
            default:
                return random.nextBoolean() ? "true()" : "false()";
        }
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
