/**
 * The user accounts of the shop: who may sign in, with which user role, and (for sales staff) in which region.
 *
 * <p>Module roles: {@code Admin} manages accounts, {@code UserManager} creates and changes the accounts of the user
 * roles its holders may manage ({@code @UserRole(manageableRoles)}), {@code Staff} sees the names of colleagues and
 * customers' contacts, {@code User} sees and edits their own account.
 */
@Module(name = "Administration", roles = {"Admin", "UserManager", "Staff", "User"})
package dev.warden.sample.administration;

import dev.warden.annotations.Module;
