package com.acme.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;

/** Not in the README: the generalization its "Specializations" section judges. */
@SecuredEntity
@AccessRule(roles = {"Manager", "Rep"}, defaultAccess = Access.READ)
public class Doc {
    private Long id;
    private String title;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
