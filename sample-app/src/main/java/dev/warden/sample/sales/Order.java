package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Calculated;
import dev.warden.annotations.ChangedBy;
import dev.warden.annotations.CreatedDate;
import dev.warden.annotations.Member;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order ({@code order} is an SQL reserved word, hence the table name).
 *
 * <ul>
 *   <li>Managers see and change every order; they may delete cancelled orders, and an administrator (the role
 *       token {@code [%UserRole_Administrator%]}) any order.</li>
 *   <li>A sales rep sees the orders of the customers they manage, through the association path
 *       {@code customer/accountManager}, and may move them along (status only) while they are fresh: created today
 *       or on one of the seven days before ({@code @CreatedDate} compared with the date token
 *       {@code [%BeginOfCurrentDay%] - 7 * [%DayLength%]}, in the user's time zone); older orders are the
 *       managers'.</li>
 *   <li>A customer creates orders for their own company ({@code @Owner} is filled in), changes and deletes them
 *       while they are drafts, and sees them all later, read-only.</li>
 * </ul>
 *
 * <p>Warden fills in the system members on every write: {@code owner} and {@code createdDate} on create,
 * {@code changedBy} on create and on every change; nobody may write them.
 */
@SecuredEntity(table = "orders")
@AccessRule(roles = "Manager", create = true, defaultAccess = Access.READ,
        members = {@Member(name = "customer", access = Access.READ_WRITE), @Member(name = "status", access = Access.READ_WRITE),
                   @Member(name = "total", access = Access.READ_WRITE), @Member(name = "note", access = Access.READ_WRITE)})
@AccessRule(roles = "Manager", delete = true, constraint = "[status = 'CANCELLED' or '[%UserRole_Administrator%]']")
@AccessRule(roles = "Rep", defaultAccess = Access.READ, constraint = "[customer/accountManager = '[%CurrentUser%]']")
// The constraint depends on 'customer', which the rule lets customers write: the write check (a new or changed
// order must still satisfy the rule) is what stops a customer from ordering for another company.
@SuppressWarnings("warden:self-widening")
@AccessRule(roles = "Customer", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "customer", access = Access.READ_WRITE), @Member(name = "note", access = Access.READ_WRITE)},
        constraint = "[owner = '[%CurrentUser%]'][status = 'DRAFT'][customer/userId = '[%CurrentUser%]']")
@AccessRule(roles = "Customer", defaultAccess = Access.READ, constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Rep", defaultAccess = Access.READ, members = @Member(name = "status", access = Access.READ_WRITE),
        constraint = "[customer/accountManager = '[%CurrentUser%]']"
                + "[createdDate >= '[%BeginOfCurrentDay%] - 7 * [%DayLength%]']")
public class Order {
    private Long id;
    private Customer customer;
    @Owner
    private Long owner;
    private OrderStatus status;
    private BigDecimal total;
    private String note;
    @CreatedDate
    private Instant createdDate;
    @ChangedBy
    private Long changedBy;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    /** The id of the account that created the order. */
    public Long getOwner() {
        return owner;
    }

    public void setOwner(Long owner) {
        this.owner = owner;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** When the order was created; Warden sets it, from the security context's clock. */
    public Instant getCreatedDate() {
        return createdDate;
    }

    public void setCreatedDate(Instant createdDate) {
        this.createdDate = createdDate;
    }

    /** The id of the account that last created or changed the order; Warden sets it. */
    public Long getChangedBy() {
        return changedBy;
    }

    public void setChangedBy(Long changedBy) {
        this.changedBy = changedBy;
    }

    /** The total with 21% VAT, computed; null when the total is unknown. */
    @Calculated
    public BigDecimal getTotalWithVat() {
        return total == null ? null : total.multiply(new BigDecimal("1.21")).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
