package dev.warden.sample.app;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.Explanation;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import dev.warden.sample.administration.Account;
import dev.warden.sample.administration.AccountPolicy;
import dev.warden.sample.sales.Customer;
import dev.warden.sample.sales.Order;
import dev.warden.sample.sales.OrderPolicy;
import dev.warden.sample.sales.OrderStatus;
import dev.warden.sample.sales.ProductPolicy;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo: for every demo user and an anonymous visitor, what they see of each entity (read from the database
 * through {@link WardenData}, so the rules are applied inside the SQL), what they may create and delete, and a few
 * operations the rules deny, with the reason from {@code explain}.
 *
 * <p>Every row and value comes from the SQL; whether a member is hidden in a row, and whether the user may delete
 * it, comes from the generated in-memory policy. The demo checks that both agree and says so loudly if they do
 * not.
 */
public final class Demo {
    /** What a member the user may not read shows as. */
    public static final String HIDDEN = "(hidden)";
    /** Printed when the SQL and the in-memory policy disagree; never expected. */
    public static final String MISMATCH = "!! MISMATCH";

    private final ShopDatabase database;
    private final Accounts accounts;
    private final UserAdministration users;

    /**
     * An operation a user tries, and how to explain the outcome: with the entity's rules ({@code explain} and
     * {@code right}), or in one sentence ({@code because}) for operation access and user management.
     */
    private record Attempt(String what, Consumer<WardenData> action, Function<SecurityContext, Explanation> explain,
            Function<Explanation, String> right, Function<SecurityContext, String> because) {
        Attempt(String what, Consumer<WardenData> action, Function<SecurityContext, Explanation> explain,
                Function<Explanation, String> right) {
            this(what, action, explain, right, null);
        }

        static Attempt explainedBy(String what, Consumer<WardenData> action, Function<SecurityContext, String> because) {
            return new Attempt(what, action, null, null, because);
        }
    }

    /**
     * An operation a user may run, shown to be allowed and what Warden stored: run, printed, then rolled back so that
     * every user sees the same data.
     */
    private record Change(String what, Function<WardenData, Order> action) {}

    /** Thrown to roll back an attempt that unexpectedly succeeded. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super(null, null, false, false);
        }
    }

    public Demo(ShopDatabase database) {
        this.database = database;
        this.accounts = new Accounts(database);
        this.users = new UserAdministration(database);
    }

    /**
     * Prints the demo.
     *
     * @param out where to
     */
    public void run(PrintStream out) {
        ShopSnapshot snapshot = ShopSnapshot.load(database);
        out.println("Warden sample shop: modules Sales and Administration; user roles Administrator, SalesManager,");
        out.println("SalesRep, Customer, and Guest for anonymous visitors.");
        out.println("Embedded H2 database in memory, seeded with " + ShopEntities.ALL.stream()
                .map(e -> snapshot.all(e).size() + " " + e.resource()).collect(Collectors.joining(", ")) + ".");
        out.println("What each user sees is read through WardenData, with the user's rules inside the SQL;"
                + " " + HIDDEN + " marks");
        out.println("a member the user may not read in that row. Dates are shown as their age; Warden fills in an");
        out.println("order's createdDate and changedBy (system members) on every write, from the user and the clock.");
        for (String username : Accounts.DEMO_USERS) {
            Account account = accounts.find(username).orElseThrow();
            UserIdentity user = Accounts.identityOf(account);
            out.println();
            out.println("=== " + username + ": " + account.getFullName() + ", user role " + account.getUserRole()
                    + (account.getRegion() == null ? "" : ", region " + account.getRegion()) + " ===");
            show(out, Accounts.contextOf(user), snapshot, username);
        }
        out.println();
        out.println("=== anonymous visitor: user role Guest ===");
        show(out, Accounts.anonymous(), snapshot, "guest");
    }

