package dev.warden.processor.constraint;

import dev.warden.processor.constraint.fixture.Customer;
import dev.warden.processor.constraint.fixture.Employee;
import dev.warden.processor.constraint.fixture.Order;
import dev.warden.processor.constraint.fixture.OrderLine;
import dev.warden.processor.constraint.fixture.Product;
import dev.warden.processor.constraint.fixture.Status;
import dev.warden.processor.constraint.fixture.Tag;
import dev.warden.processor.constraint.fixture.Warehouse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded data for the SQL equivalence test, once as Java objects (what the Java twin sees) and once as rows (what
 * the SQL sees): orders with every member null, edge values (extreme numbers, -0.0, 10.5 and 10.50, instants at
 * the day's boundaries, empty strings, quotes, LIKE wildcards, a backslash, non-ASCII text), to-one associations
 * set and unset, and to-many associations empty and not, one-to-many and many-to-many.
 */
final class SqlTestData {
    final List<Employee> employees = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Warehouse> warehouses = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    /** Ordered by id. */
    final List<Order> orders = new ArrayList<>();
    private final Map<Object, Long> surrogateKeys = new IdentityHashMap<>();
    private final Map<Customer, Customer> parents = new IdentityHashMap<>();
    private final Map<Customer, List<Order>> ordersOf = new IdentityHashMap<>();
    private final Map<Order, List<OrderLine>> linesOf = new IdentityHashMap<>();
    private final Map<OrderLine, List<Tag>> tagsOf = new IdentityHashMap<>();
    private final Map<OrderLine, Product> productOf = new IdentityHashMap<>();
    private long nextLineId = 1;

    static final String[] STRINGS = {null, "", "a", "x", "a'b", "EU", "US", "ax", "xa", "X", "b'c", "é", "😀x",
        "a%b_c\\d", "%", "_", "\\", "Delft", " x", "x ", "Ann", "p", "A", "ÉCOLE", "école", "ΟΔΟΣ", "οδοσ", "İstanbul",
        "istanbul", "STRASSE", "Straße", "ǅemal", "ＡＢ", "𐐀x", "Σa"};
    static final Instant NOW = Instant.parse("2024-03-15T09:30:00Z");

    static SqlTestData generate(long seed, int randomOrders) {
        SqlTestData data = new SqlTestData();
        data.build(new Random(seed), randomOrders);
        return data;
    }

    private void build(Random random, int randomOrders) {
        employees.addAll(List.of(new Employee(7L, "Alice"), new Employee(8L, "Bob"), new Employee(9L, null),
                new Employee(-2L, "x")));
        Customer c5 = new Customer("x").id(5L).accountManager(employees.get(0));
        Customer c6 = new Customer().id(6L);
        Customer c10 = new Customer("Ann").id(10L).accountManager(employees.get(2));
        Customer c11 = new Customer("a%b_c\\d").id(11L).accountManager(employees.get(1));
        Customer c12 = new Customer("").id(12L).accountManager(employees.get(3));
        Customer c13 = new Customer("zero").id(13L);
        customers.addAll(List.of(c5, c6, c10, c11, c12, c13));
        parent(c6, c5);
        parent(c10, c10);
        parent(c11, c6);
        parent(c12, c5);
        warehouses.addAll(List.of(new Warehouse("W", "x"), new Warehouse("W2", null), new Warehouse("w", "Delft")));
        // Distinct products: Java compares these id-less records with equals, SQL by key.
        products.addAll(List.of(new Product("p", BigDecimal.ONE), new Product(null, null),
                new Product("x", new BigDecimal("3.5")), new Product("a", new BigDecimal("10.50")),
                new Product(null, new BigDecimal("-2"))));
        tags.addAll(List.of(new Tag("a"), new Tag(null), new Tag("b'c"), new Tag("x"), new Tag("a%b_c\\d"),
                new Tag("a")));
        for (int i = 0; i < products.size(); i++) {
            surrogateKeys.put(products.get(i), (long) i + 1);
        }
        for (int i = 0; i < tags.size(); i++) {
            surrogateKeys.put(tags.get(i), (long) i + 1);
        }

        long id = 1;
        // An order with nothing set, one with everything set, and one with empty associations.
        orders.add(new Order().id(id++));
        Order full = new Order().id(id++).ownerId(7L).ownerNumber(7L).ownerName("a").region("EU").version(3)
                .quantity(1).discount(1).priority((short) 1).flags((byte) 1).amount(new BigDecimal("10.50"))
                .serial(BigInteger.ONE).weight(3.5).ratio(0.0).score(1f).tenant(42L).paid(true).archived(false)
                .status(Status.OPEN).createdAt(NOW).dueDate(LocalDate.of(2024, 3, 15))
                .updatedAt(LocalDateTime.of(2024, 3, 15, 0, 0)).offsetAt(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .zonedAt(ZonedDateTime.ofInstant(NOW, ZoneId.of("Europe/Amsterdam"))).legacyDate(Date.from(NOW))
                .cutOff(LocalTime.NOON).reference(UUID.fromString("00000000-0000-0000-0000-000000000001")).grade('A')
                .customer(c5).manager(employees.get(0)).warehouse(warehouses.get(0)).product(products.get(0))
                .limit(new BigDecimal("-2"));
        orders.add(full);
        lines(full, line("x", -2, new BigDecimal("3.5"), products.get(1), 7L, tags.get(0), tags.get(1), tags.get(3)),
                line(null, 0, null, null, null), line("a%b_c\\d", 1, new BigDecimal("10.5"), products.get(3), 8L));
        orders.add(new Order().id(id++).customer(c6).manager(employees.get(2)).warehouse(warehouses.get(1))
                .product(products.get(1)));
        // 16777217 is no float: Java compares an int or long with a float as floats, where it equals 16777216.
        orders.add(new Order().id(id++).quantity(16_777_217).ownerNumber(16_777_217L).score(16_777_216f)
                .weight(16_777_217.0).tenant(16_777_217L).discount(16_777_217));
        // -0.0 and 0.0 are equal numbers (but not equal Doubles), in the two orders of a customer.
        orders.add(new Order().id(id++).customer(c13).ratio(-0.0).weight(-0.0));
        orders.add(new Order().id(id++).customer(c13).ratio(0.0).weight(0.0));
        for (int i = 0; i < randomOrders; i++) {
            Order order = randomOrder(random, id++);
            orders.add(order);
            int count = random.nextInt(4);
            OrderLine[] lines = new OrderLine[count];
            for (int j = 0; j < count; j++) {
                lines[j] = randomLine(random);
            }
            lines(order, lines);
        }
        for (Order order : orders) {
            if (order.getCustomer() != null) {
                ordersOf.computeIfAbsent(order.getCustomer(), c -> new ArrayList<>()).add(order);
            }
            List<OrderLine> lines = linesOf.get(order);
            // No lines: an empty list or none at all, which Java treats alike.
            order.lines(lines != null ? lines : order.getId() % 2 == 0 ? new ArrayList<>() : null);
        }
        for (Customer customer : customers) {
            customer.parent(parents.get(customer));
            customer.orders(ordersOf.getOrDefault(customer, new ArrayList<>()));
        }
    }

    private void parent(Customer child, Customer parent) {
        parents.put(child, parent);
    }

    private void lines(Order order, OrderLine... lines) {
        linesOf.put(order, new ArrayList<>(Arrays.asList(lines)));
    }

    private OrderLine line(String sku, int quantity, BigDecimal price, Product product, Long createdBy, Tag... tags) {
        OrderLine line = new OrderLine(sku, quantity, price).id(nextLineId++).createdBy(createdBy).product(product)
                .tags(tags.length == 0 && nextLineId % 2 == 0 ? null : new ArrayList<>(Arrays.asList(tags)));
        productOf.put(line, product);
        tagsOf.put(line, Arrays.asList(tags));
        return line;
    }

    private OrderLine randomLine(Random random) {
        List<Tag> chosen = new ArrayList<>();
        for (Tag tag : tags) {
            if (random.nextInt(4) == 0) {
                chosen.add(tag);
            }
        }
        return line(pick(random, STRINGS), pick(random, new Integer[] {1, -2, 0, 3, 7}),
                pick(random, new BigDecimal[] {null, new BigDecimal("3.5"), new BigDecimal("10.50"), BigDecimal.ZERO,
                    new BigDecimal("-2")}),
                pick(random, products.toArray(new Product[0]), true), pick(random, new Long[] {null, 7L, 8L, -2L}),
                chosen.toArray(new Tag[0]));
    }

    private Order randomOrder(Random random, long id) {
        Order o = new Order().id(id);
        o.ownerId(pick(random, new Long[] {null, 7L, 8L, 0L, -2L, 1L, Long.MAX_VALUE, Long.MIN_VALUE}));
        o.ownerNumber(pick(random, new Long[] {7L, 0L, -2L, 1L, 8L, Long.MAX_VALUE}));
        o.ownerName(pick(random, STRINGS));
        o.region(pick(random, STRINGS));
        o.version(pick(random, new Long[] {0L, 1L, 3L, -2L}));
        o.quantity(pick(random, new Integer[] {1, -2, 0, 3, 7, Integer.MAX_VALUE, Integer.MIN_VALUE}));
        o.discount(pick(random, new Integer[] {null, 1, -2, 0, 7, 42}));
        o.priority(pick(random, new Short[] {1, -2, 0, Short.MAX_VALUE}));
        o.flags(pick(random, new Byte[] {1, 0, -2, Byte.MIN_VALUE}));
        o.amount(pick(random, new BigDecimal[] {null, new BigDecimal("10.50"), new BigDecimal("10.5"),
            new BigDecimal("-2"), BigDecimal.ZERO, new BigDecimal("3.5"), BigDecimal.ONE, new BigDecimal("0.0000000001"),
            new BigDecimal("12345678901234567890.1234")}));
        o.serial(pick(random, new BigInteger[] {null, BigInteger.ONE, BigInteger.ZERO, BigInteger.valueOf(-2),
            BigInteger.TEN.pow(30)}));
        o.weight(pick(random, new Double[] {3.5, 0.0, -2.0, 1.0, 10.5, 0.1, -0.0, 1e300, 7.0}));
        o.ratio(pick(random, new Double[] {null, 0.0, -0.0, 3.5, 1.0, 7.0, 0.1}));
        o.score(pick(random, new Float[] {1f, 3.5f, 0.1f, -2f, 0f, 10.5f}));
        o.tenant(pick(random, new Long[] {null, 42L, 1L, 7L}));
        o.paid(random.nextBoolean());
        o.archived(pick(random, new Boolean[] {null, true, false}));
        o.status(pick(random, new Status[] {null, Status.OPEN, Status.SHIPPED, Status.CLOSED}));
        o.createdAt(pick(random, new Instant[] {null, NOW, Instant.parse("2024-03-14T23:00:00Z"),
            Instant.parse("2024-03-15T23:00:00Z"), NOW.plusNanos(1000), NOW.minusNanos(1000),
            Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-03-15T10:30:00Z"),
            // around the daylight-saving changes of the users' zones and the month ends they reach back to
            Instant.parse("2024-03-30T23:00:00Z"), Instant.parse("2024-03-31T22:00:00Z"),
            Instant.parse("2024-03-31T23:00:00Z"), Instant.parse("2024-03-31T00:30:00Z"),
            Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2024-02-28T23:00:00Z"),
            Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-11-03T04:00:00Z"),
            Instant.parse("2024-11-04T05:00:00Z"), Instant.parse("2024-11-03T05:30:00Z"),
            Instant.parse("2024-11-03T06:30:59.999Z"), Instant.parse("2024-10-03T04:00:00Z"),
            Instant.parse("2024-12-31T23:59:59Z"), Instant.parse("2023-12-31T18:29:00Z")}));
        o.dueDate(pick(random, new LocalDate[] {null, LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 14),
            LocalDate.of(2024, 3, 16), LocalDate.of(1999, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31),
            LocalDate.of(2024, 3, 25), LocalDate.of(2024, 11, 3), LocalDate.of(2024, 12, 30), LocalDate.of(2021, 1, 3)}));
        o.updatedAt(pick(random, new LocalDateTime[] {null, LocalDateTime.of(2024, 3, 15, 0, 0),
            LocalDateTime.of(2024, 3, 15, 10, 30), LocalDateTime.of(2024, 3, 15, 10, 30, 0, 1000),
            LocalDateTime.of(2024, 3, 16, 0, 0), LocalDateTime.of(2024, 3, 15, 9, 30),
            LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(2024, 4, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 23, 59),
            LocalDateTime.of(2024, 11, 3, 1, 30), LocalDateTime.of(2024, 11, 4, 0, 0, 59)}));
        o.offsetAt(pick(random, new OffsetDateTime[] {null, OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(5)),
            OffsetDateTime.parse("2024-03-15T00:00:00+01:00"), OffsetDateTime.parse("2024-03-16T00:00:00+01:00"),
            OffsetDateTime.parse("2024-03-15T10:30:00+01:00"), OffsetDateTime.parse("2024-03-31T01:30:00+05:30"),
            OffsetDateTime.parse("2024-11-03T01:30:00-05:00")}));
        o.zonedAt(pick(random, new ZonedDateTime[] {null, ZonedDateTime.ofInstant(NOW, ZoneId.of("Asia/Tokyo")),
            ZonedDateTime.parse("2024-03-15T00:00:00+01:00[Europe/Amsterdam]"),
            ZonedDateTime.parse("2024-03-15T10:30:00+01:00[Europe/Amsterdam]"),
            ZonedDateTime.parse("2024-03-31T03:00:00+02:00[Europe/Amsterdam]"),
            ZonedDateTime.parse("2024-11-03T01:30:00-04:00[America/New_York]")}));
        o.legacyDate(pick(random, new Date[] {null, Date.from(NOW), Date.from(Instant.parse("2024-03-14T23:00:00Z")),
            Date.from(Instant.parse("2030-01-01T00:00:00Z"))}));
        o.cutOff(pick(random, new LocalTime[] {null, LocalTime.NOON, LocalTime.MIDNIGHT}));
        o.reference(pick(random, new UUID[] {null, UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("ffffffff-0000-0000-0000-000000000002")}));
        o.grade(pick(random, new Character[] {null, 'A', 'b'}));
        o.customer(pick(random, customers.subList(0, customers.size() - 1).toArray(new Customer[0]), true)); // not c13
        o.manager(pick(random, employees.toArray(new Employee[0]), true));
        o.warehouse(pick(random, warehouses.toArray(new Warehouse[0]), true));
        o.product(pick(random, products.toArray(new Product[0]), true));
        o.limit(pick(random, new BigDecimal[] {null, new BigDecimal("-2"), BigDecimal.ZERO, new BigDecimal("10.5")}));
        return o;
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    /** One of {@code options}, or (one time in four) null. */
    private static <T> T pick(Random random, T[] options, boolean orNull) {
        return orNull && random.nextInt(4) == 0 ? null : pick(random, options);
    }

    // ------------------------------------------------------------------------------------------------- storing

    /** Creates the tables and stores the data. */
    void store(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SqlFixtures.DDL) {
                statement.execute(ddl);
            }
        }
        for (Employee e : employees) {
            insert(connection, "employee", new String[] {"id", "name"}, e.getId(), e.getName());
        }
        for (Customer c : customers) {
            insert(connection, "customer", new String[] {"id", "name", "account_manager_id"}, c.getId(), c.getName(),
                    c.getAccountManager() == null ? null : c.getAccountManager().getId());
        }
        for (Customer c : customers) {
            if (c.getParent() != null) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE customer SET parent_id = ? WHERE id = ?")) {
                    update.setLong(1, c.getParent().getId());
                    update.setLong(2, c.getId());
                    update.executeUpdate();
                }
            }
        }
        for (Warehouse w : warehouses) {
            insert(connection, "warehouse", new String[] {"code", "city"}, w.code(), w.city());
        }
        for (Product p : products) {
            insert(connection, "product", new String[] {"id", "name", "price"}, surrogateKeys.get(p), p.name(), p.price());
        }
        for (Tag t : tags) {
            insert(connection, "tag", new String[] {"id", "label"}, surrogateKeys.get(t), t.label());
        }
        String[] columns = {"id", "owner_id", "owner_number", "owner_name", "region", "version", "quantity", "discount",
            "priority", "flags", "amount", "serial", "weight", "ratio", "score", "tenant", "paid", "archived", "status",
            "created_at", "due_date", "updated_at", "offset_at", "zoned_at", "legacy_date", "cut_off", "reference",
            "grade", "customer_id", "manager_id", "warehouse_code", "product_id", "limit_value"};
        for (Order o : orders) {
            insert(connection, "orders", columns, o.getId(), o.getOwnerId(), o.getOwnerNumber(), o.getOwnerName(),
                    o.getRegion(), o.getVersion(), o.getQuantity(), o.getDiscount(), o.getPriority(), o.getFlags(),
                    o.getAmount(), o.getSerial(), o.getWeight(), o.getRatio(), o.getScore(), o.getTenant(), o.isPaid(),
                    o.getArchived(), o.getStatus(), o.getCreatedAt(), o.getDueDate(), o.getUpdatedAt(), o.getOffsetAt(),
                    o.getZonedAt(), o.getLegacyDate(), o.getCutOff(), o.getReference(), o.getGrade(),
                    o.getCustomer() == null ? null : o.getCustomer().getId(),
                    o.getManager() == null ? null : o.getManager().getId(),
                    o.getWarehouse() == null ? null : o.getWarehouse().code(),
                    o.getProduct() == null ? null : surrogateKeys.get(o.getProduct()), o.getLimit());
        }
        for (Order o : orders) {
            for (OrderLine l : linesOf.getOrDefault(o, List.of())) {
                Product product = productOf.get(l);
                insert(connection, "order_line", new String[] {"id", "order_id", "sku", "quantity", "price", "product_id",
                    "created_by"}, l.getId(), o.getId(), l.getSku(), l.getQuantity(), l.getPrice(),
                        product == null ? null : surrogateKeys.get(product), l.getCreatedBy());
                for (Tag t : tagsOf.get(l)) {
                    insert(connection, "order_line_tag", new String[] {"line_id", "tag_id"}, l.getId(), surrogateKeys.get(t));
                }
            }
        }
    }

    private static void insert(Connection connection, String table, String[] columns, Object... values)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, Types.NULL);
                } else {
                    SqlFixtures.setValue(insert, i + 1, values[i]);
                }
            }
            insert.executeUpdate();
        }
    }
}
