package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.OperationRegistry;
import dev.warden.runtime.SecuredOperation;
import dev.warden.runtime.internal.GeneratedServices;

/**
 * The operations of {@link OrderService} that {@code @AllowedRoles} protects, one constant each:
 * {@code OrderServiceOperations.PLACE.check(context)} throws unless the context may run it.
 *
 * <p>Listed in {@code META-INF/warden/generated/dev.warden.runtime.OperationRegistry}
 * and registered when the class is initialized, so that
 * {@code Operations} finds them by type and method name, on the class path and in a named module.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class OrderServiceOperations extends OperationRegistry {
  /** {@code place}: for module roles Shop.Clerk, from {@code @AllowedRoles} on the type. */
  public static final SecuredOperation PLACE = SecuredOperation.of(OrderService.class, "place", "Shop.Clerk");

  /** {@code cancel}: for module roles Shop.Boss, from {@code @AllowedRoles} on the method. */
  public static final SecuredOperation CANCEL = SecuredOperation.of(OrderService.class, "cancel", "Shop.Boss");

  static {
    GeneratedServices.register(OperationRegistry.class, new OrderServiceOperations());
  }

  /** For {@link java.util.ServiceLoader}; use the constants instead. */
  public OrderServiceOperations() { super(OrderService.class, PLACE, CANCEL); }
}
