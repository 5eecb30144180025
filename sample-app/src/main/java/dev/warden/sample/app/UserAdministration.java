package dev.warden.sample.app;

import dev.warden.annotations.AllowedRoles;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ManagementDecision;
import dev.warden.runtime.Operation;
import dev.warden.runtime.SecurityContext;
import dev.warden.sample.administration.Account;
import dev.warden.sample.administration.AccountPolicy;
import dev.warden.sample.administration.AccountTable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Account management, the shop's user administration: creating, changing and deleting accounts. Two checks guard it,
 * besides the access rules of {@link Account} that every write goes through:
 *
 * <ul>
 *   <li><b>operation access</b>: only administrators and user managers may run these operations at all
 *       ({@code @AllowedRoles}; this package belongs to no module, so the roles are qualified), and only
 *       administrators may delete accounts;</li>
 *   <li><b>user management</b>: a user may give an account only a user role that one of their user roles may manage,
 *       and may change or delete an account only when its user role is one of those
 *       ({@code @UserRole(manageableRoles)}): an administrator every role, a sales manager only {@code SalesRep}
 *       and {@code Customer}.</li>
 * </ul>
 *
 * <p>Each method checks its operation first, with the generated constant ({@code UserAdministrationOperations}): there
 * is no interceptor in this application, so plain Java calls the check.
 */
@AllowedRoles({"Administration.Admin", "Administration.UserManager"})
public final class UserAdministration {
    private final ShopDatabase database;

    public UserAdministration(ShopDatabase database) {
        this.database = database;
    }

    /**
     * Creates an account.
     *
     * @param ctx who is acting
     * @param account the new account, with its user role
     * @return the account as stored
     * @throws AccessDeniedException when the user may not run the operation, may not give the account its user role,
     *     or the access rules refuse the new account
     */
    public Account createAccount(SecurityContext ctx, Account account) {
        UserAdministrationOperations.CREATE_ACCOUNT.check(ctx);
        requireManagement(ctx, Operation.CREATE, List.of(), roles(account.getUserRole()));
        return database.data(ctx).insert(AccountTable.TABLE, account);
    }

    /**
     * Changes members of an account. Changing the user role needs both the old and the new role manageable; changing
     * anything else needs the account's role manageable.
     *
     * @param ctx who is acting
     * @param changes the account with its key and the new values
     * @param members the names of the members to change
     * @return the account as stored
     * @throws AccessDeniedException when the user may not run the operation or manage the account, or the access
     *     rules refuse the change
     */
    public Account updateAccount(SecurityContext ctx, Account changes, String... members) {
        UserAdministrationOperations.UPDATE_ACCOUNT.check(ctx);
        List<String> changed = Arrays.asList(members);
        requireManagement(ctx, Operation.WRITE, currentRoles(changes.getId()),
                changed.contains("userRole") ? roles(changes.getUserRole()) : List.of());
        return database.data(ctx).update(AccountTable.TABLE, changes, accountMembers(members));
    }

    /**
     * Deletes an account; only administrators may run it.
     *
     * @param ctx who is acting
     * @param id the account's key
     * @throws AccessDeniedException when the user may not run the operation or manage the account, or the access
     *     rules refuse the delete
     */
    @AllowedRoles("Administration.Admin")
    public void deleteAccount(SecurityContext ctx, long id) {
        UserAdministrationOperations.DELETE_ACCOUNT.check(ctx);
        requireManagement(ctx, Operation.DELETE, currentRoles(id), List.of());
        database.data(ctx).delete(AccountTable.TABLE, id);
    }

    private static void requireManagement(SecurityContext ctx, Operation operation, List<String> current,
            List<String> assigned) {
        ManagementDecision decision = ctx.explainAssign(current, assigned);
        if (!decision.allowed()) {
            throw new AccessDeniedException("Account", operation == Operation.WRITE && !assigned.isEmpty()
                    ? "userRole" : null, operation, decision.reason());
        }
    }

    /**
     * The account's user role as it is stored, read in the system context: the management check needs the truth,
     * whatever the user may read (the write itself then goes through the user's rules). None for an account that does
     * not exist, whose write fails as usual.
     */
    private List<String> currentRoles(Long id) {
        Optional<Account> stored = id == null ? Optional.empty() : database.system().find(AccountTable.TABLE, id);
        return stored.map(account -> roles(account.getUserRole())).orElse(List.of());
    }

    private static List<String> roles(String userRole) {
        return userRole == null ? List.of() : List.of(userRole);
    }

    /** The members of {@link Account} with these names. */
    private static EntityMember[] accountMembers(String... names) {
        return Arrays.stream(names)
                .map(name -> Arrays.stream(AccountPolicy.Member.values()).filter(m -> m.memberName().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Account has no member '" + name + "'")))
                .toArray(EntityMember[]::new);
    }
}
