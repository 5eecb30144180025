package dev.warden.spring.boot.autoconfigure;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserProvider;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes the application context's {@link ApplicationModel} and {@link UserProvider} Warden's, which keeps them in
 * static state ({@link ApplicationModel#setDefault}, {@link SecurityContext#setUserProvider}), when the context
 * starts, and takes them back when it closes, unless another context has registered its own since.
 *
 * <p>Warden's settings are per class loader: one application context at a time can be Warden's. (Tests that keep
 * several contexts in Spring's test context cache see the one registered last.)
 */
public class WardenRegistration implements InitializingBean, DisposableBean {
    private static final AtomicReference<WardenRegistration> REGISTERED = new AtomicReference<>();

    private final ApplicationModel application;
    private final UserProvider userProvider;

    /**
     * A registration.
     *
     * @param application the model Warden uses
     * @param userProvider the provider of the signed-in user, or null to leave it to {@code META-INF/services}
     */
    public WardenRegistration(ApplicationModel application, UserProvider userProvider) {
        this.application = Objects.requireNonNull(application, "application");
        this.userProvider = userProvider;
    }

    /** The model Warden uses. */
    public ApplicationModel application() {
        return application;
    }

    /** The provider of the signed-in user; null when it is left to {@code META-INF/services}. */
    public UserProvider userProvider() {
        return userProvider;
    }

    @Override
    public void afterPropertiesSet() {
        ApplicationModel.setDefault(application);
        SecurityContext.setUserProvider(userProvider);
        REGISTERED.set(this);
    }

    @Override
    public void destroy() {
        if (REGISTERED.compareAndSet(this, null)) {
            SecurityContext.setUserProvider(null);
            ApplicationModel.setDefault(null);
        }
    }

    @Override
    public String toString() {
        return "WardenRegistration[" + application.name() + ", " + userProvider + "]";
    }
}
