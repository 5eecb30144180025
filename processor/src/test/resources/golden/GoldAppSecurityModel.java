package gold;

import dev.warden.annotations.Generated;
import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.internal.GeneratedServices;

/**
 * The security model of {@link GoldApp}, generated from its {@code @AppSecurity}.
 *
 * <p>Listed in {@code META-INF/warden/generated/dev.warden.runtime.ApplicationModel}
 * and registered when the class is initialized, so that
 * {@code ApplicationModel.defaultModel()} finds it on the class path and in a named module.
 */
@Generated("dev.warden.processor.WardenProcessor")
public final class GoldAppSecurityModel extends ApplicationModel {
  /** The application model, for passing to {@code SecurityContext.open(app, user)}. */
  public static final GoldAppSecurityModel INSTANCE = new GoldAppSecurityModel();

  static {
    GeneratedServices.register(ApplicationModel.class, INSTANCE);
  }

  /** For {@link java.util.ServiceLoader}, which finds the registered {@link #INSTANCE} instead; use that. */
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
