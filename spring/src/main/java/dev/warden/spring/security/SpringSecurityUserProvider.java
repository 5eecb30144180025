package dev.warden.spring.security;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.UserProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Spring Security as the source of Warden's users: on each call, the {@link Authentication} in Spring Security's
 * {@link SecurityContextHolder} becomes a Warden {@link UserIdentity}. Register it with
 * {@code SecurityContext.setUserProvider(provider)} (the Boot starter does).
 *
 * <ul>
 *   <li><b>Nobody signed in</b> (no authentication, an {@code AnonymousAuthenticationToken}, or an authentication
 *       that is not authenticated) is no user: Warden then acts as its anonymous user role, or denies everything
 *       when the application has none.</li>
 *   <li><b>The id</b> comes from {@link Builder#userId(AuthenticationValue)} (by default the authentication's name)
 *       and is converted to the application's {@code userIdType} with a Spring {@link ConversionService}.</li>
 *   <li><b>The user roles</b> come from the granted authorities: an authority {@code ROLE_Name} grants the user role
 *       {@code Name} (the prefix is {@link Builder#rolePrefix(String) configurable}), and {@link
 *       Builder#mapRole(String, String...)} names other authorities that grant a user role. Every other authority,
 *       such as Spring Security 7's {@code FACTOR_PASSWORD}, OAuth2's {@code SCOPE_read} or {@code ROLE_ANONYMOUS},
 *       or a role the application does not declare, is ignored.</li>
 *   <li><b>Custom tokens</b> come from {@link Builder#token(String, AuthenticationValue)}, converted to the token's
 *       declared type; a token whose value is absent has none, and the constraints that need it deny.</li>
 * </ul>
 *
 * <p>When someone is signed in but cannot be made a Warden user (the id is missing or cannot be converted, no
 * authority grants a user role, a token's value cannot be converted), {@link #currentUser()} throws an {@link
 * AuthenticationMappingException} that names the authentication's type and what is missing, and Warden denies
 * everything. Messages never contain a credential, a name or a value.
 *
 * <p>Immutable and thread-safe. Work handed to other threads sees the user when Spring Security's context goes
 * with it: a {@link SecurityContextTaskDecorator} on the executor, or Spring Security's
 * {@code DelegatingSecurityContext*} wrappers.
 */
public final class SpringSecurityUserProvider implements UserProvider {
    private static final Log LOG = LogFactory.getLog(SpringSecurityUserProvider.class);

    private final ApplicationModel application;
    private final AuthenticationValue userId;
    private final String rolePrefix;
    /** Authority to the user roles it grants, besides the prefix rule. */
    private final Map<String, Set<String>> mappedAuthorities;
    private final Map<String, AuthenticationValue> tokens;
    private final ConversionService conversionService;
    private final SecurityContextHolderStrategy holderStrategy;
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
    /** Token sources that did not apply to a kind of principal, warned about once each. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private SpringSecurityUserProvider(Builder builder) {
        this.application = builder.application;
        this.userId = builder.userId;
        this.rolePrefix = builder.rolePrefix;
        Map<String, Set<String>> byAuthority = new LinkedHashMap<>();
        builder.roleMapping.forEach((userRole, authorities) -> authorities.forEach(authority ->
                byAuthority.computeIfAbsent(authority, a -> new LinkedHashSet<>()).add(userRole)));
        byAuthority.replaceAll((authority, roles) -> Collections.unmodifiableSet(roles));
        this.mappedAuthorities = Collections.unmodifiableMap(byAuthority);
        this.tokens = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tokens));
        this.conversionService = builder.conversionService;
        this.holderStrategy = builder.holderStrategy;
    }

    /**
     * A provider with the defaults: the id is the authentication's name, {@code ROLE_Name} grants user role
     * {@code Name}, no custom tokens.
     *
     * @param application the application whose user roles and tokens the users get
     * @return the provider
     */
    public static SpringSecurityUserProvider of(ApplicationModel application) {
        return builder(application).build();
    }

    /**
     * Starts configuring a provider.
     *
     * @param application the application whose user roles and tokens the users get
     * @return the builder
     */
    public static Builder builder(ApplicationModel application) {
        return new Builder(application);
    }

    /**
     * The user signed in with Spring Security on this thread.
     *
     * @return the user; empty when nobody is signed in or the authentication is anonymous
     * @throws AuthenticationMappingException when someone is signed in who cannot be made a Warden user
     */
    @Override
    public Optional<UserIdentity> currentUser() {
        Authentication authentication = holderStrategy.getContext().getAuthentication();
        if (!trustResolver.isAuthenticated(authentication)) {
            return Optional.empty();
        }
        return Optional.of(userOf(authentication));
    }

    /**
     * The Warden user of an authentication that is signed in.
     *
     * @param authentication the authentication
     * @return the user
     * @throws AuthenticationMappingException when it cannot be made a Warden user
     */
    public UserIdentity userOf(Authentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        Set<String> userRoles = userRoles(authentication);
        Object id = id(authentication);
        Map<String, Object> attributes = new LinkedHashMap<>();
        tokens.forEach((token, source) -> attributes.put(token, tokenValue(authentication, token, source)));
        return new UserIdentity(id, userRoles, attributes);
    }

    private Set<String> userRoles(Authentication authentication) {
        Set<String> roles = new LinkedHashSet<>();
        List<String> authorities = new ArrayList<>();
        Collection<? extends GrantedAuthority> granted = authentication.getAuthorities();
        for (GrantedAuthority grantedAuthority : granted == null ? List.<GrantedAuthority>of() : granted) {
            String authority = grantedAuthority == null ? null : grantedAuthority.getAuthority();
            if (authority == null) {
                continue;
            }
            authorities.add(authority);
            roles.addAll(mappedAuthorities.getOrDefault(authority, Set.of()));
            if (authority.startsWith(rolePrefix)) {
                String name = authority.substring(rolePrefix.length());
                if (application.userRoles().contains(name)) {
                    roles.add(name);
                }
            }
        }
        if (roles.isEmpty()) {
            throw new AuthenticationMappingException(describe(authentication) + ": none of its granted authorities "
                    + authorities + " is a user role of " + application.name() + " " + application.userRoles()
                    + ". An authority " + rolePrefix + "Name grants the user role Name; map other authorities "
                    + "to a user role with warden.roles.<user role>=<authority>,... (mapRole in the builder)");
        }
        return roles;
    }

    private Object id(Authentication authentication) {
        AuthenticationValue.Lookup lookup = userId.read(authentication);
        if (!lookup.isFound()) {
            throw new AuthenticationMappingException(describe(authentication) + " has no user id: " + lookup.missing()
                    + ". Say where the id is with warden.user-id (name, property:<name> or claim:<name>); "
                    + "it is " + userId);
        }
        Class<?> type = application.userIdType();
        Optional<Object> converted = convert(lookup.value(), type);
        if (converted.isEmpty()) {
            throw new AuthenticationMappingException(describe(authentication) + ": its user id (" + userId + ") is "
                    + "a " + lookup.value().getClass().getName() + " that cannot be converted to " + type.getName()
                    + ", the userIdType of " + application.name() + ". Take the id from elsewhere with "
                    + "warden.user-id (name, property:<name> or claim:<name>)");
        }
        return converted.get();
    }

    private Object tokenValue(Authentication authentication, String token, AuthenticationValue source) {
        AuthenticationValue.Lookup lookup = source.read(authentication);
        if (!lookup.isFound()) {
            if (lookup.inapplicable()
                    && warned.add(token + "/" + authentication.getClass().getName() + "/" + principalType(authentication))) {
                LOG.warn("Warden token '" + token + "' (" + source + ") has no value for " + describe(authentication)
                        + ": " + lookup.missing());
            }
            return null;
        }
        Class<?> type = application.tokenTypes().get(token);
        Optional<Object> converted = convert(lookup.value(), type);
        if (converted.isEmpty()) {
            throw new AuthenticationMappingException(describe(authentication) + ": the value of token '" + token
                    + "' (" + source + ") is a " + lookup.value().getClass().getName() + " that cannot be converted to "
                    + type.getName() + ", the type @Token declares in " + application.name());
        }
        return converted.get();
    }

    /** The value as an instance of the type, or empty; a collection is never made one value. */
    private Optional<Object> convert(Object value, Class<?> type) {
        if (type.isInstance(value)) {
            return Optional.of(value);
        }
        if (value instanceof Collection || value instanceof Map || value.getClass().isArray()
                || !conversionService.canConvert(value.getClass(), type)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(conversionService.convert(value, type));
        } catch (ConversionException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "the UsernamePasswordAuthenticationToken (principal com.acme.ShopUser)": types only. */
    private static String describe(Authentication authentication) {
        String type = authentication.getClass().getSimpleName();
        return "the " + (type.isEmpty() ? authentication.getClass().getName() : type) + " (principal "
                + principalType(authentication) + ")";
    }

    private static String principalType(Authentication authentication) {
        return AuthenticationValue.typeName(authentication.getPrincipal());
    }

    @Override
    public String toString() {
        return "SpringSecurityUserProvider[application " + application.name() + ", user id " + userId
                + ", role prefix '" + rolePrefix + "', mapped authorities " + mappedAuthorities.keySet()
                + ", tokens " + tokens + "]";
    }

    /** Configures a {@link SpringSecurityUserProvider}; checks every name against the application. Not thread-safe. */
    public static final class Builder {
        private final ApplicationModel application;
        private AuthenticationValue userId = AuthenticationValue.name();
        private String rolePrefix = "ROLE_";
        private final Map<String, Set<String>> roleMapping = new LinkedHashMap<>();
        private final Map<String, AuthenticationValue> tokens = new LinkedHashMap<>();
        private ConversionService conversionService = DefaultConversionService.getSharedInstance();
        private SecurityContextHolderStrategy holderStrategy = SecurityContextHolder.getContextHolderStrategy();

        private Builder(ApplicationModel application) {
            this.application = Objects.requireNonNull(application, "application");
        }

        /**
         * Where the user id is; by default {@code name}, the authentication's name.
         *
         * @param source the source
         * @return this builder
         */
        public Builder userId(AuthenticationValue source) {
            this.userId = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The prefix of the authorities that name a user role; {@code ROLE_} by default, so that {@code
         * ROLE_Customer} grants the user role {@code Customer}. With an empty prefix, an authority that is the name
         * of a user role grants it.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder rolePrefix(String prefix) {
            this.rolePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Authorities that grant a user role, besides {@code <prefix><user role>}: {@code mapRole("Administrator",
         * "ROLE_ADMIN", "SCOPE_admin")}. Calls for the same user role add up.
         *
         * @param userRole a user role of the application
         * @param authorities authorities, such as {@code ROLE_ADMIN}, {@code SCOPE_orders:write} or {@code staff}
         * @return this builder
         * @throws IllegalArgumentException when the application has no such user role, or an authority is blank
         */
        public Builder mapRole(String userRole, String... authorities) {
            Objects.requireNonNull(userRole, "userRole");
            if (!application.userRoles().contains(userRole)) {
                throw new IllegalArgumentException("Cannot map authorities to user role '" + userRole + "': "
                        + application.name() + " has no such user role; its user roles are "
                        + application.userRoles());
            }
            Set<String> mapped = roleMapping.computeIfAbsent(userRole, role -> new LinkedHashSet<>());
            for (String authority : Arrays.asList(authorities)) {
                if (authority == null || authority.isBlank()) {
                    throw new IllegalArgumentException("An authority mapped to user role '" + userRole
                            + "' is blank");
                }
                mapped.add(authority.strip());
            }
            return this;
        }

        /**
         * Where a custom token's value is: {@code token("Region", AuthenticationValue.claim("region"))}.
         *
         * @param token a token the application declares with {@code @Token}
         * @param source the source
         * @return this builder
         * @throws IllegalArgumentException when the application declares no such token
         */
        public Builder token(String token, AuthenticationValue source) {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(source, "source");
            if (!application.tokenTypes().containsKey(token)) {
                throw new IllegalArgumentException("Cannot take token '" + token + "' from " + source + ": "
                        + application.name() + " declares no such @Token; its tokens are "
                        + application.tokenTypes().keySet());
            }
            tokens.put(token, source);
            return this;
        }

        /**
         * How ids and token values are converted to their types; {@link DefaultConversionService} by default.
         *
         * @param conversionService the conversion service
         * @return this builder
         */
        public Builder conversionService(ConversionService conversionService) {
            this.conversionService = Objects.requireNonNull(conversionService, "conversionService");
            return this;
        }

        /**
         * Where Spring Security keeps the context; {@link SecurityContextHolder#getContextHolderStrategy()} by
         * default.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder securityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
            this.holderStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * The provider.
         *
         * @return the provider
         */
        public SpringSecurityUserProvider build() {
            return new SpringSecurityUserProvider(this);
        }
    }
}
