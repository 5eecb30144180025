package dev.warden.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Spring Security's authentications, as Spring Security makes them, through the bridge and Warden's
 * {@link SecurityContext#current()}: who is anonymous, where the id, the user roles and the tokens come from, and
 * what the errors say (never a credential, a name or a value).
 */
class SpringSecurityUserProviderTest {
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String TOKEN_VALUE = "eyJhbGciOiJub25lIn0.secret-token-value";

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
    }

    private static SecurityContext current(ApplicationModel app, SpringSecurityUserProvider provider) {
        ApplicationModel.setDefault(app);
        SecurityContext.setUserProvider(provider);
        return SecurityContext.current();
    }

    private static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static UsernamePasswordAuthenticationToken formLogin(Object principal, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, PASSWORD,
                AuthorityUtils.createAuthorityList(authorities));
    }

    private static ShopUser shopUser(Long accountId, ShopUser.Account account, String... authorities) {
        return new ShopUser("rita", PASSWORD, AuthorityUtils.createAuthorityList(authorities), accountId, account);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue(TOKEN_VALUE).header("alg", "none")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static void assertSafe(String message) {
        assertFalse(message.contains(PASSWORD), "a password in: " + message);
        assertFalse(message.contains(TOKEN_VALUE), "a token in: " + message);
        assertFalse(message.contains("rita"), "a username in: " + message);
    }

    // ------------------------------------------------------------------------------------------- anonymous

    @Test
    void nobodySignedInIsTheAnonymousUser() {
        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertTrue(ctx.isAnonymous(), ctx.toString());
        assertEquals(Set.of("Guest"), ctx.userRoles());
        assertEquals(Set.of("Sales.Guest"), ctx.moduleRoles());
    }

    @Test
    void anAnonymousAuthenticationIsTheAnonymousUser() {
        signIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertTrue(ctx.isAnonymous(), ctx.toString());
        assertEquals(Set.of("Guest"), ctx.userRoles());
    }

    @Test
    void anAuthenticationThatIsNotAuthenticatedIsNobody() {
        signIn(UsernamePasswordAuthenticationToken.unauthenticated("42", PASSWORD));

        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertTrue(ctx.isAnonymous(), ctx.toString());
    }

    @Test
    void withoutAnonymousAccessNobodySignedInIsDenied() {
        signIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        ApplicationModel app = ShopModel.withoutGuests();
        ApplicationModel.setDefault(app);
        SecurityContext.setUserProvider(SpringSecurityUserProvider.of(app));

        assertEquals(Optional.empty(), SecurityContext.currentIfPresent());
        assertThrows(AccessDeniedException.class, SecurityContext::current);
    }

    // ------------------------------------------------------------------------------------------------- ids

    @Test
    void theUsernameIsTheIdByDefaultConvertedToTheUserIdType() {
        signIn(formLogin(User.withUsername("42").password(PASSWORD).roles("SalesRep").build(), "ROLE_SalesRep"));

        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertEquals(42L, ctx.userId());
        assertEquals(Set.of("SalesRep"), ctx.userRoles());
        assertFalse(ctx.isAnonymous());
        assertEquals(Optional.empty(), ctx.deniedReason());
    }

    @Test
    void aUsernameThatIsNotAnIdIsAClearErrorAndWardenDenies() {
        signIn(formLogin(User.withUsername("rita").password(PASSWORD).roles("SalesRep").build(), "ROLE_SalesRep"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.of(ShopModel.withGuests());

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertEquals("the UsernamePasswordAuthenticationToken (principal "
                + "org.springframework.security.core.userdetails.User): its user id (name) is a java.lang.String that "
                + "cannot be converted to java.lang.Long, the userIdType of ShopApplication. Take the id from "
                + "elsewhere with warden.user-id (name, property:<name> or claim:<name>)", e.getMessage());
        assertSafe(e.getMessage());

        ApplicationModel.setDefault(ShopModel.withGuests());
        SecurityContext.setUserProvider(provider);
        assertEquals(Optional.empty(), SecurityContext.currentIfPresent(), "no fall-back to the anonymous user");
        AccessDeniedException denial = assertThrows(AccessDeniedException.class, SecurityContext::current);
        assertTrue(denial.getMessage().contains(e.getMessage()), denial.getMessage());
    }

    @Test
    void theIdIsAPropertyOfTheApplicationsPrincipal() {
        signIn(formLogin(shopUser(7L, null, "ROLE_Customer"), "ROLE_Customer"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.parse("property:accountId")).build();

        SecurityContext ctx = current(ShopModel.withGuests(), provider);

        assertEquals(7L, ctx.userId());
        assertEquals(Set.of("Customer"), ctx.userRoles());
    }

    @Test
    void aMissingPropertyIsAnErrorNamingThePrincipalsType() {
        signIn(formLogin(shopUser(7L, null, "ROLE_Customer"), "ROLE_Customer"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.parse("property:userId")).build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertEquals("the UsernamePasswordAuthenticationToken (principal dev.warden.spring.security.ShopUser) has no "
                + "user id: the principal (dev.warden.spring.security.ShopUser) has no property 'userId' (no public "
                + "getUserId(), isUserId() or userId()). Say where the id is with warden.user-id (name, "
                + "property:<name> or claim:<name>); it is property:userId", e.getMessage());
    }

    @Test
    void aNullIdIsAnError() {
        signIn(formLogin(shopUser(null, null, "ROLE_Customer"), "ROLE_Customer"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.property("accountId")).build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertTrue(e.getMessage().contains("has no user id: property 'accountId' of the principal is null"),
                e.getMessage());
    }

    @Test
    void aPropertyPathGoesThroughRecordsAndMaps() {
        ShopUser.Account account = new ShopUser.Account("North", "12", true);
        signIn(formLogin(shopUser(7L, account, "ROLE_SalesRep"), "ROLE_SalesRep"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.property("accountId"))
                .token("Region", AuthenticationValue.parse("property:account.region"))
                .token("Tenant", AuthenticationValue.parse("property:account.tenant"))
                .build();

        SecurityContext ctx = current(ShopModel.withGuests(), provider);

        assertEquals("North", ctx.token("Region", String.class));
        assertEquals(12L, ctx.token("Tenant", Long.class), "the text 12 converted to the token's Long");

        signIn(UsernamePasswordAuthenticationToken.authenticated(Map.of("id", 5L, "place", Map.of("region", "West")),
                PASSWORD, AuthorityUtils.createAuthorityList("ROLE_SalesRep")));
        SpringSecurityUserProvider onMaps = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.property("id"))
                .token("Region", AuthenticationValue.property("place.region")).build();
        SecurityContext fromMap = current(ShopModel.withGuests(), onMaps);
        assertEquals(5L, fromMap.userId());
        assertEquals("West", fromMap.token("Region", String.class));
    }

    @Test
    void otherIdTypesAreConverted() {
        UUID id = UUID.fromString("0b7e7dc4-3d4e-4d0c-9c39-3c1f43a4e2a1");
        ApplicationModel app = ApplicationModel.builder("UuidApplication").userRole("User", "Main.User")
                .userIdType(UUID.class).build();
        signIn(formLogin(User.withUsername(id.toString()).password(PASSWORD).roles("User").build(), "ROLE_User"));

        assertEquals(id, current(app, SpringSecurityUserProvider.of(app)).userId());
    }

    // ----------------------------------------------------------------------------------------------- roles

    @Test
    void authoritiesThatAreNotUserRolesAreIgnored() {
        List<GrantedAuthority> authorities = List.of(
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                AuthorityUtils.createAuthorityList("SCOPE_orders:read").get(0),
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS").get(0),
                AuthorityUtils.createAuthorityList("ROLE_Auditor").get(0),
                AuthorityUtils.createAuthorityList("SalesRep").get(0),
                AuthorityUtils.createAuthorityList("ROLE_SalesRep").get(0),
                AuthorityUtils.createAuthorityList("ROLE_Customer").get(0));
        signIn(UsernamePasswordAuthenticationToken.authenticated("42", PASSWORD, authorities));

        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertEquals(Set.of("SalesRep", "Customer"), ctx.userRoles());
        assertEquals(Set.of("Sales.Rep", "Sales.Customer"), ctx.moduleRoles());
        assertEquals(Optional.empty(), ctx.deniedReason(), "an unknown authority does not deny");
    }

    @Test
    void mappedAuthoritiesGrantUserRoles() {
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .mapRole("Administrator", "ROLE_ADMIN", "SCOPE_admin")
                .mapRole("SalesRep", "staff")
                .mapRole("Customer", "staff")
                .build();

        signIn(UsernamePasswordAuthenticationToken.authenticated("1", PASSWORD,
                AuthorityUtils.createAuthorityList("FACTOR_PASSWORD", "SCOPE_admin")));
        assertEquals(Set.of("Administrator"), current(ShopModel.withGuests(), provider).userRoles());

        signIn(UsernamePasswordAuthenticationToken.authenticated("1", PASSWORD,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "staff")));
        assertEquals(Set.of("Administrator", "SalesRep", "Customer"),
                current(ShopModel.withGuests(), provider).userRoles());
    }

    @Test
    void anotherPrefixOrNone() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("1", PASSWORD,
                AuthorityUtils.createAuthorityList("GROUP_Customer", "ROLE_SalesRep", "Administrator")));

        assertEquals(Set.of("Customer"), current(ShopModel.withGuests(), SpringSecurityUserProvider
                .builder(ShopModel.withGuests()).rolePrefix("GROUP_").build()).userRoles());
        assertEquals(Set.of("Administrator"), current(ShopModel.withGuests(), SpringSecurityUserProvider
                .builder(ShopModel.withGuests()).rolePrefix("").build()).userRoles());
    }

    @Test
    void aSignedInUserWithoutAUserRoleIsAnErrorListingTheAuthorities() {
        signIn(formLogin(User.withUsername("rita").password(PASSWORD).authorities("FACTOR_PASSWORD", "ROLE_USER")
                .build(), "FACTOR_PASSWORD", "ROLE_USER"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.of(ShopModel.withGuests());

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertEquals("the UsernamePasswordAuthenticationToken (principal "
                + "org.springframework.security.core.userdetails.User): none of its granted authorities "
                + "[FACTOR_PASSWORD, ROLE_USER] is a user role of ShopApplication [Administrator, SalesRep, Customer, "
                + "Guest]. An authority ROLE_Name grants the user role Name; map other authorities to a user role "
                + "with warden.roles.<user role>=<authority>,... (mapRole in the builder)", e.getMessage());
        assertSafe(e.getMessage());
    }

    @Test
    void anAuthenticationOfAnAnonymousClassIsNamedByItsFullName() {
        org.springframework.security.authentication.AbstractAuthenticationToken own =
                new org.springframework.security.authentication.AbstractAuthenticationToken(
                        AuthorityUtils.createAuthorityList("ROLE_USER")) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Object getCredentials() {
                        return PASSWORD;
                    }

                    @Override
                    public Object getPrincipal() {
                        return "42";
                    }
                };
        own.setAuthenticated(true);

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class,
                () -> SpringSecurityUserProvider.of(ShopModel.withGuests()).userOf(own));
        assertTrue(e.getMessage().startsWith("the " + own.getClass().getName() + " (principal java.lang.String): none "
                + "of its granted authorities [ROLE_USER]"), e.getMessage());
        assertSafe(e.getMessage());
    }

    @Test
    void rememberMeIsASignedInUser() {
        signIn(new RememberMeAuthenticationToken("key", "9", AuthorityUtils.createAuthorityList("ROLE_Customer")));

        SecurityContext ctx = current(ShopModel.withGuests(), SpringSecurityUserProvider.of(ShopModel.withGuests()));

        assertEquals(9L, ctx.userId());
        assertEquals(Set.of("Customer"), ctx.userRoles());
    }

    // --------------------------------------------------------------------------------------- JWT and OAuth2

    @Test
    void aJwtGivesTheIdAndTokensFromItsClaims() {
        Jwt jwt = jwt(Map.of("sub", "7", "user_id", 1007, "region", "North", "tenant", 12));
        signIn(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("SCOPE_orders:read",
                "ROLE_SalesRep")));
        SpringSecurityUserProvider bySubject = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .token("Region", AuthenticationValue.parse("claim:region"))
                .token("Tenant", AuthenticationValue.parse("attribute:tenant"))
                .build();

        SecurityContext ctx = current(ShopModel.withGuests(), bySubject);

        assertEquals(7L, ctx.userId(), "the name of a JwtAuthenticationToken is its subject");
        assertEquals(Set.of("SalesRep"), ctx.userRoles());
        assertEquals("North", ctx.token("Region", String.class));
        assertEquals(12L, ctx.token("Tenant", Long.class), "the Integer claim converted to the token's Long");

        SpringSecurityUserProvider byClaim = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.claim("user_id")).build();
        assertEquals(1007L, current(ShopModel.withGuests(), byClaim).userId());
    }

    @Test
    void aMissingClaimIsAnErrorForTheIdAndNoValueForAToken() {
        signIn(new JwtAuthenticationToken(jwt(Map.of("sub", "7")), AuthorityUtils.createAuthorityList("ROLE_SalesRep")));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.claim("user_id"))
                .build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertEquals("the JwtAuthenticationToken (principal org.springframework.security.oauth2.jwt.Jwt) has no "
                + "user id: the principal (org.springframework.security.oauth2.jwt.Jwt) has no claim 'user_id'. Say "
                + "where the id is with warden.user-id (name, property:<name> or claim:<name>); it is claim:user_id",
                e.getMessage());
        assertSafe(e.getMessage());

        SpringSecurityUserProvider withToken = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .token("Region", AuthenticationValue.claim("region")).build();
        SecurityContext ctx = current(ShopModel.withGuests(), withToken);
        assertFalse(ctx.hasToken("Region"));
        assertEquals(Optional.empty(), ctx.deniedReason(), "a missing token denies only where it is needed");
    }

    @Test
    void aTokenValueOfTheWrongTypeIsAnError() {
        signIn(new JwtAuthenticationToken(jwt(Map.of("sub", "7", "tenant", "acme")),
                AuthorityUtils.createAuthorityList("ROLE_SalesRep")));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .token("Tenant", AuthenticationValue.claim("tenant")).build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertEquals("the JwtAuthenticationToken (principal org.springframework.security.oauth2.jwt.Jwt): the value "
                + "of token 'Tenant' (claim:tenant) is a java.lang.String that cannot be converted to java.lang.Long, "
                + "the type @Token declares in ShopApplication", e.getMessage());
        assertFalse(e.getMessage().contains("acme"), "the value is never in the message");
    }

    @Test
    void aListIsNeverOneValue() {
        signIn(new JwtAuthenticationToken(jwt(Map.of("sub", "7", "region", List.of("North", "West"))),
                AuthorityUtils.createAuthorityList("ROLE_SalesRep")));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .token("Region", AuthenticationValue.claim("region")).build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertTrue(e.getMessage().contains("the value of token 'Region' (claim:region) is a java.util."),
                e.getMessage());
    }

    @Test
    void anOAuth2PrincipalGivesItsAttributes() {
        DefaultOAuth2AuthenticatedPrincipal principal = new DefaultOAuth2AuthenticatedPrincipal("rita",
                Map.of("user_id", "31", "region", "South"), AuthorityUtils.createAuthorityList("ROLE_Customer"));
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, TOKEN_VALUE,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"));
        signIn(new BearerTokenAuthentication(principal, token, principal.getAuthorities()));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.claim("user_id"))
                .token("Region", AuthenticationValue.claim("region")).build();

        SecurityContext ctx = current(ShopModel.withGuests(), provider);

        assertEquals(31L, ctx.userId());
        assertEquals(Set.of("Customer"), ctx.userRoles());
        assertEquals("South", ctx.token("Region", String.class));
    }

    @Test
    void aClaimOfAPrincipalWithoutClaimsIsAnErrorForTheIdAndNoValueForAToken() {
        signIn(formLogin(shopUser(7L, null, "ROLE_Customer"), "ROLE_Customer"));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.claim("sub")).build();

        AuthenticationMappingException e = assertThrows(AuthenticationMappingException.class, provider::currentUser);
        assertTrue(e.getMessage().contains("the principal (dev.warden.spring.security.ShopUser) has no claims or "
                + "attributes"), e.getMessage());

        SpringSecurityUserProvider withToken = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .userId(AuthenticationValue.property("accountId"))
                .token("Region", AuthenticationValue.claim("region")).build();
        assertFalse(current(ShopModel.withGuests(), withToken).hasToken("Region"));
    }

    // ------------------------------------------------------------------------------------ each call, anew

    @Test
    void theUserIsReadOnEachCall() {
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.of(ShopModel.withGuests());
        ApplicationModel.setDefault(ShopModel.withGuests());
        SecurityContext.setUserProvider(provider);

        signIn(new TestingAuthenticationToken("1", PASSWORD, "ROLE_Administrator"));
        assertEquals(1L, SecurityContext.current().userId());
        signIn(new TestingAuthenticationToken("2", PASSWORD, "ROLE_Customer"));
        assertEquals(2L, SecurityContext.current().userId());
        assertEquals(Set.of("Customer"), SecurityContext.current().userRoles());
        SecurityContextHolder.clearContext();
        assertTrue(SecurityContext.current().isAnonymous());
    }

    @Test
    void anotherHolderStrategyIsRead() {
        SecurityContextHolderStrategy own = new OwnHolderStrategy();
        own.setContext(new SecurityContextImpl(new TestingAuthenticationToken("5", PASSWORD, "ROLE_SalesRep")));
        SpringSecurityUserProvider provider = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .securityContextHolderStrategy(own).build();
        try {
            assertEquals(5L, current(ShopModel.withGuests(), provider).userId());
        } finally {
            own.clearContext();
        }
    }

    @Test
    void userOfMakesTheUserOfAnyAuthentication() {
        UserIdentity user = SpringSecurityUserProvider.builder(ShopModel.withGuests())
                .token("Region", AuthenticationValue.claim("region")).build()
                .userOf(new JwtAuthenticationToken(jwt(Map.of("sub", "3", "region", "North")),
                        AuthorityUtils.createAuthorityList("ROLE_SalesRep")));

        assertEquals(new UserIdentity(3L, Set.of("SalesRep"), Map.of("Region", "North")), user);
    }

    /** An application's own strategy, separate from SecurityContextHolder's. */
    private static final class OwnHolderStrategy implements SecurityContextHolderStrategy {
        private final ThreadLocal<org.springframework.security.core.context.SecurityContext> context =
                new ThreadLocal<>();

        @Override
        public void clearContext() {
            context.remove();
        }

        @Override
        public org.springframework.security.core.context.SecurityContext getContext() {
            if (context.get() == null) {
                context.set(createEmptyContext());
            }
            return context.get();
        }

        @Override
        public void setContext(org.springframework.security.core.context.SecurityContext ctx) {
            context.set(ctx);
        }

        @Override
        public org.springframework.security.core.context.SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    // --------------------------------------------------------------------------------------- configuration

    @Test
    void mappingToAnUndeclaredUserRoleIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpringSecurityUserProvider.builder(ShopModel.withGuests()).mapRole("Admin", "ROLE_ADMIN"));
        assertEquals("Cannot map authorities to user role 'Admin': ShopApplication has no such user role; its user "
                + "roles are [Administrator, SalesRep, Customer, Guest]", e.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> SpringSecurityUserProvider.builder(ShopModel.withGuests()).mapRole("Administrator", " "));
    }

    @Test
    void anUndeclaredTokenIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpringSecurityUserProvider.builder(ShopModel.withGuests()).token("Regoin",
                        AuthenticationValue.claim("region")));
        assertEquals("Cannot take token 'Regoin' from claim:region: ShopApplication declares no such @Token; its "
                + "tokens are [Region, Tenant]", e.getMessage());
    }

    @Test
    void sourcesAreReadFromText() {
        assertEquals(AuthenticationValue.name(), AuthenticationValue.parse(" name "));
        assertEquals(AuthenticationValue.property("account.id"), AuthenticationValue.parse("property:account.id"));
        assertEquals(AuthenticationValue.claim("sub"), AuthenticationValue.parse("claim:sub"));
        assertEquals(AuthenticationValue.claim("sub"), AuthenticationValue.parse("attribute: sub"));
        assertEquals("property:account.id", AuthenticationValue.parse("property:account.id").toString());
        for (String wrong : List.of("", "username", "name:x", "property:", "property:a..b", "property:1a",
                "claim:", "header:x", "claim")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AuthenticationValue.parse(wrong), wrong);
            assertTrue(e.getMessage().startsWith("'"), e.getMessage());
        }
    }
}
