package dev.warden.sample.administration;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;

/**
 * A user account: the user name people sign in with, the user role it has and, for sales staff, the region the
 * {@code [%Region%]} token takes its value from. Administrators manage accounts, user managers create and change
 * them (which accounts and roles, {@code UserAdministration} decides from the manageable roles); staff see their
 * colleagues' names; everyone sees and edits part of their own account. Nobody reads the password hash through the
 * rules: only the sign-in code does, in the system context.
 */
@SecuredEntity
@AccessRule(roles = "Admin", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "username", access = Access.READ_WRITE), @Member(name = "fullName", access = Access.READ_WRITE),
                   @Member(name = "userRole", access = Access.READ_WRITE), @Member(name = "region", access = Access.READ_WRITE),
                   @Member(name = "email", access = Access.READ_WRITE), @Member(name = "active", access = Access.READ_WRITE)})
@AccessRule(roles = "UserManager", create = true, defaultAccess = Access.READ,
        members = {@Member(name = "username", access = Access.READ_WRITE), @Member(name = "fullName", access = Access.READ_WRITE),
                   @Member(name = "userRole", access = Access.READ_WRITE), @Member(name = "region", access = Access.READ_WRITE),
                   @Member(name = "email", access = Access.READ_WRITE), @Member(name = "active", access = Access.READ_WRITE)})
@AccessRule(roles = "Staff",
        members = {@Member(name = "id", access = Access.READ), @Member(name = "username", access = Access.READ),
                   @Member(name = "fullName", access = Access.READ), @Member(name = "region", access = Access.READ)})
@AccessRule(roles = "User", defaultAccess = Access.READ,
        members = {@Member(name = "fullName", access = Access.READ_WRITE), @Member(name = "email", access = Access.READ_WRITE)},
        constraint = "[id = '[%CurrentUser%]']")
public class Account {
    private Long id;
    private String username;
    private String fullName;
    private String userRole;
    private String region;
    private String email;
    private Boolean active;
    @MemberAccess(roles = {"Admin", "UserManager", "Staff", "User"}, value = Access.NONE)
    private String passwordHash;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    /** The name of the account's user role, such as {@code SalesRep}. */
    public String getUserRole() {
        return userRole;
    }

    public void setUserRole(String userRole) {
        this.userRole = userRole;
    }

    /** The sales region, the value of the {@code [%Region%]} token; null for users outside sales. */
    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    /** {@code sha256:<salt>:<hex digest>}; see {@code dev.warden.sample.app.Accounts}. */
    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
