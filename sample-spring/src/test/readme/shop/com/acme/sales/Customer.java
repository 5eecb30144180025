package com.acme.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;

/** Not in the README: the customer an order's Rep rule follows to its account manager. */
@SecuredEntity
@AccessRule(roles = {"Manager", "Rep", "Customer"}, defaultAccess = Access.READ)
public class Customer {
    private Long id;
    private String name;
    private Long accountManager;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getAccountManager() { return accountManager; }
    public void setAccountManager(Long accountManager) { this.accountManager = accountManager; }
}
