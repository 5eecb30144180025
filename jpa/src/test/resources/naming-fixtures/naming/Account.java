package naming;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A key that is not named id: the foreign keys that reference it are named after it. */
@Entity
@SecuredEntity
@AccessRule(roles = {"Clerk", "Manager"}, defaultAccess = Access.READ)
public class Account {
    @Id
    private Long accountNumber;
    private String accountName;

    public Account() {}

    public Account(Long accountNumber, String accountName) {
        this.accountNumber = accountNumber;
        this.accountName = accountName;
    }

    public Long getAccountNumber() { return accountNumber; }
    public void setAccountNumber(Long accountNumber) { this.accountNumber = accountNumber; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
}
