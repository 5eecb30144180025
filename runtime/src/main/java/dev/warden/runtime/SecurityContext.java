package dev.warden.runtime;

import dev.warden.annotations.SecurityLevel;
import dev.warden.runtime.internal.ServiceLookup;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Who is acting: a signed-in user, an anonymous user, the system, or nobody in particular in an application
 * whose security level does not check data access. Contexts are immutable and may be shared between threads.
 *
 * <p>Create one with {@link #of}, {@link #anonymousOf} or {@link #systemOf}, and bind one to the current thread
 * with a {@link Scope}:
 *
 * <pre>{@code
 * try (SecurityContext.Scope scope = SecurityContext.open(UserIdentity.of(42L, "SalesRep"))) {
 *     orders.findAll(); // sees what a SalesRep with id 42 may see
 * }
 * }</pre>
 *
 * <p>Warden fails closed. A context for a user it cannot trust (an undeclared user role, no user roles, a
 * missing id or an id of the wrong type) can still be created, but it <em>denies</em> everything and says why
 * in {@link #deniedReason()}, so that the denial surfaces where access is attempted.
 */
public final class SecurityContext {
    private static final String NO_CONTEXT =
            "No security context: open one with SecurityContext.open(user) or register a UserProvider";
    private static final ServiceLookup<UserProvider> DISCOVERED_PROVIDER = new ServiceLookup<>(UserProvider.class,
            "Keep one, or choose one with SecurityContext.setUserProvider(provider).");
    /** The system clock; its zone plays no part: a context on it uses the {@linkplain #defaultZone() default zone}. */
    private static final Clock DEFAULT_CLOCK = Clock.systemUTC();
    /** The system property that names the application's default time zone, when none is set in code. */
    public static final String DEFAULT_ZONE_PROPERTY = "warden.timeZone";
    /** The module-role masks a context keeps at most; more modules are computed on every call. */
    private static final int MAX_CACHED_MODULES = 32;
    private static final ModuleRoles[] NO_MODULE_ROLES = {};

    private static volatile UserProvider explicitProvider;
    /** The application's default time zone, as set with {@link #setDefaultZone}; null: the property, or UTC. */
    private static volatile ZoneId explicitDefaultZone;
    /** The application's clock, as set with {@link #setClock}; null: the system clock. */
    private static volatile Clock applicationClock;
    /** The last context made for a default model without a signed-in user, reused while the model stays. */
    private static volatile SecurityContext lastWithoutSignedInUser;

    private enum Kind { USER, ANONYMOUS, SYSTEM, NO_USER }

    private final ApplicationModel application;
    private final Kind kind;
    private final UserIdentity user;
    private final String deniedReason;
    private final Set<String> moduleRoles;
    private final Clock clock;
    /** Copy-on-write; a lost update under a race only means one mask is computed again. */
    private volatile ModuleRoles[] moduleRolesCache = NO_MODULE_ROLES;

    private SecurityContext(ApplicationModel application, Kind kind, UserIdentity user, String deniedReason,
            Clock clock) {
        this.application = application;
        this.kind = kind;
        this.user = user;
        this.deniedReason = deniedReason;
        this.moduleRoles = deniedReason == null && user != null ? moduleRolesOf(application, user) : Set.of();
        this.clock = clock;
        application.logLevelOnce();
    }

    private static Set<String> moduleRolesOf(ApplicationModel application, UserIdentity user) {
        Set<String> roles = new LinkedHashSet<>();
        for (String userRole : user.userRoles()) {
            roles.addAll(application.moduleRolesOf(userRole));
        }
        return Collections.unmodifiableSet(roles);
    }

    // ---------------------------------------------------------------------------------------------- factories

    /**
     * The context of a user. A user with a null id whose only user role is the application's anonymous role is
     * an anonymous user. The context denies everything, without throwing, when the user has no user roles or one
     * the application does not declare, or when the id is null or not of the application's user-id type.
     *
     * @param app the application
     * @param user the user
     * @return the context, not bound to any thread
     */
    public static SecurityContext of(ApplicationModel app, UserIdentity user) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(user, "user");
        Optional<String> anonymousRole = app.anonymousRole();
        boolean anonymous = user.id() == null && anonymousRole.isPresent()
                && user.userRoles().equals(Set.of(anonymousRole.get()));
        return new SecurityContext(app, anonymous ? Kind.ANONYMOUS : Kind.USER, user,
                reasonToDeny(app, user, anonymous), DEFAULT_CLOCK);
    }

    private static String reasonToDeny(ApplicationModel app, UserIdentity user, boolean anonymous) {
        if (user.userRoles().isEmpty()) {
            return "the user has no user roles";
        }
        List<String> undeclared = user.userRoles().stream()
                .filter(role -> !app.userRoles().contains(role))
                .map(role -> "'" + role + "'")
                .collect(Collectors.toList());
        if (!undeclared.isEmpty()) {
            return (undeclared.size() == 1 ? "user role " + undeclared.get(0) + " is" :
                    "user roles " + String.join(", ", undeclared) + " are")
                    + " not declared in @AppSecurity of " + app.name();
        }
        if (user.id() == null && !anonymous) {
            String noId = "the user has no id; only an anonymous user, whose only user role is the anonymous role, "
                    + "may have none";
            return app.anonymousRole().isPresent() ? noId : noId + ", and anonymous access is off in " + app.name();
        }
        if (user.id() != null && !app.userIdType().isInstance(user.id())) {
            return "the user id is a " + user.id().getClass().getName() + ", not a " + app.userIdType().getName()
                    + " as the userIdType of " + app.name() + " requires";
        }
        return null;
    }

    /**
     * The context of a user who is not signed in: the application's anonymous role, without attributes. When
     * anonymous access is off, the context denies everything.
     *
     * @param app the application
     * @return the context, not bound to any thread
     */
    public static SecurityContext anonymousOf(ApplicationModel app) {
        Objects.requireNonNull(app, "app");
        return app.anonymousRole()
                .map(role -> of(app, new UserIdentity(null, Set.of(role), Map.of())))
                .orElseGet(() -> new SecurityContext(app, Kind.ANONYMOUS, null,
                        "anonymous access is off in " + app.name(), DEFAULT_CLOCK));
    }

    /**
     * The context of the system: no entity access rule applies (Mendix's "apply entity access" off). Use it
     * only where the code plainly has to see all data, and bind it with {@link #system()} as narrowly as
     * possible.
     *
     * @param app the application
     * @return the context, not bound to any thread
     */
    public static SecurityContext systemOf(ApplicationModel app) {
        return new SecurityContext(Objects.requireNonNull(app, "app"), Kind.SYSTEM, null, null, DEFAULT_CLOCK);
    }

    /**
     * The context for a request without a signed-in user: anonymous when the application allows it, else a
     * context without user when the level does not check data access, else none.
     */
    private static SecurityContext withoutSignedInUser(ApplicationModel app) {
        SecurityContext last = lastWithoutSignedInUser;
        if (last != null && last.application == app) {
            return last;
        }
        SecurityContext ctx;
        if (app.anonymousRole().isPresent()) {
            ctx = anonymousOf(app);
        } else if (app.level() != SecurityLevel.PRODUCTION) {
            ctx = new SecurityContext(app, Kind.NO_USER, null, null, DEFAULT_CLOCK);
        } else {
            return null;
        }
        lastWithoutSignedInUser = ctx;
        return ctx;
    }

    /**
     * A copy of this context that takes the time for the date tokens from another clock; for tests. The clock's zone
     * takes the place of the {@linkplain #defaultZone() default zone} for this context: it is the zone of a user
     * without a zone of their own.
     *
     * @param clock the clock
     * @return the copy
     */
    public SecurityContext withClock(Clock clock) {
        return new SecurityContext(application, kind, user, deniedReason, Objects.requireNonNull(clock, "clock"));
    }

    // ------------------------------------------------------------------------------------------ thread binding

    /**
     * A security context bound to the thread that opened it, until {@link #close()}. Scopes nest: closing one
     * restores the context that was current when it was opened. Open them with try-with-resources.
     */
    public interface Scope extends AutoCloseable {
        /** The context this scope binds. */
        SecurityContext context();

        /**
         * Ends the scope and restores the thread's previous context. Closing it again does nothing.
         *
         * <p>Closed on another thread than the one that opened it, it throws, and the opening thread does not go
         * back to its previous context (which may be a system scope): it has no context at all, so every access is
         * denied, until it closes the scope itself. Then its previous context applies again.
         *
         * @throws IllegalStateException when called on another thread than the one that opened the scope (the first
         *     time), or while scopes opened inside it are still open (the scope and those inner scopes are closed
         *     anyway)
         */
        @Override
        void close();
    }

    /**
     * Binds a user's context, in the default application model, to this thread.
     *
     * @param user the user
     * @return the scope; close it
     * @throws IllegalStateException when there is no default application model
     * @see #of(ApplicationModel, UserIdentity)
     */
    public static Scope open(UserIdentity user) {
        return enter(of(ApplicationModel.defaultModel(), user));
    }

    /**
     * Binds a user's context to this thread.
     *
     * @param app the application
     * @param user the user
     * @return the scope; close it
     * @see #of(ApplicationModel, UserIdentity)
     */
    public static Scope open(ApplicationModel app, UserIdentity user) {
        return enter(of(app, user));
    }

    /**
     * Binds the anonymous context of the default application model to this thread.
     *
     * @return the scope; close it
     * @throws IllegalStateException when there is no default application model
     * @see #anonymousOf(ApplicationModel)
     */
    public static Scope openAnonymous() {
        return enter(anonymousOf(ApplicationModel.defaultModel()));
    }

    /**
     * Binds an application's anonymous context to this thread.
     *
     * @param app the application
     * @return the scope; close it
     * @see #anonymousOf(ApplicationModel)
     */
    public static Scope openAnonymous(ApplicationModel app) {
        return enter(anonymousOf(app));
    }

    /**
     * Binds the system context of the default application model to this thread: no entity access rule applies
     * until the scope is closed. Threads started inside the scope do not inherit it.
     *
     * @return the scope; close it
     * @throws IllegalStateException when there is no default application model
     * @see #systemOf(ApplicationModel)
     */
    public static Scope system() {
        return enter(systemOf(ApplicationModel.defaultModel()));
    }

    /**
     * Binds an application's system context to this thread.
     *
     * @param app the application
     * @return the scope; close it
     * @see #system()
     */
    public static Scope system(ApplicationModel app) {
        return enter(systemOf(app));
    }

    /**
     * Binds a context to this thread.
     *
     * @param ctx the context
     * @return the scope; close it
     */
    public static Scope enter(SecurityContext ctx) {
        return ThreadScopes.push(Objects.requireNonNull(ctx, "ctx"));
    }

    /**
     * Sets the provider of the signed-in user, used when no scope is open; null goes back to the one registered
     * in {@code META-INF/services}, if any.
     *
     * @param provider the provider, or null
     */
    public static void setUserProvider(UserProvider provider) {
        explicitProvider = provider;
    }

    /**
     * The current context, if there is one. In order: the innermost scope open on this thread; the user the
     * {@link UserProvider} reports, in the default application model; when the provider reports nobody or
     * there is no provider, the anonymous context if the default model allows anonymous access, or a context
     * without user if its level is not {@code PRODUCTION}. Never throws: when the provider fails or the
     * configuration is ambiguous, the answer is empty, which denies access.
     *
     * @return the context, or empty
     */
    public static Optional<SecurityContext> currentIfPresent() {
        return Optional.ofNullable(resolve().context);
    }

    /**
     * The current context, as {@link #currentIfPresent()} finds it.
     *
     * @return the context
     * @throws AccessDeniedException when there is none
     */
    public static SecurityContext current() {
        Resolution resolution = resolve();
        if (resolution.context == null) {
            throw new AccessDeniedException(resolution.failure);
        }
        return resolution.context;
    }

    /** The current context, or why there is none. */
    private record Resolution(SecurityContext context, String failure) {
        static Resolution found(SecurityContext context) {
            return new Resolution(context, null);
        }

        static Resolution missing(String failure) {
            return new Resolution(null, failure);
        }
    }

    private static Resolution resolve() {
        ThreadScopes.Frame scope = ThreadScopes.innermost();
        if (scope != null) {
            String revocation = scope.revocation();
            if (revocation != null) {
                return Resolution.missing("No security context: " + revocation);
            }
            return scope.context() != null ? Resolution.found(scope.context()) : Resolution.missing(NO_CONTEXT);
        }
        UserProvider provider;
        Optional<ApplicationModel> app;
        try {
            provider = explicitProvider != null ? explicitProvider : DISCOVERED_PROVIDER.find().orElse(null);
            app = ApplicationModel.findDefault();
        } catch (IllegalStateException e) {
            return Resolution.missing(NO_CONTEXT + ". " + e.getMessage());
        }
        if (provider != null) {
            Optional<UserIdentity> user;
            try {
                user = provider.currentUser();
            } catch (RuntimeException e) {
                // Only an AccessDeniedException's message is repeated: its contract is to name what is missing
                // without protected values; any other message could hold a credential.
                return Resolution.missing(NO_CONTEXT + ". The UserProvider " + provider.getClass().getName()
                        + " failed with " + e.getClass().getName()
                        + (e instanceof AccessDeniedException ? ": " + e.getMessage() : ""));
            }
            if (user == null) {
                return Resolution.missing(NO_CONTEXT + ". The UserProvider " + provider.getClass().getName()
                        + " returned null instead of an Optional");
            }
            if (user.isPresent()) {
                return app.map(model -> Resolution.found(of(model, user.get())))
                        .orElseGet(() -> Resolution.missing(NO_CONTEXT + ". The UserProvider reported a user, but "
                                + "there is no ApplicationModel: annotate one class with @AppSecurity, or call "
                                + "ApplicationModel.setDefault(model)"));
            }
        }
        return app.map(SecurityContext::withoutSignedInUser)
                .map(Resolution::found)
                .orElseGet(() -> Resolution.missing(NO_CONTEXT));
    }

    // ------------------------------------------------------------------------------------------ propagation

    /**
     * Makes a task run in the context current now, wherever it runs later. When there is no context now, the
     * task runs with none, whatever context the executing thread has.
     *
     * @param task the task
     * @return the wrapped task
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        SecurityContext captured = resolve().context;
        return () -> {
            Scope scope = ThreadScopes.push(captured);
            try {
                task.run();
            } finally {
                scope.close();
            }
        };
    }

    /**
     * Makes a task run in the context current now, wherever it runs later. When there is no context now, the
     * task runs with none, whatever context the executing thread has.
     *
     * @param task the task
     * @param <T> the task's result type
     * @return the wrapped task
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        SecurityContext captured = resolve().context;
        return () -> {
            Scope scope = ThreadScopes.push(captured);
            try {
                return task.call();
            } finally {
                scope.close();
            }
        };
    }

    /**
     * An executor that runs each task in the context current when the task is handed to it.
     *
     * @param executor the executor that runs the tasks
     * @return the wrapping executor
     */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return command -> executor.execute(wrap(command));
    }

    /**
     * An executor service that runs each task in the context current when the task is submitted. Shutting it
     * down shuts down the given one.
     *
     * @param executor the executor service that runs the tasks
     * @return the wrapping executor service
     */
    public static ExecutorService wrap(ExecutorService executor) {
        return new ContextPropagatingExecutorService(Objects.requireNonNull(executor, "executor"));
    }

    // ----------------------------------------------------------------------------------------------- identity

    /** The application this context belongs to. */
    public ApplicationModel application() {
        return application;
    }

    /** The application's security level. */
    public SecurityLevel level() {
        return application.level();
    }

    /** Whether this is the system context, to which no entity access rule applies. */
    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /** Whether this is the context of a user who is not signed in. */
    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** Why this context denies everything, or empty when it does not. */
    public Optional<String> deniedReason() {
        return Optional.ofNullable(deniedReason);
    }

    /** The user's id; null for anonymous users, the system and contexts without a user. */
    public Object userId() {
        return user == null ? null : user.id();
    }

    /** The user's user roles; empty for the system, a context without a user and a context that denies. */
    public Set<String> userRoles() {
        return deniedReason == null && user != null ? user.userRoles() : Set.of();
    }

    /**
     * Whether the user has a user role, the value of the {@code '[%UserRole_Name%]'} token.
     *
     * @param name the user role's name
     * @return false for the system, a context without a user and a context that denies
     */
    public boolean hasUserRole(String name) {
        return userRoles().contains(name);
    }

    /**
     * The module roles the user's user roles grant, qualified with their module ({@code "Sales.User"}).
     *
     * @return empty for the system, a context without a user and a context that denies
     */
    public Set<String> moduleRoles() {
        return moduleRoles;
    }

    /**
     * Whether the user holds a module role.
     *
     * @param qualifiedModuleRole for example {@code "Sales.User"}
     * @return false for the system, a context without a user and a context that denies
     */
    public boolean hasModuleRole(String qualifiedModuleRole) {
        return moduleRoles.contains(qualifiedModuleRole);
    }

    /**
     * One of the user's attributes.
     *
     * @param name the attribute's name
     * @return its value; empty when the user has none, and for a context that denies
     */
    public Optional<Object> attribute(String name) {
        return deniedReason == null && user != null ? Optional.ofNullable(user.attributes().get(name))
                : Optional.empty();
    }

    /**
     * Whether entity access rules restrict what this context may see and do.
     *
     * @return false for the system and at levels {@code OFF} and {@code PROTOTYPE}; true at {@code PRODUCTION},
     *     and always true for a context that denies, so that it is denied at every level
     */
    public boolean enforcesDataAccess() {
        return kind != Kind.SYSTEM && (deniedReason != null || level() == SecurityLevel.PRODUCTION);
    }

    /**
     * Whether operation access (which roles may call which service) restricts this context.
     *
     * @return false for the system and at level {@code OFF}; always true for a context that denies
     */
    public boolean enforcesOperationAccess() {
        return kind != Kind.SYSTEM && (deniedReason != null || level() != SecurityLevel.OFF);
    }

    // ----------------------------------------------------------------------------------------- user management

    /**
     * Whether the user may manage users with a user role: create them, change them, and give or take away the role
     * ({@code @UserRole(manageableRoles)}; Mendix's user management).
     *
     * @param userRole a user role's name
     * @return true when one of the user's user roles may manage it, and for the system context and at security level
     *     {@code OFF}; false for an undeclared user role and for a context that denies
     * @see #explainAssign(Collection, Collection)
     */
    public boolean canManage(String userRole) {
        return ManagementDecision.decide(this, List.of(Objects.requireNonNull(userRole, "userRole")), List.of())
                .allowed();
    }

    /**
     * Whether the user may give a user the user roles {@code roles} (as their roles from now on, or in addition): only
     * when the user may manage the target (every user role the target has now is manageable) and every role to give
     * is manageable. Taking a role away needs it manageable too, which managing the target already requires.
     *
     * @param target the user to change
     * @param roles the user roles to give
     * @return the answer
     * @see #explainAssign(Collection, Collection)
     */
    public boolean canAssign(UserIdentity target, Collection<String> roles) {
        return explainAssign(Objects.requireNonNull(target, "target").userRoles(), roles).allowed();
    }

    /**
     * Whether the user may give a user with the user roles {@code targetRoles} the user roles {@code roles}; for a new
     * user, {@code targetRoles} is empty.
     *
     * @param targetRoles the user roles the target has now
     * @param roles the user roles to give
     * @return the answer
     * @see #canAssign(UserIdentity, Collection)
     */
    public boolean canAssign(Collection<String> targetRoles, Collection<String> roles) {
        return explainAssign(targetRoles, roles).allowed();
    }

    /**
     * Why the user may or may not give a user with {@code targetRoles} the user roles {@code roles}: which of the
     * user's user roles allows each role involved, or which role none of them allows.
     *
     * @param targetRoles the user roles the target has now; empty for a new user
     * @param roles the user roles to give; empty to ask whether the user may manage the target at all
     * @return the decision
     */
    public ManagementDecision explainAssign(Collection<String> targetRoles, Collection<String> roles) {
        return ManagementDecision.decide(this, targetRoles, roles);
    }

    /**
     * The user's roles in one module, as a mask of the module's role bits. Cheap after the first call for a
     * module.
     *
     * @param module the module
     * @return the mask; 0 for the system, a context without a user and a context that denies
     */
    public long rolesIn(ModuleDescriptor module) {
        if (moduleRoles.isEmpty()) {
            return 0L;
        }
        ModuleRoles[] cache = moduleRolesCache;
        for (ModuleRoles cached : cache) {
            if (cached.module == module) {
                return cached.mask;
            }
        }
        long mask = 0L;
        String prefix = module.name() + ".";
        for (String role : moduleRoles) {
            if (role.startsWith(prefix)) {
                mask |= module.bit(role.substring(prefix.length()));
            }
        }
        if (cache.length < MAX_CACHED_MODULES) {
            ModuleRoles[] grown = Arrays.copyOf(cache, cache.length + 1);
            grown[cache.length] = new ModuleRoles(module, mask);
            moduleRolesCache = grown;
        }
        return mask;
    }

    private record ModuleRoles(ModuleDescriptor module, long mask) {}

    // -------------------------------------------------------------------------------------------------- tokens

    /**
     * Whether a token has a value for this user. The built-in tokens are {@code CurrentUser} (which has no value
     * for an anonymous user) and the date-time tokens ({@link TimeToken}: {@code CurrentDateTime},
     * {@code BeginOfCurrentDay}, ...), which always have one. A
     * custom token has a value when the application declares it and the user's attribute of that name is
     * present and of the declared type. A context that denies has no token values.
     *
     * @param name the token's name, without the {@code [% %]}
     * @return true when the token has a value
     */
    public boolean hasToken(String name) {
        return tokenValue(name) != null;
    }

    /**
     * Whether all of these tokens have a value.
     *
     * @param names token names
     * @return true when each has a value (and for no names)
     * @see #hasToken(String)
     */
    public boolean hasTokens(String... names) {
        for (String name : names) {
            if (tokenValue(name) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A token's value. Check {@link #hasToken(String)} first.
     *
     * @param name the token's name
     * @param type the type of its value (a wrapper type rather than a primitive one)
     * @param <T> that type
     * @return the value
     * @throws IllegalStateException when the token has no value, or a value of another type
     */
    public <T> T token(String name, Class<T> type) {
        Object value = tokenValue(name);
        if (value == null) {
            throw new IllegalStateException("Token '" + name + "' has no value in " + this);
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException(
                    "Token '" + name + "' is a " + value.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    private Object tokenValue(String name) {
        if (deniedReason != null) {
            return null;
        }
        BuiltInToken builtIn = BuiltInToken.named(name);
        if (builtIn != null) {
            return builtIn.valueFor(this);
        }
        TimeToken time = TimeToken.named(name);
        if (time != null) {
            return dateTime(time);
        }
        Class<?> type = application.tokenTypes().get(name);
        if (type == null || user == null) {
            return null;
        }
        Object value = user.attributes().get(name);
        return type.isInstance(value) ? value : null;
    }

    /** The value of {@code '[%CurrentUser%]'}: the same as {@link #userId()}. */
    public Object currentUserId() {
        return userId();
    }

    /**
     * Sets the application's default time zone: the zone of the date-time tokens (and of the date parts) for users
     * without a {@linkplain UserIdentity#zone() zone} of their own. Without it the zone is the one the system property
     * {@value #DEFAULT_ZONE_PROPERTY} names ({@code -Dwarden.timeZone=Europe/Amsterdam}), and without that, UTC, so that
     * servers in different zones give the same answers.
     *
     * @param zone the zone, or null to go back to the property or UTC
     */
    public static void setDefaultZone(ZoneId zone) {
        explicitDefaultZone = zone;
    }

    /**
     * The application's default time zone: the one set with {@link #setDefaultZone}, else the one the system property
     * {@value #DEFAULT_ZONE_PROPERTY} names, else UTC.
     *
     * @return the zone
     * @throws IllegalStateException when the system property does not name a time zone (so that a typo never passes
     *     as UTC)
     */
    public static ZoneId defaultZone() {
        ZoneId zone = explicitDefaultZone;
        if (zone != null) {
            return zone;
        }
        String property = System.getProperty(DEFAULT_ZONE_PROPERTY);
        if (property == null || property.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(property.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("The system property " + DEFAULT_ZONE_PROPERTY + " is '" + property
                    + "', which is not a time zone: use an id such as Europe/Amsterdam or UTC", e);
        }
    }

    /**
     * The time zone of this context's date-time tokens and date parts: the user's zone; for a user without one (and
     * for anonymous users, the system and a context that denies), the zone of a clock given with
     * {@link #withClock(Clock)}, else the {@linkplain #defaultZone() application's default zone}.
     *
     * @return the zone
     */
    public ZoneId zone() {
        if (user != null && user.zone() != null) {
            return user.zone();
        }
        return clock == DEFAULT_CLOCK ? defaultZone() : clock.getZone();
    }

    /**
     * The value of {@code '[%CurrentDateTime%]'}, and the moment Warden writes into {@code @CreatedDate} and
     * {@code @ChangedDate} members: now on this context's clock (one given with {@link #withClock}, else the
     * {@linkplain #setClock application's clock}), in the context's {@linkplain #zone() zone}.
     */
    public ZonedDateTime now() {
        Clock source = clock == DEFAULT_CLOCK ? clock() : clock;
        return ZonedDateTime.ofInstant(source.instant(), zone());
    }

    /**
     * Sets the application's clock: where every context that was not given one with {@link #withClock} takes the
     * time from, for the date-time tokens of constraints and for the {@code @CreatedDate} and {@code @ChangedDate}
     * members Warden fills in. Its zone plays no part (the zone is the user's, else the
     * {@linkplain #setDefaultZone default zone}). For tests and for applications that keep time themselves.
     *
     * @param clock the clock, or null to go back to the system clock
     */
    public static void setClock(Clock clock) {
        applicationClock = clock;
    }

    /**
     * The application's clock: the one set with {@link #setClock}, else the system clock.
     *
     * @return the clock
     */
    public static Clock clock() {
        Clock set = applicationClock;
        return set != null ? set : DEFAULT_CLOCK;
    }

    /**
     * The value of a date-time token now: computed in the context's {@linkplain #zone() zone}, or in UTC for the
     * tokens whose name ends with {@code UTC}.
     *
     * @param token the token
     * @return its value
     */
    public ZonedDateTime dateTime(TimeToken token) {
        return token.at(now());
    }

    /** The value of {@code '[%BeginOfCurrentDay%]'}: midnight at the start of today, in the context's zone. */
    public ZonedDateTime beginOfCurrentDay() {
        return dateTime(TimeToken.BEGIN_OF_CURRENT_DAY);
    }

    /**
     * The value of {@code '[%EndOfCurrentDay%]'}: as in Mendix, midnight at the start of tomorrow, so that
     * "today" is {@code >= BeginOfCurrentDay and < EndOfCurrentDay}.
     */
    public ZonedDateTime endOfCurrentDay() {
        return dateTime(TimeToken.END_OF_CURRENT_DAY);
    }

    /** The kind of context, the user's id and user roles, and attribute names; never attribute values. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SecurityContext[");
        switch (kind) {
            case SYSTEM:
                text.append("system");
                break;
            case NO_USER:
                text.append("no user");
                break;
            case ANONYMOUS:
                text.append("anonymous");
                break;
            default:
                text.append("user ").append(user.id());
        }
        if (user != null) {
            text.append(", user roles ").append(user.userRoles());
            if (!user.attributes().isEmpty()) {
                text.append(", attributes ").append(user.attributes().keySet());
            }
        }
        text.append(", application ").append(application.name()).append(", level ").append(level());
        if (deniedReason != null) {
            text.append(", denies all access: ").append(deniedReason);
        }
        return text.append(']').toString();
    }
}
