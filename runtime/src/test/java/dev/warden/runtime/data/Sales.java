package dev.warden.runtime.data;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.ModuleDescriptor;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.TestRules;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.sql.EntityTable;
import dev.warden.runtime.sql.SqlParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fixture of the SQL and data-access tests: customers and their orders, with the rules, the Java constraints
 * and the {@link EntityTable}s written by hand as the Warden processor generates them.
 */
public final class Sales {
    public static final ModuleDescriptor SALES =
            new ModuleDescriptor("Sales", "User", "Manager", "AccountManager", "Auditor", "Guest");
    public static final long USER = SALES.bit("User");
    public static final long MANAGER = SALES.bit("Manager");
    public static final long ACCOUNT_MANAGER = SALES.bit("AccountManager");
    public static final long AUDITOR = SALES.bit("Auditor");

    /** Today for the date tokens: 15 May 2030, 10:00 UTC. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2030-05-15T10:00:00Z"), ZoneOffset.UTC);

    public enum Status { DRAFT, SUBMITTED, SHIPPED }

    // ------------------------------------------------------------------------------------------------ customer

    public static final int C_ID = 0;
    public static final int C_NAME = 1;
    public static final int C_ACCOUNT_MANAGER = 2;

    /** A customer; a reference made from a foreign key holds only the id. */
    public record Customer(Long id, String name, Long accountManager) {
        static Customer ref(Long id) {
            return id == null ? null : new Customer(id, null, null);
        }
    }

    /** The members of {@link Customer}. */
    public enum CustomerMember implements EntityMember {
        ID("id"), NAME("name"), ACCOUNT_MANAGER("accountManager");

        private final String memberName;

        CustomerMember(String memberName) {
            this.memberName = memberName;
        }

        @Override
        public String memberName() {
            return memberName;
        }
    }

    public static final EntityRules<Customer, CustomerMember> CUSTOMER_RULES = TestRules
            .builder(Customer.class, CustomerMember.class, SALES)
            .readOnly(CustomerMember.values())
            .getter((c, member) -> switch (member) {
                case ID -> c.id();
                case NAME -> c.name();
                case ACCOUNT_MANAGER -> c.accountManager();
            })
            .rule("Managers: everything", null)
            .grant(MANAGER, true, true, MemberSet.all(3), MemberSet.of(C_ID, C_NAME, C_ACCOUNT_MANAGER))
            .rule("Account managers: their customers",
                    (ctx, c) -> c.accountManager() != null && c.accountManager().equals(ctx.currentUserId()))
            .grant(ACCOUNT_MANAGER, true, false, MemberSet.all(3), MemberSet.of(C_ID, C_NAME, C_ACCOUNT_MANAGER))
            .rule("Reps: the names of customers with an account manager", (ctx, c) -> c.accountManager() != null)
            .grant(USER, false, false, MemberSet.of(C_ID, C_NAME), MemberSet.none())
            .build();

    public static final EntityTable<Customer> CUSTOMERS = EntityTable
            .builder(CUSTOMER_RULES, "customers", CustomerMember.ID)
            .column(CustomerMember.ID, "id", Long.class)
            .column(CustomerMember.NAME, "name", String.class)
            .column(CustomerMember.ACCOUNT_MANAGER, "account_manager", Long.class)
            .constraint(2, "({a}.account_manager IS NOT NULL AND {a}.account_manager = ?)", SqlParam.currentUser())
            .constraint(3, "{a}.account_manager IS NOT NULL")
            .reader(values -> new Customer((Long) values[C_ID], (String) values[C_NAME],
                    (Long) values[C_ACCOUNT_MANAGER]))
            .build();

    // --------------------------------------------------------------------------------------------------- order

    public static final int ID = 0;
    public static final int CUSTOMER = 1;
    public static final int OWNER = 2;
    public static final int REGION = 3;
    public static final int STATUS = 4;
    public static final int TOTAL = 5;
    public static final int NOTE = 6;
    public static final int CREATED = 7;
    /** Calculated: no column. */
    public static final int LABEL = 8;
    public static final int ORDER_MEMBERS = 9;

    /** The members of {@link Order}. */
    public enum OrderMember implements EntityMember {
        ID, CUSTOMER, OWNER, REGION, STATUS, TOTAL, NOTE, CREATED, LABEL;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An order; {@code owner} is the {@code @Owner}. */
    public record Order(Long id, Customer customer, Long owner, String region, Status status, BigDecimal total,
            String note, LocalDateTime created) {
        public String label() {
            return "Order " + id;
        }

        Order withId(Long newId) {
            return new Order(newId, customer, owner, region, status, total, note, created);
        }

        Order withOwner(Long newOwner) {
            return new Order(id, customer, newOwner, region, status, total, note, created);
        }

        Order withRegion(String newRegion) {
            return new Order(id, customer, owner, newRegion, status, total, note, created);
        }

        Order withStatus(Status newStatus) {
            return new Order(id, customer, owner, region, newStatus, total, note, created);
        }

        Order withTotal(BigDecimal newTotal) {
            return new Order(id, customer, owner, region, status, newTotal, note, created);
        }

        Order withNote(String newNote) {
            return new Order(id, customer, owner, region, status, total, newNote, created);
        }

        Order withCustomer(Customer newCustomer) {
            return new Order(id, newCustomer, owner, region, status, total, note, created);
        }

        Order withCreated(LocalDateTime newCreated) {
            return new Order(id, customer, owner, region, status, total, note, newCreated);
        }
    }

