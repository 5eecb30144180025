package dev.warden.runtime;

import dev.warden.annotations.SecurityLevel;
import java.math.BigDecimal;

/** A small shop application, the fixture of the runtime's tests. */
final class Shop {
    static final ModuleDescriptor SALES = new ModuleDescriptor("Sales", "User", "Manager", "Guest");
    static final ModuleDescriptor ADMINISTRATION = new ModuleDescriptor("Administration", "Admin");
    static final long USER = SALES.bit("User");
    static final long MANAGER = SALES.bit("Manager");
    static final long GUEST = SALES.bit("Guest");

    static final int OWNER = 0;
    static final int REGION = 1;
    static final int TOTAL = 2;
    static final int NOTE = 3;

    /** The members of {@link Order}, as the processor would generate them. */
    enum OrderMember implements EntityMember {
        OWNER("owner"), REGION("region"), TOTAL("total"), NOTE("note");

        private final String memberName;

        OrderMember(String memberName) {
            this.memberName = memberName;
        }

        @Override
        public String memberName() {
            return memberName;
        }
    }

    /** An entity with one member. */
    enum OwnerOnly implements EntityMember {
        OWNER;

        @Override
        public String memberName() {
            return "owner";
        }
    }

    /** Reads an order's members. */
    static Object get(Order order, OrderMember member) {
        return switch (member) {
            case OWNER -> order.owner();
            case REGION -> order.region();
            case TOTAL -> order.total();
            case NOTE -> order.note();
        };
    }

    /** Rules of orders with the four members, read by {@link #get}. */
    static TestRules.Builder<Order, OrderMember> orderRules() {
        return TestRules.builder(Order.class, OrderMember.class, SALES).getter(Shop::get);
    }

    /** An order; its owner is a user id. */
    record Order(Long owner, String region, BigDecimal total, String note) {
        static Order ownedBy(long owner) {
            return new Order(owner, "North", BigDecimal.TEN, "deliver after 5");
        }

        Order inRegion(String newRegion) {
            return new Order(owner, newRegion, total, note);
        }
    }

    /**
     * Managers may do everything; sales reps may create orders, see, change the note of and delete their own
     * orders, and see the region and total of the orders of their region.
     */
    static final EntityRules<Order, OrderMember> ORDER_RULES = orderRules()
            .rule("Managers: everything", null)
            .grant(MANAGER, true, true, MemberSet.all(4), MemberSet.all(4))
            .rule("Sales reps: own orders", (ctx, order) -> order.owner().equals(ctx.currentUserId()))
            .grant(USER, true, true, MemberSet.all(4), MemberSet.of(NOTE))
            .rule("Sales reps: orders of their region",
                    (ctx, order) -> order.region().equals(ctx.token("Region", String.class)), "Region")
            .grant(USER, false, false, MemberSet.of(REGION, TOTAL), MemberSet.none())
            .build();

    private Shop() {}

    static ApplicationModel.Builder model(SecurityLevel level) {
        return ApplicationModel.builder("ShopApp")
                .level(level)
                .userRole("Administrator", "Sales.Manager", "Administration.Admin")
                .userRole("SalesRep", "Sales.User")
                .userRole("Visitor", "Sales.Guest")
                .token("Region", String.class);
    }

    /** The shop at level PRODUCTION, anonymous access off. */
    static ApplicationModel app() {
        return model(SecurityLevel.PRODUCTION).build();
    }

    /** The shop at level PRODUCTION, with anonymous users getting the Visitor role. */
    static ApplicationModel appWithVisitors() {
        return model(SecurityLevel.PRODUCTION).anonymousRole("Visitor").build();
    }

    static SecurityContext rep(long id) {
        return SecurityContext.of(app(), UserIdentity.of(id, "SalesRep"));
    }

    static SecurityContext rep(long id, String region) {
        return SecurityContext.of(app(), UserIdentity.of(id, "SalesRep").withAttribute("Region", region));
    }

    static SecurityContext manager(long id) {
        return SecurityContext.of(app(), UserIdentity.of(id, "Administrator"));
    }
}
