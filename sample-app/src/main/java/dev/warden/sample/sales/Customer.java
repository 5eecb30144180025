package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.SecuredEntity;

/** A customer. A sales rep sees the customers they manage and the names of all customers in their region. */
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "name", access = Access.READ_WRITE), @Member(name = "region", access = Access.READ_WRITE),
                   @Member(name = "accountManager", access = Access.READ_WRITE)})
@AccessRule(roles = "Rep", defaultAccess = Access.READ, constraint = "[accountManager = '[%CurrentUser%]']")
@AccessRule(roles = "Rep", members = @Member(name = "name", access = Access.READ), constraint = "[region = '[%Region%]']")
@AccessRule(roles = "Customer", defaultAccess = Access.READ, constraint = "[userId = '[%CurrentUser%]']")
public class Customer {
    private Long id;
    private String name;
    private String region;
    private Long accountManager;
    private Long userId;

    public Customer() {}

    public Customer(Long id, String name, String region, Long accountManager, Long userId) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.accountManager = accountManager;
        this.userId = userId;
    }

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

    public Long getAccountManager() {
        return accountManager;
    }

    public void setAccountManager(Long accountManager) {
        this.accountManager = accountManager;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }
}
