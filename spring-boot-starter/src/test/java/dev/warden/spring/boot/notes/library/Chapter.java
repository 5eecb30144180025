package dev.warden.spring.boot.notes.library;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A chapter of a book, reached only from the book. */
@Entity
@Table(name = "chapter")
@SecuredEntity
@AccessRule(roles = {"Admin", "Writer", "Reader"}, create = true, delete = true, defaultAccess = Access.READ_WRITE)
public class Chapter extends BaseEntity {
    private String heading;

    public String getHeading() {
        return heading;
    }

    public void setHeading(String heading) {
        this.heading = heading;
    }
}
