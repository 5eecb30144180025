package dev.warden.spring.boot.notes.memos;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A memo, a JPA entity behind a Spring Data repository (module Notes, from the enclosing package): admins read,
 * write, create and delete every memo; writers their own; readers read the published ones.
 */
@Entity
@Table(name = "memo")
@SecuredEntity
@AccessRule(roles = "Admin", create = true, delete = true, defaultAccess = Access.READ_WRITE)
@AccessRule(roles = "Writer", create = true, delete = true, defaultAccess = Access.READ_WRITE,
        constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Reader", defaultAccess = Access.READ, constraint = "[published = true()]")
public class Memo {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Owner
    private Long owner;
    private String title;
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
