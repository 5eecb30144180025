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
    /** More paths and function texts, for the SQL equivalence test. */
    static final RandomConstraints EXTENDED = new RandomConstraints(MORE_PATHS, MORE_TEXTS);

    private final String[] paths;
    private final String[] texts;

    private RandomConstraints(String[] paths, String[] texts) {
        this.paths = paths;
        this.texts = texts;
    }

    /** A random condition (without brackets); nested at most a few levels deeper than {@code depth}. */
    String condition(Random random, int depth) {
        int choice = random.nextInt(depth > 2 ? 6 : 9);
        switch (choice) {
            case 0:
            case 1:
            case 2:
                String right = random.nextInt(4) == 0 ? pick(random, paths) : pick(random, LITERALS);
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

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
