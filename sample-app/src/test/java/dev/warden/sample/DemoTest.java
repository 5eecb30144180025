package dev.warden.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.sample.app.Demo;
import dev.warden.sample.app.ShopDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's output, user by user: what each one sees of each entity, may create and delete, and is denied. */
class DemoTest {
    private static List<String> output;

    @BeforeAll
    static void runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ShopDatabase database = ShopDatabase.createAndSeed()) {
            new Demo(database).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        output = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** The lines of one user's section, from its header to the next. */
    private static List<String> user(String header) {
        int start = output.indexOf("=== " + header + " ===");
        assertTrue(start >= 0, "no section " + header + " in\n" + String.join("\n", output));
        int end = start + 1;
        while (end < output.size() && !output.get(end).startsWith("===")) {
            end++;
        }
        return output.subList(start + 1, end);
    }

    /** One entity's block in a user's section: its summary line and its table, up to the next blank line. */
    private static List<String> entity(List<String> user, String entity) {
        for (int i = 0; i < user.size(); i++) {
            if (user.get(i).startsWith("  " + entity + ": ")) {
                int end = i;
                while (end < user.size() && !user.get(end).isEmpty()) {
                    end++;
                }
                return user.subList(i, end);
            }
        }
        throw new AssertionError("no " + entity + " in " + user);
    }

    /** The Rep rule that lets reps move orders along while they are fresh, as the demo describes it. */
    private static final String FRESH_ORDERS_RULE = "@AccessRule(roles = \"Rep\", defaultAccess = READ, members"
            + " = {status: READ_WRITE}, constraint = \"[customer/accountManager = '[%CurrentUser%]'][createdDate >="
            + " '[%BeginOfCurrentDay%] - 7 * [%DayLength%]']\")";

    /** The allowed (and rolled back) operations of a user's section, with their heading; empty when there are none. */
    private static List<String> allowed(List<String> user) {
        int start = user.indexOf("  Allowed operations (each rolled back):");
        if (start < 0) {
            return List.of();
        }
        return user.subList(start, user.indexOf("  Denied operations:") - 1);
    }

    /** The denied operations of a user's section. */
    private static List<String> denied(List<String> user) {
        int start = user.indexOf("  Denied operations:");
        assertTrue(start >= 0, user.toString());
        return user.subList(start + 1, user.size());
    }

    @Test
    void sqlAndInMemoryPolicyAgreeAndEveryAttemptIsDenied() {
        assertFalse(output.stream().anyMatch(line -> line.contains(Demo.MISMATCH)), String.join("\n", output));
        assertFalse(output.stream().anyMatch(line -> line.contains("ALLOWED")), String.join("\n", output));
        assertEquals(5, output.stream().filter(line -> line.equals("  Denied operations:")).count());
        // only the rep and the customer show allowed operations
        assertEquals(2, output.stream().filter(line -> line.equals("  Allowed operations (each rolled back):")).count());
    }

    @Test
    void administratorSeesEverythingButPasswordHashesAndMayDeleteAnyOrder() {
        List<String> admin = user("demo_administrator: Ada Admin, user role Administrator");
        assertEquals(List.of(
                "  Administration.Account: sees 7 of 7; may create: yes; may delete: 1, 2, 3, 4, 10, 11, 12",
                "    id | username           | fullName       | userRole      | region | email                | active | passwordHash",
                "    ---+--------------------+----------------+---------------+--------+----------------------+--------+-------------",
                "    1  | demo_administrator | Ada Admin      | Administrator |        | ada@shop.example     | true   | (hidden)",
                "    2  | demo_salesmanager  | Sam Manager    | SalesManager  |        | sam@shop.example     | true   | (hidden)",
                "    3  | demo_salesrep      | Rita Rep       | SalesRep      | North  | rita@shop.example    | true   | (hidden)",
                "    4  | rosa               | Rosa Rep       | SalesRep      | South  | rosa@shop.example    | true   | (hidden)",
                "    10 | demo_customer      | Carol Customer | Customer      |        | carol@acme.example   | true   | (hidden)",
                "    11 | dave               | Dave Buyer     | Customer      |        | dave@globex.example  | true   | (hidden)",
                "    12 | erin               | Erin Buyer     | Customer      |        | erin@initech.example | false  | (hidden)"),
                entity(admin, "Administration.Account"));
        // The role token [%UserRole_Administrator%] lets an administrator delete any order.
        assertEquals("  Sales.Order: sees 5 of 5; may create: yes; may delete: 1000, 1001, 1002, 1003, 1004",
                entity(admin, "Sales.Order").get(0));
        assertEquals("  Sales.Product: sees 3 of 3; may create: yes; may delete: 1, 2, 3",
                entity(admin, "Sales.Product").get(0));
        assertEquals(List.of("  - set the password hash of demo_salesrep's account",
                "      Access denied: cannot WRITE member 'passwordHash' of Account: no active rule grants write access"
                        + " for user roles [Administrator]",
                "      explain: write 'passwordHash' is granted by no active rule"), denied(admin).subList(0, 3));
    }

    @Test
    void salesManagerManagesAccountsAndDeletesOnlyCancelledOrders() {
        List<String> manager = user("demo_salesmanager: Sam Manager, user role SalesManager");
        List<String> accounts = entity(manager, "Administration.Account");
        // A user manager: reads and may create accounts (which ones, the manageable roles decide), never a password.
        assertEquals("  Administration.Account: sees 7 of 7; may create: yes; may delete: none", accounts.get(0));
        assertEquals("    1  | demo_administrator | Ada Admin      | Administrator |        | ada@shop.example     | true   | (hidden)",
                accounts.get(3));
        assertEquals("  Sales.Order: sees 5 of 5; may create: yes; may delete: 1003", entity(manager, "Sales.Order").get(0));
        List<String> denied = denied(manager);
        assertEquals("  - delete order 1000, a draft (managers delete cancelled orders)", denied.get(0));
        assertEquals("      explain: delete is granted by no active rule", denied.get(2));
        assertTrue(denied.get(4).startsWith("        rule 2 (applies to Sales.Manager, not active: constraint is false):"
                + " @AccessRule(roles = \"Manager\", delete = true, constraint = \"[status = 'CANCELLED' or"), denied.get(4));
        // User management: a sales manager may give accounts only the roles SalesRep and Customer.
        int create = denied.indexOf("  - create an account with user role Administrator");
        assertTrue(create > 0, denied.toString());
        assertEquals(List.of("  - create an account with user role Administrator",
                "      Access denied: cannot CREATE Account: user roles [SalesManager] may manage only SalesRep, Customer;"
                        + " Administrator is not among them",
                "      explain: denied: user roles [SalesManager] may manage only SalesRep, Customer; Administrator is"
                        + " not among them",
                "  - make demo_administrator a SalesRep",
                "      Access denied: cannot WRITE member 'userRole' of Account: user roles [SalesManager] may manage only"
                        + " SalesRep, Customer; Administrator is not among them",
                "      explain: denied: user roles [SalesManager] may manage only SalesRep, Customer; Administrator is"
                        + " not among them"), denied.subList(create, create + 6));
    }

    @Test
    void salesRepSeesManagedCustomersInFullAndOnlyTheNamesOfOthersInTheirRegion() {
        List<String> rep = user("demo_salesrep: Rita Rep, user role SalesRep, region North");
        assertEquals(List.of(
                "  Sales.Customer: sees 3 of 4; may create: no; may delete: none",
                "    id  | name      | region | accountManager | userId   | email               | creditLimit",
                "    ----+-----------+--------+----------------+----------+---------------------+------------",
                "    100 | Acme Corp | North  | 3              | 10       | orders@acme.example | 5000.00",
                "    101 | Globex    | North  | (hidden)       | (hidden) | (hidden)            | (hidden)",
                "    103 | Hooli     | West   | 3              |          | buy@hooli.example   | 20000.00"),
                entity(rep, "Sales.Customer"));
        // The system members: createdDate (shown as its age; the seed dates orders relative to the seeding) and
        // changedBy, the last account that changed the order (the rep shipped 1001).
        assertEquals(List.of(
                "  Sales.Order: sees 3 of 5; may create: no; may delete: none",
                "    id   | customer | owner | status  | total  | note                      | createdDate | changedBy | totalWithVat",
                "    -----+----------+-------+---------+--------+---------------------------+-------------+-----------+-------------",
                "    1000 | 100      | 10    | DRAFT   | 99.00  | Leave it at the back door | 2d ago      | 10        | 119.79",
                "    1001 | 100      | 10    | SHIPPED | 440.00 |                           | 30d ago     | 3         | 532.40",
                "    1004 | 103      | 2     | PLACED  | 960.00 | Phoned in                 | 10d ago     | 2         | 1161.60"),
                entity(rep, "Sales.Order"));
        assertEquals("  Sales.OrderLine: sees 4 of 6; may create: no; may delete: none",
                entity(rep, "Sales.OrderLine").get(0));
        assertEquals("  Sales.Product: sees 2 of 3; may create: no; may delete: none", entity(rep, "Sales.Product").get(0));
        assertEquals(List.of("  - change the total of order 1000 to 1.00",
                "      Access denied: cannot WRITE member 'total' of Order: no active rule grants write access for user"
                        + " roles [SalesRep]",
                "      explain: write 'total' is granted by no active rule",
                "        rule 3 (applies to Sales.Rep, active): @AccessRule(roles = \"Rep\", defaultAccess = READ,"
                        + " constraint = \"[customer/accountManager = '[%CurrentUser%]']\")",
                "        rule 6 (applies to Sales.Rep, active): " + FRESH_ORDERS_RULE,
                "        rules 1, 2, 4, 5 are for roles the user does not hold (the user holds Sales.Rep)"),
                denied(rep).subList(0, 6));
        // A date token: a rep moves only orders created from the start of the day seven days ago on.
        assertEquals(List.of("  Allowed operations (each rolled back):",
                "  - ship order 1000, created 2d ago: stored with owner 10, status SHIPPED, createdDate 2d ago,"
                        + " changedBy 3"), allowed(rep));
        int old = denied(rep).indexOf("  - ship order 1004, created 10d ago (reps move orders created from"
                + " [%BeginOfCurrentDay%] - 7 * [%DayLength%] on)");
        assertTrue(old > 0, denied(rep).toString());
        assertEquals(List.of("      Access denied: cannot WRITE member 'status' of Order: there is no Order with this key"
                        + " that user roles [SalesRep] may write [status]",
                "      explain: write 'status' is granted by no active rule",
                "        rule 3 (applies to Sales.Rep, active): @AccessRule(roles = \"Rep\", defaultAccess = READ,"
                        + " constraint = \"[customer/accountManager = '[%CurrentUser%]']\")",
                "        rule 6 (applies to Sales.Rep, not active: constraint is false): " + FRESH_ORDERS_RULE),
                denied(rep).subList(old + 1, old + 5));
        // Operation access: user administration is not for sales reps at all.
        List<String> denied = denied(rep);
        int create = denied.indexOf("  - create an account (user administration)");
        assertEquals(List.of("      Access denied: cannot run UserAdministration.createAccount: it is for module roles"
                        + " Administration.Admin, Administration.UserManager; user roles [SalesRep] hold none of them",
                "      explain: denied: UserAdministration.createAccount: it is for module roles Administration.Admin,"
                        + " Administration.UserManager; user roles [SalesRep] hold none of them"),
                denied.subList(create + 1, create + 3));
    }

    @Test
    void customerSeesOwnOrdersAndAccountButNoCostPricesOrCreditLimit() {
        List<String> customer = user("demo_customer: Carol Customer, user role Customer");
        assertEquals(List.of(
                "  Sales.Customer: sees 1 of 4; may create: no; may delete: none",
                "    id  | name      | region | accountManager | userId | email               | creditLimit",
                "    ----+-----------+--------+----------------+--------+---------------------+------------",
                "    100 | Acme Corp | North  | 3              | 10     | orders@acme.example | (hidden)"),
                entity(customer, "Sales.Customer"));
        assertEquals(List.of(
                "  Sales.Product: sees 2 of 3; may create: no; may delete: none",
                "    id | name          | price  | costPrice | active",
                "    ---+---------------+--------+-----------+-------",
                "    1  | Anvil         | 99.00  | (hidden)  | true",
                "    2  | Rocket skates | 250.00 | (hidden)  | true"),
                entity(customer, "Sales.Product"));
        assertEquals("  Sales.Order: sees 2 of 5; may create: yes; may delete: 1000", entity(customer, "Sales.Order").get(0));
        assertEquals("  Sales.OrderLine: sees 3 of 6; may create: yes; may delete: 5000",
                entity(customer, "Sales.OrderLine").get(0));
        assertEquals("  Administration.Account: sees 1 of 7; may create: no; may delete: none",
                entity(customer, "Administration.Account").get(0));
        // Warden fills in the system members of a new order and overwrites what the caller put there.
        assertEquals(List.of("  Allowed operations (each rolled back):",
                "  - create an order for Acme Corp with owner 1, changedBy 1 and createdDate 1970 set by the caller:"
                        + " stored with owner 10, status DRAFT, createdDate 0d ago, changedBy 10"), allowed(customer));
        List<String> denied = denied(customer);
        assertTrue(denied.contains("  - create an order for Globex, another customer"), denied.toString());
        // Globex is not visible to Acme's customer: referring to it is refused as referring to no customer would be
        assertTrue(denied.contains("      Access denied: cannot WRITE member 'customer' of Order: an object it would"
                + " refer to is not visible to user roles [Customer]"), denied.toString());
        assertTrue(denied.contains("      explain: create is granted by rule 4, which is not active for the new order"),
                denied.toString());
    }

    @Test
    void anonymousGuestSeesOnlyTheActiveCatalogueWithoutCostPrices() {
        List<String> guest = user("anonymous visitor: user role Guest");
        List<String> summaries = new ArrayList<>();
        for (String line : guest) {
            if (line.matches("  \\S+\\.\\S+: sees .*")) {
                summaries.add(line);
            }
        }
        assertEquals(List.of(
                "  Administration.Account: sees 0 of 7; may create: no; may delete: none",
                "  Sales.Customer: sees 0 of 4; may create: no; may delete: none",
                "  Sales.Product: sees 2 of 3; may create: no; may delete: none",
                "  Sales.Order: sees 0 of 5; may create: no; may delete: none",
                "  Sales.OrderLine: sees 0 of 6; may create: no; may delete: none"), summaries);
        assertEquals("    1  | Anvil         | 99.00  | (hidden)  | true", entity(guest, "Sales.Product").get(3));
        assertTrue(denied(guest).contains("      Access denied: cannot READ member 'costPrice' of Product: no rule gives"
                + " user roles [Guest] read access to it, so a query may not filter or sort by it"), guest.toString());
    }
}
