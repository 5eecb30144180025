package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Calculated;
import dev.warden.annotations.Member;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/**
 * A line of an order. Its rules follow the order's through two-step association paths: a sales rep sees the lines
 * of the orders of the customers they manage ({@code order/customer/accountManager}); a customer adds, changes and
 * removes lines of their own draft orders and sees the lines of all their orders. The unit price is set by the
 * shop, so it is read-only to customers.
 */
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "order", access = Access.READ_WRITE), @Member(name = "product", access = Access.READ_WRITE),
                   @Member(name = "quantity", access = Access.READ_WRITE), @Member(name = "unitPrice", access = Access.READ_WRITE)})
@AccessRule(roles = "Rep", defaultAccess = Access.READ, constraint = "[order/customer/accountManager = '[%CurrentUser%]']")
@AccessRule(roles = "Customer", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "order", access = Access.READ_WRITE), @Member(name = "product", access = Access.READ_WRITE),
                   @Member(name = "quantity", access = Access.READ_WRITE)},
        constraint = "[order/owner = '[%CurrentUser%]'][order/status = 'DRAFT']")  // expect: WARDEN-W005
@AccessRule(roles = "Customer", defaultAccess = Access.READ, constraint = "[order/owner = '[%CurrentUser%]']")
public class OrderLine {
    private Long id;
    private Order order;
    private Product product;
    private Integer quantity;
    private BigDecimal unitPrice;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Order getOrder() {
        return order;
    }

    public void setOrder(Order order) {
        this.order = order;
    }

    public Product getProduct() {
        return product;
    }

    public void setProduct(Product product) {
        this.product = product;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    /** The price of one unit, set by the shop when the order is placed; null until then. */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    /** Quantity times unit price; null while either is unknown. */
    @Calculated
    public BigDecimal getLineTotal() {
        return quantity == null || unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
