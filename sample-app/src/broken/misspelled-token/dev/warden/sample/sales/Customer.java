package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/**
 * A customer company. Managers see and change all of them. A sales rep has two rules of different scope: all of
 * a customer they manage (and may update its contact e-mail), and only the name and region of the other
 * customers in their own region ({@code [%Region%]}, a custom token). A customer's users see their own company
 * and keep its e-mail address up to date, but not the credit limit the shop gives it.
 */
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "name", access = Access.READ_WRITE), @Member(name = "region", access = Access.READ_WRITE),
                   @Member(name = "accountManager", access = Access.READ_WRITE), @Member(name = "userId", access = Access.READ_WRITE),
                   @Member(name = "email", access = Access.READ_WRITE), @Member(name = "creditLimit", access = Access.READ_WRITE)})
@AccessRule(roles = "Rep", defaultAccess = Access.READ, members = @Member(name = "email", access = Access.READ_WRITE),
        constraint = "[accountManager = '[%CurrentUser%]']")
@AccessRule(roles = "Rep", members = {@Member(name = "id", access = Access.READ), @Member(name = "name", access = Access.READ),
                                      @Member(name = "region", access = Access.READ)},
        constraint = "[region = '[%Regoin%]']")  // expect: WARDEN-E017
@AccessRule(roles = "Customer", defaultAccess = Access.READ, members = @Member(name = "email", access = Access.READ_WRITE),
        constraint = "[userId = '[%CurrentUser%]']")
public class Customer {
    private Long id;
    private String name;
    private String region;
    private Long accountManager;
    private Long userId;
    private String email;
    @MemberAccess(roles = "Customer", value = Access.NONE)
    private BigDecimal creditLimit;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    /** The id of the account of the sales rep who manages this customer. */
    public Long getAccountManager() {
        return accountManager;
    }

    public void setAccountManager(Long accountManager) {
        this.accountManager = accountManager;
    }

    /** The id of the account the customer signs in with. */
    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }
}
