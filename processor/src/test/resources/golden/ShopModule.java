package gold;

import dev.warden.annotations.Generated;
import dev.warden.runtime.ModuleDescriptor;

/**
 * The roles of module {@code Shop}, declared with {@code @Module} on package {@code gold}.
 *
 * <p>Each role is one bit; a user's roles in this module are the OR of the bits of the module
 * roles their user roles map to.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class ShopModule {
  /** The module as the runtime sees it: its name and its roles in bit order. */
  public static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("Shop", "Clerk", "Boss");

  /** Module role {@code Shop.Clerk}. */
  public static final long CLERK = 1L << 0;

  /** Module role {@code Shop.Boss}. */
  public static final long BOSS = 1L << 1;

  private ShopModule() {}
}
