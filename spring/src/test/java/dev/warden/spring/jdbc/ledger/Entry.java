package dev.warden.spring.jdbc.ledger;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ledger entry: a clerk writes their own, an auditor reads all. A JPA entity too, for the JPA tests. */
@Entity
@Table(name = "entry")
@SecuredEntity
@AccessRule(roles = "Clerk", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "memo", access = Access.READ_WRITE),
                   @Member(name = "amount", access = Access.READ_WRITE)},
        constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ)
public class Entry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Owner
    private Long owner;
    private String memo;
    private Long amount;

    public Entry() {}

    public Entry(Long id, String memo, Long amount) {
        this.id = id;
        this.memo = memo;
        this.amount = amount;
    }

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

    public String getMemo() {
        return memo;
    }

    public void setMemo(String memo) {
        this.memo = memo;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }
}