    private static final BigDecimal LARGE = new BigDecimal("1000");

    /**
     * Rule 1: managers may do everything. 2: reps may create orders, and see and change some members of their
     * own. 3: reps may delete their own drafts and change their status and total. 4: reps see some members of the
     * orders of their region (custom token). 5: account managers see the orders of their customers (through the
     * association) and may change their note. 6: auditors see large orders, supervisors all (a user-role token).
     * 7: auditors see today's orders (a date token).
     */
    public static final EntityRules<Order, OrderMember> ORDER_RULES = TestRules
            .builder(Order.class, OrderMember.class, SALES)
            .association(OrderMember.CUSTOMER, Customer.class)
            .owner(OrderMember.OWNER)
            .readOnly(OrderMember.values())
            .calculated(OrderMember.LABEL)
            .getter(Sales::orderMember)
            .rule("Managers: everything", null)
            .grant(MANAGER, true, true, MemberSet.all(ORDER_MEMBERS),
                    MemberSet.of(ID, CUSTOMER, OWNER, REGION, STATUS, TOTAL, NOTE, CREATED))
            .rule("Reps: own orders", (ctx, o) -> o.owner() != null && o.owner().equals(ctx.currentUserId()))
            .grant(USER, true, false, MemberSet.all(ORDER_MEMBERS), MemberSet.of(CUSTOMER, REGION, NOTE))
            .rule("Reps: own drafts", (ctx, o) -> o.owner() != null && o.owner().equals(ctx.currentUserId())
                    && o.status() == Status.DRAFT)
            .grant(USER, false, true, MemberSet.none(), MemberSet.of(STATUS, TOTAL))
            .rule("Reps: orders of their region",
                    (ctx, o) -> o.region() != null && o.region().equals(ctx.token("Region", String.class)), "Region")
            .grant(USER, false, false, MemberSet.of(ID, REGION, STATUS, TOTAL), MemberSet.none())
            .rule("Account managers: orders of their customers", (ctx, o) -> o.customer() != null
                    && o.customer().accountManager() != null
                    && o.customer().accountManager().equals(ctx.currentUserId()))
            .grant(ACCOUNT_MANAGER, false, false, MemberSet.of(ID, CUSTOMER, STATUS, TOTAL), MemberSet.of(NOTE))
            .rule("Auditors: large orders, all for supervisors",
                    (ctx, o) -> (o.total() != null && o.total().compareTo(LARGE) >= 0)
                            || ctx.hasUserRole("Supervisor"))
            .grant(AUDITOR, false, false, MemberSet.of(ID, STATUS, TOTAL), MemberSet.none())
            .rule("Auditors: today's orders", (ctx, o) -> o.created() != null
                    && !o.created().isBefore(ctx.beginOfCurrentDay().toLocalDateTime()))
            .grant(AUDITOR, false, false, MemberSet.of(ID, CREATED, NOTE), MemberSet.none())
            .build();

    public static final EntityTable<Order> ORDERS = EntityTable.builder(ORDER_RULES, "orders", OrderMember.ID)
            .column(OrderMember.ID, "id", Long.class)
            .column(OrderMember.CUSTOMER, "customer_id", Long.class)
            .column(OrderMember.OWNER, "owner", Long.class)
            .column(OrderMember.REGION, "region", String.class)
            .column(OrderMember.STATUS, "status", Status.class)
            .column(OrderMember.TOTAL, "total", BigDecimal.class)
            .column(OrderMember.NOTE, "note", String.class)
            .column(OrderMember.CREATED, "created", LocalDateTime.class)
            .constraint(2, "({a}.owner IS NOT NULL AND {a}.owner = ?)", SqlParam.currentUser())
            .constraint(3, "({a}.owner IS NOT NULL AND {a}.owner = ?) AND ({a}.status IS NOT NULL "
                    + "AND {a}.status = ?)", SqlParam.currentUser(), SqlParam.constant("DRAFT", Status.class))
            .constraint(4, "({a}.region IS NOT NULL AND {a}.region = ?)", SqlParam.token("Region", String.class))
            .constraint(5, "EXISTS (SELECT 1 FROM customers {a}_1 WHERE {a}_1.id = {a}.customer_id "
                    + "AND {a}_1.account_manager = ?)", SqlParam.currentUser())
            .constraint(6, "({a}.total IS NOT NULL AND {a}.total >= ?) OR ?",
                    SqlParam.constant(new BigDecimal("1000"), BigDecimal.class), SqlParam.userRole("Supervisor"))
            .constraint(7, "({a}.created IS NOT NULL AND {a}.created >= ?)",
                    SqlParam.beginOfCurrentDay(LocalDateTime.class))
            .reader(Sales::readOrder)
            .build();

