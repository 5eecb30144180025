package dev.warden.sample.spring;

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

/**
 * An invoice. Managers see and change everything; a clerk sees, creates and deletes their own invoices and may change
 * only their customer and note (never the amount or whether they are paid); an auditor reads paid invoices only.
 */
@Entity
@Table(name = "invoice")
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ_WRITE)
@AccessRule(roles = "Clerk", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "customer", access = Access.READ_WRITE),
                   @Member(name = "note", access = Access.READ_WRITE)},
        constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ, constraint = "[paid = true()]")
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Owner
    private Long owner;
    private String customer;
    private Long amount;
    private Boolean paid;
    private String note;

    public Invoice() {}

    public Invoice(Long owner, String customer, Long amount, Boolean paid) {
        this.owner = owner;
        this.customer = customer;
        this.amount = amount;
        this.paid = paid;
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

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public Boolean getPaid() {
        return paid;
    }

    public void setPaid(Boolean paid) {
        this.paid = paid;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
