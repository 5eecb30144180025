package dev.warden.spring.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An application's own principal, as an application's UserDetailsService returns it. */
public class ShopUser extends User {
    private static final long serialVersionUID = 1L;

    private final Long accountId;
    private final Account account;

    public ShopUser(String username, String password, Collection<? extends GrantedAuthority> authorities,
            Long accountId, Account account) {
        super(username, password, authorities);
        this.accountId = accountId;
        this.account = account;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Account getAccount() {
        return account;
    }

    /** A record on the property path. */
    public record Account(String region, String tenant, boolean active) {}
}
