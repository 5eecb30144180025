package dev.warden.spring.boot.notes;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The application's principal: a Spring Security user with the account's id and region. */
public class NotesUser extends User {
    private static final long serialVersionUID = 1L;

    private final Long id;
    private final String region;

    public NotesUser(Long id, String username, String password, String region,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.id = id;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public String getRegion() {
        return region;
    }
}
