package dev.warden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.annotations.SecurityLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Manageable user roles (Mendix's user management): a user may assign and revoke only roles that one of their user
 * roles may manage, and may change a user only when every role of that user is manageable; fail closed otherwise.
 */
class UserManagementTest extends GlobalStateReset {

    private static ApplicationModel.Builder shop(SecurityLevel level) {
        return ApplicationModel.builder("Shop").level(level)
                .userRole("Administrator", "Administration.Admin")
                .userRole("SalesManager", "Sales.Manager")
                .userRole("SalesRep", "Sales.Rep")
                .userRole("Customer", "Sales.Customer")
                .userRole("Guest", "Sales.Guest")
                .anonymousRole("Guest")
                .manageableRoles("Administrator", "Administrator", "SalesManager", "SalesRep", "Customer", "Guest")
                .manageableRoles("SalesManager", "SalesRep", "Customer");
    }

    private static final ApplicationModel SHOP = shop(SecurityLevel.PRODUCTION).build();

    private static SecurityContext user(ApplicationModel app, String... roles) {
        return SecurityContext.of(app, UserIdentity.of(1L, roles));
    }

    @Test
    void theModelKeepsTheManageableRoles() {
        assertEquals(List.of("SalesRep", "Customer"), List.copyOf(SHOP.manageableRolesOf("SalesManager")));
        assertEquals(Set.of(), SHOP.manageableRolesOf("Customer"));
        assertEquals(Set.of(), SHOP.manageableRolesOf("Nobody"));
    }

    @Test
    void theModelRefusesManageableRolesThatAreNotDeclared() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> shop(SecurityLevel.PRODUCTION).manageableRoles("SalesRep", "Customer", "Clerk").build());
        assertEquals("User role 'SalesRep' of Shop may manage 'Clerk', which is not one of its user roles"
                + " [Administrator, SalesManager, SalesRep, Customer, Guest]", unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> shop(SecurityLevel.PRODUCTION).manageableRoles("Clerk", "Customer").build());
        assertThrows(IllegalArgumentException.class,
                () -> shop(SecurityLevel.PRODUCTION).manageableRoles("SalesManager", "Customer"), "set twice");
    }

    @Test
    void aSalesManagerAssignsOnlySalesRepAndCustomer() {
        SecurityContext manager = user(SHOP, "SalesManager");
        assertTrue(manager.canManage("SalesRep"));
        assertTrue(manager.canManage("Customer"));
        assertFalse(manager.canManage("SalesManager"));
        assertFalse(manager.canManage("Administrator"));
        assertTrue(manager.canAssign(List.of(), List.of("SalesRep")), "a new sales rep");
        assertTrue(manager.canAssign(List.of("Customer"), List.of("SalesRep")), "a customer becomes a rep");
        assertFalse(manager.canAssign(List.of("SalesRep"), List.of("SalesManager")), "no promotion to manager");
        assertFalse(manager.canAssign(List.of("Administrator"), List.of("Customer")), "no demotion of an administrator");
        assertFalse(manager.canAssign(UserIdentity.of(5L, "SalesRep", "Administrator"), List.of("SalesRep")),
                "a user with one unmanageable role cannot be changed");
        assertTrue(manager.canAssign(UserIdentity.of(5L, "SalesRep"), List.of()), "change a rep without new roles");
    }

    @Test
    void anAdministratorAssignsEveryRoleAndRolesAddUp() {
        SecurityContext admin = user(SHOP, "Administrator");
        for (String role : SHOP.userRoles()) {
            assertTrue(admin.canManage(role), role);
        }
        SecurityContext both = user(SHOP, "SalesManager", "SalesRep");
        assertTrue(both.canManage("Customer"));
        assertFalse(user(SHOP, "SalesRep").canManage("Customer"), "SalesRep manages nobody");
    }

    @Test
    void theExplanationSaysWhichUserRoleAllowsOrWhichRoleIsRefused() {
        ManagementDecision allowed = user(SHOP, "SalesManager", "Administrator")
                .explainAssign(List.of("Customer"), List.of("SalesRep", "Administrator"));
        assertTrue(allowed.allowed());
        assertEquals(Map.of("Customer", "SalesManager", "SalesRep", "SalesManager", "Administrator", "Administrator"),
                allowed.allowedBy());
        assertEquals("allowed: user role SalesManager may manage Customer, SalesRep; user role Administrator may manage"
                + " Administrator", allowed.toString());
        ManagementDecision refused = user(SHOP, "SalesManager").explainAssign(List.of("Administrator"),
                List.of("SalesRep", "SalesManager"));
        assertFalse(refused.allowed());
        assertEquals(List.of("Administrator", "SalesManager"), refused.refused());
        assertEquals("denied: user roles [SalesManager] may manage only SalesRep, Customer; Administrator and"
                + " SalesManager are not among them", refused.toString());
        assertEquals("denied: user roles [SalesRep] may manage no user role; Customer is not among them",
                user(SHOP, "SalesRep").explainAssign(List.of(), List.of("Customer")).toString());
    }

    @Test
    void failsClosed() {
        assertFalse(user(SHOP, "SalesManager").canManage("Clerk"), "an undeclared user role");
        assertEquals("denied: user role 'Clerk' is not declared in @AppSecurity of Shop, and nobody may manage an"
                        + " undeclared user role",
                SecurityContext.systemOf(SHOP).explainAssign(List.of(), List.of("Clerk")).toString());
        assertFalse(user(SHOP, "SalesManager", "Ghost").canManage("Customer"), "a context that denies");
        assertFalse(user(SHOP).canManage("Customer"), "no user roles");
        assertFalse(SecurityContext.anonymousOf(SHOP).canManage("Customer"));
        assertEquals("denied: user roles [Guest] may manage no user role; Customer is not among them",
                SecurityContext.anonymousOf(SHOP).explainAssign(List.of(), List.of("Customer")).toString());
        assertFalse(ManagementDecision.decide(null, List.of(), List.of("Customer")).allowed());
        assertThrows(NullPointerException.class, () -> user(SHOP, "SalesManager").canManage(null));
    }

    @Test
    void theSystemManagesEveryoneAndOffChecksNothing() {
        assertTrue(SecurityContext.systemOf(SHOP).canAssign(List.of("Administrator"), List.of("Guest")));
        ApplicationModel off = shop(SecurityLevel.OFF).build();
        assertTrue(user(off, "Customer").canManage("Administrator"));
        assertEquals("allowed: user management is not checked at security level OFF",
                user(off, "Customer").explainAssign(List.of(), List.of("Administrator")).toString());
        assertFalse(user(off, "Customer", "Ghost").canManage("Customer"), "a context that denies, at every level");
        ApplicationModel prototype = shop(SecurityLevel.PROTOTYPE).build();
        assertFalse(user(prototype, "Customer").canManage("Administrator"), "PROTOTYPE checks it");
    }
}
