package dev.warden.sample.spring;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal: a Spring Security user with the account's id, which is Warden's user id (warden.user-id=property:id). */
public class ShopUser extends User {
    private static final long serialVersionUID = 1L;

    private final Long id;

    public ShopUser(Long id, String username, String password, Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.id = id;
    }

    public Long getId() {
        return id;
    }
}