    /** An order from column values; the customer arrives as a reference that holds only its key. */
    public static Order readOrder(Object[] values) {
        return new Order((Long) values[ID], (Customer) values[CUSTOMER], (Long) values[OWNER],
                (String) values[REGION], (Status) values[STATUS], (BigDecimal) values[TOTAL], (String) values[NOTE],
                (LocalDateTime) values[CREATED]);
    }

    /** An order's column value, by member index: the customer as its key. */
    public static Object orderValue(Order order, int member) {
        Object value = orderMember(order, OrderMember.values()[member]);
        return value instanceof Customer customer ? customer.id() : value;
    }

    public static Object orderMember(Order order, OrderMember member) {
        return switch (member) {
            case ID -> order.id();
            case CUSTOMER -> order.customer();
            case OWNER -> order.owner();
            case REGION -> order.region();
            case STATUS -> order.status();
            case TOTAL -> order.total();
            case NOTE -> order.note();
            case CREATED -> order.created();
            case LABEL -> order.label();
        };
    }

    // ------------------------------------------------------------------------------------------------ the data

    public static final Customer ACME = new Customer(1L, "Acme", 50L);
    public static final Customer GLOBEX = new Customer(2L, "Globex", 51L);
    public static final Customer INITECH = new Customer(3L, "Initech", null);
    public static final List<Customer> SEED_CUSTOMERS = List.of(ACME, GLOBEX, INITECH);

    /** The seeded orders, as full objects: customers complete, so that the Java constraints can follow them. */
    public static final List<Order> SEED_ORDERS = List.of(
            new Order(1L, ACME, 1L, "North", Status.DRAFT, money("120.00"), "rep 1 draft", at("2030-05-15T08:00")),
            new Order(2L, ACME, 1L, "North", Status.SUBMITTED, money("1500.00"), "rep 1 big", at("2030-05-14T09:00")),
            new Order(3L, GLOBEX, 2L, "North", Status.DRAFT, money("80.00"), "rep 2 north", at("2030-05-15T09:30")),
            new Order(4L, GLOBEX, 2L, "South", Status.SHIPPED, money("2500.00"), "rep 2 south",
                    at("2030-05-10T12:00")),
            new Order(5L, INITECH, 3L, "South", Status.SUBMITTED, money("40.00"), null, null),
            new Order(6L, null, null, null, Status.DRAFT, null, "orphan", at("2030-05-16T00:00")));

    /** The ids of orders, in order. */
    static List<Long> ids(List<Order> orders) {
        return orders.stream().map(Order::id).collect(Collectors.toList());
    }

    public static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    public static LocalDateTime at(String time) {
        return LocalDateTime.parse(time);
    }

    // ----------------------------------------------------------------------------------------------- the users

    public static ApplicationModel app() {
        return app(SecurityLevel.PRODUCTION);
    }

    public static ApplicationModel app(SecurityLevel level) {
        return ApplicationModel.builder("SalesApp")
                .level(level)
                .userRole("Administrator", "Sales.Manager")
                .userRole("SalesRep", "Sales.User")
                .userRole("AccountManager", "Sales.AccountManager")
                .userRole("Auditor", "Sales.Auditor")
                .userRole("Supervisor", "Sales.Auditor")
                .userRole("Visitor", "Sales.Guest")
                .anonymousRole("Visitor")
                .token("Region", String.class)
                .build();
    }

    private static final ApplicationModel APP = app();

    public static SecurityContext user(long id, String... userRoles) {
        return SecurityContext.of(APP, UserIdentity.of(id, userRoles)).withClock(CLOCK);
    }

    public static SecurityContext manager() {
        return user(9, "Administrator");
    }

    /** A sales rep without a region: rule 4 is dropped. */
    public static SecurityContext rep(long id) {
        return user(id, "SalesRep");
    }

    public static SecurityContext rep(long id, String region) {
        return SecurityContext.of(APP, UserIdentity.of(id, "SalesRep").withAttribute("Region", region))
                .withClock(CLOCK);
    }

    public static SecurityContext accountManager(long id) {
        return user(id, "AccountManager");
    }

    public static SecurityContext auditor() {
        return user(70, "Auditor");
    }

    public static SecurityContext supervisor() {
        return user(71, "Supervisor");
    }

    public static SecurityContext visitor() {
        return SecurityContext.anonymousOf(APP).withClock(CLOCK);
    }

    /** A user role the application does not declare: the context denies everything. */
    public static SecurityContext stranger() {
        return user(99, "Hacker");
    }

    public static SecurityContext system() {
        return SecurityContext.systemOf(APP);
    }

    /** A user of the same application at level PROTOTYPE, where data access is not checked. */
    public static SecurityContext prototypeUser() {
        return SecurityContext.of(app(SecurityLevel.PROTOTYPE), UserIdentity.of(1L, "SalesRep"));
    }

    /** Every kind of user, for the equivalence tests. */
    public static List<SecurityContext> everyone() {
        return List.of(manager(), rep(1), rep(1, "North"), rep(2, "South"), rep(3, "Nowhere"), accountManager(50),
                accountManager(51), auditor(), supervisor(), visitor(), stranger(), system(), prototypeUser());
    }

    private Sales() {}
}
