package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Calculated;
import dev.warden.annotations.Member;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/**
 * An order. Customers create orders and see their own; a sales rep sees the orders of the customers they
 * manage and may move them along; managers see and change everything.
 */
@SecuredEntity(table = "orders")
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "status", access = Access.READ_WRITE), @Member(name = "total", access = Access.READ_WRITE),
                   @Member(name = "note", access = Access.READ_WRITE), @Member(name = "customer", access = Access.READ_WRITE)})
@AccessRule(roles = "Rep", defaultAccess = Access.READ,
        members = @Member(name = "status", access = Access.READ_WRITE),
        constraint = "[customer/accountManager = '[%CurrentUser%]']")
@AccessRule(roles = "Customer", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "note", access = Access.READ_WRITE), @Member(name = "customer", access = Access.READ_WRITE)},
        constraint = "[owner = '[%CurrentUser%]'][status = 'DRAFT']")
@AccessRule(roles = "Customer", defaultAccess = Access.READ, constraint = "[owner = '[%CurrentUser%]']")
public class Order {
    private Long id;
    private Customer customer;
    @Owner
    private Long owner;
    private OrderStatus status = OrderStatus.DRAFT;
    private BigDecimal total = BigDecimal.ZERO;
    private String note;

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

    /** The total with 21% VAT, computed. */
    @Calculated
    public BigDecimal getTotalWithVat() {
        return total.multiply(new BigDecimal("1.21"));
    }
}
