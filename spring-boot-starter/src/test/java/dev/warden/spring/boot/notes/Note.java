package dev.warden.spring.boot.notes;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;

/** A note: its writer changes it, writers of its region read it, everyone reads its title once it is published. */
@SecuredEntity(table = "note")
@AccessRule(roles = "Admin", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "title", access = Access.READ_WRITE), @Member(name = "body", access = Access.READ_WRITE),
                   @Member(name = "region", access = Access.READ_WRITE),
                   @Member(name = "published", access = Access.READ_WRITE)})
@AccessRule(roles = "Writer", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "title", access = Access.READ_WRITE), @Member(name = "body", access = Access.READ_WRITE),
                   @Member(name = "published", access = Access.READ_WRITE)},
        constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Writer", defaultAccess = Access.READ, constraint = "[region = '[%Region%]']")
@AccessRule(roles = "Reader", defaultAccess = Access.READ, constraint = "[published = true()]")
public class Note {
    private Long id;
    @Owner
    private Long owner;
    private String title;
    @MemberAccess(roles = "Reader", value = Access.NONE)
    private String body;
    private String region;
    private Boolean published;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getOwner() {
        return owner;
    }

    public void setOwner(Long owner) {
        this.owner = owner;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getPublished() {
        return published;
    }

    public void setPublished(Boolean published) {
        this.published = published;
    }
}
