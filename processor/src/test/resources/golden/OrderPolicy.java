package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The {@code @AccessRule}s of {@link Order}; checks start at {@link #RULES} (see {@link EntityRules}). */
@Generated("dev.warden.processor.WardenProcessor")
public final class OrderPolicy extends EntityRules<Order, OrderPolicy.Member> {
  public static final OrderPolicy RULES = new OrderPolicy();

  private static final BigDecimal RULE_2_LITERAL_1 = new BigDecimal("10.50");

  private OrderPolicy() {
    super(Order.class, Member.class, ShopModule.DESCRIPTOR, SecuredOrder::new, Order::new);
    association(Member.CUSTOMER, Customer.class);
    owner(Member.OWNER);
    calculated(Member.LARGE);
    rule("rule 1: @AccessRule(roles = \"Boss\", create = true, delete = true, defaultAccess = READ, members = {total: READ_WRITE})", false)
            .grant(ShopModule.BOSS, /* create */ true, /* delete */ true, allMembers(), members(Member.TOTAL));
    rule("rule 2: @AccessRule(roles = \"Clerk\", create = true, defaultAccess = READ, members = {tags: READ_WRITE}, constraint = \"[owner = '[%CurrentUser%]'][customer/region = '[%Region%]'][total > 10.50]\")", true, "CurrentUser", "Region")
            .follows(Member.CUSTOMER)
            .grant(ShopModule.CLERK, /* create */ true, /* delete */ false, allMembers(), members(Member.TAGS));
    register();
  }

  @Override
  protected boolean holds(int rule, SecurityContext context, Order order) {
    switch (rule) {
      case 2: // [owner = '[%CurrentUser%]'][customer/region = '[%Region%]'][total > 10.50]
        return order.getOwner() != null && order.getOwner().equals(context.currentUserId())
            && order.getCustomer() != null && Objects.equals(order.getCustomer().region(), context.token("Region", String.class))
            && order.getTotal() != null && order.getTotal().compareTo(RULE_2_LITERAL_1) > 0;
      default:
        throw new IllegalArgumentException("no constraint in rule " + rule);
    }
  }

  @Override
  public Object get(Order order, Member member) {
    return switch (member) {
      case ID -> order.getId();
      case CUSTOMER -> order.getCustomer();
      case OWNER -> order.getOwner();
      case TOTAL -> order.getTotal();
      case TAGS -> order.getTags();
      case LARGE -> order.isLarge();
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public void set(Order order, Member member, Object value) {
    switch (member) {
      case ID -> order.setId((Long) value);
      case CUSTOMER -> order.setCustomer((Customer) value);
      case OWNER -> order.setOwner((Long) value);
      case TOTAL -> order.setTotal((BigDecimal) value);
      case TAGS -> order.setTags((List<String>) value);
      default -> throw cannotWrite(member);
    }
  }

  /** The members of {@link Order}, in the order the rules number them. */
  @Generated("dev.warden.processor.WardenProcessor")
  public enum Member implements EntityMember {
    ID("id"),
    CUSTOMER("customer"),
    OWNER("owner"),
    TOTAL("total"),
    TAGS("tags"),
    LARGE("large");

    private final String memberName;
    Member(String memberName) { this.memberName = memberName; }
    @Override
    public String memberName() { return memberName; }
  }
}
