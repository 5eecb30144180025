package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.Copies;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@link Order} as the user of one security context may see and change it; see {@link SecuredObject}.
 *
 * <p>{@code of} wraps an object the user may see (else {@link dev.warden.runtime.AccessDeniedException}), {@code ifVisible} and
 * {@code visibleOf} keep only the objects the user may see, {@code create} runs the create check
 * (filling in the owner) first; the forms without a context use the current one.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class SecuredOrder extends SecuredObject<Order, OrderPolicy.Member> {
  SecuredOrder(SecurityContext context, Order order, Rights rights) {
    super(OrderPolicy.RULES, context, order, rights);
  }

  public static SecuredOrder of(SecurityContext context, Order order) {
    return new SecuredOrder(context, order, OrderPolicy.RULES.rightsToSee(context, order));
  }

  public static SecuredOrder of(Order order) { return of(SecurityContext.current(), order); }

  public static Optional<SecuredOrder> ifVisible(SecurityContext context, Order order) {
    return OrderPolicy.RULES.ifVisible(context, order, SecuredOrder::new);
  }

  public static List<SecuredOrder> visibleOf(SecurityContext context,
      Iterable<? extends Order> orders) {
    return OrderPolicy.RULES.visibleOf(context, orders, SecuredOrder::new);
  }

  public static SecuredOrder create(SecurityContext context, Order order) {
    return new SecuredOrder(context, order, OrderPolicy.RULES.checkCreate(context, order));
  }

  public static SecuredOrder create(Order order) { return create(SecurityContext.current(), order); }

  public Long getId() { return readable(OrderPolicy.Member.ID).getId(); }
  public void setId(Long id) { write(OrderPolicy.Member.ID, id); }

  public SecuredCustomer getCustomer() {
    return SecuredCustomer.ifVisible(securityContext(), readable(OrderPolicy.Member.CUSTOMER).getCustomer()).orElse(null);
  }

  public void setCustomer(Customer customer) { write(OrderPolicy.Member.CUSTOMER, customer); }
  public Long getOwner() { return readable(OrderPolicy.Member.OWNER).getOwner(); }
  public void setOwner(Long owner) { write(OrderPolicy.Member.OWNER, owner); }
  public BigDecimal getTotal() { return readable(OrderPolicy.Member.TOTAL).getTotal(); }
  public void setTotal(BigDecimal total) { write(OrderPolicy.Member.TOTAL, total); }
  public List<String> getTags() { return Copies.of(readable(OrderPolicy.Member.TAGS).getTags()); }
  public void setTags(List<String> tags) { write(OrderPolicy.Member.TAGS, Copies.of(tags)); }
  public boolean isLarge() { return readable(OrderPolicy.Member.LARGE).isLarge(); }
}
