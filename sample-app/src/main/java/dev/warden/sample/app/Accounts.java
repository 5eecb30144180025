package dev.warden.sample.app;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.data.Query;
import dev.warden.sample.ShopApplicationSecurityModel;
import dev.warden.sample.administration.Account;
import dev.warden.sample.administration.AccountPolicy;
import dev.warden.sample.administration.AccountTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signing in: finds an account by user name (in the system context, since nobody is signed in yet), checks its
 * password and makes the {@link UserIdentity} the rules see: the account's id, its user role, and its region as
 * the value of the {@code [%Region%]} token.
 *
 * <p>Passwords are stored as {@code sha256:<salt>:<hex of SHA-256("<salt>:<password>")>}. That is enough for a
 * demo whose every password is {@code demo}; a real application would use a slow password hash.
 */
public final class Accounts {
    /** The demo users, one per user role, as Mendix creates them for a prototype. Their password is "demo". */
    public static final List<String> DEMO_USERS =
            List.of("demo_administrator", "demo_salesmanager", "demo_salesrep", "demo_customer");

    /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private static final String NO_SUCH_USER = "sha256:0000000000000000:"
            + "0000000000000000000000000000000000000000000000000000000000000000";

    private final ShopDatabase database;

    public Accounts(ShopDatabase database) {
        this.database = database;
    }

    /**
     * The account with a user name.
     *
     * @param username the user name
     * @return the account, or empty
     */
    public Optional<Account> find(String username) {
        List<Account> found = database.system().list(AccountTable.TABLE,
                Query.where(AccountPolicy.Member.USERNAME, Query.Op.EQ, username));
        return found.stream().findFirst();
    }

    /**
     * Checks a user name and password.
     *
     * @param username the user name
     * @param password the password
     * @return the user, or empty when there is no such active account or the password is wrong
     */
    public Optional<UserIdentity> authenticate(String username, String password) {
        Optional<Account> account = find(username);
        boolean matches = passwordMatches(account.map(Account::getPasswordHash).orElse(NO_SUCH_USER), password);
        return account.filter(a -> matches && Boolean.TRUE.equals(a.getActive())).map(Accounts::identityOf);
    }

    /**
     * A demo user, without a password.
     *
     * @param username one of {@link #DEMO_USERS}
     * @return the user
     * @throws IllegalArgumentException when there is no such account
     */
    public UserIdentity demoUser(String username) {
        return find(username).map(Accounts::identityOf)
                .orElseThrow(() -> new IllegalArgumentException("No account '" + username + "'"));
    }

    /** The user the rules see for an account. */
    public static UserIdentity identityOf(Account account) {
        return UserIdentity.of(account.getId(), account.getUserRole()).withAttribute("Region", account.getRegion());
    }

    /** The security context of a user of the shop. */
    public static SecurityContext contextOf(UserIdentity user) {
        return SecurityContext.of(ShopApplicationSecurityModel.INSTANCE, user);
    }

    /** The security context of an anonymous visitor, who gets the user role Guest. */
    public static SecurityContext anonymous() {
        return SecurityContext.anonymousOf(ShopApplicationSecurityModel.INSTANCE);
    }

    /**
     * Whether a password matches a stored hash, in time that does not depend on where they differ.
     *
     * @param stored {@code sha256:<salt>:<hex>}
     * @param password the password given
     * @return whether it matches
     */
    static boolean passwordMatches(String stored, String password) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(parts[1] + ":" + password));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
