package dev.warden.runtime;

import static dev.warden.runtime.internal.Checks.boxed;
import static dev.warden.runtime.internal.Checks.requireName;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.internal.ServiceLookup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An application's security settings: its security level, its user roles with the module roles they grant and the
 * user roles they may manage, the anonymous role, the type of user ids and the custom tokens.
 *
 * <p>The processor generates a subclass from the class annotated {@code @AppSecurity} and lists it in
 * {@code META-INF/warden/generated/dev.warden.runtime.ApplicationModel} (and in
 * {@code META-INF/services/dev.warden.runtime.ApplicationModel} for {@link java.util.ServiceLoader}); the generated
 * class registers its {@code INSTANCE} when it is initialized, and {@link #defaultModel()} finds it, on the class path
 * and in a named module whose {@code module-info} only {@code requires dev.warden.runtime}. Tests and applications
 * without the processor build one with {@link #builder(String)}.
 *
 * <p>The first time a security context is made for a model, the model logs its security level once, through
 * {@link System.Logger} {@code dev.warden.runtime.ApplicationModel}: a {@code WARNING} at {@code OFF} and
 * {@code PROTOTYPE} ("not for production"), {@code DEBUG} at {@code PRODUCTION}. Once per generated model class, or
 * per instance for models made with the builder.
 *
 * <p>Instances are immutable.
 */
public class ApplicationModel {
    private static final ServiceLookup<ApplicationModel> DISCOVERED = new ServiceLookup<>(ApplicationModel.class,
            "Keep one class annotated @AppSecurity, or choose one with ApplicationModel.setDefault(model).");
    private static volatile ApplicationModel explicitDefault;
    private static final System.Logger LOG = System.getLogger(ApplicationModel.class.getName());
    /** Whether the level was logged, per generated model class (whose instances share it). */
    private static final ClassValue<AtomicBoolean> LOGGED_PER_CLASS = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    private final String name;
    private final SecurityLevel level;
    private final Class<?> userIdType;
    private final Map<String, Set<String>> moduleRolesByUserRole;
    private final String anonymousRole;
    private final Map<String, Class<?>> tokenTypes;
    private final Map<String, Set<String>> manageableRolesByUserRole;
    /** Whether the level was logged, for a model made with the builder. */
    private final AtomicBoolean levelLogged = new AtomicBoolean();

    /**
     * A model with the builder's settings; generated subclasses call it from their no-arg constructor.
     *
     * @param builder the settings
     * @throws IllegalArgumentException when the anonymous role is not one of the user roles, or a user role may
     *     manage one that is not declared
     */
    protected ApplicationModel(Builder builder) {
        this.name = builder.name;
        this.level = builder.level;
        this.userIdType = builder.userIdType;
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        builder.userRoles.forEach((role, moduleRoles) -> roles.put(role, Collections.unmodifiableSet(
                new LinkedHashSet<>(moduleRoles))));
        this.moduleRolesByUserRole = Collections.unmodifiableMap(roles);
        this.anonymousRole = builder.anonymousRole;
        this.tokenTypes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tokenTypes));
        if (anonymousRole != null && !moduleRolesByUserRole.containsKey(anonymousRole)) {
            throw new IllegalArgumentException("The anonymous role '" + anonymousRole + "' of " + name
                    + " is not one of its user roles " + moduleRolesByUserRole.keySet());
        }
        Map<String, Set<String>> manageable = new LinkedHashMap<>();
        builder.manageableRoles.forEach((role, managedRoles) -> {
            if (!moduleRolesByUserRole.containsKey(role)) {
                throw new IllegalArgumentException("Manageable roles are given for user role '" + role + "' of " + name
                        + ", which is not one of its user roles " + moduleRolesByUserRole.keySet());
            }
            for (String managed : managedRoles) {
                if (!moduleRolesByUserRole.containsKey(managed)) {
                    throw new IllegalArgumentException("User role '" + role + "' of " + name + " may manage '" + managed
                            + "', which is not one of its user roles " + moduleRolesByUserRole.keySet());
                }
            }
            manageable.put(role, Collections.unmodifiableSet(new LinkedHashSet<>(managedRoles)));
        });
        this.manageableRolesByUserRole = Collections.unmodifiableMap(manageable);
    }

    /**
     * Starts building a model.
     *
     * @param name the application's name, used in messages; the generated models use the name of the class
     *     annotated {@code @AppSecurity}
     * @return a builder with level {@code PRODUCTION}, user-id type {@code Long}, no roles, no anonymous role and
     *     no custom tokens
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The application model in use when none is given explicitly: the one set with
     * {@link #setDefault(ApplicationModel)}, or else the single one registered as a service.
     *
     * @return the model
     * @throws IllegalStateException when none or several are registered
     */
    public static ApplicationModel defaultModel() {
        return findDefault().orElseThrow(() -> new IllegalStateException("No ApplicationModel found: annotate one "
                + "class with @AppSecurity and compile with the Warden processor, or call "
                + "ApplicationModel.setDefault(model)"));
    }

    /**
     * Sets the model {@link #defaultModel()} returns, instead of looking one up.
     *
     * @param model the model, or null to look it up again
     */
    public static void setDefault(ApplicationModel model) {
        explicitDefault = model;
    }

    /** The default model, or empty when there is none; throws IllegalStateException when there are several. */
    static Optional<ApplicationModel> findDefault() {
        ApplicationModel model = explicitDefault;
        return model != null ? Optional.of(model) : DISCOVERED.find();
    }

    /** The application's name. */
    public String name() {
        return name;
    }

    /** How strictly security is enforced. */
    public SecurityLevel level() {
        return level;
    }

    /** The type of user ids, a wrapper type rather than a primitive one. */
    public Class<?> userIdType() {
        return userIdType;
    }

    /** The names of the user roles, in declaration order. */
    public Set<String> userRoles() {
        return moduleRolesByUserRole.keySet();
    }

    /**
     * The module roles a user role grants.
     *
     * @param userRole a user role's name
     * @return qualified module roles such as {@code "Sales.User"}; empty for an unknown user role
     */
    public Set<String> moduleRolesOf(String userRole) {
        return moduleRolesByUserRole.getOrDefault(userRole, Set.of());
    }

    /** The user role of users who are not signed in, or empty when anonymous access is off. */
    public Optional<String> anonymousRole() {
        return Optional.ofNullable(anonymousRole);
    }

    /** The custom tokens and the types of their values, in declaration order. */
    public Map<String, Class<?>> tokenTypes() {
        return tokenTypes;
    }

    /**
     * The user roles that holders of a user role may manage ({@code @UserRole(manageableRoles)}): create, change,
     * and give or take away.
     *
     * @param userRole a user role's name
     * @return the names, in declaration order; empty for an unknown user role and one that manages nobody
     */
    public Set<String> manageableRolesOf(String userRole) {
        return manageableRolesByUserRole.getOrDefault(userRole, Set.of());
    }

    /**
     * Logs the security level, the first time a security context is made for this model (the "start" of the
     * application as far as Warden can tell): a warning at {@code OFF} and {@code PROTOTYPE}, debug at
     * {@code PRODUCTION}.
     */
    final void logLevelOnce() {
        AtomicBoolean logged = getClass() == ApplicationModel.class ? levelLogged : LOGGED_PER_CLASS.get(getClass());
        if (logged.get() || !logged.compareAndSet(false, true)) {
            return;
        }
        switch (level) {
            case OFF -> LOG.log(System.Logger.Level.WARNING, "Warden: application " + name + " runs at security level"
                    + " OFF: neither operation access nor entity access is checked, every user may do everything."
                    + " Not for production.");
            case PROTOTYPE -> LOG.log(System.Logger.Level.WARNING, "Warden: application " + name + " runs at security"
                    + " level PROTOTYPE: operation access is checked, entity access is not, every user sees and may"
                    + " change every object. Not for production.");
            default -> LOG.log(System.Logger.Level.DEBUG, "Warden: application " + name + " runs at security level "
                    + level + ": operation access and entity access are checked.");
        }
    }

    @Override
    public String toString() {
        return "ApplicationModel " + name + " (level " + level + ", user roles " + userRoles()
                + (anonymousRole == null ? ", anonymous access off" : ", anonymous role " + anonymousRole) + ")";
    }

    /** Collects the settings of an {@link ApplicationModel}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private SecurityLevel level = SecurityLevel.PRODUCTION;
        private Class<?> userIdType = Long.class;
        private final Map<String, List<String>> userRoles = new LinkedHashMap<>();
        private String anonymousRole;
        private final Map<String, Class<?>> tokenTypes = new LinkedHashMap<>();
        private final Map<String, List<String>> manageableRoles = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = requireName(name, "application name");
        }

        /**
         * Sets the security level.
         *
         * @param level the level
         * @return this builder
         */
        public Builder level(SecurityLevel level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Adds a user role.
         *
         * @param name the user role's name
         * @param qualifiedModuleRoles the module roles it grants, qualified with their module: {@code "Sales.User"}
         * @return this builder
         * @throws IllegalArgumentException when the role was added before or a module role is not qualified
         */
        public Builder userRole(String name, String... qualifiedModuleRoles) {
            requireName(name, "user role name");
            for (String moduleRole : qualifiedModuleRoles) {
                Objects.requireNonNull(moduleRole, "module role");
                int dot = moduleRole.indexOf('.');
                if (dot <= 0 || dot == moduleRole.length() - 1) {
                    throw new IllegalArgumentException("Module role '" + moduleRole + "' of user role '" + name
                            + "' must be qualified with its module, as in 'Sales.User'");
                }
            }
            if (userRoles.putIfAbsent(name, List.of(qualifiedModuleRoles)) != null) {
                throw new IllegalArgumentException("User role '" + name + "' is declared twice");
            }
            return this;
        }

        /**
         * Sets the user roles whose holders a user role may manage: create, change, and give or take away.
         *
         * @param userRole the user role's name
         * @param manageableUserRoles the names of the user roles it may manage; all must be declared (when the model
         *     is built)
         * @return this builder
         * @throws IllegalArgumentException when they were set for this user role before
         */
        public Builder manageableRoles(String userRole, String... manageableUserRoles) {
            requireName(userRole, "user role name");
            for (String role : manageableUserRoles) {
                Objects.requireNonNull(role, "manageable user role");
            }
            if (manageableRoles.putIfAbsent(userRole, List.of(manageableUserRoles)) != null) {
                throw new IllegalArgumentException("The manageable roles of user role '" + userRole + "' are set twice");
            }
            return this;
        }

        /**
         * Sets the user role of users who are not signed in.
         *
         * @param userRole one of the user roles, or null or empty to turn anonymous access off
         * @return this builder
         */
        public Builder anonymousRole(String userRole) {
            this.anonymousRole = userRole == null || userRole.isEmpty() ? null : userRole;
            return this;
        }

        /**
         * Sets the type of user ids.
         *
         * @param type the type; a primitive type stands for its wrapper
         * @return this builder
         */
        public Builder userIdType(Class<?> type) {
            this.userIdType = boxed(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Adds a custom token, whose value for a user is the user's attribute of the same name.
         *
         * @param name the token's name, as used in constraints: {@code "Tenant"} for {@code '[%Tenant%]'}
         * @param type the type of its value; a primitive type stands for its wrapper
         * @return this builder
         * @throws IllegalArgumentException when the token was added before or has a built-in token's name
         */
        public Builder token(String name, Class<?> type) {
            requireName(name, "token name");
            Objects.requireNonNull(type, "type");
            if (BuiltInToken.isReserved(name)) {
                throw new IllegalArgumentException("Token '" + name + "' has the name of a built-in token");
            }
            if (tokenTypes.putIfAbsent(name, boxed(type)) != null) {
                throw new IllegalArgumentException("Token '" + name + "' is declared twice");
            }
            return this;
        }

        /**
         * Builds a plain model.
         *
         * @return the model
         * @throws IllegalArgumentException when the anonymous role is not one of the user roles, or a user role may
         *     manage one that is not declared
         */
        public ApplicationModel build() {
            return new ApplicationModel(this);
        }
    }
}