    private void show(PrintStream out, SecurityContext ctx, ShopSnapshot snapshot, String who) {
        for (ShopEntity<?> entity : ShopEntities.ALL) {
            out.println();
            entity(out, ctx, entity, snapshot);
        }
        List<Change> changes = changes(who, snapshot, ctx);
        if (!changes.isEmpty()) {
            out.println();
            out.println("  Allowed operations (each rolled back):");
            for (Change change : changes) {
                change(out, ctx, change);
            }
        }
        out.println();
        out.println("  Denied operations:");
        for (Attempt attempt : attempts(who, snapshot, ctx)) {
            attempt(out, ctx, attempt);
        }
    }

    // ---------------------------------------------------------------------------------------------- entities

    private <T> void entity(PrintStream out, SecurityContext ctx, ShopEntity<T> entity, ShopSnapshot snapshot) {
        EntityRules<T, ?> rules = entity.rules();
        List<T> rows = database.data(ctx).list(entity.table());
        List<T> all = snapshot.all(entity);
        List<Object> deletable = new ArrayList<>();
        for (T row : rows) {
            T full = snapshot.get(entity, entity.key(row));
            if (rules.canDelete(ctx, full)) {
                deletable.add(entity.key(full));
            }
        }
        out.println("  " + entity.qualifiedName() + ": sees " + rows.size() + " of " + all.size()
                + "; may create: " + (rules.canCreate(ctx) ? "yes" : "no")
                + "; may delete: " + (deletable.isEmpty() ? "none" : join(deletable)));
        List<Object> visibleInMemory = all.stream().filter(o -> rules.isVisible(ctx, o)).map(entity::key).toList();
        List<Object> visibleInSql = rows.stream().map(entity::key).toList();
        if (!visibleInMemory.equals(visibleInSql)) {
            out.println("  " + MISMATCH + ": the SQL returned " + visibleInSql + ", the policy allows " + visibleInMemory);
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> members = entity.shownMembers();
        TextTable table = new TextTable(members.stream().map(rules::memberName).toList());
        for (T row : rows) {
            T full = snapshot.get(entity, entity.key(row));
            List<String> cells = new ArrayList<>();
            for (int member : members) {
                boolean readable = rules.canRead(ctx, full, member);
                Object value = entity.isStored(member) ? entity.value(row, member) : entity.value(full, member);
                if (entity.isStored(member) && (readable ? !Objects.equals(value, entity.value(full, member)) : value != null)) {
                    out.println("  " + MISMATCH + ": " + entity.name() + " " + entity.key(row) + "."
                            + rules.memberName(member) + " differs between the SQL and the policy");
                }
                cells.add(readable ? text(value, ctx) : HIDDEN);
            }
            table.add(cells);
        }
        table.lines("    ").forEach(out::println);
    }

    private static String text(Object value, SecurityContext ctx) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant moment) {
            return age(moment, ctx);
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /** How long ago a moment was by the context's clock, in whole days ({@code 0d ago} for less than a day). */
    private static String age(Instant moment, SecurityContext ctx) {
        return Duration.between(moment, ctx.now().toInstant()).toDays() + "d ago";
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------------------- attempts

    private void attempt(PrintStream out, SecurityContext ctx, Attempt attempt) {
        WardenData data = database.data(ctx);
        try {
            data.inTransaction(() -> {
                attempt.action().accept(data);
                throw new Rollback();
            });
        } catch (Rollback allowed) {
            out.println("  - " + attempt.what() + ": ALLOWED (rolled back)");
            return;
        } catch (AccessDeniedException denied) {
            out.println("  - " + attempt.what());
            out.println("      " + denied.getMessage());
            if (attempt.because() != null) {
                out.println("      explain: " + attempt.because().apply(ctx));
                return;
            }
            Explanation why = attempt.explain().apply(ctx);
            out.println("      explain: " + attempt.right().apply(why));
            List<Integer> notApplying = new ArrayList<>();
            for (Explanation.RuleOutcome rule : why.rules()) {
                if (!rule.applies()) {
                    notApplying.add(rule.number());
                    continue;
                }
                out.println("        " + rule.description().replaceFirst("^rule \\d+: ", "rule " + rule.number()
                        + " (applies to " + rule.matchedRoles() + ", " + (rule.active() ? "active" : "not active: "
                        + rule.reason()) + "): "));
            }
            if (!notApplying.isEmpty()) {
                out.println("        " + (notApplying.size() == 1 ? "rule " + join(notApplying) + " is"
                        : "rules " + join(notApplying) + " are") + " for roles the user does not hold (the user holds "
                        + (why.heldModuleRoles().isEmpty() ? "no role of this module" : why.heldModuleRoles()) + ")");
            }
        }
    }

    private void change(PrintStream out, SecurityContext ctx, Change change) {
        WardenData data = database.data(ctx);
        try {
            data.inTransaction(() -> {
                Order stored = change.action().apply(data);
                out.println("  - " + change.what() + ": stored with owner " + text(stored.getOwner(), ctx)
                        + ", status " + stored.getStatus() + ", createdDate " + text(stored.getCreatedDate(), ctx)
                        + ", changedBy " + text(stored.getChangedBy(), ctx));
                throw new Rollback();
            });
        } catch (Rollback done) {
            return;
        } catch (AccessDeniedException denied) {
            out.println("  - " + change.what() + ": " + MISMATCH + ": denied: " + denied.getMessage());
        }
    }

    /** What a user may do that shows the system members being filled in. */
    private static List<Change> changes(String who, ShopSnapshot s, SecurityContext ctx) {
        ShopEntity<Order> orders = ShopEntities.ORDERS;
        switch (who) {
            case "demo_salesrep":
                return List.of(new Change("ship order 1000, created " + age(s.order(1000L).getCreatedDate(), ctx),
                        data -> data.update(orders.table(), order(1000L, o -> o.setStatus(OrderStatus.SHIPPED)),
                                OrderPolicy.Member.STATUS)));
            case "demo_customer":
                return List.of(new Change("create an order for Acme Corp with owner 1, changedBy 1 and createdDate"
                        + " 1970 set by the caller", data -> data.insert(orders.table(), order(null, o -> {
                            o.setCustomer(customerRef(100L));
                            o.setOwner(1L);
                            o.setChangedBy(1L);
                            o.setCreatedDate(Instant.EPOCH);
                        }))));
            default:
                return List.of();
        }
    }

    private static String granted(String right, List<Integer> rules) {
        return right + (rules.isEmpty() ? " is granted by no active rule"
                : " is granted by rule" + (rules.size() == 1 ? " " : "s ") + join(rules));
    }

    /** Why a new object fails the write check: no rule that grants create is active for it. */
    private static String createFor(String what, Explanation why) {
        List<Integer> granting = why.createGrantedBy();
        List<Integer> active = granting.stream().filter(why.activeRules()::contains).toList();
        return active.isEmpty() ? "create is granted by rule" + (granting.size() == 1 ? " " : "s ") + join(granting)
                + ", which is not active for " + what : "create is granted by active rules " + join(active);
    }

    private List<Attempt> attempts(String who, ShopSnapshot s, SecurityContext actor) {
        ShopEntity<Order> orders = ShopEntities.ORDERS;
        switch (who) {
            case "demo_administrator":
                return List.of(new Attempt("set the password hash of demo_salesrep's account",
                        data -> data.update(ShopEntities.ACCOUNTS.table(), account(3L, "sha256:0:0"),
                                AccountPolicy.Member.PASSWORD_HASH),
                        ctx -> ShopEntities.ACCOUNTS.rules().explain(ctx, s.get(ShopEntities.ACCOUNTS, 3L)),
                        why -> granted("write 'passwordHash'", why.member("passwordHash").writeGrantedBy())));
            case "demo_salesmanager":
                return List.of(
                        new Attempt("delete order 1000, a draft (managers delete cancelled orders)",
                                data -> data.delete(orders.table(), 1000L),
                                ctx -> orders.rules().explain(ctx, s.order(1000L)),
                                why -> granted("delete", why.deleteGrantedBy())),
                        Attempt.explainedBy("create an account with user role Administrator",
                                data -> users.createAccount(actor, newAccount()),
                                c -> c.explainAssign(List.of(), List.of("Administrator")).toString()),
                        Attempt.explainedBy("make demo_administrator a SalesRep",
                                data -> users.updateAccount(actor, role(1L, "SalesRep"), "userRole"),
                                c -> c.explainAssign(List.of("Administrator"), List.of("SalesRep")).toString()));
            case "demo_salesrep":
                return List.of(
                        new Attempt("change the total of order 1000 to 1.00",
                                data -> data.update(orders.table(), order(1000L, o -> o.setTotal(BigDecimal.ONE)),
                                        OrderPolicy.Member.TOTAL),
                                ctx -> orders.rules().explain(ctx, s.order(1000L)),
                                why -> granted("write 'total'", why.member("total").writeGrantedBy())),
                        new Attempt("ship order 1004, created " + age(s.order(1004L).getCreatedDate(), actor)
                                + " (reps move orders created from [%BeginOfCurrentDay%] - 7 * [%DayLength%] on)",
                                data -> data.update(orders.table(), order(1004L, o -> o.setStatus(OrderStatus.SHIPPED)),
                                        OrderPolicy.Member.STATUS),
                                ctx -> orders.rules().explain(ctx, s.order(1004L)),
                                why -> granted("write 'status'", why.member("status").writeGrantedBy())),
                        new Attempt("delete order 1004",
                                data -> data.delete(orders.table(), 1004L),
                                ctx -> orders.rules().explain(ctx, s.order(1004L)),
                                why -> granted("delete", why.deleteGrantedBy())),
                        Attempt.explainedBy("create an account (user administration)",
                                data -> users.createAccount(actor, newAccount()),
                                UserAdministrationOperations.CREATE_ACCOUNT::explain));
            case "demo_customer":
                return List.of(
                        new Attempt("delete order 1001, which has shipped",
                                data -> data.delete(orders.table(), 1001L),
                                ctx -> orders.rules().explain(ctx, s.order(1001L)),
                                why -> granted("delete", why.deleteGrantedBy())),
                        new Attempt("set the status of order 1000 to PLACED",
                                data -> data.update(orders.table(), order(1000L, o -> o.setStatus(OrderStatus.PLACED)),
                                        OrderPolicy.Member.STATUS),
                                ctx -> orders.rules().explain(ctx, s.order(1000L)),
                                why -> granted("write 'status'", why.member("status").writeGrantedBy())),
                        new Attempt("create an order for Globex, another customer",
                                data -> data.insert(orders.table(), order(null, o -> o.setCustomer(customerRef(101L)))),
                                ctx -> orders.rules().explain(ctx, order(null, o -> {
                                    o.setCustomer(s.customer(101L));
                                    o.setOwner((Long) ctx.userId());
                                    o.setStatus(OrderStatus.DRAFT);
                                })),
                                why -> createFor("the new order", why)));
            default:
                return List.of(
                        new Attempt("create an order",
                                data -> data.insert(orders.table(), order(null, o -> o.setCustomer(customerRef(100L)))),
                                ctx -> orders.rules().explain(ctx, order(null, o -> o.setCustomer(s.customer(100L)))),
                                why -> granted("create", why.createGrantedBy())),
                        new Attempt("list the products sorted by cost price",
                                data -> data.list(ShopEntities.PRODUCTS.table(), Query.all().orderBy(ProductPolicy.Member.COST_PRICE)),
                                ctx -> ShopEntities.PRODUCTS.rules().explain(ctx, s.product(1L)),
                                why -> granted("read 'costPrice'", why.member("costPrice").readGrantedBy())));
        }
    }

    private static Account account(Long id, String passwordHash) {
        Account account = new Account();
        account.setId(id);
        account.setPasswordHash(passwordHash);
        return account;
    }

    private static Account role(Long id, String userRole) {
        Account account = new Account();
        account.setId(id);
        account.setUserRole(userRole);
        return account;
    }

    private static Account newAccount() {
        Account account = new Account();
        account.setUsername("mallory");
        account.setUserRole("Administrator");
        return account;
    }

    private static Order order(Long id, Consumer<Order> change) {
        Order order = new Order();
        order.setId(id);
        change.accept(order);
        return order;
    }

    private static Customer customerRef(Long id) {
        Customer customer = new Customer();
        customer.setId(id);
        return customer;
    }
}
