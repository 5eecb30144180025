package gold;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.ApplicationModel;
import javax.annotation.processing.Generated;

/**
 * The security model of {@link GoldApp}, generated from its {@code @AppSecurity}.
 *
 * <p>Registered as a service of {@code ApplicationModel}, so the runtime finds it on the class path.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class GoldAppSecurityModel extends ApplicationModel {
  /** The application model, for passing to {@code SecurityContext.open(app, user)}. */
  public static final GoldAppSecurityModel INSTANCE = new GoldAppSecurityModel();

  /** Used by {@link java.util.ServiceLoader}; prefer {@link #INSTANCE}. */
  public GoldAppSecurityModel() {
    super(builder("GoldApp")
            .level(SecurityLevel.PRODUCTION)
            .userIdType(Long.class)
            .userRole("Clerk", "Shop.Clerk")
            .userRole("Boss", "Shop.Clerk", "Shop.Boss")
            .manageableRoles("Boss", "Clerk")
            .token("Region", String.class));
  }
}
