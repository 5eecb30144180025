package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.Rights;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.internal.Copies;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Shelf} as the user of one security context may see and change it; see {@link SecuredObject}.
 *
 * <p>{@code of} wraps an object the user may see (else {@link dev.warden.runtime.AccessDeniedException}), {@code ifVisible} and
 * {@code visibleOf} keep only the objects the user may see, {@code create} runs the create check
 * (filling in the owner) first; the forms without a context use the current one.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class SecuredShelf extends SecuredObject<Shelf, ShelfPolicy.Member> {
  SecuredShelf(SecurityContext context, Shelf shelf, Rights rights) {
    super(ShelfPolicy.RULES, context, shelf, rights);
  }

  public static SecuredShelf of(SecurityContext context, Shelf shelf) {
    return new SecuredShelf(context, shelf, ShelfPolicy.RULES.rightsToSee(context, shelf));
  }

  public static SecuredShelf of(Shelf shelf) { return of(SecurityContext.current(), shelf); }

  public static Optional<SecuredShelf> ifVisible(SecurityContext context, Shelf shelf) {
    return ShelfPolicy.RULES.ifVisible(context, shelf, SecuredShelf::new);
  }

  public static List<SecuredShelf> visibleOf(SecurityContext context,
      Iterable<? extends Shelf> shelfs) {
    return ShelfPolicy.RULES.visibleOf(context, shelfs, SecuredShelf::new);
  }

  public static SecuredShelf create(SecurityContext context, Shelf shelf) {
    return new SecuredShelf(context, shelf, ShelfPolicy.RULES.checkCreate(context, shelf));
  }

  public static SecuredShelf create(Shelf shelf) { return create(SecurityContext.current(), shelf); }

  public Long getId() { return readable(ShelfPolicy.Member.ID).getId(); }
  public void setId(Long id) { write(ShelfPolicy.Member.ID, id); }

  public List<SecuredOrder> getOrders() {
    return SecuredOrder.visibleOf(securityContext(), listOf(readable(ShelfPolicy.Member.ORDERS).getOrders()));
  }

  public void setOrders(Order[] orders) { write(ShelfPolicy.Member.ORDERS, Copies.of(orders)); }

  public Map<String, SecuredOrder> getByName() {
    return visibleValues(readable(ShelfPolicy.Member.BY_NAME).getByName(), SecuredOrder::ifVisible);
  }

  public void setByName(Map<String, Order> byName) { write(ShelfPolicy.Member.BY_NAME, Copies.of(byName)); }

  public Optional<SecuredCustomer> getOwner() {
    return SecuredCustomer.ifVisible(securityContext(), orNull(readable(ShelfPolicy.Member.OWNER).getOwner()));
  }

  public void setOwner(Optional<Customer> owner) { write(ShelfPolicy.Member.OWNER, owner); }
}
