package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityContextTest {
    private final ApplicationModel app = Shop.app();

    @Test
    void aSignedInUserGetsTheModuleRolesOfTheirUserRoles() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(42L, "Administrator", "SalesRep"));

        assertEquals(Optional.empty(), ctx.deniedReason());
        assertFalse(ctx.isSystem());
        assertFalse(ctx.isAnonymous());
        assertEquals(42L, ctx.userId());
        assertEquals(Set.of("Administrator", "SalesRep"), ctx.userRoles());
        assertTrue(ctx.hasUserRole("SalesRep"));
        assertFalse(ctx.hasUserRole("Visitor"));
        assertEquals(Set.of("Sales.Manager", "Administration.Admin", "Sales.User"), ctx.moduleRoles());
        assertTrue(ctx.hasModuleRole("Administration.Admin"));
        assertEquals(Shop.MANAGER | Shop.USER, ctx.rolesIn(Shop.SALES));
        assertEquals(Shop.ADMINISTRATION.bit("Admin"), ctx.rolesIn(Shop.ADMINISTRATION));
        assertTrue(ctx.enforcesDataAccess());
        assertTrue(ctx.enforcesOperationAccess());
    }

    @Test
    void rolesInIsCachedPerModuleAndKeepsModulesApart() {
        SecurityContext ctx = Shop.rep(1);
        ModuleDescriptor sameNameOtherRoles = new ModuleDescriptor("Sales", "Guest", "User");

        assertEquals(Shop.USER, ctx.rolesIn(Shop.SALES));
        assertEquals(0L, ctx.rolesIn(Shop.ADMINISTRATION));
        assertEquals(sameNameOtherRoles.bit("User"), ctx.rolesIn(sameNameOtherRoles));
        for (int i = 0; i < 3; i++) {
            assertEquals(Shop.USER, ctx.rolesIn(Shop.SALES));
            assertEquals(0L, ctx.rolesIn(Shop.ADMINISTRATION));
        }
    }

    @Test
    void aModuleWhoseNameIsAPrefixOfAnotherGetsNoRolesFromIt() {
        ApplicationModel model = ApplicationModel.builder("App").userRole("Rep", "SalesExtra.User").build();
        SecurityContext ctx = SecurityContext.of(model, UserIdentity.of(1L, "Rep"));

        assertEquals(0L, ctx.rolesIn(Shop.SALES));
        assertEquals(1L, ctx.rolesIn(new ModuleDescriptor("SalesExtra", "User")));
    }

    @Test
    void anUndeclaredUserRoleMakesAContextThatDeniesWithAClearReason() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(42L, "SalesRep", "Admn")
                .withAttribute("Region", "North"));

        assertEquals(Optional.of("user role 'Admn' is not declared in @AppSecurity of ShopApp"), ctx.deniedReason());
        assertDeniesEverything(ctx);
        assertTrue(ctx.toString().contains("user role 'Admn' is not declared"), ctx.toString());
    }

    @Test
    void severalUndeclaredUserRolesAreAllNamed() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(42L, "Admn", "Rep"));

        assertEquals(Optional.of("user roles 'Admn', 'Rep' are not declared in @AppSecurity of ShopApp"),
                ctx.deniedReason());
    }

    @Test
    void aUserWithoutUserRolesIsDenied() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(42L));

        assertEquals(Optional.of("the user has no user roles"), ctx.deniedReason());
        assertDeniesEverything(ctx);
    }

    @Test
    void aSignedInUserWithoutIdIsDenied() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(null, "SalesRep"));

        assertTrue(ctx.deniedReason().orElseThrow().startsWith("the user has no id"), ctx.toString());
        assertDeniesEverything(ctx);
    }

    @Test
    void anIdOfTheWrongTypeIsDenied() {
        SecurityContext ctx = SecurityContext.of(app, UserIdentity.of(42, "SalesRep"));

        assertEquals(Optional.of("the user id is a java.lang.Integer, not a java.lang.Long as the userIdType of "
                + "ShopApp requires"), ctx.deniedReason());
        assertDeniesEverything(ctx);
    }

    @Test
    void aPrimitiveUserIdTypeAcceptsItsWrapper() {
        ApplicationModel model = Shop.model(SecurityLevel.PRODUCTION).userIdType(int.class).build();

        assertEquals(Optional.empty(), SecurityContext.of(model, UserIdentity.of(42, "SalesRep")).deniedReason());
    }

    @Test
    void aDenyingContextIsDeniedAtEveryLevel() {
        ApplicationModel off = Shop.model(SecurityLevel.OFF).build();
        SecurityContext ctx = SecurityContext.of(off, UserIdentity.of(42L, "Admn"));

        assertTrue(ctx.enforcesDataAccess());
        assertTrue(ctx.enforcesOperationAccess());
        assertFalse(Shop.ORDER_RULES.isVisible(ctx, Shop.Order.ownedBy(42)));
    }

    private static void assertDeniesEverything(SecurityContext ctx) {
        assertTrue(ctx.deniedReason().isPresent());
        assertEquals(0L, ctx.rolesIn(Shop.SALES));
        assertEquals(Set.of(), ctx.userRoles());
        assertFalse(ctx.hasUserRole("SalesRep"));
        assertEquals(Set.of(), ctx.moduleRoles());
        assertFalse(ctx.hasToken("Region"));
        assertFalse(ctx.hasToken("CurrentDateTime"));
        assertEquals(Optional.empty(), ctx.attribute("Region"));
        assertTrue(ctx.enforcesDataAccess());
    }

    @Test
    void anonymousUsersGetTheAnonymousRole() {
        SecurityContext ctx = SecurityContext.anonymousOf(Shop.appWithVisitors());

        assertTrue(ctx.isAnonymous());
        assertEquals(Optional.empty(), ctx.deniedReason());
        assertNull(ctx.userId());
        assertEquals(Set.of("Visitor"), ctx.userRoles());
        assertEquals(Shop.GUEST, ctx.rolesIn(Shop.SALES));
        assertFalse(ctx.hasToken("CurrentUser"), "an anonymous user has no id to compare with");
    }

    @Test
    void anonymousAccessOffMakesAContextThatDenies() {
        SecurityContext ctx = SecurityContext.anonymousOf(app);

        assertTrue(ctx.isAnonymous());
        assertEquals(Optional.of("anonymous access is off in ShopApp"), ctx.deniedReason());
        assertEquals(0L, ctx.rolesIn(Shop.SALES));
    }

    @Test
    void aUserWithoutIdAndOnlyTheAnonymousRoleIsAnonymousWithAttributes() {
        SecurityContext ctx = SecurityContext.of(Shop.appWithVisitors(),
                new UserIdentity(null, Set.of("Visitor"), Map.of("Region", "North")));

        assertTrue(ctx.isAnonymous());
        assertEquals(Optional.empty(), ctx.deniedReason());
        assertEquals("North", ctx.token("Region", String.class));
    }

    @Test
    void theSystemHoldsNoRolesButIsNotRestricted() {
        SecurityContext ctx = SecurityContext.systemOf(app);

        assertTrue(ctx.isSystem());
        assertFalse(ctx.enforcesDataAccess());
        assertFalse(ctx.enforcesOperationAccess());
        assertEquals(Optional.empty(), ctx.deniedReason());
        assertEquals(Set.of(), ctx.userRoles());
        assertNull(ctx.userId());
    }

    @Test
    void levelsDecideWhatIsEnforced() {
        SecurityContext prototype = SecurityContext.of(Shop.model(SecurityLevel.PROTOTYPE).build(),
                UserIdentity.of(1L, "SalesRep"));
        SecurityContext off = SecurityContext.of(Shop.model(SecurityLevel.OFF).build(),
                UserIdentity.of(1L, "SalesRep"));

        assertFalse(prototype.enforcesDataAccess());
        assertTrue(prototype.enforcesOperationAccess());
        assertFalse(off.enforcesDataAccess());
        assertFalse(off.enforcesOperationAccess());
    }

    @Test
    void aCustomTokenHasAValueWhenDeclaredPresentAndOfTheDeclaredType() {
        ApplicationModel model = Shop.model(SecurityLevel.PRODUCTION).token("Tenant", Long.class).build();
        UserIdentity user = UserIdentity.of(1L, "SalesRep");

        SecurityContext withValues = SecurityContext.of(model,
                user.withAttribute("Region", "North").withAttribute("Tenant", 9L).withAttribute("Undeclared", "x"));
        SecurityContext wrongType = SecurityContext.of(model, user.withAttribute("Tenant", "9"));
        SecurityContext without = SecurityContext.of(model, user);

        assertTrue(withValues.hasToken("Region"));
        assertTrue(withValues.hasTokens("Region", "Tenant"));
        assertEquals(9L, withValues.token("Tenant", Long.class));
        assertFalse(withValues.hasToken("Undeclared"), "an attribute is not a token unless declared");
        assertTrue(withValues.hasTokens());

        assertFalse(wrongType.hasToken("Tenant"), "a value of the wrong type counts as missing");
        assertFalse(without.hasToken("Region"));
        assertFalse(withValues.hasTokens("Region", "Missing"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> without.token("Region",
                String.class));
        assertTrue(e.getMessage().contains("'Region'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> withValues.token("Region", Long.class));
    }

    @Test
    void builtInTokens() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-10T15:30:00Z"), ZoneId.of("Europe/Amsterdam"));
        SecurityContext ctx = Shop.rep(42).withClock(clock);

        assertEquals(42L, ctx.currentUserId());
        assertEquals(42L, ctx.token("CurrentUser", Long.class));
        assertTrue(ctx.hasTokens("CurrentUser", "CurrentDateTime", "BeginOfCurrentDay", "EndOfCurrentDay"));
        assertEquals(ZonedDateTime.parse("2024-03-10T16:30+01:00[Europe/Amsterdam]"), ctx.now());
        assertEquals(ZonedDateTime.parse("2024-03-10T00:00+01:00[Europe/Amsterdam]"), ctx.beginOfCurrentDay());
        assertEquals(ZonedDateTime.parse("2024-03-11T00:00+01:00[Europe/Amsterdam]"), ctx.endOfCurrentDay());
        assertEquals(ctx.endOfCurrentDay(), ctx.token("EndOfCurrentDay", ZonedDateTime.class));
    }

    @Test
    void theDefaultClockIsUtc() {
        assertEquals(ZoneId.of("Z"), Shop.rep(1).now().getZone());
    }

    @Test
    void withClockKeepsEverythingElse() {
        SecurityContext ctx = Shop.rep(42, "North");
        SecurityContext copy = ctx.withClock(Clock.systemUTC());

        assertEquals(ctx.userId(), copy.userId());
        assertEquals(ctx.userRoles(), copy.userRoles());
        assertEquals("North", copy.token("Region", String.class));
        assertEquals(ctx.toString(), copy.toString());
    }

    @Test
    void attributesAreAvailableButNeverPrinted() {
        SecurityContext ctx = SecurityContext.of(app,
                UserIdentity.of(42L, "SalesRep").withAttribute("Region", "Atlantis"));

        assertEquals(Optional.of("Atlantis"), ctx.attribute("Region"));
        assertEquals(Optional.empty(), ctx.attribute("Tenant"));
        String text = ctx.toString();
        assertTrue(text.contains("user 42"), text);
        assertTrue(text.contains("SalesRep"), text);
        assertTrue(text.contains("Region"), text);
        assertFalse(text.contains("Atlantis"), text);
    }

    @Test
    void toStringSaysWhatKindOfContextItIs() {
        assertTrue(SecurityContext.systemOf(app).toString().startsWith("SecurityContext[system"));
        assertTrue(SecurityContext.anonymousOf(Shop.appWithVisitors()).toString()
                .startsWith("SecurityContext[anonymous"));
    }
}
