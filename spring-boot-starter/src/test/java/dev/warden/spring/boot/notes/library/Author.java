package dev.warden.spring.boot.notes.library;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An author; books point at it, it knows nothing of them. */
@Entity
@Table(name = "author")
@SecuredEntity
@AccessRule(roles = {"Admin", "Writer", "Reader"}, create = true, delete = true, defaultAccess = Access.READ_WRITE)
public class Author extends BaseEntity {
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
